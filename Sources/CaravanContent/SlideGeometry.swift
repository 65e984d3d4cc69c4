/// Where the parts of a slide go on a screen of a given size. The presenter draws with it
/// and `caravan check` uses it to find slides that overflow at 80x24.
///
/// ```
/// row 0              top margin (from 16 rows)
/// title              large letters (3 rows, 5 in ASCII) or bold lines
/// blank
/// body rows          the slide's text, scrolled when it is longer
/// height - 2         "more" marker when the body overflows
/// height - 1         footer: slide n/N, progress bar, elapsed time
/// ```
public struct SlideGeometry: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Rows one line of large letters takes: 3 drawn with half blocks, 5 with `#`.
    public let bigRows: Int

    public init(width: Int, height: Int, unicode: Bool = true) {
        self.width = max(0, width)
        self.height = max(0, height)
        bigRows = unicode ? 3 : 5
    }

    /// The size slides are checked at: a small classroom terminal.
    public static let checked = SlideGeometry(width: 80, height: 24)

    public var footerRow: Int { height - 1 }
    public var markerRow: Int { height - 2 }
    public var topMargin: Int { height >= 16 ? 1 : 0 }
    /// Large letters are used only from this many rows.
    public var allowsBigTitles: Bool { height >= 18 && width >= 40 }

    /// Columns left blank on each side.
    public var margin: Int { width >= 40 ? 2 : (width >= 20 ? 1 : 0) }
    /// The width of the text column: the screen less its margins, at most 100.
    public var textWidth: Int { max(1, min(width - 2 * margin, 100)) }
    public var textX: Int { max(0, (width - textWidth) / 2) }

    /// Columns side by side for the framework map: three need 60 columns of text.
    public func columnWidth(count: Int) -> Int? {
        guard count > 1, textWidth >= 20 * count else { return nil }
        return (textWidth - columnGap * (count - 1)) / count
    }

    public let columnGap = 3

    // MARK: Titles

    /// A title set for the screen: in large letters (one string per line of letters) or
    /// as bold text (one string per screen row).
    public struct TitleLayout: Hashable, Sendable {
        public var big: Bool
        public var lines: [String]
        /// Rows the title takes, gaps between lines of large letters included.
        public var rows: Int
    }

    public func title(
        _ text: String, style: Slide.Style,
        measure: @escaping SlideLayout.Measure = SlideLayout.estimatedWidth
    ) -> TitleLayout {
        if allowsBigTitles, let lines = bigLines(text, maximum: style == .cover ? 3 : 1) {
            let rows = lines.count * bigRows + (lines.count - 1)
            if style == .normal || rows <= height - 6 {
                return TitleLayout(big: true, lines: lines, rows: rows)
            }
        }
        let lines = SlideLayout.lines(
            [.paragraph([.text(text)])], width: textWidth, measure: measure
        ).map(\.text)
        return TitleLayout(big: false, lines: lines, rows: lines.count)
    }

    /// The title cut into lines of large letters that fit, or nil.
    private func bigLines(_ text: String, maximum: Int) -> [String]? {
        let normalized = SlideGeometry.bigText(text)
        var lines: [String] = []
        for word in normalized.split(separator: " ") {
            guard SlideGeometry.bigWidth(String(word)) ?? Int.max <= textWidth else { return nil }
            if let last = lines.last, let joined = SlideGeometry.bigWidth(last + " " + word),
                joined <= textWidth
            {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        guard !lines.isEmpty, lines.count <= maximum else { return nil }
        return lines
    }

    /// The title as the large font writes it: capitals, straight quotes, plain dashes.
    public static func bigText(_ text: String) -> String {
        var result = ""
        for character in text.uppercased() {
            switch character {
            case "\u{2018}", "\u{2019}": result.append("'")
            case "\u{201C}", "\u{201D}": result.append("\"")
            case "\u{2013}", "\u{2014}": result.append("-")
            case "\u{2026}": result += "..."
            default: result.append(character)
            }
        }
        return result.split(separator: " ").joined(separator: " ")
    }

    /// The width of one large letter; nil when the font has no such letter.
    public static func bigGlyphWidth(_ character: Character) -> Int? {
        switch character {
        case "A"..."Z", "0"..."9": 3
        case " ": 2
        case ".", ",", ":", ";", "!", "'", "|": 1
        case "(", ")": 2
        case "\"", "?", "-", "+", "/", "&", "%", "#", "=", "_", "*": 3
        default: nil
        }
    }

    /// The columns text takes in large letters (one column between letters), or nil.
    public static func bigWidth(_ text: String) -> Int? {
        var total = 0
        for character in text {
            guard let width = bigGlyphWidth(character) else { return nil }
            total += width + 1
        }
        return max(0, total - 1)
    }

    // MARK: Body

    /// The rows of body text below a title of `titleRows` rows: the first row and how many.
    public func body(titleRows: Int) -> (top: Int, rows: Int) {
        let top = topMargin + titleRows + 1
        return (top, max(0, markerRow - top))
    }

    /// Where a cover slide's title starts so that title and body sit in the middle, or nil
    /// when they don't fit and the slide is laid out like any other.
    public func coverTop(titleRows: Int, bodyLines: Int) -> Int? {
        let needed = titleRows + (bodyLines > 0 ? bodyLines + 1 : 0)
        let space = markerRow - topMargin
        guard needed <= space else { return nil }
        return topMargin + (space - needed) / 2
    }

    /// The body laid out for this screen: the map in columns where they fit.
    public func bodyLines(
        _ body: SlideBody, model: ContentModel?, unicode: Bool = true,
        measure: @escaping SlideLayout.Measure = SlideLayout.estimatedWidth
    ) -> BodyLayout {
        if !body.columns.isEmpty, let columnWidth = columnWidth(count: body.columns.count) {
            let columns = body.columns.map {
                SlideLayout.lines(
                    $0, width: columnWidth, unicode: unicode, model: model, measure: measure)
            }
            return BodyLayout(columns: columns, columnWidth: columnWidth)
        }
        if !body.shortColumns.isEmpty, let bands = bands(count: body.shortColumns.count) {
            let lines = bandLines(
                body.shortColumns, bands: bands, unicode: unicode, model: model, measure: measure)
            return BodyLayout(columns: [lines], columnWidth: textWidth)
        }
        let lines = SlideLayout.lines(
            body.blocks, width: textWidth, unicode: unicode, model: model, measure: measure)
        return BodyLayout(columns: [lines], columnWidth: textWidth)
    }

    /// Body text in one column, or several side by side.
    public struct BodyLayout: Hashable, Sendable {
        public var columns: [[SlideLayout.Line]]
        public var columnWidth: Int
        /// Rows the body needs: its tallest column.
        public var rows: Int { columns.map(\.count).max() ?? 0 }
    }

    /// Rows a slide's body needs and rows it has on this screen.
    public func fit(_ slide: Slide, in model: ContentModel) -> (needed: Int, available: Int) {
        let title = title(slide.title, style: slide.style)
        let body = bodyLines(SlideContent.body(for: slide, in: model), model: model)
        if slide.style == .cover, coverTop(titleRows: title.rows, bodyLines: body.rows) != nil {
            return (body.rows, body.rows)
        }
        return (body.rows, self.body(titleRows: title.rows).rows)
    }
}
