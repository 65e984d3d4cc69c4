import CaravanContent

/// The search prompt over the panes: the query, how many results (or a "did you mean"),
/// then each result's kind and title with a snippet of where it matched.
struct SearchPanel: Widget {
    let search: SearchOverlay
    let explorer: Explorer
    let look: Look

    private var frame: OverlayFrame {
        OverlayFrame(
            width: 100, height: Int.max,
            title: "Search" + look.glyphs.dash + explorer.keys.prompts.title([.open, .close]),
            look: look)
    }

    func render(in area: Rect, into grid: inout Grid) {
        let frame = self.frame
        frame.render(in: area, into: &grid)
        let inner = frame.inner(in: area)
        let theme = look.theme
        prompt.render(in: inner, into: &grid)
        grid.write(status, x: inner.x, y: inner.y + 1, style: theme[.dim], maxWidth: inner.width)
        for (slot, index) in shown(area).enumerated() {
            let result = search.results[index]
            let y = inner.y + 2 + slot * 2
            let selected = index == search.selection
            let title = explorer.model.entity(result.id)?.displayTitle ?? result.id.description
            let head =
                (result.field == .note ? "your note on " : "\(result.id.kind.rawValue): ") + title
            if selected {
                grid.fill(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[.selection])
            }
            grid.write(
                head, x: inner.x, y: y, style: theme[selected ? .selection : .strong],
                maxWidth: inner.width)
            SnippetLine(snippet: result.snippet, theme: theme)
                .render(
                    in: Rect(x: inner.x + 2, y: y + 1, width: inner.width - 2, height: 1),
                    into: &grid)
        }
    }

    /// After the query; a screen reader's cursor goes on the selected result, which it reads.
    func cursor(in area: Rect) -> (x: Int, y: Int) {
        let inner = frame.inner(in: area)
        if explorer.screenReader, let slot = shown(area).firstIndex(of: search.selection) {
            return (inner.x, inner.y + 2 + slot * 2)
        }
        return prompt.cursor(in: inner)
    }

    private var prompt: PromptLine {
        PromptLine(
            prompt: "/", input: search.query, offered: search.input.isOffered, theme: look.theme)
    }

    /// The results on screen, two rows each, scrolled to keep the selection in sight.
    private func shown(_ area: Rect) -> [Int] {
        let capacity = SearchOverlay.visibleResults(screenHeight: area.height)
        var list = search.list
        list.keepVisible(visible: capacity, total: search.count)
        return (list.offset..<(list.offset + capacity)).filter {
            search.results.indices.contains($0)
        }
    }

    private var status: String {
        let count = search.count
        let results = "\(count) result\(count == 1 ? "" : "s")"
        if search.query.isEmpty { return "Type to search titles, summaries and text" }
        if count == 0 { return "No results" }
        if let correction = search.correction {
            return "No results. Did you mean “\(correction)”? " + results + " for it:"
        }
        return results
    }
}

/// Where a search matched: the snippet dim, its matching words highlighted.
struct SnippetLine: Widget {
    let snippet: SearchIndex.Snippet
    let theme: Theme

    func render(in rect: Rect, into grid: inout Grid) {
        let characters = Array(snippet.text)
        var column = rect.x
        var index = 0
        while index < characters.count, column < rect.maxX {
            let inMatch = snippet.matches.first { $0.contains(index) }
            let end =
                inMatch?.upperBound
                ?? (snippet.matches.first { $0.lowerBound > index }?.lowerBound ?? characters.count)
            let piece = String(characters[index..<min(end, characters.count)])
            column += grid.write(
                piece, x: column, y: rect.y, style: theme[inMatch == nil ? .dim : .match],
                maxWidth: rect.maxX - column)
            index = max(end, index + 1)
        }
    }
}
