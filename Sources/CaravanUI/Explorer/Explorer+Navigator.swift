import CaravanContent

/// The navigator pane: the tree of the content, folding, and previewing the selected
/// entity in the reader.
extension Explorer {
    mutating func navigatorMove(_ motion: Motion, count: Int) {
        let visible = visibleRows(.navigator)
        selectRow(
            motion.target(
                from: state.navigator.selection, count: count, paging: .list(visible: visible),
                last: rows.count - 1))
    }

    /// Enter on a group folds or unfolds it; on an entity, opens it in the reader.
    mutating func navigatorOpen() {
        guard rows.indices.contains(state.navigator.selection) else { return }
        switch rows[state.navigator.selection].item {
        case .group: toggleSelectedRow()
        case .entity(let id):
            open(id, pushing: true)
            setFocus(.reader)
        }
    }

    /// Selects a row (clamped to the tree); moving through the tree previews the entity in
    /// the reader.
    mutating func selectRow(_ index: Int) {
        guard !rows.isEmpty else { return }
        state.navigator.select(index, visible: visibleRows(.navigator), total: rows.count)
        if case .entity(let id) = rows[state.navigator.selection].item, id != state.current {
            show(id)
        }
    }

    mutating func rebuildRows() {
        rows = tree.rows(collapsed: state.collapsed)
        keepNavigatorSelectionVisible()
    }

    mutating func toggleSelectedRow() {
        guard rows.indices.contains(state.navigator.selection) else { return }
        let row = rows[state.navigator.selection]
        guard row.hasChildren else { return }
        if state.collapsed.contains(row.key) {
            state.collapsed.remove(row.key)
        } else {
            state.collapsed.insert(row.key)
        }
        rebuildRows()
    }

    mutating func keepNavigatorSelectionVisible() {
        state.navigator.keepVisible(visible: visibleRows(.navigator), total: rows.count)
    }

    /// Unfolds the groups above `id` and selects its row, a third of the way down when it
    /// was off screen.
    mutating func revealInNavigator(_ id: EntityID, expand: Bool = true) {
        if expand, let ancestors = tree.ancestors(of: id) {
            let before = state.collapsed
            state.collapsed.subtract(ancestors)
            if before != state.collapsed { rows = tree.rows(collapsed: state.collapsed) }
        }
        if let index = rows.firstIndex(where: { $0.item == .entity(id) }) {
            state.navigator.selection = index
            state.navigator.land(on: index, visible: visibleRows(.navigator), total: rows.count)
        }
        keepNavigatorSelectionVisible()
    }
}
