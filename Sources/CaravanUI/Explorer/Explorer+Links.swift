import CaravanContent

/// The Links pane (``Pane/context``): the current entity's links and backlinks, grouped;
/// only entries are selected, never the group headings.
extension Explorer {
    mutating func contextMove(_ motion: Motion, count: Int) {
        let entries = context.entryIndexes
        guard !entries.isEmpty else { return }
        let position = entries.firstIndex(of: state.context.selection) ?? 0
        let target = motion.target(
            from: position, count: count, paging: .list(visible: visibleRows(.context) - 1),
            last: entries.count - 1)
        state.context.selection = entries[min(max(0, target), entries.count - 1)]
        keepContextSelectionVisible()
    }

    /// Enter in the Links pane opens the selected entry.
    mutating func contextOpen() {
        guard context.rows.indices.contains(state.context.selection),
            case .entry(let id) = context.rows[state.context.selection]
        else { return }
        open(id, pushing: true)
    }

    /// Keeps the selection on an entry and in sight, with the heading above the first
    /// entry of a group.
    mutating func keepContextSelectionVisible() {
        let entries = context.entryIndexes
        if !entries.contains(state.context.selection) {
            state.context.selection = entries.first ?? 0
        }
        state.context.keepVisible(
            visible: visibleRows(.context), total: context.rows.count, above: 1)
    }
}
