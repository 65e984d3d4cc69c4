/// How the explorer's keys reach a framework view, as tig looks up a view's keymap before
/// the generic one: the view's own keys first, then the explorer's moving keys, which move
/// the selection (`j`, `k`, `h`, `l`, the arrows, Tab, the page keys); Enter opens and
/// Backspace closes. A user who rebinds them in the explorer has them in the views too.
extension ViewAction {
    /// The explorer's action whose keys this one answers to in a view; nil for those that
    /// have keys of their own only.
    public var explorerAction: Action? {
        switch self {
        case .moveUp: .lineUp
        case .moveDown: .lineDown
        case .moveLeft: .focusLeft
        case .moveRight: .focusRight
        case .next: .nextLink
        case .previous: .previousLink
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .first: .top
        case .last: .bottom
        case .open: .open
        case .close: .back
        case .filterConnotation, .filterRegion: nil
        }
    }

    /// The view's meaning of an explorer action, if it has one.
    public init?(_ action: Action) {
        guard let match = ViewAction.allCases.first(where: { $0.explorerAction == action }) else {
            return nil
        }
        self = match
    }
}

/// The keys of a framework view: its own, then the explorer's that it takes.
public struct ViewKeys: Sendable {
    public var own: Keymap<ViewAction>
    public var explorer: Keymap<Action>

    public init(own: Keymap<ViewAction>, explorer: Keymap<Action>) {
        self.own = own
        self.explorer = explorer
    }

    /// What a key asks a view for, in the order to try them: the view's own binding, then
    /// the explorer's action for the key, if the views take it. A view that has no use for
    /// the first (the map, for a filter of the matrix) is asked the next.
    public func actions(for key: Key) -> [ViewAction] {
        var actions = own.action(for: key).map { [$0] } ?? []
        if let inherited = explorer.action(for: key).flatMap(ViewAction.init),
            !actions.contains(inherited)
        {
            actions.append(inherited)
        }
        return actions
    }

    /// Every key that reaches an action in a view: its own, then the explorer's that no
    /// own binding shadows.
    public func keys(for action: ViewAction) -> [Key] {
        let inherited = action.explorerAction.map { explorer.keys(for: $0) } ?? []
        return own.keys(for: action)
            + inherited.filter { own.action(for: $0) == nil && !own.keys(for: action).contains($0) }
    }

    /// Every view action's keys, for the hints the views show.
    public var hints: ViewHints {
        ViewHints(
            keys: Dictionary(uniqueKeysWithValues: ViewAction.allCases.map { ($0, keys(for: $0)) }))
    }
}
