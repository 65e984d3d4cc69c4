import CaravanContent

/// Which case illustrates which mechanism: the case studies as rows, the mechanisms
/// grouped by connotation as columns (each group led by a column for cases that
/// illustrate the connotation itself), a mark where the content says a case illustrates
/// it, and counts per row and per column.
///
/// The moves move the cursor (up and down, Tab and S-Tab through the cases, left and right
/// through the columns), a page, or to the first or last case; the filters cycle through
/// the connotations and the regions; Enter opens the case of the cursor's row. Row and column headers stay in view while the table
/// scrolls either way; a legend names the cursor's column in full.
public struct MatrixScreen: FrameworkView {
    private(set) var table: MatrixTable
    /// The connotation whose cases are shown, or nil for all.
    public private(set) var connotationFilter: EntityID?
    /// The region whose cases are shown, or nil for all.
    public private(set) var regionFilter: String?
    /// The cursor's row and the first row shown.
    private(set) var rows = ScrollState()
    private(set) var cursorColumn = 0
    private var columnScroll = 0
    private var viewportWidth = 80
    private var viewportHeight = 24

    public init(model: ContentModel) {
        table = MatrixTable(index: FrameworkIndex(model: model))
    }

    public var kind: FrameworkViewKind { .matrix }

    /// Equal when the filters, the cursor, the scroll and the size are: the table follows
    /// from the model and the filters.
    public static func == (lhs: MatrixScreen, rhs: MatrixScreen) -> Bool {
        lhs.connotationFilter == rhs.connotationFilter && lhs.regionFilter == rhs.regionFilter
            && lhs.rows == rhs.rows && lhs.cursorColumn == rhs.cursorColumn
            && lhs.columnScroll == rhs.columnScroll && lhs.viewportWidth == rhs.viewportWidth
            && lhs.viewportHeight == rhs.viewportHeight
    }

    /// The case on the cursor's row: what Enter opens.
    public var selection: EntityID? {
        table.rows.indices.contains(rows.selection) ? table.rows[rows.selection].id : nil
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

    public mutating func perform(_ action: ViewAction) -> ScreenOutcome {
        switch action {
        case .moveUp, .previous: moveCursor(.lineUp)
        case .moveDown, .next: moveCursor(.lineDown)
        case .moveLeft: cursorColumn -= 1
        case .moveRight: cursorColumn += 1
        case .pageUp: moveCursor(.pageUp)
        case .pageDown: moveCursor(.pageDown)
        case .first: moveCursor(.top)
        case .last: moveCursor(.bottom)
        case .filterConnotation: cycleConnotationFilter()
        case .filterRegion: cycleRegionFilter()
        case .open:
            if let selection { return .open(selection) }
            return .handled
        case .close:
            return .close
        }
        keepCursorVisible()
        return .handled
    }

    public func widget(_ look: ViewLook) -> any Widget {
        MatrixWidget(screen: self, look: look)
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

    var title: String {
        var text = "Case matrix: \(ScreenChrome.count(table.rows.count, "case"))"
        if let connotationFilter, let connotation = table.index.connotation(connotationFilter) {
            text += ", \(connotation.title)"
        } else {
            text += ", all connotations"
        }
        text += ", " + (regionFilter ?? "all regions")
        return text
    }

    /// Moves the cursor's row; a page is the rows shown less one.
    private mutating func moveCursor(_ motion: Motion) {
        let page = geometry(width: viewportWidth, height: viewportHeight).body.height - 1
        rows.selection = motion.target(
            from: rows.selection, count: 1, paging: Paging(page: page, halfPage: page / 2),
            last: table.rows.count - 1)
    }

    func geometry(width: Int, height: Int) -> MatrixGeometry {
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
        rows.selection = min(max(0, rows.selection), max(0, table.rows.count - 1))
        cursorColumn = min(max(0, cursorColumn), max(0, table.columns.count - 1))
        let geometry = geometry(width: viewportWidth, height: viewportHeight)
        columnScroll = geometry.columns.visible.first?.column ?? 0
        rows.reveal(
            rows.selection..<(rows.selection + 1), visible: geometry.body.height,
            total: table.rows.count)
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
        rows = ScrollState(
            selection: selected.flatMap { id in table.rows.firstIndex { $0.id == id } } ?? 0)
    }
}
