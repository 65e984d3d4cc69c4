import Foundation

/// A place in the content: an entity and how far down it the reader had scrolled.
public struct Position: Codable, Hashable, Sendable {
    /// The entity's id, e.g. `case/almaty-silk-road-brand`.
    public var id: String
    /// The first visible line of the reader.
    public var scroll: Int

    public init(id: String, scroll: Int = 0) {
        self.id = id
        self.scroll = scroll
    }
}

/// A value that remembers when it last changed, so that two writers can be merged by
/// keeping the newer change.
public protocol Timestamped {
    var updated: Date { get }
}

/// A position saved under a letter (`m`x sets it, `'`x returns to it).
public struct Mark: Codable, Hashable, Sendable, Timestamped {
    public var position: Position
    public var updated: Date

    public init(position: Position, updated: Date) {
        self.position = position
        self.updated = updated
    }
}

/// A reader's note on an entity. Empty text means the note was deleted: the entry is
/// kept (a tombstone) so that a merge with an older copy does not bring the note back.
public struct Annotation: Codable, Hashable, Sendable, Timestamped {
    public var text: String
    public var updated: Date

    public init(text: String, updated: Date) {
        self.text = text
        self.updated = updated
    }

    /// Whether this entry only records that the note was deleted.
    public var isDeleted: Bool { text.isEmpty }
}

/// Everything remembered about one reader and one content: where they were, where they
/// went, what they saw, their marks and their notes.
public struct ReaderState: Codable, Hashable, Sendable {
    /// The format version this code writes; files of another version are not read.
    public static let currentVersion = 1
    /// How many history entries are kept; older ones are dropped first.
    public static let historyLimit = 200

    public var version: Int
    /// The content this state belongs to (`ContentModel.identity`).
    public var contentIdentity: String
    /// Where the reader was when they last left.
    public var last: Position?
    /// Entities opened, oldest first.
    public var history: [Position]
    /// Ids of entities the reader has opened.
    public var visited: Set<String>
    /// Marks by letter.
    public var marks: [String: Mark]
    /// Notes by entity id, tombstones included.
    public var annotations: [String: Annotation]
    /// Where the presenter was in each deck, by the deck's id.
    public var presentations: [String: PresenterPlace] = [:]

    public init(
        contentIdentity: String, last: Position? = nil, history: [Position] = [],
        visited: Set<String> = [], marks: [String: Mark] = [:],
        annotations: [String: Annotation] = [:]
    ) {
        self.version = ReaderState.currentVersion
        self.contentIdentity = contentIdentity
        self.last = last
        self.history = history
        self.visited = visited
        self.marks = marks
        self.annotations = annotations
    }

    private enum CodingKeys: String, CodingKey {
        case version, contentIdentity, last, history, visited, marks, annotations, presentations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        contentIdentity = try container.decode(String.self, forKey: .contentIdentity)
        last = try container.decodeIfPresent(Position.self, forKey: .last)
        history = try container.decodeIfPresent([Position].self, forKey: .history) ?? []
        visited = try container.decodeIfPresent(Set<String>.self, forKey: .visited) ?? []
        marks = try container.decodeIfPresent([String: Mark].self, forKey: .marks) ?? [:]
        annotations =
            try container.decodeIfPresent([String: Annotation].self, forKey: .annotations) ?? [:]
        presentations =
            try container.decodeIfPresent([String: PresenterPlace].self, forKey: .presentations)
            ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(contentIdentity, forKey: .contentIdentity)
        try container.encodeIfPresent(last, forKey: .last)
        try container.encode(history, forKey: .history)
        // Sorted, so that the same state always writes the same bytes.
        try container.encode(visited.sorted(), forKey: .visited)
        try container.encode(marks, forKey: .marks)
        try container.encode(annotations, forKey: .annotations)
        // Left out when empty, so a reader who never presents writes what they always did.
        if !presentations.isEmpty { try container.encode(presentations, forKey: .presentations) }
    }
}

// MARK: - Editing

extension ReaderState {
    /// The position saved under `letter`.
    public func mark(_ letter: String) -> Position? {
        marks[letter]?.position
    }

    /// Saves `position` under `letter`.
    public mutating func setMark(_ letter: String, at position: Position, now: Date = Date()) {
        marks[letter] = Mark(position: position, updated: now)
    }

    /// Forgets the mark under `letter`.
    public mutating func removeMark(_ letter: String) {
        marks[letter] = nil
    }

    /// The note on an entity; nil when there is none or it was deleted.
    public func note(for id: String) -> String? {
        guard let annotation = annotations[id], !annotation.isDeleted else { return nil }
        return annotation.text
    }

