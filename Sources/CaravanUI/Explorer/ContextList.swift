import CaravanContent

/// The context pane's contents: an entity's typed links and backlinks, grouped by how they read.
public struct ContextList: Sendable, Hashable {
    public enum Row: Sendable, Hashable {
        case header(String)
        case entry(EntityID)
        /// A line of the reader's own note.
        case note(String)
    }

    public var rows: [Row]

    public init(for id: EntityID, in model: ContentModel, note: String? = nil) {
        var groups: [(label: String, ids: [EntityID])] = []
        func add(_ label: String, _ id: EntityID) {
            if let index = groups.firstIndex(where: { $0.label == label }) {
                if !groups[index].ids.contains(id) { groups[index].ids.append(id) }
            } else {
                groups.append((label, [id]))
            }
        }
        for link in model.outgoing(from: id) { add(link.type.label, link.target) }
        for link in model.incoming(to: id) { add(link.type.inverseLabel, link.source) }
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
    }

    /// Indexes of rows that can be selected.
    public var entryIndexes: [Int] {
        rows.indices.filter {
            if case .entry = rows[$0] { return true }
            return false
        }
    }
}
