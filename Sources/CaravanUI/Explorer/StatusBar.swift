import CaravanContent

/// The status bar: where the reader is (or a message), the content's errors when it has
/// any, and the main keys, as room allows.
struct StatusBar: Widget {
    let explorer: Explorer
    let theme: Theme

    private var state: ExplorerState { explorer.state }

    func render(in rect: Rect, into grid: inout Grid) {
        grid.fill(
            Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height)),
            style: theme[.statusBar])
        let hints = explorer.keymap.hints(Action.statusHints) + " "
        var left =
            " "
            + (explorer.framework.map { "view/" + $0.kind.rawValue } ?? state.current.description)
        // The reader's position, when its page has lines: "1-0/0" says nothing.
        if explorer.framework == nil, explorer.paneLayout.order.contains(.reader),
            !explorer.page.lines.isEmpty
        {
            let total = explorer.page.lines.count
            let visible = explorer.visibleRows(.reader)
            let last = min(total, state.reader.offset + visible)
            let percent = total <= visible ? 100 : last * 100 / max(1, total)
            left += "  \(state.reader.offset + 1)-\(last)/\(total) \(percent)%"
        }
        if let count = state.pendingCount { left += "  count \(count)" }
        // The search's counter, only where its matches are: not over a view, and not on
        // a page without any.
        if explorer.framework == nil, !state.searchTerms.isEmpty, !explorer.page.matches.isEmpty {
            let matches = explorer.page.matches.count
            let current = state.currentMatch.map { "\($0 + 1)/" } ?? ""
            left += "  match \(current)\(matches)"
        }
        // Errors in the content stay in sight, with the key that lists them; a message
        // comes first, then the errors, then the hints, as room allows.
        let problems = problemHint ?? ""
        let problemWidth = DisplayWidth.of(problems)
        let hintWidth = DisplayWidth.of(hints)
        let shown = state.message.map { " " + $0 } ?? left
        let shownWidth = DisplayWidth.of(shown)
        let showProblems =
            !problems.isEmpty
            && (state.message == nil || shownWidth + problemWidth + 2 <= rect.width)
        let rightWidth = showProblems ? problemWidth : 0
        let showHints =
            problems.isEmpty
            ? rect.width - DisplayWidth.of(left) > hintWidth + 2
            : shownWidth + rightWidth + hintWidth + 2 <= rect.width
        grid.write(
            shown, x: rect.x, y: rect.y,
            style: theme[state.message == nil ? .statusBar : .statusMessage],
            maxWidth: rect.width - rightWidth - (showHints ? hintWidth : 0))
        if showHints {
            grid.write(
                hints, x: rect.x + rect.width - hintWidth, y: rect.y, style: theme[.statusBar],
                maxWidth: hintWidth)
        }
        if showProblems, rect.width > problemWidth {
            let x = rect.x + rect.width - problemWidth - (showHints ? hintWidth : 0)
            grid.write(problems, x: x, y: rect.y, style: theme[.error], maxWidth: problemWidth)
        }
    }

    /// `E 3 errors in 2 files` for the status bar, when the content has errors: the key
    /// that lists them (as bound) and how many there are.
    var problemHint: String? {
        guard let summary = explorer.model.problems.errorSummary else { return nil }
        let key = explorer.keymap.keys(for: .problems).first.map { $0.name + " " } ?? ""
        return key + summary + "  "
    }
}
