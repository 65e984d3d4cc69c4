import CaravanContent

/// Draws the explorer's state into a grid of cells: the title bar, the panes or a view
/// over them, the status bar, an overlay, and where the terminal's cursor goes. Every
/// part is a ``Widget`` drawn into its rectangle of the ``PaneLayout``.
struct ExplorerView {
    let explorer: Explorer

    private var state: ExplorerState { explorer.state }

    /// ASCII for a screen reader, which would read box drawing aloud.
    private var look: Look {
        Look(
            theme: explorer.theme,
            glyphs: explorer.screenReader ? .ascii : explorer.capabilities.glyphs)
    }

    func render(width: Int, height: Int) -> Frame {
        var grid = Grid(width: width, height: height)
        guard !PaneLayout.isTooSmall(width: width, height: height) else {
            TooSmallNotice(theme: explorer.theme, quitKey: explorer.keymap.keyName(for: .quit))
                .render(in: grid.bounds, into: &grid)
            return Frame(grid: grid, cursor: nil)
        }
        let look = self.look
        let layout = explorer.paneLayout(width: width, height: height)
        TitleBar(explorer: explorer, look: look).render(in: layout.titleBar, into: &grid)
        if let view = explorer.framework {
            view.widget(explorer.viewLook).render(in: layout.body, into: &grid)
        } else {
            drawPanes(layout, look: look, into: &grid)
        }
        StatusBar(explorer: explorer, theme: look.theme).render(in: layout.statusBar, into: &grid)
        var cursor: (x: Int, y: Int)?
        let screen = grid.bounds
        switch state.overlay {
        case .help(let scroll)?:
            HelpPanel(keys: explorer.keys, scroll: scroll, look: look).render(
                in: screen, into: &grid)
        case .search(let search)?:
            let panel = SearchPanel(search: search, explorer: explorer, look: look)
            panel.render(in: screen, into: &grid)
            cursor = panel.cursor(in: screen)
        case .jump(let jump)?:
            let panel = JumpPanel(jump: jump, explorer: explorer, look: look)
            panel.render(in: screen, into: &grid)
            cursor = panel.cursor(in: screen)
        case .editor(let editor, let id)?:
            let panel = NotePanel(editor: editor, id: id, explorer: explorer, look: look)
            panel.render(in: screen, into: &grid)
            cursor = panel.cursor(in: screen)
        case .problems(let list)?:
            ProblemsPanel(list: list, explorer: explorer, look: look).render(
                in: screen, into: &grid)
        case nil:
            guard explorer.screenReader else { break }
            if let view = explorer.framework {
                cursor = view.selectionCursor(in: layout.body)
            } else {
                cursor = selectionCursor(layout)
            }
        }
        return Frame(grid: grid, cursor: cursor)
    }

    /// Each pane with its header, a line between neighbours.
    private func drawPanes(_ layout: PaneLayout, look: Look, into grid: inout Grid) {
        for (index, entry) in layout.panes.enumerated() {
            var rect = entry.rect
            if index > 0 {
                let separator = Rect(x: rect.x, y: rect.y, width: 1, height: rect.height)
                grid.fill(separator, with: look.glyphs.box.vertical, style: look.theme[.border])
                rect = rect.inset(left: 1)
            }
            pane(entry.pane, look: look).render(in: rect, into: &grid)
        }
    }

    private func pane(_ pane: Pane, look: Look) -> any Widget {
        let focused = state.focus == pane
        func header(_ title: String, right: String = "") -> PaneHeader {
            PaneHeader(
                title: title, right: right, focused: focused,
                screenReader: explorer.screenReader, look: look)
        }
        switch pane {
        case .navigator:
            return PaneWithHeader(
                header: header(Pane.navigator.title),
                body: NavigatorPane(explorer: explorer, focused: focused, look: look))
        case .reader:
            // The position is in the status bar; repeating it here would send two more
            // changes to the terminal on every scroll.
            let title =
                explorer.model.entity(state.current)?.displayTitle ?? state.current.description
            return PaneWithHeader(
                header: header(title),
                body: ReaderPane(page: explorer.page, state: state, theme: look.theme))
        case .context:
            return PaneWithHeader(
                header: header("Links", right: "\(explorer.context.entryIndexes.count)"),
                body: LinksPane(explorer: explorer, focused: focused, look: look))
        }
    }

    /// Where the terminal cursor goes in screen-reader mode: on the selected item.
    private func selectionCursor(_ layout: PaneLayout) -> (x: Int, y: Int)? {
        guard let rect = layout.rect(of: state.focus) else { return nil }
        let top = rect.y + 1
        switch state.focus {
        case .navigator:
            let row = state.navigator.selection - state.navigator.offset
            return (rect.x + 1, top + max(0, row))
        case .reader:
            let page = explorer.page
            if let link = state.selectedLink, page.links.indices.contains(link) {
                let line = page.links[link].line - state.reader.offset
                let column = page.lines[page.links[link].line].spans
                    .prefix { $0.link != link }.reduce(0) { $0 + DisplayWidth.of($1.text) }
                return (rect.x + 1 + column, top + max(0, line))
            }
            return (rect.x + 1, top)
        case .context:
            return (rect.x + 3, top + max(0, state.context.selection - state.context.offset))
        }
    }
}
