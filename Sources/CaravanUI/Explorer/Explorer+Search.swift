import CaravanContent
import Foundation

/// Searching from the explorer: the prompt, opening a result, and going through the
/// matches of every result with `n` and `N`.
extension Explorer {
    var searchContext: SearchContext {
        SearchContext(model: model, notes: notes, rows: state.height)
    }

    /// The search prompt, offering the last search with its results, the one read last
    /// selected: `/ Down Enter` opens the next result.
    func newSearchPrompt() -> SearchOverlay {
        var search = SearchOverlay(
            history: state.searchHistory, offering: state.searchHistory.last)
        guard !search.query.isEmpty else { return search }
        search.run(searchContext)
        if let run = state.searchRun, run.query == search.query {
            search.selection = min(run.position, max(0, search.count - 1))
            search.fillSnippets(searchContext)
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
        framework = nil
        open(search.results[index].id, pushing: true)
        setFocus(.reader)
        if let first = page.matches.first {
            state.currentMatch = 0
            scrollToLine(first)
        }
    }
}