    /// The notes that are not deleted, by entity id.
    public var notes: [String: Annotation] {
        annotations.filter { !$0.value.isDeleted }
    }

    /// Writes the note on an entity; empty text deletes it.
    public mutating func setNote(_ text: String, for id: String, now: Date = Date()) {
        annotations[id] = Annotation(text: text, updated: now)
    }

    /// Deletes the note on an entity, leaving a tombstone for merging.
    public mutating func deleteNote(for id: String, now: Date = Date()) {
        guard annotations[id] != nil else { return }
        annotations[id] = Annotation(text: "", updated: now)
    }

    /// Records that the reader opened `position`: history, visited and last place.
    public mutating func open(_ position: Position) {
        history.append(position)
        if history.count > ReaderState.historyLimit {
            history.removeFirst(history.count - ReaderState.historyLimit)
        }
        visited.insert(position.id)
        last = position
    }
}

// MARK: - Merging

extension ReaderState {
    /// Combines this process's state (`ours`) with what another process wrote
    /// (`theirs`), given the state both started from (`base`).
    ///
    /// - Marks and notes, key by key: a side that did not change an entry since `base`
    ///   takes the other side's entry (so a deletion on one side is kept); when both
    ///   changed it, the newer `updated` wins, ties going to ours; a change beats a
    ///   deletion, which carries no time. Deleted notes are tombstones, so they take
    ///   part like any other note.
    /// - Where the presenter was in each deck: as marks and notes.
    /// - Visited: ours plus whatever the other side added since `base`.
    /// - Last position and history: ours.
    ///
    /// With an empty `base` this is "newest wins" for every entry and a union of the
    /// visited sets.
    public static func merged(ours: ReaderState, theirs: ReaderState, base: ReaderState)
        -> ReaderState
    {
        var result = ours
        result.marks = mergeEntries(ours: ours.marks, theirs: theirs.marks, base: base.marks)
        result.annotations = mergeEntries(
            ours: ours.annotations, theirs: theirs.annotations, base: base.annotations)
        result.visited = ours.visited.union(theirs.visited.subtracting(base.visited))
        result.presentations = mergeEntries(
            ours: ours.presentations, theirs: theirs.presentations, base: base.presentations)
        return result
    }

    static func mergeEntries<Value: Timestamped & Equatable>(
        ours: [String: Value], theirs: [String: Value], base: [String: Value]
    ) -> [String: Value] {
        var result: [String: Value] = [:]
        let keys = Set(ours.keys).union(theirs.keys).union(base.keys)
        for key in keys {
            let mine = ours[key]
            let other = theirs[key]
            let original = base[key]
            let chosen: Value?
            if mine == original {
                chosen = other
            } else if other == original {
                chosen = mine
            } else if let mine, let other {
                chosen = other.updated > mine.updated ? other : mine
            } else {
                chosen = mine ?? other
            }
            if let chosen { result[key] = chosen }
        }
        return result
    }
}

// MARK: - Entities that went away

extension ReaderState {
    /// Drops every entry that points at an entity not in `existing`; the warning says
    /// how many went. Deleted notes go silently.
    public func droppingMissing(existing: Set<String>) -> (state: ReaderState, warnings: [String]) {
        var state = self
        var counts: [(count: Int, noun: String)] = []

        if let last, !existing.contains(last.id) {
            state.last = nil
        }
        let history = state.history.filter { existing.contains($0.id) }
        counts.append((state.history.count - history.count, "history entry"))
        state.history = history

        let visited = state.visited.intersection(existing)
        counts.append((state.visited.count - visited.count, "visited entity"))
        state.visited = visited

        let marks = state.marks.filter { existing.contains($0.value.position.id) }
        counts.append((state.marks.count - marks.count, "mark"))
        state.marks = marks

        let annotations = state.annotations.filter { existing.contains($0.key) }
        let droppedNotes = state.annotations.filter {
            !existing.contains($0.key) && !$0.value.isDeleted
        }
        counts.append((droppedNotes.count, "note"))
        state.annotations = annotations
        // A deck that went takes its place with it, silently: there is nothing to return to.
        state.presentations = state.presentations.filter { existing.contains($0.key) }

        let dropped = counts.filter { $0.count > 0 }
        guard !dropped.isEmpty else { return (state, []) }
        let total = dropped.reduce(0) { $0 + $1.count }
        let parts = dropped.map { "\($0.count) \(plural($0.noun, $0.count))" }
        let warning =
            "dropped \(total) saved \(total == 1 ? "entry" : "entries") for entities that "
            + "no longer exist (\(parts.joined(separator: ", ")))"
        return (state, [warning])
    }
}

private func plural(_ noun: String, _ count: Int) -> String {
    guard count != 1 else { return noun }
    return noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
}
