import CaravanContent

/// The framework views over the panes: opening one, and the keys it takes while open.
extension Explorer {
    /// How the views are drawn here: the theme, the terminal's glyphs and the keys' hints.
    var viewLook: ViewLook {
        ViewLook(theme: theme, glyphs: capabilities.glyphs, hints: keys.inViews.hints)
    }

    /// Opens the framework map, matrix or atlas over the panes.
    mutating func showFramework(_ kind: FrameworkViewKind) {
        if framework?.kind == kind { return }
        let body = paneLayout.body
        let size = FreshViewCache.Key(
            kind: kind, width: body.width, height: body.height, linear: screenReader)
        show(freshViews.view(for: size, model: model))
    }

    /// Opens a view over the panes; it should be sized to ``PaneLayout/body``.
    mutating func show(_ view: any FrameworkView) {
        state.view = OpenView(view)
        state.viewToReturnTo = nil
    }

    /// A key over an open view: the view's own keys first, then the explorer's moving keys,
    /// which the view takes as its own moves. Returns whether the view took the key.
    mutating func handleInView(_ key: Key, count: Int) -> Bool {
        guard var view = state.view?.view else { return false }
        for action in keys.inViews.actions(for: key) {
            switch view.perform(action, count: count) {
            case .ignored:
                continue
            case .handled:
                state.view = OpenView(view)
            case .close:
                state.view = nil
            case .open(let id):
                state.view = nil
                open(id, pushing: true)
                state.viewToReturnTo = ViewReturn(
                    view: OpenView(view), historyIndex: max(0, state.historyIndex - 1))
                setFocus(.reader)
            }
            return true
        }
        state.view = OpenView(view)
        return false
    }
}
