import CaravanContent

/// One column of the case matrix: a mechanism, or a connotation itself (for cases that
/// illustrate the connotation directly).
struct MatrixColumn: Sendable, Hashable {
    var id: EntityID
    /// The position of the column's connotation in ``FrameworkIndex/connotations``.
    var group: Int
    /// `H`, `H1`, `H2a`.
    var code: String
    /// The narrow header: the code without its connotation's letter (`1`, `2a`), or the
    /// connotation's code for its own column.
    var label: String
    /// The full name: the mechanism's title, or the connotation's.
    var name: String
    /// Where the column belongs: its parent mechanism and connotation.
    var context: String

    /// The code and full name: `H2a Technology inheritance`.
    var legend: String { code + " " + name }
}

/// The rows, columns and marks of the case matrix under a filter, independent of how they
/// are drawn.
struct MatrixTable: Sendable {
    let index: FrameworkIndex
    let columns: [MatrixColumn]
    /// Cases shown, ordered by the first column they are marked in, so that the marks fall
    /// roughly along a diagonal.
    private(set) var rows: [FrameworkIndex.CaseStudy] = []
    /// Marks in each row, whatever the filter.
    private(set) var rowCounts: [Int] = []
    /// Marks in each column among the rows shown.
    private(set) var columnCounts: [Int] = []

    init(index: FrameworkIndex) {
        self.index = index
        var columns: [MatrixColumn] = []
        for (group, connotation) in index.connotations.enumerated() {
            columns.append(
                MatrixColumn(
                    id: connotation.id, group: group, code: connotation.code,
                    label: connotation.code, name: connotation.title,
                    context: "\(Sanitizer.visible(index.words.plural(.case))) that illustrate the "
                        + "\(index.singular(.connotation)) itself"))
            for mechanism in connotation.mechanisms {
                var label = mechanism.code
                if label.hasPrefix(connotation.code) { label.removeFirst(connotation.code.count) }
                var context = connotation.title
                if let parentID = mechanism.parent, let parent = index.mechanism(parentID) {
                    context = "part of \(parent.code) \(parent.title), \(connotation.title)"
                }
                columns.append(
                    MatrixColumn(
                        id: mechanism.id, group: group, code: mechanism.code, label: label,
                        name: mechanism.title, context: context))
            }
        }
        self.columns = columns
        filter(connotation: nil, region: nil)
    }

