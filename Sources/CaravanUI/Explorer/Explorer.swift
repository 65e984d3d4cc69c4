import CaravanContent
import Foundation

/// The explorer: navigator, reader and context panes over a content model.
///
/// A `Program`: `update` turns a key or a resize into a new state, `view` draws the state
/// into a grid. Nothing here touches a terminal.
public struct Explorer: Program {
    public let model: ContentModel
    public let tree: NavigatorTree
    /// Finds entities by id, number, code or title, for the jump prompt.
    public let lookup: EntityLookup
    /// Every keymap: the explorer's own, the views', the prompts' and the editor's.
    public let keys: KeyBindings
    public let theme: Theme
    public let capabilities: Capabilities
    /// One pane at a time, no box drawing, and the terminal cursor on the selected item,
    /// so screen readers and braille displays follow it.
    public let screenReader: Bool
    /// Pane widths from the config; nil lets the layout choose.
    public let navigatorWidth: Int?
    public let contextWidth: Int?
    /// Whether notes are written in an external editor (the annotate key then returns
    /// `.editNote` for the host to carry out) or in the built-in one.
    public let usesExternalEditor: Bool
    /// Whether the host writes notes to disk: then Ctrl-S in the built-in editor hands
    /// the note over (``takeNoteToSave()``) and waits to hear it was written.
    public let hostWritesNotes: Bool

    /// Everything the explorer shows and the reader has done. Only `update` changes it.
    public internal(set) var state: ExplorerState
    /// A note handed over by Ctrl-S, until the host takes it.
    var noteToSave: NoteSave?

    // Derived from the state; rebuilt only when what they depend on changes.
    public internal(set) var rows: [NavigatorTree.Row] = []
    public internal(set) var context: ContextList
    public internal(set) var page: DocumentLayout
    var pageKey: PageKey
    var pageCache = PageCache()
    var freshViews = FreshViewCache()

    struct PageKey: Hashable {
        var id: EntityID
        var width: Int
        var terms: [String]
    }

    /// - Parameters:
    ///   - start: the entity to open, with the reader focused; nil opens the paper with
    ///     the navigator focused, or where `reading` stopped.
    ///   - view: a framework view to open over the panes.
    ///   - reading: what the reader brings from an earlier session.
    public init(
        model: ContentModel, width: Int, height: Int, start: EntityID? = nil,
        view: FrameworkViewKind? = nil, keys: KeyBindings = .standard, theme: Theme = .dark,
        capabilities: Capabilities = .full, screenReader: Bool = false,
        navigatorWidth: Int? = nil, contextWidth: Int? = nil, usesExternalEditor: Bool = false,
        hostWritesNotes: Bool = false, reading: ReadingRecord = ReadingRecord()
    ) {
        self.model = model
        self.screenReader = screenReader
        tree = NavigatorTree(model: model)
        lookup = EntityLookup(model: model)
        self.keys = keys
        self.theme = theme
        self.capabilities = capabilities
        self.navigatorWidth = navigatorWidth
        self.contextWidth = contextWidth
        self.usesExternalEditor = usesExternalEditor
        self.hostWritesNotes = hostWritesNotes
        let first =
            start ?? model.paper?.id ?? model.entities.first?.id
            ?? EntityID(kind: .paper, slug: "empty")
        state = ExplorerState(width: width, height: height, start: first)
        context = ContextList(for: first, in: model)
        pageKey = PageKey(id: first, width: -1, terms: [])
        page = DocumentLayout(width: 1)
        rows = tree.rows(collapsed: state.collapsed)
        if start != nil { state.focus = .reader }
        revealInNavigator(first)
        refreshPage()
        take(reading, restoringPlace: start == nil && view == nil)
        if let view { showFramework(view) }
    }

    /// Entities the reader has opened, marked in the navigator.
    public var visited: Set<EntityID> { state.visited }
    /// Marks set with `m` and a letter: where they were set.
    public var marks: [Character: HistoryEntry] { state.marks }
    /// The reader's notes, by entity.
    public var notes: [EntityID: String] { state.notes }
    /// The framework map, matrix or atlas, when one is open over the panes.
    public var framework: (any FrameworkView)? { state.view?.view }

    /// The explorer's own keymap, the generic one the others fall back on.
    public var keymap: Keymap<Action> { keys.explorer }

    // MARK: Geometry

    var paneLayout: PaneLayout { paneLayout(width: state.width, height: state.height) }

    func paneLayout(width: Int, height: Int) -> PaneLayout {
        PaneLayout(
            width: width, height: height, focus: state.focus, sidePane: state.sidePane,
            zoomed: state.zoomed || screenReader, navigatorWidth: navigatorWidth,
            contextWidth: contextWidth)
    }

