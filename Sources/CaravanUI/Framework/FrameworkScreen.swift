import CaravanContent

/// The three ways of seeing the framework.
public enum FrameworkViewKind: String, CaseIterable, Sendable {
    /// The connotations, their mechanisms and their ties.
    case map
    /// Cases against mechanisms.
    case matrix
    /// Cases by region and country.
    case atlas

    /// A name for menus and title bars.
    public var title: String {
        switch self {
        case .map: "Framework map"
        case .matrix: "Case matrix"
        case .atlas: "Atlas of cases"
        }
    }

    /// The screen of this kind for a model, with nothing moved or filtered yet; `linear`
    /// lays the map out one item a line, for screen readers.
    public func makeScreen(model: ContentModel, linear: Bool = false) -> FrameworkScreen {
        switch self {
        case .map: .map(MapScreen(model: model, linear: linear))
        case .matrix: .matrix(MatrixScreen(model: model))
        case .atlas: .atlas(AtlasScreen(model: model))
        }
    }

    /// The screen's content as plain text, every line at most `width` columns.
    public func plainText(model: ContentModel, width: Int) -> String {
        makeScreen(model: model).plainText(width: width)
    }
}

/// Whichever framework screen is open, so the explorer can keep it in one property.
public enum FrameworkScreen: Sendable {
    case map(MapScreen)
    case matrix(MatrixScreen)
    case atlas(AtlasScreen)

    public var kind: FrameworkViewKind {
        switch self {
        case .map: .map
        case .matrix: .matrix
        case .atlas: .atlas
        }
    }

    /// Whether the screen is laid out one item a line, for screen readers.
    var isLinear: Bool {
        if case .map(let screen) = self { return screen.isLinear }
        return false
    }

    /// The entity Enter would open.
    public var selection: EntityID? {
        switch self {
        case .map(let screen): screen.selection
        case .matrix(let screen): screen.selection
        case .atlas(let screen): screen.selection
        }
    }

    public mutating func resize(width: Int, height: Int) {
        switch self {
        case .map(var screen):
            screen.resize(width: width, height: height)
            self = .map(screen)
        case .matrix(var screen):
            screen.resize(width: width, height: height)
            self = .matrix(screen)
        case .atlas(var screen):
            screen.resize(width: width, height: height)
            self = .atlas(screen)
        }
    }

    /// Handles a key typed after a count: a move repeats `count` times (as `8l` in
    /// vim), stopping early when the key does something else; other keys ignore it.
    public mutating func handle(_ key: Key, count: Int) -> ScreenOutcome {
        var outcome = handle(key)
        guard FrameworkScreen.repeatable.contains(key) else { return outcome }
        // No table has more rows or columns than this; a larger count moves to the end.
        var left = min(count, 1000) - 1
        while left > 0, outcome == .handled {
            outcome = handle(key)
            left -= 1
        }
        return outcome
    }

    /// Keys that move the selection by one step, which a count repeats.
    static let repeatable: Set<Key> = [
        .up, .down, .left, .right, .tab, .backTab, .pageUp, .pageDown, .character("h"),
        .character("j"), .character("k"), .character("l"), .character("b"), .character(" "),
    ]

    public mutating func handle(_ key: Key) -> ScreenOutcome {
        switch self {
        case .map(var screen):
            let outcome = screen.handle(key)
            self = .map(screen)
            return outcome
        case .matrix(var screen):
            let outcome = screen.handle(key)
            self = .matrix(screen)
            return outcome
        case .atlas(var screen):
            let outcome = screen.handle(key)
            self = .atlas(screen)
            return outcome
        }
    }

    public func render(
        into grid: inout Grid, in rect: Rect, theme: Theme, capabilities: Capabilities
    ) {
        switch self {
        case .map(let screen):
            screen.render(into: &grid, in: rect, theme: theme, capabilities: capabilities)
        case .matrix(let screen):
            screen.render(into: &grid, in: rect, theme: theme, capabilities: capabilities)
        case .atlas(let screen):
            screen.render(into: &grid, in: rect, theme: theme, capabilities: capabilities)
        }
    }

    /// Where the selected item is drawn in `rect`, for the terminal's cursor (the map's).
    public func selectionCursor(in rect: Rect) -> (x: Int, y: Int)? {
        if case .map(let screen) = self { return screen.selectionCursor(in: rect) }
        return nil
    }

    public func plainText(width: Int) -> String {
        switch self {
        case .map(let screen): screen.plainText(width: width)
        case .matrix(let screen): screen.plainText(width: width)
        case .atlas(let screen): screen.plainText(width: width)
        }
    }
}
