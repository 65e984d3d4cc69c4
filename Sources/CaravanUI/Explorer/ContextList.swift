import CaravanContent

/// The context pane's contents: an entity's typed links and backlinks, each linked entity
/// once, grouped by the relation a reader comes for first.
///
/// The relations its kind's ``EntityKind/linkPriority`` names come first (for every kind
/// now: the cases that illustrate it, what it is part of, its parts), then the rest in
/// the order they are written. An entity linked in several ways
/// is listed under the first of them, with the others beside it.
public struct ContextList: Sendable, Hashable {
    public enum Row: Sendable, Hashable {
        case header(String)
        case entry(EntityID)
        /// A line of the reader's own note.
        case note(String)
    }

    public var rows: [Row]
    /// For each entry, how else it is linked besides the relation its group names.
    public var otherRelations: [EntityID: [String]]

    public init(for id: EntityID, in model: ContentModel, note: String? = nil) {
        // Every linked entity once, with its relations in the order they were found.
        var linked: [(id: EntityID, relations: [(label: String, rank: Int)])] = []
        func add(_ other: EntityID, _ label: String, _ rank: Int) {
            if let index = linked.firstIndex(where: { $0.id == other }) {
                if !linked[index].relations.contains(where: { $0.label == label }) {
                    linked[index].relations.append((label, rank))
                }
            } else {
                linked.append((other, [(label, rank)]))
            }
        }
        let priority = id.kind.linkPriority
        for link in model.outgoing(from: id) {
            add(link.target, link.type.label, ContextList.rank(link.type, outgoing: true, priority))
        }
        for link in model.incoming(to: id) {
            add(
                link.source, link.type.inverseLabel,
                ContextList.rank(link.type, outgoing: false, priority))
        }

        var groups: [(label: String, rank: Int, ids: [EntityID])] = []
        var others: [EntityID: [String]] = [:]
        for entry in linked {
            // The first relation of the best rank names the group (a stable sort).
            let ordered = entry.relations.enumerated().sorted {
                ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
            }.map(\.element)
            guard let primary = ordered.first else { continue }
            if ordered.count > 1 { others[entry.id] = ordered.dropFirst().map(\.label) }
            if let index = groups.firstIndex(where: { $0.label == primary.label }) {
                groups[index].ids.append(entry.id)
            } else {
                groups.append((primary.label, primary.rank, [entry.id]))
            }
        }
        groups = groups.enumerated().sorted {
            ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
        }.map(\.element)

        var rows: [Row] = []
        if let note, !note.isEmpty {
            rows.append(.header("Your note (a edits)"))
            rows += note.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
                .map { .note(String($0)) }
        }
        for group in groups {
            rows.append(.header(group.label.prefix(1).uppercased() + group.label.dropFirst()))
            rows += group.ids.map { .entry($0) }
        }
        self.rows = rows
        otherRelations = others
    }

    /// Where a relation comes in the entity's kind's ``EntityKind/linkPriority``: the
    /// relations it lists first by their place, the rest after them.
    static func rank(_ type: LinkType, outgoing: Bool, _ priority: [LinkPriority]) -> Int {
        priority.firstIndex { $0.types.contains(type) && $0.outgoing == outgoing }
            ?? priority.count
    }

    /// Indexes of rows that can be selected.
    public var entryIndexes: [Int] {
        rows.indices.filter {
            if case .entry = rows[$0] { return true }
            return false
        }
    }
}
