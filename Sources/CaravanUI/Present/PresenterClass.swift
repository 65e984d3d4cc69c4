import CaravanContent

/// Where a presenter is in a deck, as it is kept between runs.
public struct ResumePoint: Sendable, Hashable {
    /// The slide, from 0.
    public var slide: Int
    /// Seconds on the clock.
    public var elapsed: Int
    public var paused: Bool

    public init(slide: Int, elapsed: Int, paused: Bool) {
        self.slide = slide
        self.elapsed = elapsed
        self.paused = paused
    }

    /// "slide 7, 12:31" (slides counted from 1).
    public var summary: String {
        "slide \(slide + 1), \(SlideFooter.clock(elapsed))" + (paused ? " (clock paused)" : "")
    }
}

/// A question the presenter's footer asks, answered by the next key.
public enum PresenterQuestion: Sendable, Hashable {
    /// `q` was pressed: a second `q` or `y` quits, any other key goes on.
    case quit
    /// A previous run left this place: `y` or Enter goes back to it, any other key starts
    /// from the beginning.
    case resume(ResumePoint)

    var prompt: String {
        switch self {
        case .quit: "Quit the presentation? q or y quits, any other key goes on"
        case .resume(let point): "Resume at \(point.summary)? y/n"
        }
    }
}

// The parts of presenting that serve a class: the clock, the questions in the footer,
// polls and the detour that notes and followers are told of.
extension Presenter {
    // MARK: The clock

    /// Stops the clock, or starts it again where it stopped.
    mutating func togglePause() {
        if let stopped = state.pausedAt {
            state.started = state.now - Double(stopped)
            state.pausedAt = nil
            state.message = "Clock running"
        } else {
            state.pausedAt = state.elapsed
            state.message = "Clock paused (p starts it again)"
        }
    }

    /// Sets the clock to 00:00; a paused clock stays paused.
    mutating func resetClock() {
        state.started = state.now
        if state.pausedAt != nil { state.pausedAt = 0 }
        state.message = "Clock reset"
    }

    /// Where the presenter is now, to keep for the next run.
    public var resumePoint: ResumePoint {
        ResumePoint(slide: state.index, elapsed: state.elapsed, paused: state.pausedAt != nil)
    }

    mutating func resume(at point: ResumePoint) {
        go(to: point.slide)
        state.started = state.now - Double(max(0, point.elapsed))
        state.pausedAt = point.paused ? max(0, point.elapsed) : nil
    }

    // MARK: Questions

    /// Answers the question in the footer with a key; nil when none is asked.
    mutating func answerQuestion(_ key: Key) -> [Effect]? {
        guard let question = state.question else { return nil }
        state.question = nil
        let yes = key == .character("y") || key == .character("Y")
        switch question {
        case .quit:
            if yes || key == .character("q") || key == .character("Q") { return [.quit] }
        case .resume(let point):
            if yes || key == .enter { resume(at: point) }
        }
        return []
    }

    // MARK: Polls

    /// The current slide's poll with its answers so far, if it has one.
    public var currentPoll: PollTally? {
        state.polls[state.index] ?? slide?.poll.map(PollTally.init)
    }

    /// Every poll asked so far, by slide.
    public var tallies: [Int: PollTally] { state.polls }

    /// Opens the current slide's poll, or closes it.
    mutating func togglePoll() {
        guard var tally = currentPoll else {
            state.message = "No poll on this slide"
            return
        }
        tally.isOpen.toggle()
        state.polls[state.index] = tally
        if tally.isOpen {
            state.message = "Poll open: followers answer with 1-\(tally.poll.options.count)"
        } else {
            state.message = "Poll closed: \(tally.answered) answered"
            state.closedPolls += 1
        }
    }

    /// Shows the counts and bars on the slide, or hides them.
    mutating func toggleReveal() {
        guard var tally = currentPoll else {
            state.message = "No poll on this slide"
            return
        }
        tally.revealed.toggle()
        state.polls[state.index] = tally
    }

    /// Closes an open poll on the slide being left: answers are taken on its slide only.
    mutating func closePoll(leaving index: Int) {
        guard state.polls[index]?.isOpen == true else { return }
        state.polls[index]?.isOpen = false
        state.closedPolls += 1
    }

    /// Takes followers' answers. Only the current slide's open poll of this deck counts
    /// them: an answer to anything else is dropped.
    public mutating func receive(_ votes: [Vote]) {
        for vote in votes where vote.deck == deck.id.description && vote.slide == state.index {
            state.polls[state.index]?.record(voter: vote.voter, choice: vote.choice)
        }
    }

    /// Asks for the results to be written (`w`): the host sees ``resultsRequests`` grow.
    mutating func requestResults() {
        guard !state.polls.isEmpty else {
            state.message = "No poll has been asked yet"
            return
        }
        state.resultsRequests += 1
    }

    /// Says in the footer how writing the results went.
    public mutating func showMessage(_ message: String) {
        state.message = message
    }

    // MARK: What notes and followers are told

    /// The entity open in the explorer, as notes and followers are told of it.
    var detourStatus: DetourStatus? {
        guard let visit else { return nil }
        let id = visit.explorer.state.current
        guard let entity = model.entity(id) else { return nil }
        var seen: Set<EntityID> = [id]
        var links: [DetourLink] = []
        for link in model.outgoing(from: id) where seen.insert(link.target).inserted {
            let title = model.entity(link.target)?.displayTitle ?? link.target.description
            links.append(DetourLink(relation: link.type.label, title: title))
        }
        for link in model.incoming(to: id) where seen.insert(link.source).inserted {
            let title = model.entity(link.source)?.displayTitle ?? link.source.description
            links.append(DetourLink(relation: link.type.inverseLabel, title: title))
        }
        let note = lecturerNotes[id].flatMap { $0.isEmpty ? nil : $0 }
        return DetourStatus(
            id: id.description, title: entity.displayTitle, links: Array(links.prefix(40)),
            note: note)
    }
}

// What the presenter's screen shows of the class.
extension Presenter {
    /// After the slide number: the poll's state and keys, and a paused clock.
    var footerLabel: String? {
        func key(_ action: PresenterAction) -> String {
            keys.presenter.keys(for: action).first?.name ?? action.name
        }
        var parts: [String] = []
        if let tally = currentPoll {
            let glyphs = capabilities.glyphs
            let summary = PollResultsView(poll: tally.status, theme: theme, glyphs: glyphs).summary
            if tally.isOpen {
                let shows = tally.revealed ? "hides" : "shows"
                parts.append(
                    "poll \(summary) (\(key(.poll)) closes, \(key(.reveal)) \(shows))")
            } else if tally.answered == 0 {
                parts.append("poll (\(key(.poll)) opens it)")
            } else {
                parts.append("poll \(summary) (\(key(.poll)) reopens)")
            }
        }
        if state.pausedAt != nil { parts.append("clock paused") }
        return parts.isEmpty ? nil : parts.joined(separator: capabilities.glyphs.separator)
    }

    /// The poll's answers over the slide's body, once revealed.
    func drawResults(_ tally: PollTally, on screen: SlideScreen, into grid: inout Grid) {
        let geometry = screen.geometry
        let top = screen.bodyTop
        let rows = max(0, geometry.markerRow - top)
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: rows), style: theme.background)
        PollResultsView(poll: tally.status, theme: theme, glyphs: capabilities.glyphs)
            .render(
                in: Rect(x: geometry.textX, y: top, width: geometry.textWidth, height: rows),
                into: &grid)
    }
}
