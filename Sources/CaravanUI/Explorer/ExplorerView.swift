import CaravanContent

/// Draws the explorer's state into a grid of cells.
struct ExplorerView {
    let explorer: Explorer

    var state: ExplorerState { explorer.state }
    var theme: Theme { explorer.theme }
    /// Made once per frame: the views ask for line characters at every row.
    let boxes: Boxes

    init(explorer: Explorer) {
        self.explorer = explorer
        boxes = Boxes(
            explorer.screenReader
                ? Capabilities(colors: .none, unicode: false) : explorer.capabilities)
    }
    private var model: ContentModel { explorer.model }

    func render(width: Int, height: Int) -> Frame {
        var grid = Grid(width: width, height: height)
        guard !PaneLayout.isTooSmall(width: width, height: height) else {
            drawTooSmall(&grid)
            return Frame(grid: grid, cursor: nil)
        }
        let layout = explorer.paneLayout(width: width, height: height)
        drawTitleBar(&grid, layout.titleBar)
        if let screen = explorer.framework {
            screen.render(
                into: &grid, in: layout.body, theme: theme, capabilities: explorer.capabilities)
        }
        for (index, entry) in layout.panes.enumerated() where explorer.framework == nil {
            var rect = entry.rect
            if index > 0 {
                let separator = Rect(x: rect.x, y: rect.y, width: 1, height: rect.height)
                grid.fill(separator, with: boxes.vertical.first ?? "|", style: theme[.border])
                rect = rect.inset(left: 1)
            }
            drawPane(entry.pane, in: rect, grid: &grid)
        }
        drawStatusBar(&grid, layout.statusBar)
        var cursor: (x: Int, y: Int)?
        switch state.overlay {
        case .help(let scroll)?: drawHelp(&grid, scroll: scroll)
        case .search(let search)?: cursor = drawSearch(&grid, search)
        case .jump(let jump)?: cursor = drawJump(&grid, jump)
        case .editor(let editor, let id)?: cursor = drawEditor(&grid, editor, id)
        case .problems(let list)?: drawProblems(&grid, list)
        case nil:
            guard explorer.screenReader else { break }
            if let screen = explorer.framework {
                cursor = screen.selectionCursor(in: layout.body)
            } else {
                cursor = selectionCursor(layout)
            }
        }
        return Frame(grid: grid, cursor: cursor)
    }

    // MARK: Frame parts

    private func drawTooSmall(_ grid: inout Grid) {
        let lines =
            grid.width >= 24
            ? [
                "Terminal too small",
                "\(grid.width)x\(grid.height); needs \(PaneLayout.minimumWidth)x\(PaneLayout.minimumHeight)",
                "q quits",
            ]
            : ["Too small", "\(grid.width)x\(grid.height)", "q quits"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < grid.height {
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.write(
                line, x: x, y: top + offset, style: offset == 0 ? theme[.error] : theme[.text],
                maxWidth: grid.width)
        }
    }

    func fillRow(_ grid: inout Grid, _ rect: Rect, _ role: Role) {
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme[role])
    }

    private func drawTitleBar(_ grid: inout Grid, _ rect: Rect) {
        fillRow(&grid, rect, .titleBar)
        var crumbs = ["Caravan"]
        if let ancestors = explorer.tree.ancestors(of: state.current) {
            for key in ancestors {
                if key.hasPrefix("group:") {
                    if let title = groupTitle(key) { crumbs.append(title) }
                } else if let id = EntityID(key), let entity = model.entity(id) {
                    crumbs.append(shortTitle(entity))
                }
            }
        }
        if let screen = explorer.framework {
            crumbs = ["Caravan", screen.kind.title]
        } else if let entity = model.entity(state.current) {
            crumbs.append(shortTitle(entity))
        }
        let separator = boxes.isUnicode ? " › " : " > "
        let text = Breadcrumb.fit(
            crumbs, separator: separator, ellipsis: boxes.isUnicode ? "…" : "...",
            width: rect.width - 1)
        grid.write(" " + text, x: rect.x, y: rect.y, style: theme[.titleBar], maxWidth: rect.width)
    }

    private func shortTitle(_ entity: Entity) -> String {
        if entity.kind == .section, let number = entity.number {
            return (boxes.isUnicode ? "§" : "Section ") + number
        }
        return Sanitizer.visible(entity.title)
    }

