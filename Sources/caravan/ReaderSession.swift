import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

/// The explorer as the user runs it: presenting on a key, notes in an external editor,
/// and the reader's place, marks and notes saved so the next session starts where this
/// one ended.
///
/// Nothing here touches the disk: `update` asks for `.save` when something worth keeping
/// changed (and on the way out), and ``ReaderHost`` writes it and replies. A note is
/// shown as saved only when that reply says the file is written.
struct ReaderSession: Program {
    typealias Reply = ReaderReply

    private(set) var presenting: PresentingExplorer
    /// The state as last read or written; saves merge against it.
    private(set) var base: ReaderState
    /// Whether the reader's state is kept on disk (the explorer was made with
    /// `hostWritesNotes`).
    var keepsState: Bool { explorer.hostWritesNotes }
    /// A note on its way to disk, the text it replaces (put back if the write fails),
    /// and the editor's file it came from.
    private(set) var unsavedNote: (note: NoteSave, previous: String?, file: String?)?
    /// Whether a presentation started here is broadcast (``ReaderHost`` holds the
    /// channel); never in a served session.
    let broadcasts: Bool
    /// The presenter's status as last handed to the host to broadcast.
    private var broadcasted: PresenterStatus?

    /// - Parameters:
    ///   - explorer: made with `hostWritesNotes` when the state is kept on disk, and
    ///     `usesExternalEditor` when notes are written in the user's editor.
    ///   - state: the state as read from disk, or a fresh one.
    ///   - broadcasts: whether a presentation started here is broadcast.
    init(explorer: Explorer, state: ReaderState, broadcasts: Bool = false) {
        self.broadcasts = broadcasts
        presenting = PresentingExplorer(explorer: explorer)
        base = state
    }

    var explorer: Explorer { presenting.explorer }

    func view() -> Frame {
        presenting.view()
    }

    mutating func update(_ event: InputEvent) -> [Effect] {
        if event == .contentChanged { return [.reloadContent] }
        let before = persistentKey
        var effects = presenting.update(event)
        if broadcasts { effects += broadcastRequest(answersWait: event == .external) }
        // The built-in editor's Ctrl-S: the note goes to disk with the rest.
        if effects.contains(.save), let note = presenting.explorer.takeNoteToSave() {
            unsavedNote = (note, explorer.notes[note.id], nil)
            tell(.note(note.text, for: note.id))
        }
        effects.removeAll { $0 == .save }
        let ending = effects.contains(.quit) || event == .terminate
        if keepsState && (ending || unsavedNote != nil || persistentKey != before) {
            effects.insert(.save, at: effects.firstIndex(of: .quit) ?? effects.endIndex)
        }
        return effects
    }

    mutating func update(reply: ReaderReply) -> [Effect] {
        switch reply {
        case .saved(let state):
            base = state
            tell(
                .saved(
                    marks: ReaderSession.marks(from: base, in: explorer.model),
                    notes: ReaderSession.notes(from: base)))
            if let unsaved = unsavedNote { tell(.noteWritten(unsaved.note)) }
            unsavedNote = nil
        case .notSaved(let reason):
            guard let unsaved = unsavedNote else {
                tell(.message("Could not save your place: \(reason)"))
                return []
            }
            unsavedNote = nil
            tell(.note(unsaved.previous ?? "", for: unsaved.note.id))
            if let file = unsaved.file {
                // The text stays in its file, so nothing typed is lost.
                tell(.message("Note not saved: \(reason). Your text is in \(file)"))
            } else {
                tell(.noteNotWritten(unsaved.note, reason: reason))
            }
        case .noteEdited(let note, let file):
            guard keepsState else {
                tell(.note(note.text, for: note.id))
                tell(.message("Note kept for this session, not on disk"))
                return []
            }
            unsavedNote = (note, explorer.notes[note.id], file)
            tell(.note(note.text, for: note.id))
            return [.save]
        case .noteNotEdited(let message, let bell):
            tell(.message(message))
            return bell ? [.bell] : []
        case .reloaded(let model):
            presenting.reload(model)
        case .votes(let votes):
            presenting.receive(votes)
            return broadcastRequest(answersWait: false)
        case .broadcastRefused(let message):
            presenting.showPresenterMessage(message)
        }
        return []
    }

    /// `.broadcast` when the presenter's status changed since it was last handed over
    /// (started, moved, ended) or followers' answers wait to be brought in.
    private mutating func broadcastRequest(answersWait: Bool) -> [Effect] {
        let status = presenting.presenter?.status
        guard answersWait || status != broadcasted else { return [] }
        broadcasted = status
        return [.broadcast]
    }

    /// Passes what the host did on to the explorer, through its `update`.
    private mutating func tell(_ event: HostEvent) {
        _ = presenting.explorer.update(event)
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

    /// The explorer's reading state as a `ReaderState`, notes and marks dated `now` when
    /// changed.
    func snapshot(now: Date) -> ReaderState {
        var state = base
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
