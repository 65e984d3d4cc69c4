import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

/// What ``PresenterHost`` tells the presenter: a line for its footer, or the content as
/// read again from its files (`--watch`).
enum PresenterReply {
    case message(String)
    case reloaded(ContentModel)
}

/// Carries out a presenter's `.save` requests: where it is in the deck goes into the
/// reader's state (so the next `caravan present` offers to resume), and poll results
/// go to a CSV file when a poll closes, when asked (`w`) and at the end. With `--watch`
/// it also reads the content again when its files change (`.reloadContent`).
struct PresenterHost: ProgramHost {
    /// Where the reader's state is kept; nil keeps nothing.
    let store: StateStore?
    /// The state as last read or written; saves merge against it.
    private(set) var base: ReaderState?
    /// Where results go on their own (`--results DIR`); `w` without it writes here.
    let resultsFolder: String?
    /// Reads the content as it is on disk now; nil when not watching.
    let reload: (() -> ContentModel)?
    private var written = (closed: 0, requests: 0)
    private var savedPoint: ResumePoint?

    init(
        store: StateStore?, base: ReaderState?, resultsFolder: String?,
        reload: (() -> ContentModel)? = nil
    ) {
        self.store = store
        self.base = base
        self.resultsFolder = resultsFolder
        self.reload = reload
    }

    mutating func perform(
        _ request: Effect, for program: BroadcastingPresenter,
        runExternal: ([String]) -> ExternalResult
    ) -> [PresenterReply] {
        if request == .reloadContent, let reload { return [.reloaded(reload())] }
        guard request == .save else { return [] }
        let presenter = program.presenter
        var replies: [PresenterReply] = []
        if let problem = savePlace(presenter) { replies.append(.message(problem)) }
        let state = presenter.state
        let asked = state.resultsRequests > written.requests
        let closed = state.closedPolls > written.closed || program.ending
        written = (state.closedPolls, state.resultsRequests)
        if asked || (closed && resultsFolder != nil && !presenter.tallies.isEmpty) {
            let folder = resultsFolder ?? FileManager.default.currentDirectoryPath
            let path = PresenterHost.resultsPath(for: presenter.deck, in: folder)
            do {
                let csv = PollResults.csv(deck: presenter.deck, tallies: presenter.tallies)
                try AtomicFile.replace(Data(csv.utf8), at: path)
                if asked { replies.append(.message("Results written to \(path)")) }
            } catch {
                replies.append(.message("Results not written: \(error)"))
            }
        }
        return replies
    }

    /// `DIR/lecture-poll-results.csv` for `deck/lecture`.
    static func resultsPath(for deck: Deck, in folder: String) -> String {
        (folder as NSString).appendingPathComponent("\(deck.id.slug)-poll-results.csv")
    }

    /// Writes the presenter's place when it changed; the reason when it could not.
    private mutating func savePlace(_ presenter: Presenter) -> String? {
        guard let store, var state = base else { return nil }
        let point = presenter.resumePoint
        guard point != savedPoint else { return nil }
        state.setPlace(
            PresenterPlace(
                slide: point.slide, elapsed: point.elapsed, paused: point.paused, updated: Date()),
            in: presenter.deck.id.description)
        do {
            base = try store.save(state, base: base ?? state)
            savedPoint = point
            return nil
        } catch {
            return "Place not saved: \(error)"
        }
    }
}
