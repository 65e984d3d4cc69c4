import CaravanContent

/// Draws the parts of the case matrix: group and code headers, rows, column counts and
/// the key to the columns.
struct MatrixDrawer {
    let table: MatrixTable
    let theme: Theme
    let glyphs: Glyphs

    private var vertical: String { String(glyphs.box.vertical) }

    private func drawSeparators(_ grid: inout Grid, layout: MatrixColumnLayout, y: Int) {
        for x in layout.separators + [layout.countX] {
            grid.write(vertical, x: x, y: y, style: theme[.border], maxWidth: 1)
        }
    }

    /// Each connotation's title over its columns.
    func drawGroups(_ grid: inout Grid, layout: MatrixColumnLayout, y: Int) {
        drawSeparators(&grid, layout: layout, y: y)
        for (position, entry) in layout.visible.enumerated()
        where position == 0 || table.startsGroup(entry.column) {
            let group = table.columns[entry.column].group
            let span = layout.visible[position...].prefix {
                table.columns[$0.column].group == group
            }
            let width = span.count * MatrixColumnLayout.cellWidth
            var title = table.index.connotations[group].title
            if TextFit.width(title) > width, let word = title.split(separator: " ").first {
                title = String(word)
            }
            grid.write(
                TextFit.truncate(title, to: width, ellipsis: glyphs.ellipsis), x: entry.x, y: y,
                style: theme[.heading], maxWidth: width)
        }
    }

    /// "Case", the columns' short codes and "n".
    func drawCodes(_ grid: inout Grid, layout: MatrixColumnLayout, y: Int, cursor: Int?) {
        drawSeparators(&grid, layout: layout, y: y)
        grid.write(
            "Case", x: 0, y: y, style: theme[.heading], maxWidth: max(0, layout.rowHeaderWidth - 1))
        for entry in layout.visible {
            let column = table.columns[entry.column]
            let style = theme[entry.column == cursor ? .selection : .heading]
            let cell = Rect(x: entry.x, y: y, width: MatrixColumnLayout.cellWidth, height: 1)
            if entry.column == cursor { grid.fill(cell, style: style) }
            grid.write(
                TextFit.truncate(column.label, to: 2, ellipsis: ""), x: entry.x + 1, y: y,
                style: style, maxWidth: 2)
        }
        grid.write(
            TextFit.rightAligned("n", to: layout.countWidth, ellipsis: ""), x: layout.countX + 1,
            y: y, style: theme[.heading], maxWidth: layout.countWidth)
    }

    /// One case: its title (on as many lines as given), its marks and its count.
    func drawRow(
        _ grid: inout Grid, layout: MatrixColumnLayout, row: Int, y: Int, titleLines: [String],
        cursor: Int?
    ) {
        let rowHeader = max(0, layout.rowHeaderWidth - 1)
        for offset in titleLines.indices {
            drawSeparators(&grid, layout: layout, y: y + offset)
            let line = TextFit.truncate(
                titleLines[offset], to: rowHeader, ellipsis: glyphs.ellipsis)
            grid.write(line, x: 0, y: y + offset, style: theme[.text], maxWidth: rowHeader)
        }
        if cursor != nil {
            grid.restyle(Rect(x: 0, y: y, width: rowHeader, height: 1)) { $0 = theme[.selection] }
        }
        for entry in layout.visible {
            let marked = table.isMarked(row: row, column: entry.column)
            let cell = Rect(x: entry.x, y: y, width: MatrixColumnLayout.cellWidth, height: 1)
            let selected = entry.column == cursor
            if selected { grid.fill(cell, style: theme[.selection]) }
            let role: Role = selected ? .selection : (marked ? .strong : .dim)
            grid.write(
                marked ? glyphs.mark : glyphs.blank, x: entry.x + 1,
                y: y, style: theme[role], maxWidth: 1)
        }
        let count = table.rowCounts.indices.contains(row) ? table.rowCounts[row] : 0
        grid.write(
            TextFit.rightAligned(String(count), to: layout.countWidth, ellipsis: ""),
            x: layout.countX + 1, y: y, style: theme[.dim], maxWidth: layout.countWidth)
    }

