import CaravanContent

/// The search prompt (`/`): a query typed live, ranked results with snippets, a
/// selection. When nothing matches, the results are those of the query spelt as the
/// content spells its words (``correction``), with a "did you mean".
public struct SearchOverlay: Sendable, Hashable {
    public var input: LineInput
    /// The query with each unknown word replaced by the closest word the content uses,
    /// when the query as typed finds nothing and the replacement finds something.
    public private(set) var correction: String?
    /// The results with their snippets, best first: as many as have been on screen.
    public var results: [SearchIndex.Result] = []
    /// Ranked hits after `results` whose snippets are made when they come into view.
    public var pending: [SearchIndex.Hit] = []
    /// The selected result and the first one shown.
    public var list = ScrollState()
    public var selection: Int { list.selection }

    /// What a key did.
    enum Outcome: Equatable {
        case editing
        case close
        /// Open the result at this index.
        case open(Int)
        /// Enter with nothing to open.
        case nothing
    }

    /// An empty prompt, or one offering `offered` (the last search) with its results.
    public init(history: [String] = [], offering offered: String? = nil) {
        input = LineInput(history: history, offering: offered)
    }

    /// The query as typed.
    public var query: String { input.text }

    /// The query the results are for: the correction, when there is one.
    public var effectiveQuery: String { correction ?? input.text }

    /// Every result, shown or not.
    public var count: Int { results.count + pending.count }

    /// Every result's entity, in order.
    var resultIDs: [EntityID] { results.map(\.id) + pending.map(\.id) }

    /// What a key did: one of the prompt's actions, or a character typed.
    mutating func handle(_ input: KeyInput<PromptAction>, in context: SearchContext) -> Outcome {
        switch input {
        case .action(let action): return perform(action, in: context)
        case .text(let character): edit(context) { $0.type(character) }
        case .none: break
        }
        return .editing
    }

    mutating func perform(_ action: PromptAction, in context: SearchContext) -> Outcome {
        switch action {
        case .close:
            return .close
        case .open:
            return results.indices.contains(selection) ? .open(selection) : .nothing
        case .deleteBackward where input.text.isEmpty:
            return .close
        case .deleteBackward: edit(context) { $0.deleteBackward() }
        case .previousChoice where count > 0: move(.lineUp, context)
        case .nextChoice where count > 0, .complete: move(.lineDown, context)
        case .previousChoice, .earlier: edit(context) { $0.recall(by: 1) }
        case .nextChoice, .later: edit(context) { $0.recall(by: -1) }
        case .deleteWord: edit(context) { $0.deleteWord() }
        case .clear: edit(context) { $0.clear() }
        case .keepOffer: input.keepOffer()
        }
        return .editing
    }

    /// Changes the input and searches again when its text changed.
    private mutating func edit(_ context: SearchContext, _ change: (inout LineInput) -> Void) {
        let before = input.text
        change(&input)
        if input.text != before { run(context) }
    }

    /// Searches for the text in the input: the reader's notes first, then the content;
    /// when nothing matches, for the query respelt as the content spells its words.
    mutating func run(_ context: SearchContext) {
        let index = context.model.search
        correction = nil
        var hits = index.rank(input.text, limit: 100)
        var notes = noteResults(input.text, context)
        if hits.isEmpty, notes.isEmpty, let corrected = index.correction(for: input.text) {
            correction = corrected
            hits = index.rank(corrected, limit: 100)
            notes = noteResults(corrected, context)
        }
        results = notes
        pending = hits
        list = ScrollState()
        fillSnippets(context)
    }

    /// How many results the prompt shows on a screen `height` rows high: two rows each,
    /// under the input and the count, in a box two rows shorter than the screen.
    static func visibleResults(screenHeight height: Int) -> Int {
        max(1, (height - 6) / 2)
    }

    /// Selects a result (clamped) and keeps it in sight.
    mutating func select(_ index: Int, _ context: SearchContext) {
        list.select(
            index, visible: SearchOverlay.visibleResults(screenHeight: context.rows), total: count)
        fillSnippets(context)
    }

    private mutating func move(_ motion: Motion, _ context: SearchContext) {
        let visible = SearchOverlay.visibleResults(screenHeight: context.rows)
        list.move(motion, paging: .list(visible: visible), visible: visible, total: count)
        fillSnippets(context)
    }

    private func noteResults(_ query: String, _ context: SearchContext) -> [SearchIndex.Result] {
        context.notes.sorted { $0.key < $1.key }.compactMap { id, text in
            SearchIndex.match(query, in: text).map {
                SearchIndex.Result(id: id, field: .note, score: 1000, snippet: $0)
            }
        }
    }

    /// Gives snippets to the hits that can be on screen: every result up to a screenful
    /// past the selection. Making them for all 100 hits at each typed letter took longer
    /// than the rest of the key.
    mutating func fillSnippets(_ context: SearchContext) {
        let wanted = selection + 1 + max(1, context.rows / 2)
        guard results.count < wanted, !pending.isEmpty else { return }
        let taken = pending.prefix(wanted - results.count)
        let index = context.model.search
        results += taken.map { hit in
            SearchIndex.Result(
                id: hit.id, field: hit.field, score: hit.score,
                snippet: index.snippet(for: hit, query: effectiveQuery))
        }
        pending.removeFirst(taken.count)
    }
}

/// What a search needs from the explorer: the content, the reader's notes, and the
/// screen's height (to know how many snippets to make).
struct SearchContext {
    var model: ContentModel
    var notes: [EntityID: String]
    var rows: Int
}

/// A search whose results the reader is going through with `n` and `N`.
public struct SearchRun: Sendable, Hashable {
    /// The query the results are for.
    public var query: String
    /// Every result's entity, best first.
    public var results: [EntityID]
    /// The result being read.
    public var position: Int
}
