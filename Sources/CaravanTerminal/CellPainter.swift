import CNcursesw
import CaravanUI

/// How the terminal shows colour, decided once at start-up.
enum ColorMode: Equatable {
    /// Colours are in use; `defaultColors` tells whether -1 (the terminal's
    /// own colours) may be used in colour pairs.
    case color(count: Int, defaultColors: Bool)
    /// NO_COLOR is set: attributes only.
    case attributesOnly
    /// The terminal has no colours: bold, underline and reverse only.
    case monochrome
}

/// How a cell is drawn: its attributes and colour pair.
struct Look: Equatable {
    var attributes: attr_t
    var pair: Int32
    /// The background colour a space in this look shows (-1 for the
    /// terminal's own), or nil when a space shows more than its background
    /// (reverse video, underline).
    var showsOnBlank: Int?
}

/// Turns cells into the calls ncurses needs: attributes, colour pairs, and
/// wide-character strings that occupy exactly the columns the grid expects.
struct CellPainter {
    let colorMode: ColorMode
    let unicode: Bool
    /// Whether the terminal clears with the current background colour (bce).
    let backColorErase: Bool
    private var pairs: [Int: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maximumPair: Int32
    private let cellCharacters = Int(caravan_cchar_max())

    init(colorMode: ColorMode, unicode: Bool, backColorErase: Bool) {
        self.colorMode = colorMode
        self.unicode = unicode
        self.backColorErase = backColorErase
        if case .color = colorMode {
            maximumPair = Int32(min(Int(caravan_color_pairs()), Int(Int16.max))) - 1
        } else {
            maximumPair = 0
        }
    }

    /// Paints a row from the window's first column, each cell with the
    /// columns the grid gives it (2 for a wide character, whose second cell
    /// is a continuation).
    ///
    /// A run of spaces whose look differs from a neighbour's only in what a
    /// space cannot show (foreground, bold, dim, italic) takes that
    /// neighbour's attributes, and its colours on a terminal that erases
    /// with the current background, so the terminal is not told to switch
    /// attributes off and on around it: the next character's look for spaces
    /// before text (indents, gaps between words), the previous character's
    /// for spaces up to the end of the row after a word of two or more
    /// characters (cleared together). The result depends on the row alone.
    mutating func paintRow(_ row: ArraySlice<Cell>, in window: UnsafeMutablePointer<WINDOW>?) {
        let cells = Array(row)
        var looks = cells.map { look(of: $0.style) }
        func isBlank(_ index: Int) -> Bool {
            cells[index].grapheme == " " && looks[index].showsOnBlank != nil
        }
        var start = 0
        while start < cells.count {
            guard isBlank(start) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < cells.count && isBlank(end)
                && looks[end].showsOnBlank == looks[start].showsOnBlank
            {
                end += 1
            }
            var neighbour: Int?
            if end < cells.count {
                neighbour = end
            } else if start >= 2, looks[start - 1] == looks[start - 2],
                !cells[start - 1].grapheme.allSatisfy({ $0 == " " })
            {
                neighbour = start - 1
            }
            if let neighbour, looks[neighbour].showsOnBlank == looks[start].showsOnBlank {
                for index in start..<end {
                    looks[index].attributes = looks[neighbour].attributes
                    // Without background colour erase, ncurses clears to the end
                    // of a line only with the default colours.
                    if backColorErase { looks[index].pair = looks[neighbour].pair }
                }
            }
            start = end
        }
        var column = 0
        while column < cells.count {
            let columns = column + 1 < cells.count && cells[column + 1].isContinuation ? 2 : 1
            let chosen = looks[column]
            for piece in pieces(of: cells[column].grapheme, columns: columns) {
                _ = piece.withUnsafeBufferPointer { buffer in
                    caravan_add_cell(window, buffer.baseAddress, chosen.attributes, chosen.pair)
                }
            }
            column += columns
        }
    }

    /// The attributes and colour pair for a style on this terminal, and what
    /// a space drawn with them shows.
    mutating func look(of style: Style) -> Look {
        let (attributes, pair) = attributesAndPair(of: style)
        var blank: Int? = nil
        if attributes & (caravan_a_reverse() | caravan_a_underline()) == 0 {
            switch colorMode {
            case .color(let count, let defaultColors):
                let background = style.bg.paletteIndex(colorCount: count) ?? -1
                blank = defaultColors || background >= 0 ? background : 0
            case .attributesOnly, .monochrome:
                blank = -1
            }
        }
        return Look(attributes: attributes, pair: pair, showsOnBlank: blank)
    }

    /// The attributes and colour pair for a style on this terminal.
    private mutating func attributesAndPair(of style: Style) -> (attr_t, Int32) {
        var attributes = caravan_a_normal()
        if style.bold { attributes |= caravan_a_bold() }
        if style.underline { attributes |= caravan_a_underline() }
        if style.reverse { attributes |= caravan_a_reverse() }
        switch colorMode {
        case .color(let count, let defaultColors):
            if style.dim { attributes |= caravan_a_dim() }
            if style.italic { attributes |= caravan_a_italic() }
            var foreground = style.fg.paletteIndex(colorCount: count) ?? -1
            var background = style.bg.paletteIndex(colorCount: count) ?? -1
            if !defaultColors {
                if foreground < 0 { foreground = 7 }
                if background < 0 { background = 0 }
            }
            return (attributes, pair(foreground: foreground, background: background))
        case .attributesOnly, .monochrome:
            if colorMode == .attributesOnly {
                if style.dim { attributes |= caravan_a_dim() }
                if style.italic { attributes |= caravan_a_italic() }
            }
            // Without colours a highlight made of a background colour would vanish.
            if style.bg != .default { attributes |= caravan_a_reverse() }
            return (attributes, 0)
        }
    }

    /// The colour pair for two palette indices (-1 is the default colour),
    /// allocated on first use; pair 0 when the terminal has no pairs left.
    private mutating func pair(foreground: Int, background: Int) -> Int32 {
        if case .color(_, let defaultColors) = colorMode {
            let isDefault =
                defaultColors
                ? (foreground, background) == (-1, -1) : (foreground, background) == (7, 0)
            if isDefault { return 0 }
        }
        let key = (foreground + 1) * 1024 + (background + 1)
        if let existing = pairs[key] { return existing }
        guard nextPair <= maximumPair,
            init_pair(Int16(nextPair), Int16(foreground), Int16(background)) != ERR
        else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key] ?? 0
    }

