import CaravanContent

/// Which pane has the focus, and what the moving and opening keys do in it.
extension Explorer {
    /// Moves in the focused pane: the selection in the navigator and the Links pane, the
    /// text in the reader.
    mutating func move(_ motion: Motion, count: Int) {
        switch state.focus {
        case .navigator: navigatorMove(motion, count: count)
        case .reader: readerMove(motion, count: count)
        case .context: contextMove(motion, count: count)
        }
    }

    /// Enter: opens what is selected in the focused pane.
    mutating func openSelection() {
        switch state.focus {
        case .navigator: navigatorOpen()
        case .reader: followSelectedLink()
        case .context: contextOpen()
        }
    }

    /// Esc: ends the search being read through and takes its highlights off the page.
    mutating func endSearch() {
        state.searchRun = nil
        if !state.searchTerms.isEmpty {
            state.searchTerms = []
            state.currentMatch = nil
            refreshPage()
        }
    }

    /// h and l step through Contents, the reader and Links, left to right as three panes
    /// stand; with fewer on screen, the pane focused comes in on its own side.
    mutating func moveFocus(by step: Int) {
        let order: [Pane] = [.navigator, .reader, .context]
        guard let index = order.firstIndex(of: state.focus) else { return }
        let next = min(max(0, index + step), order.count - 1)
        setFocus(order[next])
    }

    mutating func cycleFocus() {
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
}
