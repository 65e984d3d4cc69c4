/// What a piece of screen is, independent of how it is coloured.
public enum Role: Sendable, Hashable, CaseIterable {
    case text
    case dim
    case heading
    case title
    case emphasis
    case strong
    case code
    case link
    case selectedLink
    case citation
    case quote
    case match
    case currentMatch
    case border
    case focusedBorder
    case paneTitle
    case selection
    case selectionUnfocused
    case group
    case visited
    case titleBar
    case statusBar
    case statusMessage
    case key
    case error
}

/// Maps roles to styles. Dark, light and monochrome variants; NO_COLOR picks monochrome.
public struct Theme: Sendable {
    public var name: String
    private var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: Role) -> Style {
        styles[role] ?? .plain
    }

    public mutating func set(_ role: Role, _ style: Style) {
        styles[role] = style
    }

    private static func style(
        _ fg: Color = .default, _ bg: Color = .default, bold: Bool = false, dim: Bool = false,
        italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) -> Style {
        var style = Style.plain
        style.fg = fg
        style.bg = bg
        style.bold = bold
        style.dim = dim
        style.italic = italic
        style.underline = underline
        style.reverse = reverse
        return style
    }

    public static let dark = Theme(
        name: "dark",
        styles: [
            .text: .plain,
            .dim: style(dim: true),
            .heading: style(.yellow, bold: true),
            .title: style(.cyan, bold: true),
            .emphasis: style(italic: true),
            .strong: style(bold: true),
            .code: style(.green),
            .link: style(.cyan, underline: true),
            .selectedLink: style(.black, .cyan, bold: true),
            .citation: style(.magenta),
            .quote: style(.green, italic: true),
            .match: style(.black, .yellow),
            .currentMatch: style(.black, .brightYellow, bold: true),
            .border: .plain,
            .focusedBorder: style(.cyan),
            .paneTitle: style(bold: true),
            .selection: style(.black, .cyan),
            .selectionUnfocused: style(reverse: true),
            .group: style(.yellow, bold: true),
            .visited: style(.blue),
            .titleBar: style(.black, .cyan),
            .statusBar: .plain,
            .statusMessage: style(.yellow, bold: true),
            .key: style(bold: true),
            .error: style(.red, bold: true),
        ])

    public static let light = Theme(
        name: "light",
        styles: [
            .text: .plain,
            .dim: style(dim: true),
            .heading: style(.blue, bold: true),
            .title: style(.blue, bold: true),
            .emphasis: style(italic: true),
            .strong: style(bold: true),
            .code: style(.red),
            .link: style(.blue, underline: true),
            .selectedLink: style(.white, .blue, bold: true),
            .citation: style(.magenta),
            .quote: style(.green, italic: true),
            .match: style(.black, .yellow),
            .currentMatch: style(.white, .red, bold: true),
            .border: .plain,
            .focusedBorder: style(.blue),
            .paneTitle: style(bold: true),
            .selection: style(.white, .blue),
            .selectionUnfocused: style(reverse: true),
            .group: style(.red, bold: true),
            .visited: style(.magenta),
            .titleBar: style(.white, .blue),
            .statusBar: .plain,
            .statusMessage: style(.red, bold: true),
            .key: style(bold: true),
            .error: style(.red, bold: true),
        ])

    /// Attributes only: for vt100, NO_COLOR and screen readers.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .text: .plain,
            .dim: .plain,
            .heading: style(bold: true),
            .title: style(bold: true),
            .emphasis: style(italic: true),
            .strong: style(bold: true),
            .code: .plain,
            .link: style(underline: true),
            .selectedLink: style(reverse: true),
            .citation: style(underline: true),
            .quote: style(italic: true),
            .match: style(reverse: true),
            .currentMatch: style(bold: true, reverse: true),
            .border: .plain,
            .focusedBorder: style(bold: true),
            .paneTitle: style(bold: true),
            .selection: style(reverse: true),
            .selectionUnfocused: style(underline: true),
            .group: style(bold: true),
            .visited: .plain,
            .titleBar: style(reverse: true),
            .statusBar: .plain,
            .statusMessage: style(bold: true),
            .key: style(bold: true),
            .error: style(bold: true),
        ])

    public static func named(_ name: String) -> Theme? {
        [dark, light, monochrome].first { $0.name == name }
    }
}
