import CaravanContent

/// The navigator's rows: groups with their counts, entities indented under them, a fold
/// mark on what folds and a dot on what was read, the current entity strong, a broken one
/// marked, the selection highlighted (dimmer when the pane is not focused).
struct NavigatorPane: Widget {
    let explorer: Explorer
    let focused: Bool
    let look: Look

    func render(in rect: Rect, into grid: inout Grid) {
        let state = explorer.state
        let rows = explorer.rows
        let theme = look.theme
        for line in 0..<rect.height {
            let index = state.navigator.offset + line
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            let y = rect.y + line
            let marker: String
            if row.hasChildren {
                marker = row.isExpanded ? look.glyphs.unfolded : look.glyphs.folded
            } else if case .entity(let id) = row.item, explorer.visited.contains(id) {
                marker = look.glyphs.visited
            } else {
                marker = " "
            }
            let indent = String(repeating: " ", count: min(row.depth * 2, max(0, rect.width / 2)))
            let (text, role) = label(row)
            let prefix = " " + indent + marker + " "
            let shown = TextFit.cut(
                text, to: max(1, rect.width - DisplayWidth.of(prefix)), mark: look.glyphs.cut)
            if index == state.navigator.selection {
                let style = theme[focused ? .selection : .selectionUnfocused]
                grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
                grid.write(prefix + shown, x: rect.x, y: y, style: style, maxWidth: rect.width)
            } else {
                grid.write(
                    prefix + shown, x: rect.x, y: y, style: theme[role], maxWidth: rect.width)
            }
        }
    }

    /// A row's text and how it is drawn.
    private func label(_ row: NavigatorTree.Row) -> (String, Role) {
        switch row.item {
        case .group(let title):
            return ("\(title) (\(row.entityCount))", .group)
        case .entity(let id):
            let model = explorer.model
            let text = model.entity(id)?.displayTitle ?? id.description
            // Marked in words a screen reader says, and in the error colour.
            if model.isBroken(id) { return ("! " + text, .error) }
            return (text, id == explorer.state.current ? .strong : .text)
        }
    }
}