    /// The number of marks in each column, and of cases in all.
    func drawFooter(_ grid: inout Grid, layout: MatrixColumnLayout, y: Int, total: Int) {
        drawSeparators(&grid, layout: layout, y: y)
        let label = TextFit.truncate(
            "cases per column", to: layout.rowHeaderWidth - 1, ellipsis: glyphs.ellipsis)
        grid.write(label, x: 0, y: y, style: theme[.dim], maxWidth: layout.rowHeaderWidth - 1)
        for entry in layout.visible {
            let count = table.columnCounts[entry.column]
            grid.write(
                TextFit.rightAligned(String(count), to: 2, ellipsis: ""), x: entry.x, y: y,
                style: theme[.dim], maxWidth: 2)
        }
        grid.write(
            TextFit.rightAligned(String(total), to: layout.countWidth, ellipsis: ""),
            x: layout.countX + 1, y: y, style: theme[.dim], maxWidth: layout.countWidth)
    }

    /// A whole table for plain text: headers, every row with its title wrapped, counts.
    func plainTable(columns: [Int], rows: [Int], rowHeaderWidth: Int, width: Int) -> [String] {
        let layout = MatrixColumnLayout(
            table: table, candidates: columns, rowHeaderWidth: rowHeaderWidth, width: width)
        let titles = rows.map { row in
            TextFit.wrap(table.rows[row].title, width: rowHeaderWidth - 1).nonEmpty
        }
        let height = 3 + titles.reduce(0) { $0 + $1.count }
        var grid = Grid(width: width, height: height)
        drawGroups(&grid, layout: layout, y: 0)
        drawCodes(&grid, layout: layout, y: 1, cursor: nil)
        var y = 2
        for (row, lines) in zip(rows, titles) {
            drawRow(&grid, layout: layout, row: row, y: y, titleLines: lines, cursor: nil)
            y += lines.count
        }
        drawFooter(&grid, layout: layout, y: y, total: rows.count)
        return grid.textLines()
    }

    /// When even one group of columns leaves no room for titles: each case with the codes
    /// of what it illustrates.
    func plainList(columns: [Int], rows: [Int], width: Int) -> [String] {
        var lines: [String] = []
        for item in rows.map({ table.rows[$0] }) {
            let codes = columns.filter { item.illustrates.contains(table.columns[$0].id) }
                .map { table.columns[$0].code }
            lines += hanging(
                item.title + ": " + codes.joined(separator: " "), indent: 2, width: width)
        }
        return lines
    }

    /// Text wrapped to `width`, lines after the first indented.
    func hanging(_ text: String, indent: Int, width: Int) -> [String] {
        guard width > indent + 4 else { return TextFit.wrap(text, width: width) }
        let pad = String(repeating: " ", count: indent)
        return TextFit.wrap(text, width: width - indent).enumerated().map { entry in
            entry.offset == 0 ? entry.element : pad + entry.element
        }
    }
}

/// The key to the matrix's columns, beside the table where there is room: every column's
/// code and name, the cursor's highlighted, scrolled to keep it shown.
struct ColumnKey: Widget {
    let table: MatrixTable
    let cursor: Int
    let look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        let theme = look.theme
        guard rect.height > 0 else { return }
        grid.write("Columns", x: rect.x, y: rect.y, style: theme[.heading], maxWidth: rect.width)
        let visible = rect.height - 1
        let codeWidth = (table.columns.map { TextFit.width($0.code) }.max() ?? 1) + 1
        var list = ScrollState()
        list.reveal(cursor..<(cursor + 1), visible: visible, total: table.columns.count)
        let top = list.offset
        for offset in 0..<max(0, visible) {
            let position = top + offset
            guard table.columns.indices.contains(position) else { break }
            let column = table.columns[position]
            let y = rect.y + 1 + offset
            let line =
                TextFit.padded(column.code, to: codeWidth, ellipsis: "")
                + TextFit.truncate(
                    column.name, to: rect.width - codeWidth, ellipsis: look.glyphs.ellipsis)
            let role: Role = position == cursor ? .selection : .text
            grid.write(line, x: rect.x, y: y, style: theme[role], maxWidth: rect.width)
        }
    }
}