    private func groupTitle(_ key: String) -> String? {
        func find(_ nodes: [NavigatorTree.Node]) -> String? {
            for node in nodes {
                if node.key == key, case .group(let title) = node.item { return title }
                if let found = find(node.children) { return found }
            }
            return nil
        }
        return find(explorer.tree.roots)
    }

    private func truncate(_ raw: String, _ width: Int) -> String {
        let text = Sanitizer.visible(raw)
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var result = ""
        var used = 0
        let ellipsis = boxes.isUnicode ? "…" : "~"
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Keeps the end of a text that is too wide, marking the cut at the front.
    private func truncateFront(_ raw: String, _ width: Int) -> String {
        let text = Sanitizer.visible(raw)
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        let ellipsis = boxes.isUnicode ? "…" : "~"
        var characters = Array(text)
        while DisplayWidth.of(String(characters)) > width - 1, !characters.isEmpty {
            characters.removeFirst()
        }
        return ellipsis + String(characters)
    }

    private func drawPaneHeader(
        _ grid: inout Grid, _ rect: Rect, title: String, right: String, focused: Bool
    ) {
        let role: Role = focused ? .focusedBorder : .border
        let rule = explorer.screenReader ? " " : boxes.horizontal
        let line = String(repeating: rule, count: max(0, rect.width))
        grid.write(line, x: rect.x, y: rect.y, style: theme[role], maxWidth: rect.width)
        let rightWidth = DisplayWidth.of(right)
        let titleText = " " + truncate(title, max(1, rect.width - rightWidth - 6)) + " "
        grid.write(
            titleText, x: rect.x + 1, y: rect.y, style: focused ? theme[.paneTitle] : theme[.dim],
            maxWidth: rect.width - 1)
        if !right.isEmpty, rect.width > DisplayWidth.of(titleText) + rightWidth + 3 {
            grid.write(
                right, x: rect.x + rect.width - rightWidth - 1, y: rect.y, style: theme[.dim],
                maxWidth: rightWidth)
        }
    }

    private func drawPane(_ pane: Pane, in rect: Rect, grid: inout Grid) {
        guard rect.width > 0, rect.height > 0 else { return }
        let focused = state.focus == pane
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        switch pane {
        case .navigator:
            drawPaneHeader(&grid, rect, title: Pane.navigator.title, right: "", focused: focused)
            drawNavigator(&grid, body, focused: focused)
        case .reader:
            // The position is in the status bar; repeating it here would
            // send two more changes to the terminal on every scroll.
            let title = model.entity(state.current)?.displayTitle ?? state.current.description
            drawPaneHeader(&grid, rect, title: title, right: "", focused: focused)
            drawReader(&grid, body, focused: focused)
        case .context:
            let count = explorer.context.entryIndexes.count
            drawPaneHeader(&grid, rect, title: "Links", right: "\(count)", focused: focused)
            drawContext(&grid, body, focused: focused)
        }
    }

    /// Where the terminal cursor goes in screen-reader mode: on the selected item.
    private func selectionCursor(_ layout: PaneLayout) -> (x: Int, y: Int)? {
        guard let rect = layout.rect(of: state.focus) else { return nil }
        let top = rect.y + 1
        switch state.focus {
        case .navigator:
            let row = state.navigatorSelection - state.navigatorScroll
            return (rect.x + 1, top + max(0, row))
        case .reader:
            if let link = state.selectedLink, explorer.page.links.indices.contains(link) {
                let line = explorer.page.links[link].line - state.readerScroll
                let column = explorer.page.lines[explorer.page.links[link].line].spans
                    .prefix { $0.link != link }.reduce(0) { $0 + DisplayWidth.of($1.text) }
                return (rect.x + 1 + column, top + max(0, line))
            }
            return (rect.x + 1, top)
        case .context:
            return (rect.x + 3, top + max(0, state.contextSelection - state.contextScroll))
        }
    }

    // MARK: Navigator

    private func drawNavigator(_ grid: inout Grid, _ rect: Rect, focused: Bool) {
        let rows = explorer.rows
        for line in 0..<rect.height {
            let index = state.navigatorScroll + line
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            let y = rect.y + line
            let selected = index == state.navigatorSelection
            let marker: String
            if row.hasChildren {
                marker = row.isExpanded ? boxes.expanded : boxes.collapsed
            } else if case .entity(let id) = row.item, explorer.visited.contains(id) {
                marker = boxes.visited
            } else {
                marker = " "
            }
            let indent = String(repeating: " ", count: min(row.depth * 2, max(0, rect.width / 2)))
            var role: Role = .text
            var text: String
            switch row.item {
            case .group(let title):
                text = "\(title) (\(row.entityCount))"
                role = .group
            case .entity(let id):
                let entity = model.entity(id)
                text = entity?.displayTitle ?? id.description
                if id == state.current { role = .strong }
                if model.isBroken(id) {
                    // Marked in words a screen reader says, and in the error colour.
                    text = "! " + text
                    role = .error
                }
            }
            let prefix = " " + indent + marker + " "
            let line = prefix + truncate(text, max(1, rect.width - DisplayWidth.of(prefix)))
            if selected {
                grid.fill(
                    Rect(x: rect.x, y: y, width: rect.width, height: 1),
                    style: theme[focused ? .selection : .selectionUnfocused])
                grid.write(
                    line, x: rect.x, y: y, style: theme[focused ? .selection : .selectionUnfocused],
                    maxWidth: rect.width)
            } else {
                grid.write(line, x: rect.x, y: y, style: theme[role], maxWidth: rect.width)
            }
        }
    }

    // MARK: Reader

    private func drawReader(_ grid: inout Grid, _ rect: Rect, focused: Bool) {
        let page = explorer.page
        for line in 0..<rect.height {
            let index = state.readerScroll + line
            guard page.lines.indices.contains(index) else { break }
            var x = rect.x + 1
            let limit = rect.x + rect.width - 1
            for span in page.lines[index].spans {
                guard x < limit else { break }
                var role = span.role
                if let link = span.link, link == state.selectedLink { role = .selectedLink }
                if let match = span.match {
                    role = match == state.currentMatch ? .currentMatch : .match
                }
                x += grid.write(
                    span.text, x: x, y: rect.y + line, style: theme[role], maxWidth: limit - x)
            }
        }
    }

    // MARK: Context

    private func drawContext(_ grid: inout Grid, _ rect: Rect, focused: Bool) {
        let rows = explorer.context.rows
        if rows.isEmpty {
            grid.write(" No links", x: rect.x, y: rect.y, style: theme[.dim], maxWidth: rect.width)
            return
        }
        for line in 0..<rect.height {
            let index = state.contextScroll + line
            guard rows.indices.contains(index) else { break }
            let y = rect.y + line
            switch rows[index] {
            case .header(let label):
                grid.write(" " + label, x: rect.x, y: y, style: theme[.group], maxWidth: rect.width)
            case .note(let line):
                grid.write(
                    "   " + line, x: rect.x, y: y, style: theme[.quote], maxWidth: rect.width)
            case .entry(let id):
                let selected = index == state.contextSelection && focused
                drawContextEntry(&grid, id, x: rect.x, y: y, width: rect.width, selected: selected)
            }
        }
    }

    /// A linked entity's title, and how else it is linked (dim) when there is room.
    private func drawContextEntry(
        _ grid: inout Grid, _ id: EntityID, x: Int, y: Int, width: Int, selected: Bool
    ) {
        let title = Sanitizer.visible(model.entity(id)?.displayTitle ?? id.description)
        let room = max(1, width - 3)
        var also = ""
        if let others = explorer.context.otherRelations[id], !others.isEmpty {
            also = boxes.isUnicode ? " · " : " - "
            also += others.joined(separator: ", ")
        }
        let titleWidth = DisplayWidth.of(title)
        // The title first; the other relations in what is left, if enough is.
        let shownTitle = truncate(title, titleWidth + 8 <= room ? titleWidth : room)
        let left = room - DisplayWidth.of(shownTitle)
        let shownAlso = also.isEmpty || left < 8 ? "" : truncate(also, left)
        if selected {
            grid.fill(Rect(x: x, y: y, width: width, height: 1), style: theme[.selection])
        }
        let used = grid.write(
            "   " + shownTitle, x: x, y: y, style: theme[selected ? .selection : .text],
            maxWidth: width)
        grid.write(
            shownAlso, x: x + used, y: y, style: theme[selected ? .selection : .dim],
            maxWidth: width - used)
    }

    // MARK: Overlays

    /// A bordered box centred on the screen; returns the inner rectangle.
    func drawBox(_ grid: inout Grid, width: Int, height: Int, title: String) -> Rect {
        let w = min(width, grid.width - 2)
        let h = min(height, grid.height - 2)
        let x = max(0, (grid.width - w) / 2)
        let y = max(1, (grid.height - h) / 2)
        let outer = Rect(x: x, y: y, width: w, height: h)
        grid.fill(outer, style: theme[.text])
        let horizontal = String(repeating: boxes.horizontal, count: max(0, w - 2))
        grid.write(
            boxes.topLeft + horizontal + boxes.topRight, x: x, y: y, style: theme[.focusedBorder],
            maxWidth: w)
        grid.write(
            boxes.bottomLeft + horizontal + boxes.bottomRight, x: x, y: y + h - 1,
            style: theme[.focusedBorder], maxWidth: w)
        for row in (y + 1)..<max(y + 1, y + h - 1) {
            grid.write(boxes.vertical, x: x, y: row, style: theme[.focusedBorder], maxWidth: 1)
            grid.write(
                boxes.vertical, x: x + w - 1, y: row, style: theme[.focusedBorder], maxWidth: 1)
        }
        grid.write(
            " " + title + " ", x: x + 2, y: y, style: theme[.paneTitle], maxWidth: max(0, w - 4))
        return Rect(x: x + 2, y: y + 1, width: max(0, w - 4), height: max(0, h - 2))
    }

    private func drawHelp(_ grid: inout Grid, scroll: Int) {
        let inner = drawBox(
            &grid, width: HelpScreen.boxWidth(screenWidth: grid.width), height: grid.height - 2,
            title: "Keys" + boxes.dash + "press any other key to close")
        let lines = HelpScreen.rows(keymap: explorer.keymap, width: inner.width)
        let keyWidth = HelpScreen.keyWidth(inner: inner.width)
        for row in 0..<inner.height {
            let index = scroll + row
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            let y = inner.y + row
            if line.isHeading {
                grid.write(
                    line.text, x: inner.x, y: y, style: theme[.heading], maxWidth: inner.width)
            } else {
                grid.write(line.keys, x: inner.x, y: y, style: theme[.key], maxWidth: keyWidth - 1)
                grid.write(
                    line.text, x: inner.x + keyWidth, y: y, style: theme[.text],
                    maxWidth: inner.width - keyWidth)
            }
        }
    }

    /// The prompt and its input on the box's first row; offered text is shown selected.
    /// Returns where the text cursor goes.
    private func drawPrompt(
        _ grid: inout Grid, _ inner: Rect, prompt: String, input: String, offered: Bool = false
    ) -> (x: Int, y: Int) {
        let promptWidth = grid.write(
            prompt, x: inner.x, y: inner.y, style: theme[.key], maxWidth: inner.width)
        let room = inner.width - promptWidth - 1
        var shown = Sanitizer.visible(input)
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let used = grid.write(
            shown, x: inner.x + promptWidth, y: inner.y,
            style: theme[offered ? .selection : .text], maxWidth: room)
        return (inner.x + promptWidth + used, inner.y)
    }

    private func drawSearch(_ grid: inout Grid, _ search: SearchOverlay) -> (x: Int, y: Int) {
        let inner = drawBox(
            &grid, width: 100, height: grid.height - 2,
            title: "Search" + boxes.dash + "Enter opens, Esc closes")
        var cursor = drawPrompt(
            &grid, inner, prompt: "/", input: search.query, offered: search.input.isOffered)
        let perResult = 2
        let capacity = max(1, (inner.height - 2) / perResult)
        let first = max(0, min(search.selection - capacity + 1, search.count - capacity))
        let start = min(max(0, first), max(0, search.selection))
        let status: String
        if search.query.isEmpty {
            status = "Type to search titles, summaries and text"
        } else if search.count == 0 {
            status = "No results"
        } else if let correction = search.correction {
            status =
                "No results. Did you mean “\(correction)”? "
                + "\(search.count) result\(search.count == 1 ? "" : "s") for it:"
        } else {
            status = "\(search.count) result\(search.count == 1 ? "" : "s")"
        }
        grid.write(status, x: inner.x, y: inner.y + 1, style: theme[.dim], maxWidth: inner.width)
        for slot in 0..<capacity {
            let index = start + slot
            guard search.results.indices.contains(index) else { break }
            let result = search.results[index]
            let y = inner.y + 2 + slot * perResult
            let selected = index == search.selection
            let title = model.entity(result.id)?.displayTitle ?? result.id.description
            let head =
                (result.field == .note ? "your note on " : "\(result.id.kind.rawValue): ") + title
            if selected {
                grid.fill(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[.selection])
            }
            grid.write(
                head, x: inner.x, y: y, style: theme[selected ? .selection : .strong],
                maxWidth: inner.width)
            drawSnippet(&grid, result.snippet, x: inner.x + 2, y: y + 1, width: inner.width - 2)
            // A screen reader reads where the cursor is: on the selected result.
            if selected, explorer.screenReader { cursor = (inner.x, y) }
        }
        return cursor
    }

    private func drawSnippet(
        _ grid: inout Grid, _ snippet: SearchIndex.Snippet, x: Int, y: Int, width: Int
    ) {
        let characters = Array(snippet.text)
        var column = x
        var index = 0
        while index < characters.count, column < x + width {
            let inMatch = snippet.matches.first { $0.contains(index) }
            let end =
                inMatch?.upperBound
                ?? (snippet.matches.first { $0.lowerBound > index }?.lowerBound ?? characters.count)
            let piece = String(characters[index..<min(end, characters.count)])
            column += grid.write(
                piece, x: column, y: y, style: theme[inMatch == nil ? .dim : .match],
                maxWidth: x + width - column)
            index = max(end, index + 1)
        }
    }

    private func drawEditor(_ grid: inout Grid, _ editor: NoteEditor, _ id: EntityID) -> (
        x: Int, y: Int
    ) {
        let title = "Note on " + (model.entity(id)?.title ?? id.description)
        let inner = drawBox(
            &grid, width: 76, height: min(grid.height - 2, 18), title: truncate(title, 50))
        let hint =
            editor.isFull
            ? "The note is full: notes hold up to \(NoteEditor.maximumBytes / 1024) KB"
            : "Ctrl-S saves" + boxes.dash + "Esc cancels" + boxes.dash + "an empty note is removed"
        grid.write(
            hint, x: inner.x, y: inner.y + inner.height - 1,
            style: theme[editor.isFull ? .error : .dim], maxWidth: inner.width)
        let rows = max(1, inner.height - 2)
        let top = min(max(0, editor.row - rows + 1), max(0, editor.lines.count - rows))
        var cursor = (x: inner.x, y: inner.y)
        for slot in 0..<rows {
            let index = top + slot
            guard editor.lines.indices.contains(index) else { break }
            let line = Array(editor.lines[index])
            // Scroll long lines sideways so the cursor stays visible.
            let shift = index == editor.row ? max(0, editor.column - inner.width + 2) : 0
            let shown = String(line[min(shift, line.count)...])
            grid.write(
                shown, x: inner.x, y: inner.y + slot, style: theme[.text], maxWidth: inner.width)
            if index == editor.row {
                let before = String(line[min(shift, line.count)..<min(editor.column, line.count)])
                cursor = (
                    inner.x + min(inner.width - 1, DisplayWidth.of(Sanitizer.visible(before))),
                    inner.y + slot
                )
            }
        }
        return cursor
    }

    private func drawJump(_ grid: inout Grid, _ jump: JumpOverlay) -> (x: Int, y: Int) {
        let inner = drawBox(
            &grid, width: 80, height: min(grid.height - 2, 20),
            title: "Jump to" + boxes.dash + "Tab completes, Enter opens")
        var cursor = drawPrompt(
            &grid, inner, prompt: ":", input: jump.input.text, offered: jump.input.isOffered)
        let capacity = max(1, inner.height - 2)
        let start = max(0, jump.selection - capacity + 1)
        if jump.targets.isEmpty {
            grid.write(
                "Nothing matches", x: inner.x, y: inner.y + 1, style: theme[.dim],
                maxWidth: inner.width)
        }
        for slot in 0..<capacity {
            let index = start + slot
            guard jump.targets.indices.contains(index) else { break }
            let y = inner.y + 2 + slot
            let selected = index == jump.selection
            let title: String
            let idText: String
            switch jump.targets[index] {
            case .view(let kind):
                title = kind.title
                idText = "view/" + kind.rawValue
            case .entity(let id):
                // The framework's code first, as the map and the matrix show it.
                let code = explorer.lookup.codes[id].map { $0 + " " } ?? ""
                title = code + (model.entity(id)?.displayTitle ?? "")
                idText = id.description
            }
            let idWidth = min(DisplayWidth.of(idText), inner.width / 2)
            if selected {
                grid.fill(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[.selection])
            }
            let titleWidth = max(1, inner.width - idWidth - 2)
            grid.write(
                truncate(title, titleWidth), x: inner.x, y: y,
                style: theme[selected ? .selection : .text], maxWidth: titleWidth)
            grid.write(
                truncateFront(idText, idWidth), x: inner.x + inner.width - idWidth, y: y,
                style: theme[selected ? .selection : .dim], maxWidth: idWidth)
            if selected, explorer.screenReader { cursor = (inner.x, y) }
        }
        return cursor
    }
}
