import CaravanContent
import Foundation

/// Searching from the explorer: the prompt, opening a result, and going through the
/// matches of every result with `n` and `N`.
extension Explorer {
    var searchContext: SearchContext {
        SearchContext(model: model, notes: state.notes, rows: state.height)
    }

    /// The search prompt, offering the last search with its results, the one read last
    /// selected: `/ Down Enter` opens the next result.
    func newSearchPrompt() -> SearchOverlay {
        var search = SearchOverlay(
            history: state.searchHistory, offering: state.searchHistory.last)
        guard !search.query.isEmpty else { return search }
        search.run(searchContext)
        if let run = state.searchRun, run.query == search.query {
            search.select(run.position, searchContext)
        }
        return search
    }

    /// Opens a result, highlights the search's words in it and goes to the first match.
    mutating func openResult(of search: SearchOverlay, at index: Int) {
        guard search.results.indices.contains(index) else { return }
        let query = search.effectiveQuery
        LineInput.remember(query, in: &state.searchHistory)
        state.searchTerms = SearchIndex.words(in: query)
        state.searchRun = SearchRun(
            query: query.trimmingCharacters(in: .whitespaces), results: search.resultIDs,
            position: index)
        state.view = nil
        open(search.results[index].id, pushing: true)
        setFocus(.reader)
        if let first = page.matches.first {
            state.currentMatch = 0
            scrollToLine(first)
        }
    }
}

extension Explorer {
    /// `n` and `N`: the next or previous match on the page; past the last match (or
    /// before the first) on to the next (or previous) result of the search that has one,
    /// as less goes on into the next file.
    mutating func moveMatch(by step: Int) {
        guard !state.searchTerms.isEmpty else {
            state.message = "No search yet: press / to search"
            return
        }
        let count = page.matches.count
        let next = (state.currentMatch ?? (step > 0 ? -1 : count)) + step
        if count > 0, next >= 0, next < count {
            state.currentMatch = next
            scrollToLine(page.matches[next])
            return
        }
        if moveToResult(forward: step > 0) { return }
        guard count > 0 else {
            state.message = "No matches on this page"
            return
        }
        state.message =
            step > 0 ? "Last match; wrapped to the first" : "First match; wrapped to the last"
        let wrapped = ((next % count) + count) % count
        state.currentMatch = wrapped
        scrollToLine(page.matches[wrapped])
    }

    /// Opens the next (or previous) result after the one being read that has a match,
    /// at its first (or last) match; false when no other result has one.
    private mutating func moveToResult(forward: Bool) -> Bool {
        guard var run = state.searchRun, !run.results.isEmpty else { return false }
        let total = run.results.count
        let start =
            run.results[run.position] == state.current
            ? run.position : run.results.firstIndex(of: state.current) ?? run.position
        for offset in 1..<max(1, total) {
            let index = start + (forward ? offset : -offset)
            let position = (index % total + total) % total
            let id = run.results[position]
            guard id != state.current, !layout(of: id).matches.isEmpty else { continue }
            run.position = position
            state.searchRun = run
            state.view = nil
            open(id, pushing: true)
            let match = forward ? 0 : page.matches.count - 1
            state.currentMatch = match
            scrollToLine(page.matches[match])
            let title = model.entity(id)?.displayTitle ?? id.description
            var message = "Result \(position + 1)/\(total): \(title)"
            if index >= total { message = "Last result; wrapped to the first. " + message }
            if index < 0 { message = "First result; wrapped to the last. " + message }
            state.message = message
            return true
        }
        return false
    }
}
