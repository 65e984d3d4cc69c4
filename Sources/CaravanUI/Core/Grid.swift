/// A rectangle of cells that views draw into and backends show.
///
/// Cells are stored row by row. Every way of changing a grid keeps three
/// promises, whatever the coordinates or sizes (nothing here traps):
/// - no control or invisible formatting character reaches a cell (text goes
///   through ``Sanitizer/visible(_:tabWidth:)``);
/// - a wide character fills two cells, its head and a continuation cell, and
///   is never split: where only one column is left, a space is written
///   instead, and overwriting either half of a wide character blanks the other;
/// - anything outside the grid is clipped.
public struct Grid: Hashable, Sendable {
    /// Larger requested sizes are clamped to this many columns or rows.
    public static let maximumDimension = 4096

    public let width: Int
    public let height: Int
    /// All cells, row after row: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A grid of blank cells. Negative sizes become zero.
    public init(width: Int, height: Int) {
        self.width = min(max(0, width), Grid.maximumDimension)
        self.height = min(max(0, height), Grid.maximumDimension)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at a position; a blank cell outside the grid.
    ///
    /// Setting a cell outside the grid does nothing. Setting one inside goes
    /// through the same rules as ``write(_:x:y:style:maxWidth:)``: its grapheme
    /// is sanitized (only the first character is kept), a wide character also
    /// takes the cell to its right, and a continuation cell (empty grapheme)
    /// only changes the style of an existing continuation.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard let index = index(x, y) else { return .blank }
            return cells[index]
        }
        set {
            guard let index = index(x, y) else { return }
            if newValue.grapheme.isEmpty {
                if cells[index].isContinuation {
                    cells[index].style = newValue.style
                } else {
                    put(" ", width: 1, style: newValue.style, x: x, y: y)
                }
                return
            }
            let character = Sanitizer.visible(newValue.grapheme).first ?? " "
            let (glyph, glyphWidth) = Grid.drawable(character)
            if x + glyphWidth > width {
                put(" ", width: 1, style: newValue.style, x: x, y: y)
            } else {
                put(glyph, width: glyphWidth, style: newValue.style, x: x, y: y)
            }
        }
    }

    /// The cells of one row (empty outside the grid).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0 && y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Writes text on row `y` from column `x`, one grapheme per column (two for
    /// wide characters), after making controls visible.
    ///
    /// Text stops at the grid's right edge and after `maxWidth` columns. A wide
    /// character that would not fit entirely is replaced by a space. A
    /// zero-width grapheme on its own (a combining mark at the start) is shown
    /// on a space. Newlines are not interpreted: lay out lines yourself.
    ///
    /// - Returns: the number of columns the text took from `x` after clipping
    ///   to `maxWidth` and to the right edge, so `x + result` is where the next
    ///   text goes. Columns left of the grid count; the row being outside the
    ///   grid does not change the result.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
    ) -> Int {
        let limit = maxWidth.map { max(0, $0) } ?? Int.max
        guard limit > 0, x < width else { return 0 }
        let end = min(width, Saturating.add(x, limit))
        let rowIsVisible = y >= 0 && y < height
        if Sanitizer.isPrintableASCII(text) {
            return writeASCII(text, x: x, y: y, end: end, style: style, rowIsVisible: rowIsVisible)
        }
        var column = x
        for character in Sanitizer.visible(text) {
            guard column < end else { break }
            let (glyph, glyphWidth) = Grid.drawable(character)
            if column + glyphWidth > end {
                // Only one column is left: never split a wide character.
                if rowIsVisible && column >= 0 {
                    put(" ", width: 1, style: style, x: column, y: y)
                }
                column += 1
                break
            }
            if rowIsVisible {
                if column >= 0 {
                    put(glyph, width: glyphWidth, style: style, x: column, y: y)
                } else if column + glyphWidth > 0 {
                    // A wide character cut by the left edge: show its visible half blank.
                    put(" ", width: 1, style: style, x: 0, y: y)
                }
            }
            column += glyphWidth
        }
        return column - x
    }

    /// The number of columns `write` would use for `text` with no clipping.
    public static func measure(_ text: String) -> Int {
        var total = 0
        for character in Sanitizer.visible(text) {
            total += drawable(character).width
        }
        return total
    }

    /// Fills a rectangle (clipped to the grid) with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: " ", style: style)
    }

    /// Fills a rectangle (clipped to the grid) with a character in a style.
    /// With a wide character and an odd width, the last column gets a space.
    public mutating func fill(_ rect: Rect, with character: Character, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let (glyph, glyphWidth) = Grid.drawable(Sanitizer.visible(String(character)).first ?? " ")
        if glyphWidth == 1 {
            fillRows(area, with: Cell(grapheme: String(glyph), style: style))
            return
        }
        for y in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                if column + glyphWidth > area.maxX {
                    put(" ", width: 1, style: style, x: column, y: y)
                    column += 1
                } else {
                    put(glyph, width: glyphWidth, style: style, x: column, y: y)
                    column += glyphWidth
                }
            }
        }
    }

    /// Changes the style of every cell in a rectangle (clipped to the grid),
    /// keeping the text: for highlighting a selected row, say.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                change(&cells[y * width + x].style)
            }
        }
    }

    /// Draws the outline of a rectangle with the given line characters,
    /// clipped to the grid. A rectangle one row or column thick gets a line.
    public mutating func drawBox(_ rect: Rect, chars: BoxChars, style: Style) {
        guard !rect.isEmpty else { return }
        let inner = max(0, rect.width - 2)
        let horizontal = String(repeating: chars.horizontal, count: inner)
        if rect.height == 1 {
            fill(rect, with: chars.horizontal, style: style)
            return
        }
        if rect.width == 1 {
            fill(rect, with: chars.vertical, style: style)
            return
        }
        let top = String(chars.topLeft) + horizontal + String(chars.topRight)
        let bottom = String(chars.bottomLeft) + horizontal + String(chars.bottomRight)
        let bottomRow = Saturating.subtract(rect.maxY, 1)
        let rightColumn = Saturating.subtract(rect.maxX, 1)
        write(top, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        write(bottom, x: rect.x, y: bottomRow, style: style, maxWidth: rect.width)
        let sides = Rect(x: rect.x, y: Saturating.add(rect.y, 1), width: 1, height: rect.height - 2)
        fill(sides, with: chars.vertical, style: style)
        let rightSide = Rect(x: rightColumn, y: sides.y, width: 1, height: sides.height)
        fill(rightSide, with: chars.vertical, style: style)
    }

    /// Copies another grid onto this one with its top-left corner at (x, y),
    /// clipped to this grid. Wide characters cut by an edge become spaces.
    public mutating func blit(_ source: Grid, x: Int, y: Int) {
        for sourceY in 0..<source.height {
            let targetY = Saturating.add(y, sourceY)
            guard targetY >= 0 && targetY < height else { continue }
            var sourceX = 0
            while sourceX < source.width {
                let cell = source.cells[sourceY * source.width + sourceX]
                let isWide =
                    sourceX + 1 < source.width
                    && source.cells[sourceY * source.width + sourceX + 1].isContinuation
                let cellWidth = isWide ? 2 : 1
                let targetX = Saturating.add(x, sourceX)
                let targetEnd = Saturating.add(targetX, cellWidth)
                if cellWidth == 1 && !cell.grapheme.isEmpty && targetX >= 0 && targetX < width {
                    // A narrow cell of a grid holds one character: what `put` writes.
                    let start = targetY * width + targetX
                    if targetX > 0 && cells[start].isContinuation {
                        cells[start - 1] = Cell(grapheme: " ", style: cells[start - 1].style)
                    }
                    cells[start] = cell
                    if targetX + 1 < width && cells[start + 1].isContinuation {
                        cells[start + 1] = Cell(grapheme: " ", style: cells[start + 1].style)
                    }
                } else if targetX >= 0 && targetEnd <= width {
                    put(
                        cell.grapheme.first ?? " ", width: cellWidth, style: cell.style, x: targetX,
                        y: targetY)
                } else if max(targetX, 0) < min(targetEnd, width) {
                    for column in max(targetX, 0)..<min(targetEnd, width) {
                        put(" ", width: 1, style: cell.style, x: column, y: targetY)
                    }
                }
                sourceX += cellWidth
            }
        }
    }

    /// The text of each row, for tests and golden files: a wide character
    /// appears once (its continuation cell is skipped).
    public func textLines(trimTrailingSpaces: Bool = true) -> [String] {
        (0..<height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation {
                line += cell.grapheme
            }
            if trimTrailingSpaces {
                while line.last == " " {
                    line.removeLast()
                }
            }
            return line
        }
    }

    // MARK: - Internals

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0 && x < width && y >= 0 && y < height else { return nil }
        return y * width + x
    }

    /// A sanitized grapheme and the columns it takes (1 or 2). A zero-width
    /// grapheme gets a space to sit on, or becomes U+FFFD if it cannot.
    static func drawable(_ character: Character) -> (glyph: Character, width: Int) {
        if let byte = character.asciiValue, byte >= 0x20 && byte < 0x7F {
            return (character, 1)
        }
        let characterWidth = DisplayWidth.of(character)
        if characterWidth > 0 { return (character, characterWidth) }
        let onSpace = " " + String(character)
        if onSpace.count == 1, let combined = onSpace.first, DisplayWidth.of(combined) == 1 {
            return (combined, 1)
        }
        return ("\u{FFFD}", 1)
    }

    /// `write` for printable ASCII, which needs no sanitizing and takes a column a byte:
    /// the cells are set in one pass, with what `put` does at the run's two edges.
    private mutating func writeASCII(
        _ text: String, x: Int, y: Int, end: Int, style: Style, rowIsVisible: Bool
    ) -> Int {
        let taken = min(text.utf8.count, end - x)
        let first = max(0, x)
        let last = x + taken
        guard rowIsVisible, first < last else { return taken }
        let rowStart = y * width
        if first > 0 && cells[rowStart + first].isContinuation {
            cells[rowStart + first - 1] = Cell(
                grapheme: " ", style: cells[rowStart + first - 1].style)
        }
        let graphemes = Grid.asciiGraphemes
        var bytes = Array(text.utf8.dropFirst(first - x).prefix(last - first))
        bytes.withUnsafeMutableBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                var offset = 0
                while offset < source.count {
                    (to + rowStart + first + offset).pointee = Cell(
                        grapheme: graphemes[Int(from[offset]) - 0x20], style: style)
                    offset += 1
                }
            }
        }
        if last < width && cells[rowStart + last].isContinuation {
            cells[rowStart + last] = Cell(grapheme: " ", style: cells[rowStart + last].style)
        }
        return taken
    }

    /// Each printable ASCII character as a string, from space to tilde.
    private static let asciiGraphemes: [String] = (0x20..<0x7F).map {
        String(UnicodeScalar(UInt8($0)))
    }

    /// Fills an in-bounds area with a one-column cell: what a `put` at every position
    /// does, in one pass. Only the wide characters the area cuts at its edges change
    /// outside it (their other halves become blank).
    private mutating func fillRows(_ area: Rect, with cell: Cell) {
        for y in area.y..<area.maxY {
            let start = y * width + area.x
            let end = y * width + area.maxX
            if area.x > 0 && cells[start].isContinuation {
                cells[start - 1] = Cell(grapheme: " ", style: cells[start - 1].style)
            }
            cells.withUnsafeMutableBufferPointer { buffer in
                for index in start..<end { buffer[index] = cell }
            }
            if area.maxX < width && cells[end].isContinuation {
                cells[end] = Cell(grapheme: " ", style: cells[end].style)
            }
        }
    }

    /// Places a drawable grapheme at an in-bounds position where it fits,
    /// blanking the other half of any wide character it cuts.
    private mutating func put(
        _ glyph: Character, width glyphWidth: Int, style: Style, x: Int, y: Int
    ) {
        let start = y * width + x
        if x > 0 && cells[start].isContinuation {
            cells[start - 1] = Cell(grapheme: " ", style: cells[start - 1].style)
        }
        cells[start] = Cell(grapheme: String(glyph), style: style)
        if glyphWidth == 2 {
            cells[start + 1] = Cell(grapheme: "", style: style)
        }
        let after = x + glyphWidth
        if after < width && cells[y * width + after].isContinuation {
            cells[y * width + after] = Cell(grapheme: " ", style: cells[y * width + after].style)
        }
    }
}
