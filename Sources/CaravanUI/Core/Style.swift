/// How a cell looks: colours and attributes.
///
/// Backends drop what the terminal cannot show: without colours the
/// attributes remain, and a monochrome terminal keeps only bold, underline
/// and reverse. A cell with a non-default background is shown in reverse when
/// there are no colours, so a highlight never disappears.
public struct Style: Hashable, Sendable {
    /// The foreground (text) colour.
    public var fg: Color
    /// The background colour.
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
        italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's default colours and no attributes.
    public static let plain = Style()
}
