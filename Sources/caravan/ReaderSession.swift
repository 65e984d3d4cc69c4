import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

/// The explorer as the user runs it: presenting on a key, notes in an external editor,
/// and the reader's place, marks and notes saved so the next session starts where this
/// one ended.
struct ReaderSession: Program {
    private(set) var host: PresentingExplorer
    private let store: StateStore?
    /// The state as last read or written; saves merge against it.
    private var base: ReaderState
    /// The editor command line, split into words; nil uses the built-in editor.
    private let editor: [String]?
    /// A note being edited in the external editor: its entity and temporary file.
    private var editing: (id: EntityID, path: String)?

    init(explorer: Explorer, store: StateStore?, state: ReaderState, editor: [String]?) {
        host = PresentingExplorer(explorer: explorer)
        self.store = store
        base = state
        self.editor = editor
    }

    private var explorer: Explorer { host.explorer }

    func view(width: Int, height: Int) -> Frame {
        host.view(width: width, height: height)
    }

    mutating func update(_ event: InputEvent) -> [Effect] {
        // The backend sends a resize when the external editor has finished.
        if let edit = editing, case .resize = event {
            finishEditing(edit)
        }
        let before = persistentKey
        var effects = host.update(event)
        if let id = host.explorer.editRequest {
            host.explorer.editRequest = nil
            if let command = startEditing(id) { effects.append(.runExternal(arguments: command)) }
        }
        var written = false
        if let note = host.explorer.takeNoteToSave() {
            if let problem = write(note) {
                _ = host.explorer.update(.noteNotWritten(note, reason: problem))
            } else {
                _ = host.explorer.update(.noteWritten(note))
                written = true
            }
        }
        let ending = effects.contains(.quit) || event == .terminate
        if ending || (!written && persistentKey != before) { save() }
        return effects
    }

    /// Writes the state with `note` in it at once, so that "Note saved" means on disk;
    /// on failure the note is put back as it was and the reason returned.
    private mutating func write(_ note: NoteSave) -> String? {
        let previous = explorer.notes[note.id]
        _ = host.explorer.update(.note(note.text, for: note.id))
        do {
            try writeState()
            return nil
        } catch {
            _ = host.explorer.update(.note(previous ?? "", for: note.id))
            return "\(error)"
        }
    }

    // MARK: Notes in an external editor

    private mutating func startEditing(_ id: EntityID) -> [String]? {
        guard let editor else { return nil }
        let folder = FileManager.default.temporaryDirectory.path
        let path = folder + "/caravan-note-\(getpid())-\(id.slug).md"
        let text = explorer.notes[id] ?? ""
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            _ = host.explorer.update(.message("Cannot write a temporary file for the note"))
            return nil
        }
        editing = (id, path)
        return editor + [path]
    }

    private mutating func finishEditing(_ edit: (id: EntityID, path: String)) {
        editing = nil
        guard let data = FileManager.default.contents(atPath: edit.path) else {
            _ = host.explorer.update(.message("The note was not saved: its file is gone"))
            return
        }
        let note = NoteSave(id: edit.id, text: String(decoding: data, as: UTF8.self))
        guard store != nil else {
            try? FileManager.default.removeItem(atPath: edit.path)
            _ = host.explorer.update(.note(note.text, for: note.id))
            _ = host.explorer.update(.message("Note kept for this session, not on disk"))
            return
        }
        if let problem = write(note) {
            // The text stays in its file, so nothing typed is lost.
            _ = host.explorer.update(
                .message("Note not saved: \(problem). Your text is in \(edit.path)"))
            return
        }
        try? FileManager.default.removeItem(atPath: edit.path)
        _ = host.explorer.update(.noteWritten(note))
    }

    // MARK: Saving

    /// What a save would record that matters enough to write at once: marks, notes and
    /// the history (opening an entity); plain scrolling is saved on the way out.
    private var persistentKey: [String] {
        let marks = explorer.marks.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.id)" }
        let notes = explorer.notes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let history = explorer.state.history.map(\.id.description)
        return marks + ["|"] + notes + ["|"] + history + ["\(explorer.state.historyIndex)"]
    }

    /// The explorer's reading state as a `ReaderState`, notes and marks dated now when changed.
    private func snapshot() -> ReaderState {
        var state = base
        let now = Date()
        let current = explorer.state
        state.last = Position(id: current.current.description, scroll: current.readerScroll)
        var history = current.history
        if history.indices.contains(current.historyIndex) {
            history[current.historyIndex].scroll = current.readerScroll
        }
        state.history = history.map { Position(id: $0.id.description, scroll: $0.scroll) }
        state.visited.formUnion(explorer.visited.map(\.description))
        for (letter, entry) in explorer.marks {
            let position = Position(id: entry.id.description, scroll: entry.scroll)
            if state.mark(String(letter)) != position {
                state.setMark(String(letter), at: position, now: now)
            }
        }
        for letter in state.marks.keys where explorer.marks[Character(letter)] == nil {
            state.removeMark(letter)
        }
        for (id, text) in explorer.notes where state.note(for: id.description) != text {
            state.setNote(text, for: id.description, now: now)
        }
        for id in state.notes.keys {
            guard let entity = EntityID(id), explorer.notes[entity] == nil else { continue }
            state.deleteNote(for: id, now: now)
        }
        return state
    }

    private mutating func save() {
        guard store != nil else { return }
        do {
            try writeState()
        } catch {
            _ = host.explorer.update(.message("Could not save your place: \(error)"))
        }
    }

    /// Writes the state (atomically: the file and its folder are synced before this
    /// returns), then takes in what another session saved meanwhile.
    private mutating func writeState() throws {
        guard let store else { return }
        base = try store.save(snapshot(), base: base)
        _ = host.explorer.update(
            .saved(
                marks: ReaderSession.marks(from: base, in: explorer.model),
                notes: ReaderSession.notes(from: base)))
    }

    // MARK: Loading

    static func marks(from state: ReaderState, in model: ContentModel) -> [Character: HistoryEntry]
    {
        var marks: [Character: HistoryEntry] = [:]
        for (letter, mark) in state.marks {
            guard let character = letter.first, letter.count == 1,
                let id = EntityID(mark.position.id),
                model.contains(id)
            else { continue }
            marks[character] = HistoryEntry(id: id, scroll: mark.position.scroll)
        }
        return marks
    }

    static func notes(from state: ReaderState) -> [EntityID: String] {
        var notes: [EntityID: String] = [:]
        for (id, note) in state.notes {
            if let entity = EntityID(id) { notes[entity] = note.text }
        }
        return notes
    }

    /// A saved state as what a new explorer takes: marks, notes, visited, and the place
    /// and history it was left at (which the explorer ignores when told where to start).
    static func reading(from state: ReaderState, in model: ContentModel) -> ReadingRecord {
        var reading = ReadingRecord(
            marks: marks(from: state, in: model), notes: notes(from: state),
            visited: Set(state.visited.compactMap(EntityID.init)))
        guard let last = state.last, let lastID = EntityID(last.id) else { return reading }
        var history = state.history.compactMap { position in
            EntityID(position.id).map { HistoryEntry(id: $0, scroll: position.scroll) }
        }
        if history.last?.id != lastID {
            history.append(HistoryEntry(id: lastID, scroll: last.scroll))
        }
        history[history.count - 1].scroll = last.scroll
        reading.history = history
        return reading
    }
}