    /// Keeps the cases that reach `connotation` (all when nil) and lie in `region`.
    mutating func filter(connotation: EntityID?, region: String?) {
        let kept = index.cases.filter { item in
            (connotation.map { item.connotations.contains($0) } ?? true)
                && (region.map { item.region == $0 } ?? true)
        }
        let columns = self.columns
        let firstMark = { (item: FrameworkIndex.CaseStudy) -> Int in
            columns.firstIndex { item.illustrates.contains($0.id) } ?? Int.max
        }
        rows = kept.enumerated().sorted { a, b in
            let (x, y) = (firstMark(a.element), firstMark(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        rowCounts = rows.map { item in columns.filter { item.illustrates.contains($0.id) }.count }
        columnCounts = columns.map { column in
            rows.filter { $0.illustrates.contains(column.id) }.count
        }
    }

    func isMarked(row: Int, column: Int) -> Bool {
        guard rows.indices.contains(row), columns.indices.contains(column) else { return false }
        return rows[row].illustrates.contains(columns[column].id)
    }

    /// Whether `column` starts a new connotation group.
    func startsGroup(_ column: Int) -> Bool {
        guard columns.indices.contains(column) else { return false }
        return column == 0 || columns[column - 1].group != columns[column].group
    }
}

/// Where the columns of the matrix go across a width: the row headers on the left, a
/// separator before each connotation's group, the counts on the right.
struct MatrixColumnLayout {
    static let cellWidth = 3

    var rowHeaderWidth: Int
    var countWidth: Int
    /// The columns shown and the x where each starts.
    var visible: [(column: Int, x: Int)]
    /// Where a separator goes: after the row headers and between groups.
    var separators: [Int]
    /// Where the counts' separator goes; the counts follow it.
    var countX: Int

    /// The columns of `candidates` from the first that fit in `width`; at least one.
    init(table: MatrixTable, candidates: [Int], rowHeaderWidth: Int, width: Int) {
        self.rowHeaderWidth = rowHeaderWidth
        countWidth = MatrixColumnLayout.countWidth(table)
        let limit = width - 1 - countWidth
        var x = rowHeaderWidth
        var visible: [(column: Int, x: Int)] = []
        var separators: [Int] = []
        for column in candidates {
            let separator = visible.isEmpty || table.startsGroup(column) ? 1 : 0
            guard x + separator + MatrixColumnLayout.cellWidth <= limit || visible.isEmpty else {
                break
            }
            if separator == 1 { separators.append(x) }
            visible.append((column, x + separator))
            x += separator + MatrixColumnLayout.cellWidth
        }
        self.visible = visible
        self.separators = separators
        countX = x
    }

    static func countWidth(_ table: MatrixTable) -> Int {
        max(2, String(table.rowCounts.max() ?? 0).count, String(table.rows.count).count)
    }

    /// The width the columns in `candidates` take with their separators.
    static func width(of candidates: [Int], in table: MatrixTable) -> Int {
        candidates.enumerated().reduce(0) { total, entry in
            total + cellWidth + (entry.offset == 0 || table.startsGroup(entry.element) ? 1 : 0)
        }
    }
}

/// Where the parts of the matrix go in an area: header rows, the scrolling body, the
/// footer of column counts, the legend and the detail, and the columns that fit.
struct MatrixGeometry {
    /// A row header narrower than this makes the columns scroll instead.
    static let minimumRowHeader = 14
    /// The key to every column is listed beside the table when this much is left over.
    static let minimumKeyWidth = 30

    var title: Rect
    var groupRow: Rect
    var codeRow: Rect
    var body: Rect
    var footer: Rect
    var legend: Rect
    var detail: Rect
    var columns: MatrixColumnLayout
    /// The list of every column's code and name, when there is room for it.
    var key: Rect?

    init(table: MatrixTable, width: Int, height: Int, firstColumn: Int) {
        var rows = max(0, height)
        func take(_ wanted: Int, when enough: Bool) -> Int {
            let granted = enough ? min(wanted, rows) : 0
            rows -= granted
            return granted
        }
        let titleRows = take(1, when: height >= 10)
        let groupRows = take(1, when: height >= 12)
        let codeRows = take(1, when: height >= 3)
        let detailRows = take(height >= 30 ? 3 : height >= 16 ? 2 : 1, when: height >= 10)
        let legendRows = take(1, when: height >= 6)
        let footerRows = take(1, when: height >= 8)
        title = Rect(width: width, height: titleRows)
        groupRow = Rect(y: titleRows, width: width, height: groupRows)
        codeRow = Rect(y: groupRow.maxY, width: width, height: codeRows)
        body = Rect(y: codeRow.maxY, width: width, height: rows)
        footer = Rect(y: body.maxY, width: width, height: footerRows)
        legend = Rect(y: footer.maxY, width: width, height: legendRows)
        detail = Rect(y: legend.maxY, width: width, height: detailRows)

        let all = Array(table.columns.indices)
        let allWidth = MatrixColumnLayout.width(of: all, in: table)
        let tail = 1 + MatrixColumnLayout.countWidth(table)
        let longest = table.rows.map { TextFit.width($0.title) }.max() ?? 10
        let wanted = min(60, max(10, longest)) + 1
        let rowHeaderWidth: Int
        var keyWidth = 0
        if width - wanted - allWidth - tail - 2 >= MatrixGeometry.minimumKeyWidth {
            rowHeaderWidth = wanted
            keyWidth = width - wanted - allWidth - tail - 2
        } else if width - allWidth - tail >= MatrixGeometry.minimumRowHeader {
            rowHeaderWidth = min(wanted, width - allWidth - tail)
        } else {
            let share = max(8, width / 3)
            rowHeaderWidth = max(0, min(wanted, share, width - tail - 4))
        }
        let first = min(max(0, firstColumn), max(0, table.columns.count - 1))
        columns = MatrixColumnLayout(
            table: table, candidates: Array(all.dropFirst(first)), rowHeaderWidth: rowHeaderWidth,
            width: width)
        if keyWidth > 0 {
            let keyX = columns.countX + tail + 2
            key = Rect(
                x: keyX, y: groupRow.y, width: width - keyX, height: footer.maxY - groupRow.y)
        } else {
            key = nil
        }
    }
}
