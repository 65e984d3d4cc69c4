/// Every character and symbol the views draw, in a UTF-8 set and an ASCII set for
/// terminals whose locale is not UTF-8, for screen readers and for plain text.
///
/// Views never choose between Unicode and ASCII themselves: they take a `Glyphs` and use
/// its fields by what they mean, so a glyph is decided here once.
public struct Glyphs: Hashable, Sendable {
    public let isUnicode: Bool
    /// Lines for frames, dividers and rules.
    public let box: BoxChars

    // MARK: Text

    /// Ends text cut to fit a column: `…` or `...`.
    public let ellipsis: String
    /// Ends a title cut to fit a pane or a prompt, in one column where it can: `…` or `~`.
    public let cut: String
    /// Between items on one line: ` · ` or ` - `.
    public let separator: String
    /// Between a title and what follows it, in box titles and hints: ` — ` or ` - `.
    public let dash: String
    /// A dash in running text on a page: ` — ` or ` -- `.
    public let textDash: String
    /// Between the parts of the title bar's trail: ` › ` or ` > `.
    public let crumb: String
    /// Before a section number: `§` or `section `.
    public let section: String
    /// A list bullet, without the space after it: `•` or `*`.
    public let bullet: String
    public let openQuote: String
    public let closeQuote: String
    /// Before each line of a quotation, with its space: `│ ` or `> `.
    public let quoteBar: String
    /// Between the ends of a range: `–` or `-`.
    public let range: String

    // MARK: Marks

    /// A group in a tree that can be unfolded (`▸`, `+`) or folded (`▾`, `-`).
    public let folded: String
    public let unfolded: String
    /// An entity already read: `·` or `.`.
    public let visited: String
    /// A mark in a table cell (a case illustrates this): `●` or `x`.
    public let mark: String
    /// An empty table cell: `·` or `.`.
    public let blank: String
    /// Ties one thing to another: `↔` or `<->`.
    public let tie: String
    /// Leads into a group: `▸` or `>`.
    public let into: String
    public let arrowUp: String
    public let arrowDown: String
    /// The done and the remaining part of a progress bar: `━` `─` or `=` `-`.
    public let progressDone: String
    public let progressLeft: String
    /// Fills a bar of a chart (a poll's answers): `█` or `#`.
    public let chartBar: String

    /// For UTF-8 terminals.
    public static let unicode = Glyphs(
        isUnicode: true, box: .unicode, ellipsis: "…", cut: "…", separator: " · ",
        dash: " — ", textDash: " — ", crumb: " › ", section: "§", bullet: "•", openQuote: "“",
        closeQuote: "”", quoteBar: "│ ", range: "–", folded: "▸", unfolded: "▾", visited: "·",
        mark: "●", blank: "·", tie: "↔", into: "▸", arrowUp: "↑", arrowDown: "↓",
        progressDone: "━", progressLeft: "─", chartBar: "█")

    /// For ASCII terminals, screen readers and plain text.
    public static let ascii = Glyphs(
        isUnicode: false, box: .ascii, ellipsis: "...", cut: "~", separator: " - ", dash: " - ",
        textDash: " -- ", crumb: " > ", section: "section ", bullet: "*", openQuote: "\"",
        closeQuote: "\"", quoteBar: "> ", range: "-", folded: "+", unfolded: "-", visited: ".",
        mark: "x", blank: ".", tie: "<->", into: ">", arrowUp: "^", arrowDown: "v",
        progressDone: "=", progressLeft: "-", chartBar: "#")

    /// A horizontal line `width` columns long.
    public func rule(_ width: Int) -> String {
        String(repeating: box.horizontal, count: max(0, width))
    }
}

extension Glyphs {
    /// The set for a terminal that can, or cannot, show Unicode.
    public init(unicode: Bool) {
        self = unicode ? .unicode : .ascii
    }
}

/// Characters for drawing frames and dividers.
public struct BoxChars: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// `├`: a vertical line with a branch to the right.
    public var teeRight: Character
    /// `┤`: a vertical line with a branch to the left.
    public var teeLeft: Character
    /// `┬`: a horizontal line with a branch down.
    public var teeDown: Character
    /// `┴`: a horizontal line with a branch up.
    public var teeUp: Character
    public var cross: Character

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, teeRight: Character, teeLeft: Character,
        teeDown: Character, teeUp: Character, cross: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.teeDown = teeDown
        self.teeUp = teeUp
        self.cross = cross
    }

    /// Light box-drawing characters (U+2500 block).
    public static let unicode = BoxChars(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼")

    /// `-`, `|` and `+`.
    public static let ascii = BoxChars(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+")
}
