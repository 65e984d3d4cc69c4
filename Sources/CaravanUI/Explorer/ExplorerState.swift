import CaravanContent

/// A place in the reading history: an entity and how far down it was read.
public struct HistoryEntry: Sendable, Hashable {
    public var id: EntityID
    public var scroll: Int

    public init(id: EntityID, scroll: Int) {
        self.id = id
        self.scroll = scroll
    }
}

/// The search overlay: a query typed live, ranked results, a selection.
public struct SearchOverlay: Sendable, Hashable {
    public var query: String = ""
    /// The results with their snippets, best first: as many as have been on screen.
    public var results: [SearchIndex.Result] = []
    /// Ranked hits after `results` whose snippets are made when they come into view.
    public var pending: [SearchIndex.Hit] = []
    public var selection: Int = 0
    public var scroll: Int = 0

    /// Every result, shown or not.
    public var count: Int { results.count + pending.count }
}

/// The jump prompt: fuzzy match on titles and ids, with completion.
public struct JumpOverlay: Sendable, Hashable {
    public var input: String = ""
    /// Framework views whose names match, listed before the entities.
    public var views: [FrameworkViewKind] = []
    public var candidates: [EntityID] = []
    public var selection: Int = 0
    public var scroll: Int = 0
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

/// Everything the explorer shows, as a value. Only `update` changes it.
public struct ExplorerState: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var focus: Pane = .navigator
    /// The pane beside the reader when only two fit.
    public var sidePane: Pane = .navigator
    public var zoomed = false

    public var collapsed: Set<String> = []
    public var navigatorSelection = 0
    public var navigatorScroll = 0

    public var current: EntityID
    public var readerScroll = 0
    public var selectedLink: Int?

    public var contextSelection = 0
    public var contextScroll = 0

    public var history: [HistoryEntry]
    public var historyIndex = 0

    public var overlay: Overlay?
    /// Terms of the last search, highlighted in the reader; n/N move between them.
    public var searchTerms: [String] = []
    public var currentMatch: Int?

    /// After `m` or `'`: waiting for the mark's letter.
    public var pendingMark: MarkCommand?

    /// A count typed before a command, as in `5j`.
    public var pendingCount: Int?
    public var message: String?

    public init(width: Int, height: Int, start: EntityID) {
        self.width = width
        self.height = height
        current = start
        history = [HistoryEntry(id: start, scroll: 0)]
    }
}

/// What the letter after `m` or `'` does.
public enum MarkCommand: Sendable, Hashable {
    case set
    case jump
}
