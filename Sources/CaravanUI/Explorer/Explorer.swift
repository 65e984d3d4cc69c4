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
    public var keymap: Keymap
    public var theme: Theme
    public var capabilities: Capabilities
    /// One pane at a time, no box drawing, and the terminal cursor on the selected item,
    /// so screen readers and braille displays follow it.
    public var screenReader: Bool
    public internal(set) var state: ExplorerState
    /// Pane widths from the config; nil lets the layout choose.
    public var navigatorWidth: Int?
    public var contextWidth: Int?
    /// Entities the reader has opened, marked in the navigator.
    public var visited: Set<EntityID> = []
    /// Marks set with `m` and a letter: where they were set.
    public var marks: [Character: HistoryEntry] = [:]
    /// The reader's notes, by entity.
    public private(set) var notes: [EntityID: String] = [:]
    /// Whether notes are written in an external editor (the annotate key then returns
    /// `.editNote` for the host to carry out) or in the built-in one.
    public var usesExternalEditor = false
    /// Whether the host writes notes to disk: then Ctrl-S in the built-in editor hands
    /// the note over (``takeNoteToSave()``) and waits to hear it was written.
    public var hostWritesNotes = false
    /// A note handed over by Ctrl-S, until the host takes it.
    var noteToSave: NoteSave?

    /// The framework map, matrix or atlas, when one is open over the panes.
    public internal(set) var framework: FrameworkScreen?
    /// The screen an entity was opened from, and the history index to return to it at.
    private var frameworkReturn: (screen: FrameworkScreen, historyIndex: Int)?

    // Derived from the state; rebuilt only when what they depend on changes.
    public private(set) var rows: [NavigatorTree.Row] = []
    public private(set) var context: ContextList
    public private(set) var page: DocumentLayout
    private var pageKey: PageKey
    private var pageCache = PageCache()
    private var freshScreens = FreshScreenCache()

    private struct PageKey: Hashable {
        var id: EntityID
        var width: Int
        var terms: [String]
    }

    public init(
        model: ContentModel, width: Int, height: Int, start: EntityID? = nil,
        keymap: Keymap = .standard, theme: Theme = .dark, capabilities: Capabilities = .full,
        screenReader: Bool = false
    ) {
        self.model = model
        self.screenReader = screenReader
        tree = NavigatorTree(model: model)
        lookup = EntityLookup(model: model)
        self.keymap = keymap
        self.theme = theme
        self.capabilities = capabilities
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
    }

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
        let layout = paneLayout
        return max(1, (layout.rect(of: pane) ?? layout.body).height - 1)
    }

    /// The reader's text width.
    var readerTextWidth: Int {
        let rect =
            paneLayout.rect(of: .reader)
            ?? PaneLayout(
                width: state.width, height: state.height, focus: .reader, sidePane: state.sidePane,
                zoomed: true
            )
            .rect(of: .reader) ?? Rect(x: 0, y: 0, width: state.width, height: state.height)
        return max(10, min(rect.width - 3, 100))
    }

    private mutating func refreshPage() {
        let key = PageKey(id: state.current, width: readerTextWidth, terms: state.searchTerms)
        guard key != pageKey else { return }
        pageKey = key
        page = layout(of: state.current)
        if let link = state.selectedLink, link >= page.links.count { state.selectedLink = nil }
        clampReader()
    }

    /// An entity's page at the reader's width with the search's words marked, from the
    /// cache when it was laid out before.
    mutating func layout(of id: EntityID) -> DocumentLayout {
        let width = readerTextWidth
        guard let entity = model.entity(id) else { return DocumentLayout(width: width) }
        let terms = state.searchTerms
        let ascii = !capabilities.unicode
        let key = PageCache.Key(id: id, width: width, terms: terms, ascii: ascii)
        return pageCache.page(for: key) {
            EntityPage.layout(entity, in: model, width: width, searchTerms: terms, ascii: ascii)
        }
    }

    private mutating func clampReader() {
        let maximum = max(0, page.lines.count - visibleRows(.reader))
        state.readerScroll = min(max(0, state.readerScroll), maximum)
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
            framework?.resize(width: body.width, height: body.height)
            if case .search(var search)? = state.overlay {
                search.fillSnippets(searchContext)
                state.overlay = .search(search)
            }
            return []
        case .interrupt, .terminate:
            return [.quit]
        case .tick, .external, .externalFinished, .contentChanged:
            return []
        case .mouse(let mouse):
            handleMouse(mouse)
            return []
        case .key(let key):
            return handle(key)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
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
        if var screen = framework, key != .character("q") {
            let outcome = screen.handle(key, count: count)
            switch outcome {
            case .handled:
                framework = screen
                return []
            case .close:
                framework = nil
                return []
            case .open(let id):
                framework = nil
                open(id, pushing: true)
                frameworkReturn = (screen, max(0, state.historyIndex - 1))
                setFocus(.reader)
                return []
            case .ignored:
                framework = screen
            }
        }
        if key == .escape {
            state.searchRun = nil
            if !state.searchTerms.isEmpty {
                state.searchTerms = []
                state.currentMatch = nil
                refreshPage()
            }
            return []
        }
        guard let action = keymap.action(for: key) else {
            state.message = "\(key.name) is not bound; press ? for help"
            return []
        }
        return perform(action, count: action.takesCount ? count : 1)
    }

    public mutating func perform(_ action: Action, count: Int = 1) -> [Effect] {
        switch action {
        case .quit: return [.quit]
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
                state.overlay = .editor(NoteEditor(text: notes[state.current] ?? ""), state.current)
            }
        case .present:
            return [.present(from: state.current)]
        case .frameworkMap: showFramework(.map)
        case .caseMatrix: showFramework(.matrix)
        case .atlas: showFramework(.atlas)
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
            state.navigatorSelection = 0
            revealInNavigator(state.current, expand: false)
        default:
            switch state.focus {
            case .navigator: navigatorAction(action, count: count)
            case .reader: readerAction(action, count: count)
            case .context: contextAction(action, count: count)
            }
        }
        return []
    }

    // MARK: Focus

    /// h and l step through Contents, the reader and Links, left to right as three panes
    /// stand; with fewer on screen, the pane focused comes in on its own side.
    private mutating func moveFocus(by step: Int) {
        let order: [Pane] = [.navigator, .reader, .context]
        guard let index = order.firstIndex(of: state.focus) else { return }
        let next = min(max(0, index + step), order.count - 1)
        setFocus(order[next])
    }

    private mutating func cycleFocus() {
        let order: [Pane] = [.navigator, .reader, .context]
        let index = order.firstIndex(of: state.focus) ?? 0
        setFocus(order[(index + 1) % order.count])
    }

    mutating func setFocus(_ pane: Pane) {
        state.focus = pane
        if pane != .reader { state.sidePane = pane }
        refreshPage()
        if pane == .context { keepContextSelectionVisible() }
    }

    // MARK: Navigator

    private mutating func rebuildRows() {
        rows = tree.rows(collapsed: state.collapsed)
        state.navigatorSelection = min(max(0, state.navigatorSelection), max(0, rows.count - 1))
        keepNavigatorSelectionVisible()
    }

    private mutating func navigatorAction(_ action: Action, count: Int) {
        let page = visibleRows(.navigator)
        switch action {
        case .lineDown: selectRow(state.navigatorSelection + count)
        case .lineUp: selectRow(state.navigatorSelection - count)
        case .pageDown: selectRow(state.navigatorSelection + page * count)
        case .pageUp: selectRow(state.navigatorSelection - page * count)
        case .halfPageDown: selectRow(state.navigatorSelection + max(1, page / 2) * count)
        case .halfPageUp: selectRow(state.navigatorSelection - max(1, page / 2) * count)
        case .top: selectRow(0)
        case .bottom: selectRow(rows.count - 1)
        case .toggleGroup: toggleSelectedRow()
        case .open:
            guard rows.indices.contains(state.navigatorSelection) else { return }
            let row = rows[state.navigatorSelection]
            switch row.item {
            case .group: toggleSelectedRow()
            case .entity(let id):
                open(id, pushing: true)
                setFocus(.reader)
            }
        case .nextLink, .previousLink:
            readerAction(action, count: count)
        default: break
        }
    }

    private mutating func selectRow(_ index: Int) {
        guard !rows.isEmpty else { return }
        state.navigatorSelection = min(max(0, index), rows.count - 1)
        keepNavigatorSelectionVisible()
        // Moving through the tree previews the entity in the reader.
        if case .entity(let id) = rows[state.navigatorSelection].item, id != state.current {
            show(id)
        }
    }

    private mutating func toggleSelectedRow() {
        guard rows.indices.contains(state.navigatorSelection) else { return }
        let row = rows[state.navigatorSelection]
        guard row.hasChildren else { return }
        if state.collapsed.contains(row.key) {
            state.collapsed.remove(row.key)
        } else {
            state.collapsed.insert(row.key)
        }
        rebuildRows()
    }

    private mutating func keepNavigatorSelectionVisible() {
        let visible = visibleRows(.navigator)
        if state.navigatorSelection < state.navigatorScroll {
            state.navigatorScroll = state.navigatorSelection
        } else if state.navigatorSelection >= state.navigatorScroll + visible {
            state.navigatorScroll = state.navigatorSelection - visible + 1
        }
        state.navigatorScroll = min(max(0, state.navigatorScroll), max(0, rows.count - visible))
    }

    /// Unfolds the groups above `id` and selects its row.
    private mutating func revealInNavigator(_ id: EntityID, expand: Bool = true) {
        if expand, let ancestors = tree.ancestors(of: id) {
            let before = state.collapsed
            state.collapsed.subtract(ancestors)
            if before != state.collapsed { rows = tree.rows(collapsed: state.collapsed) }
        }
        if let index = rows.firstIndex(where: { $0.item == .entity(id) }) {
            state.navigatorSelection = index
            // A jump lands with the selection a third of the way down, with context above it.
            let visible = visibleRows(.navigator)
            if index < state.navigatorScroll || index >= state.navigatorScroll + visible {
                state.navigatorScroll = max(0, index - visible / 3)
            }
        }
        keepNavigatorSelectionVisible()
    }

    // MARK: Reader

    private mutating func readerAction(_ action: Action, count: Int) {
        let visible = visibleRows(.reader)
        switch action {
        case .lineDown: scrollReader(to: state.readerScroll + count)
        case .lineUp: scrollReader(to: state.readerScroll - count)
        case .pageDown: scrollReader(to: state.readerScroll + max(1, visible - 2) * count)
        case .pageUp: scrollReader(to: state.readerScroll - max(1, visible - 2) * count)
        case .halfPageDown: scrollReader(to: state.readerScroll + max(1, visible / 2) * count)
        case .halfPageUp: scrollReader(to: state.readerScroll - max(1, visible / 2) * count)
        case .top: scrollReader(to: 0)
        case .bottom: scrollReader(to: page.lines.count)
        case .nextLink: moveLink(by: count)
        case .previousLink: moveLink(by: -count)
        case .open:
            if let link = state.selectedLink, page.links.indices.contains(link) {
                open(page.links[link].target, pushing: true)
            } else {
                state.message = "No link selected: Tab selects the next link"
            }
        default: break
        }
    }

    private mutating func scrollReader(to line: Int) {
        state.readerScroll = line
        clampReader()
        // Keep the selected link on screen, or let it go.
        if let link = state.selectedLink, page.links.indices.contains(link) {
            let place = page.links[link].line
            if place < state.readerScroll || place >= state.readerScroll + visibleRows(.reader) {
                state.selectedLink = nil
            }
        }
    }

    private mutating func moveLink(by step: Int) {
        guard !page.links.isEmpty else {
            state.message = "This page has no links"
            return
        }
        let visible = visibleRows(.reader)
        let count = page.links.count
        var next: Int
        if let current = state.selectedLink {
            next = ((current + step) % count + count) % count
        } else {
            // Start from the first link on screen (or the last, going backwards).
            let onScreen = page.links.indices.filter {
                page.links[$0].line >= state.readerScroll
                    && page.links[$0].line < state.readerScroll + visible
            }
            if step > 0 {
                next =
                    onScreen.first ?? page.links.indices.first {
                        page.links[$0].line >= state.readerScroll
                    } ?? 0
                next = (next + step - 1) % count
            } else {
                next = onScreen.last ?? count - 1
                next = ((next + step + 1) % count + count) % count
            }
        }
        state.selectedLink = next
        let line = page.links[next].line
        if line < state.readerScroll {
            state.readerScroll = line
        } else if line >= state.readerScroll + visible {
            state.readerScroll = line - visible + 1
        }
        clampReader()
    }

    mutating func scrollToLine(_ line: Int) {
        let visible = visibleRows(.reader)
        if line < state.readerScroll || line >= state.readerScroll + visible {
            state.readerScroll = max(0, line - visible / 3)
        }
        clampReader()
    }

    // MARK: Context

    private mutating func contextAction(_ action: Action, count: Int) {
        let entries = context.entryIndexes
        guard !entries.isEmpty else { return }
        let position = entries.firstIndex(of: state.contextSelection) ?? 0
        let page = max(1, visibleRows(.context) - 1)
        func select(_ index: Int) {
            state.contextSelection = entries[min(max(0, index), entries.count - 1)]
            keepContextSelectionVisible()
        }
        switch action {
        case .lineDown: select(position + count)
        case .lineUp: select(position - count)
        case .pageDown: select(position + page * count)
        case .pageUp: select(position - page * count)
        case .halfPageDown: select(position + max(1, page / 2) * count)
        case .halfPageUp: select(position - max(1, page / 2) * count)
        case .top: select(0)
        case .bottom: select(entries.count - 1)
        case .open:
            if case .entry(let id) = context.rows[state.contextSelection] {
                open(id, pushing: true)
            }
        case .nextLink, .previousLink: readerAction(action, count: count)
        default: break
        }
    }

    private mutating func keepContextSelectionVisible() {
        let entries = context.entryIndexes
        if !entries.contains(state.contextSelection) { state.contextSelection = entries.first ?? 0 }
        let visible = visibleRows(.context)
        // Show the group header above the selection when it is the first of its group.
        let top = state.contextSelection > 0 ? state.contextSelection - 1 : 0
        if top < state.contextScroll {
            state.contextScroll = top
        } else if state.contextSelection >= state.contextScroll + visible {
            state.contextScroll = state.contextSelection - visible + 1
        }
        state.contextScroll = min(max(0, state.contextScroll), max(0, context.rows.count - visible))
    }

    // MARK: Opening and history

    /// Shows an entity without adding to history (previewing from the navigator).
    private mutating func show(_ id: EntityID) {
        guard model.contains(id) else { return }
        state.recordPlace()
        state.current = id
        state.history[state.historyIndex] = HistoryEntry(id: id, scroll: 0)
        enter(id, scroll: 0)
    }

    /// Opens an entity, adding it to history.
    public mutating func open(_ id: EntityID, pushing: Bool) {
        guard model.contains(id) else {
            state.message = "No such entity: \(id)"
            return
        }
        if pushing {
            state.recordPlace()
            if state.history[state.historyIndex].id != id {
                state.history.removeSubrange((state.historyIndex + 1)...)
                state.history.append(HistoryEntry(id: id, scroll: 0))
                state.historyIndex = state.history.count - 1
                if state.history.count > 500 {
                    state.history.removeFirst(state.history.count - 500)
                    state.historyIndex = state.history.count - 1
                }
            }
        }
        state.current = id
        enter(id, scroll: 0)
        revealInNavigator(id)
    }

    private mutating func enter(_ id: EntityID, scroll: Int) {
        state.selectedLink = nil
        state.currentMatch = nil
        visited.insert(id)
        context = ContextList(for: id, in: model, note: notes[id])
        state.contextSelection = context.entryIndexes.first ?? 0
        state.contextScroll = 0
        refreshPage()
        state.readerScroll = scroll
        clampReader()
    }

    private mutating func goBack(_ count: Int) {
        guard state.historyIndex > 0 else {
            state.message = "At the start of history"
            return
        }
        state.recordPlace()
        state.historyIndex = max(0, state.historyIndex - count)
        restoreHistoryEntry()
    }

    private mutating func goForward(_ count: Int) {
        guard state.historyIndex < state.history.count - 1 else {
            state.message = "At the end of history"
            return
        }
        state.recordPlace()
        state.historyIndex = min(state.history.count - 1, state.historyIndex + count)
        restoreHistoryEntry()
    }

    /// Opens the framework map, matrix or atlas over the panes.
    public mutating func showFramework(_ kind: FrameworkViewKind) {
        if framework?.kind == kind { return }
        let body = paneLayout.body
        let size = FreshScreenCache.Key(
            kind: kind, width: body.width, height: body.height, linear: screenReader)
        framework = freshScreens.screen(for: size, model: model)
        frameworkReturn = nil
    }

    private mutating func restoreHistoryEntry() {
        if let saved = frameworkReturn, saved.historyIndex == state.historyIndex {
            // Back to the view the entity was opened from, as it was left.
            framework = saved.screen
            frameworkReturn = nil
        }
        let entry = state.history[state.historyIndex]
        state.current = entry.id
        enter(entry.id, scroll: entry.scroll)
        state.restoreSelections(of: entry, links: page.links.count, contextRows: context.rows.count)
        keepContextSelectionVisible()
        revealInNavigator(entry.id)
    }

    // MARK: Marks and notes

    private mutating func handleMark(_ command: MarkCommand, _ key: Key) {
        guard case .character(let letter) = key else {
            state.message = "No mark: marks are letters"
            return
        }
        switch command {
        case .set:
            guard letter.isLetter else {
                state.message = "No mark: marks are letters"
                return
            }
            marks[letter] = HistoryEntry(id: state.current, scroll: state.readerScroll)
            state.message = "Mark \(letter) set"
        case .jump:
            if letter == "'" {
                goBack(1)
                return
            }
            guard let mark = marks[letter], model.contains(mark.id) else {
                state.message = "No mark \(letter)"
                return
            }
            framework = nil
            open(mark.id, pushing: true)
            state.readerScroll = mark.scroll
            clampReader()
            setFocus(.reader)
        }
    }

    /// Shows a one-line message in the status bar until the next key.
    public mutating func showMessage(_ text: String) {
        state.message = text
    }

    /// Replaces the note on an entity (an empty text removes it).
    public mutating func setNote(_ text: String, for id: EntityID) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            notes[id] = nil
        } else {
            notes[id] = text
        }
        if id == state.current { context = ContextList(for: id, in: model, note: notes[id]) }
    }

    /// Replaces every note at once (when state is loaded).
    public mutating func setNotes(_ all: [EntityID: String]) {
        notes = all.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        context = ContextList(for: state.current, in: model, note: notes[state.current])
    }

    /// Restores a reading position: the entity, its scroll and the history that led to it.
    public mutating func restore(history: [HistoryEntry], index: Int) {
        let valid = history.filter { model.contains($0.id) }
        guard !valid.isEmpty else { return }
        state.history = valid
        state.historyIndex = min(max(0, index), valid.count - 1)
        restoreHistoryEntry()
    }

    // MARK: Overlays

    private mutating func handleOverlay(_ key: Key) -> [Effect] {
        switch state.overlay {
        case .help(let scroll)?:
            let inner = HelpScreen.boxWidth(screenWidth: state.width) - 4
            let lines = HelpScreen.rows(keymap: keymap, width: inner).count
            let visible = max(1, state.height - 4)
            var next = scroll
            switch keymap.action(for: key) {
            case .lineDown?: next += 1
            case .lineUp?: next -= 1
            case .pageDown?: next += visible
            case .pageUp?: next -= visible
            case .top?: next = 0
            case .bottom?: next = lines
            default:
                state.overlay = nil
                return []
            }
            state.overlay = .help(scroll: min(max(0, next), max(0, lines - visible)))
        case .editor(var editor, let id)?:
            switch editor.handle(key) {
            case .editing:
                state.overlay = .editor(editor, id)
            case .save(let text):
                return saveFromEditor(editor, text: text, for: id)
            case .cancel:
                state.overlay = nil
                state.message = "Note not changed"
            }
        case .search(var search)?:
            switch search.handle(key, in: searchContext) {
            case .editing:
                state.overlay = .search(search)
            case .close:
                state.overlay = nil
            case .nothing:
                state.overlay = nil
                if !search.query.isEmpty { state.message = "No results for “\(search.query)”" }
            case .open(let index):
                state.overlay = nil
                openResult(of: search, at: index)
            }
        case .jump(var jump)?:
            switch jump.handle(key, lookup: lookup) {
            case .editing:
                state.overlay = .jump(jump)
            case .close:
                state.overlay = nil
            case .nothing:
                state.overlay = nil
                state.message = "Nothing matches “\(jump.text)”"
            case .open(let target):
                state.overlay = nil
                LineInput.remember(jump.text, in: &state.jumpHistory)
                switch target {
                case .view(let kind): showFramework(kind)
                case .entity(let id):
                    framework = nil
                    open(id, pushing: true)
                    state.focus = .reader
                }
            }
        case .problems(var list)?:
            switch list.handle(key, keymap: keymap, model: model, height: state.height) {
            case .open(let id):
                state.overlay = nil
                framework = nil
                open(id, pushing: true)
                setFocus(.reader)
            case .close: state.overlay = nil
            case .handled, .ignored: state.overlay = .problems(list)
            }
        case nil:
            break
        }
        return []
    }

    // MARK: Mouse

    private mutating func handleMouse(_ mouse: MouseEvent) {
        guard state.overlay == nil else { return }
        state.count.drop()
        let layout = paneLayout
        for (pane, rect) in layout.panes where rect.contains(x: mouse.x, y: mouse.y) {
            switch mouse.kind {
            case .wheelUp:
                state.focus = pane
                _ = perform(.lineUp, count: 3)
            case .wheelDown:
                state.focus = pane
                _ = perform(.lineDown, count: 3)
            case .click:
                setFocus(pane)
                let row = mouse.y - rect.y - 1
                guard row >= 0 else { return }
                switch pane {
                case .navigator:
                    selectRow(state.navigatorScroll + row)
                case .context:
                    let index = state.contextScroll + row
                    if context.rows.indices.contains(index),
                        case .entry(let id) = context.rows[index]
                    {
                        open(id, pushing: true)
                    }
                case .reader:
                    let line = state.readerScroll + row
                    if let link = page.links.firstIndex(where: { $0.line == line }) {
                        state.selectedLink = link
                    }
                }
            }
        }
    }

    // MARK: View

    public func view() -> Frame {
        ExplorerView(explorer: self).render(width: state.width, height: state.height)
    }
}
