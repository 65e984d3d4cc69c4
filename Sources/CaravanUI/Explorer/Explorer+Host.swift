import CaravanContent

/// What a reader brings from an earlier session, for ``Explorer/init``: marks, notes,
/// what was read, and the history that led to where they stopped.
public struct ReadingRecord: Sendable, Hashable {
    public var marks: [Character: HistoryEntry]
    public var notes: [EntityID: String]
    public var visited: Set<EntityID>
    /// The places read, oldest first; the last is where the reader stopped. Empty starts
    /// afresh.
    public var history: [HistoryEntry]

    public init(
        marks: [Character: HistoryEntry] = [:], notes: [EntityID: String] = [:],
        visited: Set<EntityID> = [], history: [HistoryEntry] = []
    ) {
        self.marks = marks
        self.notes = notes
        self.visited = visited
        self.history = history
    }
}

/// What a host tells the explorer besides the terminal's events: what it wrote and read
/// of the reader's state, and messages. Like a key, each goes through ``Explorer/update(_:)``.
public enum HostEvent: Sendable, Hashable {
    /// The marks and notes as the host last saved them, with another session's merged in.
    case saved(marks: [Character: HistoryEntry], notes: [EntityID: String])
    /// A note's text, as edited outside the explorer; an empty text removes it.
    case note(String, for: EntityID)
    /// A line for the status bar, until the next key or click.
    case message(String)
    /// The host wrote the note the built-in editor handed over: the editor closes.
    case noteWritten(NoteSave)
    /// The host could not write it: the text stays in the editor, with the reason.
    case noteNotWritten(NoteSave, reason: String)
}

extension Explorer {
    /// Takes in what the host says.
    public mutating func update(_ event: HostEvent) -> [Effect] {
        switch event {
        case .saved(let marks, let notes):
            state.marks = marks.filter { model.contains($0.value.id) }
            setNotes(notes)
        case .note(let text, let id):
            setNote(text, for: id)
        case .message(let text):
            state.message = text
        case .noteWritten(let note):
            noteWritten(note)
        case .noteNotWritten(let note, let reason):
            noteNotWritten(note, reason: reason)
        }
        return []
    }

    /// An earlier session's reading, when the explorer starts: its marks, notes and what
    /// was read, and, unless told where to start, the place it stopped and the history
    /// that led there.
    mutating func take(_ reading: ReadingRecord, restoringPlace: Bool) {
        state.marks = reading.marks.filter { model.contains($0.value.id) }
        state.visited.formUnion(reading.visited)
        setNotes(reading.notes)
        if restoringPlace, !reading.history.isEmpty {
            restore(history: reading.history, index: reading.history.count - 1)
        }
    }
}
