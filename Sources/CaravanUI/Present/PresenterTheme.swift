import CaravanContent

/// Styles for slides: bright text on black, to be read from the back of a room; a
/// monochrome variant (attributes only) for terminals without colours or with NO_COLOR.
public struct PresenterTheme: Sendable, Hashable {
    public var background: Style
    public var text: Style
    public var title: Style
    public var heading: Style
    public var emphasis: Style
    public var strong: Style
    public var code: Style
    public var link: Style
    public var quote: Style
    public var marker: Style
    /// The footer's text (slide number, clock).
    public var footer: Style
    public var barDone: Style
    public var barLeft: Style
    /// The "more" marker on a slide that scrolls, and prompts.
    public var notice: Style
    /// The selected cell of the overview.
    public var selection: Style

    /// White and yellow on black.
    public static let highContrast = PresenterTheme(
        background: Style(fg: .brightWhite, bg: .black),
        text: Style(fg: .brightWhite, bg: .black),
        title: Style(fg: .brightYellow, bg: .black, bold: true),
        heading: Style(fg: .brightCyan, bg: .black, bold: true),
        emphasis: Style(fg: .brightWhite, bg: .black, italic: true),
        strong: Style(fg: .brightWhite, bg: .black, bold: true),
        code: Style(fg: .brightGreen, bg: .black),
        link: Style(fg: .brightCyan, bg: .black, underline: true),
        quote: Style(fg: .brightGreen, bg: .black, italic: true),
        marker: Style(fg: .brightYellow, bg: .black, bold: true),
        footer: Style(fg: .brightWhite, bg: .black, bold: true),
        barDone: Style(fg: .brightYellow, bg: .black, bold: true),
        barLeft: Style(fg: .white, bg: .black),
        notice: Style(fg: .black, bg: .brightYellow, bold: true),
        selection: Style(fg: .black, bg: .brightYellow, bold: true))

    /// Bold, underline and reverse only.
    public static let monochrome = PresenterTheme(
        background: .plain,
        text: .plain,
        title: Style(bold: true),
        heading: Style(bold: true),
        emphasis: Style(italic: true),
        strong: Style(bold: true),
        code: .plain,
        link: Style(underline: true),
        quote: Style(italic: true),
        marker: Style(bold: true),
        footer: Style(bold: true),
        barDone: Style(bold: true),
        barLeft: .plain,
        notice: Style(bold: true, reverse: true),
        selection: Style(bold: true, reverse: true))

    /// The theme a terminal can show.
    public static func forTerminal(_ capabilities: Capabilities) -> PresenterTheme {
        capabilities.colors == .none ? .monochrome : .highContrast
    }

    /// The style of a run of slide text.
    public func style(_ style: SlideLayout.Style) -> Style {
        switch style {
        case .plain: text
        case .emphasis: emphasis
        case .strong: strong
        case .code: code
        case .link: link
        case .citation: emphasis
        case .heading: heading
        case .quote: quote
        case .marker: marker
        }
    }
}
