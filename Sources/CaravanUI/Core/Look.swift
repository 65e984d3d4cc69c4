/// How something is drawn: a theme's styles, and the glyphs the terminal can show.
public struct Look: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs

    public init(theme: Theme, glyphs: Glyphs) {
        self.theme = theme
        self.glyphs = glyphs
    }
}