    /// Rows of content a pane shows (its height less its header).
    func visibleRows(_ pane: Pane) -> Int {
        let rect =
            paneLayout.rect(of: pane) ?? paneLayout.body
        return max(1, rect.height - 1)
    }

    // MARK: Update

    public mutating func update(_ event: InputEvent) -> [Effect] {
        // A message stays up until the next key or click, whatever else happens.
        switch event {
        case .key, .mouse: state.message = nil
        default: break
        }
        switch event {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            refreshPage()
            clampReader()
            keepNavigatorSelectionVisible()
            keepContextSelectionVisible()
            let body = paneLayout.body
            state.view?.view.resize(width: body.width, height: body.height)
            if case .search(var search)? = state.overlay {
                search.fillSnippets(searchContext)
                state.overlay = .search(search)
            }
            return []
        case .interrupt, .terminate:
            return [.quit]
        case .tick, .external, .externalFinished:
            return []
        case .mouse(let mouse):
            handleMouse(mouse)
            return []
        case .key(let key):
            return handle(key)
        }
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if state.overlay != nil { return handleOverlay(key) }
        if let command = state.pendingMark {
            state.pendingMark = nil
            handleMark(command, key)
            return []
        }
        // A count goes to the next key in the view or pane it was typed in.
        let place: CountPlace = framework.map { .view($0.kind) } ?? .pane(state.focus)
        if state.count.add(key, in: place) { return [] }
        let count = state.count.take(in: place)
        if framework != nil, handleInView(key, count: count) { return [] }
        if let kind = keys.views.action(for: key) {
            showFramework(kind)
            return []
        }
        guard let action = keymap.action(for: key) else {
            let help = keymap.keyName(for: .help).map { "; press \($0) for help" } ?? ""
            state.message = "\(key.name) is not bound" + help
            return []
        }
        // Over a view, what acts on the hidden panes does nothing.
        if framework != nil, action.actsOnPane { return [] }
        return perform(action, count: action.takesCount ? count : 1)
    }

    /// Everything the explorer can do. The switch names every action, so a new one does
    /// not compile until it is handled here.
    mutating func perform(_ action: Action, count: Int = 1) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .cancel: endSearch()
        case .setMark:
            state.pendingMark = .set
            state.message = "Set mark: press a letter"
        case .jumpToMark:
            state.pendingMark = .jump
            state.message = "Go to mark: press its letter (' goes back)"
        case .annotate:
            if usesExternalEditor {
                return [.editNote(state.current)]
            } else {
                state.overlay = .editor(
                    NoteEditor(text: state.notes[state.current] ?? ""), state.current)
            }
        case .present:
            return [.present(from: state.current)]
        case .help:
            state.overlay = .help(scroll: 0)
        case .search:
            state.overlay = .search(newSearchPrompt())
        case .problems:
            if model.problems.all.isEmpty {
                state.message = "No problems: the content checks clean"
            } else {
                state.overlay = .problems(ProblemList())
            }
        case .jump:
            var jump = JumpOverlay(history: state.jumpHistory)
            jump.refresh(lookup: lookup)
            state.overlay = .jump(jump)
        case .focusLeft: moveFocus(by: -1)
        case .focusRight: moveFocus(by: 1)
        case .focusNext: cycleFocus()
        case .zoom:
            state.zoomed.toggle()
            refreshPage()
        case .back: goBack(count)
        case .forward: goForward(count)
        case .nextMatch: moveMatch(by: count)
        case .previousMatch: moveMatch(by: -count)
        case .expandAll:
            state.collapsed = []
            rebuildRows()
        case .collapseAll:
            state.collapsed = tree.foldableKeys
            rebuildRows()
            state.navigator.selection = 0
            revealInNavigator(state.current, expand: false)
        case .toggleGroup:
            if state.focus == .navigator { toggleSelectedRow() }
        case .nextLink: moveLink(by: count)
        case .previousLink: moveLink(by: -count)
        case .open: openSelection()
        case .lineDown: move(.lineDown, count: count)
        case .lineUp: move(.lineUp, count: count)
        case .pageDown: move(.pageDown, count: count)
        case .pageUp: move(.pageUp, count: count)
        case .halfPageDown: move(.halfPageDown, count: count)
        case .halfPageUp: move(.halfPageUp, count: count)
        case .top: move(.top, count: count)
        case .bottom: move(.bottom, count: count)
        }
        return []
    }

    // MARK: View

    public func view() -> Frame {
        ExplorerView(explorer: self).render(width: state.width, height: state.height)
    }
}