    /// Splits a grapheme into NUL-terminated cell strings whose widths, as the
    /// C library counts them, add up to exactly `columns`: a spacing character
    /// and the combining marks after it per string. Characters the library
    /// cannot show (or, outside UTF-8, anything not ASCII) become `?`; missing
    /// columns are padded with spaces, pieces that do not fit are dropped.
    func pieces(of grapheme: String, columns: Int) -> [[wchar_t]] {
        let question: [wchar_t] = [0x3F, 0]
        let space: [wchar_t] = [0x20, 0]
        if grapheme.utf8.count == 1, let byte = grapheme.utf8.first, byte >= 0x20, byte < 0x7F {
            return [[wchar_t(byte), 0]] + Array(repeating: space, count: max(0, columns - 1))
        }
        var result: [[wchar_t]] = []
        var used = 0
        if !unicode {
            result = Array(repeating: question, count: columns)
            return result
        }
        var current: [wchar_t] = []
        var currentWidth = 0
        func flush() {
            guard !current.isEmpty else { return }
            if used + currentWidth <= columns {
                result.append(current + [0])
                used += currentWidth
            }
            current = []
            currentWidth = 0
        }
        for scalar in grapheme.unicodeScalars {
            let width = Int(caravan_wcwidth(scalar.value))
            if width > 0 {
                flush()
                current = [wchar_t(bitPattern: scalar.value)]
                currentWidth = width
            } else if width == 0 && scalar.value >= 0x20 {
                if current.isEmpty {
                    current = [0x20]
                    currentWidth = 1
                }
                if current.count < cellCharacters {
                    current.append(wchar_t(bitPattern: scalar.value))
                }
            } else {
                flush()
                current = question.dropLast()
                currentWidth = 1
            }
        }
        flush()
        if result.isEmpty && columns > 0 {
            result.append(question)
            used = 1
        }
        return result + Array(repeating: space, count: max(0, columns - used))
    }
}
