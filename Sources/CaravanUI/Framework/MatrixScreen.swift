import CaravanContent

/// Which case illustrates which mechanism: the case studies as rows, the mechanisms
/// grouped by connotation as columns (each group led by a column for cases that
/// illustrate the connotation itself), a mark where the content says a case illustrates
/// it, and counts per row and per column.
///
/// Arrow keys and `h j k l` move the cursor, PgUp/PgDn a page, `g`/`G` to the first or
/// last case; `f` cycles a filter by connotation and `r` one by region; Enter opens the
/// case of the cursor's row. Row and column headers stay in view while the table
/// scrolls either way; a legend names the cursor's column in full.
public struct MatrixScreen: Sendable {
    private var table: MatrixTable
    /// The connotation whose cases are shown, or nil for all.
    public private(set) var connotationFilter: EntityID?
    /// The region whose cases are shown, or nil for all.
    public private(set) var regionFilter: String?
    private var cursorRow = 0
    private var cursorColumn = 0
    private var rowScroll = 0
    private var columnScroll = 0
    private var viewportWidth = 80
    private var viewportHeight = 24

    public init(model: ContentModel) {
        table = MatrixTable(index: FrameworkIndex(model: model))
    }

    /// The case on the cursor's row: what Enter opens.
    public var selection: EntityID? {
        table.rows.indices.contains(cursorRow) ? table.rows[cursorRow].id : nil
    }

    /// The mechanism or connotation of the cursor's column.
    public var selectedColumn: EntityID? {
        table.columns.indices.contains(cursorColumn) ? table.columns[cursorColumn].id : nil
    }

    /// The cases shown, top to bottom.
    public var rowIDs: [EntityID] { table.rows.map(\.id) }

    /// The columns, left to right.
    public var columnIDs: [EntityID] { table.columns.map(\.id) }

    /// Tells the screen the size it is drawn at, so paging and scrolling match what is
    /// shown. Call it when the screen opens and on every resize.
    public mutating func resize(width: Int, height: Int) {
        viewportWidth = max(0, width)
        viewportHeight = max(0, height)
        keepCursorVisible()
    }

    public mutating func handle(_ key: Key) -> ScreenOutcome {
        let page = max(1, geometry(width: viewportWidth, height: viewportHeight).body.height - 1)
        switch key {
        case .up, .character("k"): cursorRow -= 1
        case .down, .character("j"): cursorRow += 1
        case .left, .character("h"): cursorColumn -= 1
        case .right, .character("l"): cursorColumn += 1
        case .pageUp, .character("b"): cursorRow -= page
        case .pageDown, .character(" "): cursorRow += page
        case .home, .character("g"): cursorRow = 0
        case .end, .character("G"): cursorRow = table.rows.count - 1
        case .character("f"): cycleConnotationFilter()
        case .character("r"): cycleRegionFilter()
        case .enter:
            if let selection { return .open(selection) }
            return .handled
        case .escape, .backspace, .character("q"):
            return .close
        default:
            return .ignored
        }
        keepCursorVisible()
        return .handled
    }

    public func render(
        into grid: inout Grid, in rect: Rect, theme: Theme, capabilities: Capabilities
    ) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let glyphs = capabilities.glyphs
        var local = Grid(width: area.width, height: area.height)
        local.fill(local.bounds, style: theme[.text])
        let geometry = geometry(width: area.width, height: area.height)
        let top = ScreenChrome.scroll(
            rowScroll, toShow: Rect(y: cursorRow, width: 1, height: 1),
            visible: geometry.body.height, total: table.rows.count)
        let drawer = MatrixDrawer(table: table, theme: theme, glyphs: glyphs)

