/// Everything a user can ask the explorer to do. Keys map to these by name, so the
/// help overlay, the man page and a user's rebinding all speak of the same things.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case lineDown = "line-down"
    case lineUp = "line-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case focusLeft = "focus-left"
    case focusRight = "focus-right"
    case focusNext = "focus-next"
    case zoom
    case nextLink = "next-link"
    case previousLink = "previous-link"
    case open
    case toggleGroup = "toggle-group"
    case expandAll = "expand-all"
    case collapseAll = "collapse-all"
    case back
    case forward
    case jump
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case problems
    case setMark = "set-mark"
    case jumpToMark = "jump-to-mark"
    case annotate
    case present
    case frameworkMap = "framework-map"
    case caseMatrix = "case-matrix"
    case atlas
    case help
    case quit

    /// The one-line text the help overlay shows.
    public var help: String {
        switch self {
        case .lineDown: "Move down one line"
        case .lineUp: "Move up one line"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .halfPageDown: "Half a page down"
        case .halfPageUp: "Half a page up"
        case .top: "Go to the top"
        case .bottom: "Go to the bottom"
        case .focusLeft: "Focus the pane to the left"
        case .focusRight: "Focus the pane to the right"
        case .focusNext: "Focus the next pane"
        case .zoom: "Zoom the focused pane to the full screen and back"
        case .nextLink: "Select the next link"
        case .previousLink: "Select the previous link"
        case .open: "Open the selection, follow the link, fold a group"
        case .toggleGroup: "Fold or unfold the group"
        case .expandAll: "Unfold every group"
        case .collapseAll: "Fold every group"
        case .back: "Go back in history"
        case .forward: "Go forward in history"
        case .jump: "Jump by title, id, section number (3b) or code (E2)"
        case .search: "Search everything"
        case .nextMatch: "Next search match; after the last, the next result's first"
        case .previousMatch: "Previous search match; before the first, the previous result's last"
        case .problems: "List the content's errors and warnings"
        case .setMark: "Set a mark: press a letter after it"
        case .jumpToMark: "Go to a mark: press its letter after it"
        case .annotate: "Write or edit your note on this entity"
        case .present: "Present the lecture from the slide showing this entity"
        case .frameworkMap: "Show the framework map (Backspace returns to it from an entity)"
        case .caseMatrix: "Show the matrix of cases and mechanisms"
        case .atlas: "Show the atlas of cases by region"
        case .help: "Show this help"
        case .quit: "Quit"
        }
    }

    /// The help overlay's section for this action.
    public var group: String {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom:
            "Moving"
        case .focusLeft, .focusRight, .focusNext, .zoom: "Panes"
        case .nextLink, .previousLink, .open, .toggleGroup, .expandAll, .collapseAll, .back,
            .forward:
            "Links and history"
        case .jump, .search, .nextMatch, .previousMatch, .problems: "Finding"
        case .frameworkMap, .caseMatrix, .atlas: "Seeing the framework"
        case .setMark, .jumpToMark, .annotate: "Marks and notes"
        case .present, .help, .quit: "General"
        }
    }

    /// The move this action makes in a list or a pane, if it is one.
    public var motion: Motion? {
        switch self {
        case .lineDown: .lineDown
        case .lineUp: .lineUp
        case .pageDown: .pageDown
        case .pageUp: .pageUp
        case .halfPageDown: .halfPageDown
        case .halfPageUp: .halfPageUp
        case .top: .top
        case .bottom: .bottom
        default: nil
        }
    }

    /// Whether a count typed before the key (`5j`) repeats the action.
    var takesCount: Bool {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .nextLink,
            .previousLink, .back, .forward, .nextMatch, .previousMatch:
            true
        default: false
        }
    }
}

/// Keys bound to actions. Bindings are data: the help overlay is generated from them.
public struct Keymap: Sendable {
    public private(set) var bindings: [(key: Key, action: Action)]

    public init(bindings: [(key: Key, action: Action)]) {
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.key == key }?.action
    }

    /// The keys bound to an action, in the order they were bound.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// Binds `key` to `action`, replacing what the key did before.
    public mutating func bind(_ key: Key, to action: Action) {
        bindings.removeAll { $0.key == key }
        bindings.append((key, action))
    }

    /// The default keys: those of less, vim, GNU info and tig.
    public static let standard: Keymap = {
        var bindings: [(key: Key, action: Action)] = []
        func add(_ action: Action, _ names: String...) {
            for name in names {
                if let key = Key(name: name) { bindings.append((key, action)) }
            }
        }
        add(.lineDown, "j", "Down", "Ctrl-n", "Ctrl-e")
        add(.lineUp, "k", "Up", "Ctrl-p", "Ctrl-y")
        add(.pageDown, "Space", "PgDn", "Ctrl-f", "f")
        add(.pageUp, "b", "PgUp", "Ctrl-b")
        add(.halfPageDown, "Ctrl-d", "d")
        add(.halfPageUp, "Ctrl-u", "u")
        add(.top, "g", "Home", "<")
        add(.bottom, "G", "End", ">")
        add(.focusLeft, "h", "Left")
        add(.focusRight, "l", "Right")
        add(.focusNext, "w", "Ctrl-w")
        add(.zoom, "z")
        add(.nextLink, "Tab")
        add(.previousLink, "S-Tab")
        add(.open, "Enter")
        add(.toggleGroup, "o")
        add(.expandAll, "O")
        add(.collapseAll, "C")
        add(.back, "Backspace", "[")
        add(.forward, "]")
        add(.jump, ":")
        add(.search, "/")
        add(.nextMatch, "n")
        add(.previousMatch, "N")
        add(.problems, "E")
        add(.frameworkMap, "M")
        add(.caseMatrix, "X")
        add(.atlas, "A")
        add(.setMark, "m")
        add(.jumpToMark, "'")
        add(.annotate, "a")
        add(.present, "P")
        add(.help, "?", "F1")
        add(.quit, "q", "Q")
        return Keymap(bindings: bindings)
    }()
}
