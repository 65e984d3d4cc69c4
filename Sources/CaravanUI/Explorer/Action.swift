/// Everything a user can ask the explorer to do. Keys map to these by name, so the
/// help overlay, the man page and a user's rebinding all speak of the same things.
///
/// Adding one: a case here, decided in every switch of this file (the compiler asks for
/// each), a default key in ``Keymap/standard``, and its handling in
/// ``Explorer/perform(_:count:)``, whose switch the compiler also holds to every case.
public enum Action: String, CaseIterable, Sendable, Hashable, KeyAction {
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
    case help
    case quit
    case cancel

    public static var keyTable: String { "keys" }

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
        case .help: "Show this help"
        case .quit: "Quit"
        case .cancel: "End the search and its highlights; drop a count"
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
        case .setMark, .jumpToMark, .annotate: "Marks and notes"
        case .present, .help, .quit, .cancel: "General"
        }
    }

    /// The word the status bar's hints give it.
    public var hint: String? {
        switch self {
        case .help: "help"
        case .search: "search"
        case .jump: "jump"
        case .quit: "quit"
        default: nil
        }
    }

    /// What the status bar hints at, in order.
    static let statusHints: [Action] = [.help, .search, .jump, .quit]

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
        case .focusLeft, .focusRight, .focusNext, .zoom, .nextLink, .previousLink, .open,
            .toggleGroup, .expandAll, .collapseAll, .back, .forward, .jump, .search, .nextMatch,
            .previousMatch, .problems, .setMark, .jumpToMark, .annotate, .present, .help, .quit,
            .cancel:
            nil
        }
    }

    /// Whether it acts on the focused pane; such actions do nothing while a framework view
    /// covers the panes, unless the view takes them (``ViewAction/init(_:)``).
    var actsOnPane: Bool {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
            .focusLeft, .focusRight, .focusNext, .zoom, .nextLink, .previousLink, .open,
            .toggleGroup, .expandAll, .collapseAll:
            true
        case .back, .forward, .jump, .search, .nextMatch, .previousMatch, .problems, .setMark,
            .jumpToMark, .annotate, .present, .help, .quit, .cancel:
            false
        }
    }

    /// Whether a count typed before the key (`5j`) repeats the action.
    var takesCount: Bool {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .nextLink,
            .previousLink, .back, .forward, .nextMatch, .previousMatch:
            true
        case .top, .bottom, .focusLeft, .focusRight, .focusNext, .zoom, .open, .toggleGroup,
            .expandAll, .collapseAll, .jump, .search, .problems, .setMark, .jumpToMark, .annotate,
            .present, .help, .quit, .cancel:
            false
        }
    }
}

extension Keymap where A == Action {
    /// The default keys: those of less, vim, GNU info and tig.
    public static let standard = Keymap([
        (.lineDown, ["j", "Down", "Ctrl-n", "Ctrl-e"]),
        (.lineUp, ["k", "Up", "Ctrl-p", "Ctrl-y"]),
        (.pageDown, ["Space", "PgDn", "Ctrl-f", "f"]),
        (.pageUp, ["b", "PgUp", "Ctrl-b"]),
        (.halfPageDown, ["Ctrl-d", "d"]),
        (.halfPageUp, ["Ctrl-u", "u"]),
        (.top, ["g", "Home", "<"]),
        (.bottom, ["G", "End", ">"]),
        (.focusLeft, ["h", "Left"]),
        (.focusRight, ["l", "Right"]),
        (.focusNext, ["w", "Ctrl-w"]),
        (.zoom, ["z"]),
        (.nextLink, ["Tab"]),
        (.previousLink, ["S-Tab"]),
        (.open, ["Enter"]),
        (.toggleGroup, ["o"]),
        (.expandAll, ["O"]),
        (.collapseAll, ["C"]),
        (.back, ["Backspace", "["]),
        (.forward, ["]"]),
        (.jump, [":"]),
        (.search, ["/"]),
        (.nextMatch, ["n"]),
        (.previousMatch, ["N"]),
        (.problems, ["E"]),
        (.setMark, ["m"]),
        (.jumpToMark, ["'"]),
        (.annotate, ["a"]),
        (.present, ["P"]),
        (.help, ["?", "F1"]),
        (.quit, ["q", "Q"]),
        (.cancel, ["Esc"]),
    ])
}
