/// A terminal colour, independent of any backend.
///
/// `default` is the terminal's own foreground or background. The sixteen named
/// colours are the ANSI palette; `indexed` reaches the 256-colour palette. A
/// backend with fewer colours maps each colour to the nearest one it has
/// (see ``paletteIndex(colorCount:)``).
public enum Color: Hashable, Sendable {
    case `default`
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
    case brightBlack
    case brightRed
    case brightGreen
    case brightYellow
    case brightBlue
    case brightMagenta
    case brightCyan
    case brightWhite
    case indexed(UInt8)

    /// The position of a named colour in the ANSI palette (0–15); nil for
    /// `default` and `indexed`.
    public var ansiIndex: Int? {
        switch self {
        case .default, .indexed: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        }
    }

    /// The palette entry to use on a terminal with `colorCount` colours, or nil
    /// for the terminal's default colour (also when the terminal has fewer than
    /// eight colours). Colours the terminal lacks map to the nearest ANSI colour.
    public func paletteIndex(colorCount: Int) -> Int? {
        guard colorCount >= 8 else { return nil }
        let index: Int
        switch self {
        case .default:
            return nil
        case .indexed(let value):
            index = Int(value)
        default:
            guard let ansi = ansiIndex else { return nil }
            index = ansi
        }
        if index < colorCount { return index }
        let basic = index < 16 ? index : Color.nearestANSI(toPaletteEntry: index)
        return basic < colorCount ? basic : basic - 8
    }

    /// The xterm defaults for the sixteen ANSI colours, as (red, green, blue).
    private static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The red, green and blue of an xterm 256-colour palette entry (16–255).
    private static func rgb(ofPaletteEntry index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return (level, level, level)
        }
        let cube = index - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[(cube / 36) % 6], steps[(cube / 6) % 6], steps[cube % 6])
    }

    /// The ANSI colour (0–15) closest to a 256-colour palette entry (16–255).
    private static func nearestANSI(toPaletteEntry index: Int) -> Int {
        let (red, green, blue) = rgb(ofPaletteEntry: index)
        var best = 0
        var bestDistance = Int.max
        for (candidate, color) in ansiRGB.enumerated() {
            let distance =
                (red - color.0) * (red - color.0) + (green - color.1) * (green - color.1)
                + (blue - color.2) * (blue - color.2)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
