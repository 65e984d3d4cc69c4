import CaravanContent

/// The Links pane's rows: group headings, the reader's note, and each linked entity with
/// how else it is linked (dim) when there is room; the selection highlighted when the
/// pane is focused.
struct LinksPane: Widget {
    let explorer: Explorer
    let focused: Bool
    let look: Look

    func render(in rect: Rect, into grid: inout Grid) {
        let rows = explorer.context.rows
        let theme = look.theme
        if rows.isEmpty {
            grid.write(" No links", x: rect.x, y: rect.y, style: theme[.dim], maxWidth: rect.width)
            return
        }
        let state = explorer.state
        for line in 0..<rect.height {
            let index = state.context.offset + line
            guard rows.indices.contains(index) else { break }
            let y = rect.y + line
            switch rows[index] {
            case .header(let label):
                grid.write(" " + label, x: rect.x, y: y, style: theme[.group], maxWidth: rect.width)
            case .note(let line):
                grid.write(
                    "   " + line, x: rect.x, y: y, style: theme[.quote], maxWidth: rect.width)
            case .entry(let id):
                LinkEntry(
                    title: explorer.model.entity(id)?.displayTitle ?? id.description,
                    others: explorer.context.otherRelations[id] ?? [],
                    selected: index == state.context.selection && focused, look: look
                )
                .render(in: Rect(x: rect.x, y: y, width: rect.width, height: 1), into: &grid)
            }
        }
    }
}

/// One entry of the Links pane: a linked entity's title first, how else it is linked
/// (dim) in what is left, if enough is.
private struct LinkEntry: Widget {
    let title: String
    let others: [String]
    let selected: Bool
    let look: Look

    func render(in row: Rect, into grid: inout Grid) {
        let theme = look.theme
        let title = Sanitizer.visible(self.title)
        let room = max(1, row.width - 3)
        let also = others.isEmpty ? "" : look.glyphs.separator + others.joined(separator: ", ")
        let titleWidth = DisplayWidth.of(title)
        let shownTitle = TextFit.cut(
            title, to: titleWidth + 8 <= room ? titleWidth : room, mark: look.glyphs.cut)
        let left = room - DisplayWidth.of(shownTitle)
        let shownAlso =
            also.isEmpty || left < 8 ? "" : TextFit.cut(also, to: left, mark: look.glyphs.cut)
        if selected { grid.fill(row, style: theme[.selection]) }
        let used = grid.write(
            "   " + shownTitle, x: row.x, y: row.y, style: theme[selected ? .selection : .text],
            maxWidth: row.width)
        grid.write(
            shownAlso, x: row.x + used, y: row.y, style: theme[selected ? .selection : .dim],
            maxWidth: row.width - used)
    }
}
