import CaravanContent

/// The content read again from its files while the explorer runs (`--watch`).
extension Explorer {
    /// Takes the content as its files are now, keeping the reader's place: the entity
    /// being read, how far down, the link selected on it, the navigator's row and folds,
    /// the view open over the panes and its selection, the history, marks and notes. An
    /// entity that is gone gives way to the overview, and history entries and marks that
    /// lead nowhere are dropped. A note being written stays open. The status line shows
    /// the first error (`path:line:col: error: ...`) until a reload brings none.
    public mutating func reload(_ model: ContentModel) {
        var fresh = Explorer(
            model: model, width: state.width, height: state.height, keys: keys, theme: theme,
            capabilities: capabilities, screenReader: screenReader,
            navigatorWidth: navigatorWidth, contextWidth: contextWidth,
            usesExternalEditor: usesExternalEditor, hostWritesNotes: hostWritesNotes)
        var kept = state
        let selectedRow =
            rows.indices.contains(state.navigator.selection)
            ? rows[state.navigator.selection].key : nil
        if !model.contains(kept.current) {
            kept.current = fresh.state.current
            kept.reader = ScrollState()
            kept.selectedLink = nil
            kept.context = ScrollState()
        }
        kept.history.removeAll { !model.contains($0.id) }
        if kept.history.isEmpty { kept.history = [HistoryEntry(id: kept.current, scroll: 0)] }
        kept.historyIndex =
            kept.history.lastIndex { $0.id == kept.current } ?? kept.history.count - 1
        kept.marks = kept.marks.filter { model.contains($0.value.id) }
        kept.visited = kept.visited.filter(model.contains)
        kept.view = kept.view.map { OpenView(reloaded($0.view, model)) }
        kept.viewToReturnTo = kept.viewToReturnTo.map {
            ViewReturn(view: OpenView(reloaded($0.view.view, model)), historyIndex: $0.historyIndex)
        }
        kept.searchRun = nil
        switch kept.overlay {
        case .search, .jump, .problems: kept.overlay = nil
        case .help, .editor, nil: break
        }
        fresh.state = kept
        fresh.noteToSave = noteToSave
        fresh.rows = fresh.tree.rows(collapsed: kept.collapsed)
        if let key = selectedRow, let row = fresh.rows.firstIndex(where: { $0.key == key }) {
            fresh.state.navigator.selection = row
        } else {
            fresh.revealInNavigator(kept.current, expand: false)
        }
        fresh.keepNavigatorSelectionVisible()
        fresh.context = ContextList(for: kept.current, in: model)
        fresh.refreshPage()
        fresh.keepContextSelectionVisible()
        fresh.state.message = ReloadMessage.firstError(in: model)
        self = fresh
    }

    private func reloaded(_ view: any FrameworkView, _ model: ContentModel) -> any FrameworkView {
        var view = view
        view.reload(model)
        return view
    }
}
