import CaravanContent

/// The case matrix as drawn: the title and the filters' keys, the group and code headers
/// that stay in view, the rows scrolled to the cursor, the counts, the legend of the
/// cursor's column, the detail of its case, and the key to every column where there is
/// room.
struct MatrixWidget: Widget {
    let screen: MatrixScreen
    let look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let theme = look.theme
        let glyphs = look.glyphs
        let table = screen.table
        let cursorColumn = screen.cursorColumn
        var local = Grid(width: area.width, height: area.height)
        local.fill(local.bounds, style: theme[.text])
        let geometry = screen.geometry(width: area.width, height: area.height)
        var rows = screen.rows
        rows.reveal(
            rows.selection..<(rows.selection + 1), visible: geometry.body.height,
            total: table.rows.count)
        let top = rows.offset
        let drawer = MatrixDrawer(table: table, theme: theme, glyphs: glyphs)

        TitleRow(
            text: screen.title, hints: look.hints.text([.filterConnotation, .filterRegion, .open]),
            look: look
        )
        .render(in: geometry.title, into: &local)
        let layout = geometry.columns
        if !geometry.groupRow.isEmpty {
            drawer.drawGroups(&local, layout: layout, y: geometry.groupRow.y)
        }
        if !geometry.codeRow.isEmpty {
            drawer.drawCodes(&local, layout: layout, y: geometry.codeRow.y, cursor: cursorColumn)
        }
        for offset in 0..<geometry.body.height {
            let row = top + offset
            guard table.rows.indices.contains(row) else { break }
            drawer.drawRow(
                &local, layout: layout, row: row, y: geometry.body.y + offset,
                titleLines: [table.rows[row].title],
                cursor: row == rows.selection ? cursorColumn : nil)
        }
        if table.rows.isEmpty && !geometry.body.isEmpty {
            local.write(
                "No case matches the filter: " + filterKeys + " change it", x: 0,
                y: geometry.body.y, style: theme[.dim], maxWidth: area.width)
        }
        if !geometry.footer.isEmpty {
            // Right under the last row, when the rows do not fill the body.
            let rows = table.rows.isEmpty ? 1 : table.rows.count - top
            let shown = min(geometry.body.height, max(0, rows))
            drawer.drawFooter(
                &local, layout: layout, y: geometry.body.y + shown, total: table.rows.count)
        }
        ColumnLegend(table: table, column: cursorColumn, look: look)
            .render(in: geometry.legend, into: &local)
        let detail = screen.selection.flatMap { id in table.rows.first { $0.id == id } }
            .map { table.index.detail(of: $0, glyphs: glyphs) }
        DetailPanel(detail: detail, rule: false, look: look).render(
            in: geometry.detail, into: &local)
        if let key = geometry.key {
            ColumnKey(table: table, cursor: cursorColumn, look: look).render(in: key, into: &local)
        }
        grid.blit(local, x: area.x, y: area.y)
    }

    /// `f and r`: the filters' keys as bound.
    private var filterKeys: String {
        [ViewAction.filterConnotation, .filterRegion].compactMap {
            look.hints.keys[$0]?.first?.name
        }
        .joined(separator: " and ")
    }
}

/// The cursor's column named in full, with its count and where it belongs: a bar under the
/// table.
struct ColumnLegend: Widget {
    let table: MatrixTable
    let column: Int
    let look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        let cursorColumn = column
        let theme = look.theme
        let glyphs = look.glyphs
        guard !rect.isEmpty, table.columns.indices.contains(cursorColumn) else { return }
        let shown = table.columns[cursorColumn]
        let count = table.columnCounts[cursorColumn]
        let text =
            " " + shown.legend + glyphs.separator + ScreenChrome.count(count, "case")
            + glyphs.separator + shown.context
        grid.fill(
            Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme[.statusBar])
        grid.write(
            TextFit.truncate(text, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x,
            y: rect.y, style: theme[.statusBar], maxWidth: rect.width)
    }
}
