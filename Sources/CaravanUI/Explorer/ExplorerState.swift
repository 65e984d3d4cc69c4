import CaravanContent

/// A place in the reading history: an entity, how far down it was read, and what was
/// selected there, so that going back finds it as it was left.
public struct HistoryEntry: Sendable, Hashable {
    public var id: EntityID
    public var scroll: Int
    /// The link selected in the reader.
    public var selectedLink: Int?
    /// The Links pane's selected row and its scroll.
    public var context: ScrollState?

    public init(id: EntityID, scroll: Int) {
        self.id = id
        self.scroll = scroll
    }
}

extension ExplorerState {
    /// Records where the reader is in the current history entry.
    mutating func recordPlace() {
        guard history.indices.contains(historyIndex) else { return }
        history[historyIndex].scroll = reader.offset
        history[historyIndex].selectedLink = selectedLink
        history[historyIndex].context = context
    }

    /// Selects again what `entry` recorded, where the page and the Links pane still have it.
    mutating func restoreSelections(of entry: HistoryEntry, links: Int, contextRows: Int) {
        if let link = entry.selectedLink, link < links { selectedLink = link }
        if let saved = entry.context, saved.selection < contextRows { context = saved }
    }
}

public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    /// The built-in note editor, for the entity being annotated.
    case editor(NoteEditor, EntityID)
    case search(SearchOverlay)
    case jump(JumpOverlay)
    /// The content's errors and warnings.
    case problems(ProblemList)
}

/// Everything the explorer shows and the reader has done, as a value: where each pane is,
/// the reader's history, marks, notes and what they have read, the view or overlay open.
/// Only `update` changes it; a host gives an earlier session's reading to `init` and tells
/// of later changes with a ``HostEvent``.
public struct ExplorerState: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var focus: Pane = .navigator
    /// The pane beside the reader when only two fit.
    public var sidePane: Pane = .navigator
    public var zoomed = false

    public var collapsed: Set<String> = []
    /// The navigator's selected row and scroll.
    public var navigator = ScrollState()

    public var current: EntityID
    /// How far the reader is scrolled.
    public var reader = ScrollState()
    public var selectedLink: Int?

    /// The Links pane's selected row (always an entry, never a heading) and scroll.
    public var context = ScrollState()

    public var history: [HistoryEntry]
    public var historyIndex = 0
    /// Entities the reader has opened, marked in the navigator.
    public var visited: Set<EntityID> = []
    /// Marks set with `m` and a letter: where they were set.
    public var marks: [Character: HistoryEntry] = [:]
    /// The reader's notes, by entity; never empty ones.
    public var notes: [EntityID: String] = [:]

    /// The framework view open over the panes.
    public var view: OpenView?
    /// The view an entity was opened from: going back to its history entry reopens it.
    public var viewToReturnTo: ViewReturn?

    public var overlay: Overlay?
    /// Terms of the last search, highlighted in the reader; n/N move between them.
    public var searchTerms: [String] = []
    public var currentMatch: Int?

    /// After `m` or `'`: waiting for the mark's letter.
    public var pendingMark: MarkCommand?

    /// The search whose results `n` and `N` go through, until Esc.
    public var searchRun: SearchRun?
    /// Searches run before, oldest first; `/` offers the newest again.
    public var searchHistory: [String] = []
    /// What was typed in the jump prompt before, oldest first.
    public var jumpHistory: [String] = []

    /// A count typed before a command, as in `5j`, and where it was typed.
    public var count = CountPrefix<CountPlace>()
    /// The count waiting for its key, if any.
    public var pendingCount: Int? { count.value }
    public var message: String?

    /// The reader's first line on screen.
    public var readerScroll: Int { reader.offset }

    public init(width: Int, height: Int, start: EntityID) {
        self.width = width
        self.height = height
        current = start
        history = [HistoryEntry(id: start, scroll: 0)]
    }
}

/// A view to reopen as it was left, and the history entry that reopens it.
public struct ViewReturn: Sendable, Hashable {
    public var view: OpenView
    public var historyIndex: Int
}

/// What the letter after `m` or `'` does.
public enum MarkCommand: Sendable, Hashable {
    case set
    case jump
}
