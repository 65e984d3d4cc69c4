import CaravanContent
import Foundation

/// A note saved in the built-in editor, waiting for the host to write it to disk.
public struct NoteSave: Sendable, Hashable {
    public var id: EntityID
    public var text: String

    public init(id: EntityID, text: String) {
        self.id = id
        self.text = text
    }
}

/// Saving notes written in the built-in editor. When the host keeps the reader's state
/// on disk (``Explorer/hostWritesNotes``), Ctrl-S returns `.save` with the note to take
/// (``takeNoteToSave()``), and the editor stays open until the host says it is written:
/// only then does the status say "Note saved", and if the write fails the text is still
/// in the editor.
extension Explorer {
    /// Replaces the note on an entity (an empty text removes it).
    mutating func setNote(_ text: String, for id: EntityID) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        state.notes[id] = trimmed.isEmpty ? nil : text
        if id == state.current {
            context = ContextList(for: id, in: model, note: state.notes[id])
        }
    }

    /// Replaces every note at once.
    mutating func setNotes(_ all: [EntityID: String]) {
        state.notes = all.filter {
            !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        context = ContextList(for: state.current, in: model, note: state.notes[state.current])
    }

    /// Ctrl-S in the editor: asks the host to save the note, or keeps it for the session.
    mutating func saveFromEditor(_ editor: NoteEditor, text: String, for id: EntityID) -> [Effect] {
        if hostWritesNotes {
            state.overlay = .editor(editor, id)
            noteToSave = NoteSave(id: id, text: text)
            return [.save]
        } else {
            state.overlay = nil
            setNote(text, for: id)
            state.message =
                state.notes[id] == nil
                ? "Note removed for this session" : "Note kept for this session, not on disk"
            return []
        }
    }

    /// The note Ctrl-S asked the host to write with `.save`; taking it clears it.
    public mutating func takeNoteToSave() -> NoteSave? {
        defer { noteToSave = nil }
        return noteToSave
    }

    /// The host wrote the note: the editor closes.
    mutating func noteWritten(_ note: NoteSave) {
        if case .editor(_, let id)? = state.overlay, id == note.id { state.overlay = nil }
        state.message = state.notes[note.id] == nil ? "Note removed" : "Note saved"
    }

    /// The host could not write the note: the editor stays open with the text in it.
    mutating func noteNotWritten(_ note: NoteSave, reason: String) {
        let editor = keys.editor
        let again = [
            editor.keyName(for: .save).map { "\($0) tries again" },
            editor.keyName(for: .cancel).map { "\($0) gives it up" },
        ].compactMap { $0 }
        state.message =
            "Note not saved: \(reason)"
            + (again.isEmpty ? "" : ". " + again.joined(separator: ", "))
    }
}
