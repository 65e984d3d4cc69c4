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

    public var boxChars: BoxChars { unicode ? .unicode : .ascii }
    public var symbols: Symbols { unicode ? .unicode : .ascii }
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

/// Small symbols with ASCII stand-ins.
public struct Symbols: Hashable, Sendable {
    public var ellipsis: String
    public var bullet: String
    public var arrowRight: String
    public var arrowLeft: String
    public var arrowUp: String
    public var arrowDown: String

    public init(
        ellipsis: String, bullet: String, arrowRight: String, arrowLeft: String,
        arrowUp: String, arrowDown: String
    ) {
        self.ellipsis = ellipsis
        self.bullet = bullet
        self.arrowRight = arrowRight
        self.arrowLeft = arrowLeft
        self.arrowUp = arrowUp
        self.arrowDown = arrowDown
    }

    public static let unicode = Symbols(
        ellipsis: "…", bullet: "•", arrowRight: "→", arrowLeft: "←", arrowUp: "↑",
        arrowDown: "↓")

    public static let ascii = Symbols(
        ellipsis: "...", bullet: "*", arrowRight: "->", arrowLeft: "<-", arrowUp: "^",
        arrowDown: "v")
}
