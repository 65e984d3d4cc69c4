import CaravanContent

/// A view of the framework that opens over the explorer's panes: the map, the matrix, the
/// atlas, and the next ones. A view is a value; the explorer keeps the one open in its
/// state, tells it its size, hands it ``ViewAction``s (never keys) and draws its widget.
/// Two views are equal when what the reader changed in them is (the selection, the
/// scroll, the filters, the size): what they derive from the model is the same.
///
/// Adding a view: a type conforming to this (most lay out on a ``SelectableCanvas``), and
/// its case in ``FrameworkViewKind``, whose switches the compiler holds to every case.
public protocol FrameworkView: Sendable, Equatable {
    /// Which view this is.
    var kind: FrameworkViewKind { get }
    /// The entity Enter would open.
    var selection: EntityID? { get }
    /// Whether it is laid out one item a line, for screen readers.
    var isLinear: Bool { get }
    /// Tells the view the size it is drawn at, so that moves and scrolling match what is
    /// shown: when it opens and on every resize.
    mutating func resize(width: Int, height: Int)
    /// Does what an action asks; `.ignored` for one it has no use for (another view's),
    /// and the explorer then offers the view its own action for the key, if it has one.
    /// A test holds every action to being taken by some view.
    mutating func perform(_ action: ViewAction) -> ScreenOutcome
    /// The view as drawn for an area.
    func widget(_ look: ViewLook) -> any Widget
    /// Where the selected item is drawn in `area`, for the terminal's cursor.
    func selectionCursor(in area: Rect) -> (x: Int, y: Int)?
    /// The view's content as plain text, every line at most `width` columns.
    func plainText(width: Int) -> String
}

extension FrameworkView {
    public var isLinear: Bool { false }

    public func selectionCursor(in area: Rect) -> (x: Int, y: Int)? { nil }

    /// Does what an action asks; a move typed after a count repeats `count` times (as `8l`
    /// in vim), stopping early when it does something else.
    public mutating func perform(_ action: ViewAction, count: Int) -> ScreenOutcome {
        var outcome = perform(action)
        guard action.repeats else { return outcome }
        // No table has more rows or columns than this; a larger count moves to the end.
        var left = min(count, 1000) - 1
        while left > 0, outcome == .handled {
            outcome = perform(action)
            left -= 1
        }
        return outcome
    }
}

/// A framework view as a value the explorer's state can hold and compare.
public struct OpenView: Hashable, Sendable {
    public var view: any FrameworkView

    public init(_ view: any FrameworkView) {
        self.view = view
    }

    public static func == (lhs: OpenView, rhs: OpenView) -> Bool {
        lhs.view.isEqual(to: rhs.view)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(view.kind)
        hasher.combine(view.selection)
    }
}

extension FrameworkView {
    /// Whether another view is this one as it stands: of the same type, and equal.
    func isEqual(to other: any FrameworkView) -> Bool {
        (other as? Self) == self
    }
}

/// What a view did with an action, for the explorer to act on.
public enum ScreenOutcome: Equatable, Sendable {
    /// The action did something on the view (or nothing useful): redraw and go on.
    case handled
    /// The view has no use for the action.
    case ignored
    /// Open this entity in the reader.
    case open(EntityID)
    /// Leave the view.
    case close
}

/// How a view is drawn: the theme's styles, the glyphs the terminal can show, and the
/// keys its hints name.
public struct ViewLook: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs
    public var hints: ViewHints

    public init(theme: Theme, glyphs: Glyphs, hints: ViewHints = .none) {
        self.theme = theme
        self.glyphs = glyphs
        self.hints = hints
    }

    public init(_ look: Look, hints: ViewHints) {
        self.init(theme: look.theme, glyphs: look.glyphs, hints: hints)
    }
}
