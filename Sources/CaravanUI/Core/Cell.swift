/// One column of one row of a ``Grid``.
///
/// `grapheme` holds exactly one `Character` of display width 1 or 2, already
/// free of control characters; a wide character is followed by a cell whose
/// grapheme is empty (its right half, the *continuation*).
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var style: Style

    public init(grapheme: String, style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// A space in the plain style: what a new grid is filled with.
    public static let blank = Cell(grapheme: " ")

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { grapheme.isEmpty }
}
