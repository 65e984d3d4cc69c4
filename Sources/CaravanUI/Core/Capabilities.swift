/// What the terminal can show, as found by the backend when it starts.
/// Views use it to choose line-drawing characters and symbols.
public struct Capabilities: Hashable, Sendable {
    public enum ColorSupport: Int, Hashable, Sendable, Comparable {
        /// No colours: NO_COLOR is set or the terminal is monochrome.
        case none = 0
        case ansi8 = 8
        case ansi16 = 16
        case palette256 = 256

        public static func < (lhs: ColorSupport, rhs: ColorSupport) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    public var colors: ColorSupport
    /// Whether the locale's character set is UTF-8. When false the backend
    /// shows every non-ASCII character as `?`, so views should use ASCII.
    public var unicode: Bool

    public init(colors: ColorSupport = .palette256, unicode: Bool = true) {
        self.colors = colors
        self.unicode = unicode
    }

    /// A UTF-8 terminal with 256 colours.
    public static let full = Capabilities(colors: .palette256, unicode: true)
    /// An ASCII terminal without colours.
    public static let minimal = Capabilities(colors: .none, unicode: false)

    /// The characters and symbols this terminal can show.
    public var glyphs: Glyphs { Glyphs(unicode: unicode) }
}