        ScreenChrome.drawTitle(
            title, hints: "f connotation  r region  Enter open", into: &local,
            rect: geometry.title, theme: theme, glyphs: glyphs)
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
                cursor: row == cursorRow ? cursorColumn : nil)
        }
        if table.rows.isEmpty && !geometry.body.isEmpty {
            local.write(
                "No case matches the filter: f and r change it", x: 0, y: geometry.body.y,
                style: theme[.dim], maxWidth: area.width)
        }
        if !geometry.footer.isEmpty {
            // Right under the last row, when the rows do not fill the body.
            let rows = table.rows.isEmpty ? 1 : table.rows.count - top
            let shown = min(geometry.body.height, max(0, rows))
            drawer.drawFooter(
                &local, layout: layout, y: geometry.body.y + shown, total: table.rows.count)
        }
        drawLegend(&local, rect: geometry.legend, theme: theme, glyphs: glyphs)
        let detail = selection.flatMap { id in table.rows.first { $0.id == id } }
            .map { table.index.detail(of: $0, glyphs: glyphs) }
        ScreenChrome.drawDetail(
            detail, into: &local, rect: geometry.detail, theme: theme, glyphs: glyphs,
            rule: false)
        if let key = geometry.key {
            drawer.drawKey(&local, rect: key, cursor: cursorColumn)
        }
        grid.blit(local, x: area.x, y: area.y)
    }

    /// The whole matrix as text, every line at most `width` columns, in ASCII: every row
    /// (titles wrapped), all columns (one table per connotation when they do not fit side
    /// by side), then the name of every column.
    public func plainText(width: Int) -> String {
        let width = min(max(1, width), Grid.maximumDimension)
        let drawer = MatrixDrawer(table: table, theme: .monochrome, glyphs: .ascii)
        var lines = TextFit.wrap(title, width: width)
        let all = Array(table.columns.indices)
        let tail = 1 + MatrixColumnLayout.countWidth(table)
        var tables: [[Int]] = [all]
        if width - MatrixColumnLayout.width(of: all, in: table) - tail < 16 {
            tables = Dictionary(grouping: all) { table.columns[$0].group }
                .sorted { $0.key < $1.key }.map(\.value)
        }
        for columns in tables {
            let rowHeader = width - MatrixColumnLayout.width(of: columns, in: table) - tail
            lines.append("")
            // Apart, each table lists only the cases marked in its columns.
            let rows = table.rows.indices.filter { row in
                tables.count == 1 || columns.contains { table.isMarked(row: row, column: $0) }
            }
            if rowHeader >= 8 {
                lines += drawer.plainTable(
                    columns: columns, rows: rows, rowHeaderWidth: rowHeader, width: width)
            } else {
                lines += drawer.plainList(columns: columns, rows: rows, width: width)
            }
        }
        lines.append("")
        lines += TextFit.wrap("Columns:", width: width)
        for column in table.columns {
            lines += drawer.hanging(
                column.legend + " (" + column.context + ")", indent: 2, width: width)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: State

    private var title: String {
        var text = "Case matrix: \(ScreenChrome.count(table.rows.count, "case"))"
        if let connotationFilter, let connotation = table.index.connotation(connotationFilter) {
            text += ", \(connotation.title)"
        } else {
            text += ", all connotations"
        }
        text += ", " + (regionFilter ?? "all regions")
        return text
    }

    private func geometry(width: Int, height: Int) -> MatrixGeometry {
        var first = min(columnScroll, cursorColumn)
        var geometry = MatrixGeometry(
            table: table, width: width, height: height, firstColumn: first)
        while let last = geometry.columns.visible.last?.column, last < cursorColumn,
            first < cursorColumn
        {
            first += 1
            geometry = MatrixGeometry(
                table: table, width: width, height: height, firstColumn: first)
        }
        return geometry
    }

    private mutating func keepCursorVisible() {
        cursorRow = min(max(0, cursorRow), max(0, table.rows.count - 1))
        cursorColumn = min(max(0, cursorColumn), max(0, table.columns.count - 1))
        let geometry = geometry(width: viewportWidth, height: viewportHeight)
        columnScroll = geometry.columns.visible.first?.column ?? 0
        rowScroll = ScreenChrome.scroll(
            rowScroll, toShow: Rect(y: cursorRow, width: 1, height: 1),
            visible: geometry.body.height, total: table.rows.count)
    }

    private mutating func cycleConnotationFilter() {
        let ids = table.index.connotations.map(\.id)
        connotationFilter = MatrixScreen.next(after: connotationFilter, in: ids)
        applyFilters()
    }

    private mutating func cycleRegionFilter() {
        regionFilter = MatrixScreen.next(after: regionFilter, in: table.index.regions)
        applyFilters()
    }

    /// All (nil), then each value in turn, then all again.
    private static func next<Value: Equatable>(after current: Value?, in values: [Value]) -> Value?
    {
        guard let current, let position = values.firstIndex(of: current) else {
            return values.first
        }
        return position + 1 < values.count ? values[position + 1] : nil
    }

    private mutating func applyFilters() {
        let selected = selection
        table.filter(connotation: connotationFilter, region: regionFilter)
        cursorRow = selected.flatMap { id in table.rows.firstIndex { $0.id == id } } ?? 0
        rowScroll = 0
    }

    private func drawLegend(
        _ grid: inout Grid, rect: Rect, theme: Theme, glyphs: Glyphs
    ) {
        guard !rect.isEmpty, table.columns.indices.contains(cursorColumn) else { return }
        let column = table.columns[cursorColumn]
        let count = table.columnCounts[cursorColumn]
        let text =
            " " + column.legend + glyphs.separator + ScreenChrome.count(count, "case")
            + glyphs.separator + column.context
        grid.fill(
            Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme[.statusBar])
        grid.write(
            TextFit.truncate(text, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x,
            y: rect.y, style: theme[.statusBar], maxWidth: rect.width)
    }
}

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

    /// Every column's code and name, the cursor's highlighted, scrolled to keep it shown.
    func drawKey(_ grid: inout Grid, rect: Rect, cursor: Int) {
        guard rect.height > 0 else { return }
        grid.write("Columns", x: rect.x, y: rect.y, style: theme[.heading], maxWidth: rect.width)
        let visible = rect.height - 1
        let codeWidth = (table.columns.map { TextFit.width($0.code) }.max() ?? 1) + 1
        let top = ScreenChrome.scroll(
            0, toShow: Rect(y: cursor, width: 1, height: 1), visible: visible,
            total: table.columns.count)
        for offset in 0..<max(0, visible) {
            let position = top + offset
            guard table.columns.indices.contains(position) else { break }
            let column = table.columns[position]
            let y = rect.y + 1 + offset
            let line =
                TextFit.padded(column.code, to: codeWidth, ellipsis: "")
                + TextFit.truncate(
                    column.name, to: rect.width - codeWidth, ellipsis: glyphs.ellipsis)
            let role: Role = position == cursor ? .selection : .text
            grid.write(line, x: rect.x, y: y, style: theme[role], maxWidth: rect.width)
        }
    }

    /// A whole table for plain text: headers, every row with its title wrapped, counts.
    func plainTable(columns: [Int], rows: [Int], rowHeaderWidth: Int, width: Int) -> [String] {
        let layout = MatrixColumnLayout(
            table: table, candidates: columns, rowHeaderWidth: rowHeaderWidth, width: width)
        let titles = rows.map { row in
            TextFit.wrap(table.rows[row].title, width: rowHeaderWidth - 1).nonEmptyLines
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

extension Array where Element == String {
    /// At least one line, so a row keeps its place.
    fileprivate var nonEmptyLines: [String] { isEmpty ? [""] : self }
}
