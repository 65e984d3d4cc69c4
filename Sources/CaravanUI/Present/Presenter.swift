import CaravanContent
import Foundation

/// Everything the presenter shows, as a value. Only `update` changes it.
public struct PresenterState: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case slide
        case overview(SlideOverview)
        /// The screen is blank; any key brings the slide back.
        case blank
        case help
        /// An entity is open in the embedded explorer.
        case explorer
    }

    public var width: Int
    public var height: Int
    /// The current slide, from 0.
    public var index: Int
    /// How far the current slide's body is scrolled.
    public var scroll = 0
    public var mode: Mode = .slide
    /// Digits typed before Enter, to go to a slide by number.
    public var typedNumber = ""
    /// A short note in the footer until the next key ("no entity on this slide").
    public var message: String?
    /// When the talk started and the time now, in seconds since 1970.
    public var started: Double
    public var now: Double
    /// The seconds on the clock while it is paused; nil while it runs.
    public var pausedAt: Int?
    /// The question the footer asks (quit? resume?), answered by the next key.
    public var question: PresenterQuestion?
    /// The polls asked so far, by slide.
    public var polls: [Int: PollTally] = [:]
    /// How many times a poll was closed, and results were asked for (`w`): the host
    /// writes the results when either grows.
    public var closedPolls = 0
    public var resultsRequests = 0

    /// Whole seconds on the clock.
    public var elapsed: Int { pausedAt ?? max(0, Int(now - started)) }
}

/// Full-screen slides for teaching from a deck.
///
/// A `Program`: keys move between slides, `o` shows an overview, `b` blanks the screen,
/// Enter opens the slide's entity in an embedded ``Explorer`` (Backspace at the start of
/// its history, Esc or `q` come back to the same slide). It redraws its clock on `.tick`;
/// run it with `ProgramRunner.Options(ticks: 1000)`. ``status`` is what followers are
/// told.
public struct Presenter: Program {
    public internal(set) var model: ContentModel
    public internal(set) var deck: Deck
    /// The presenter's keys, its overview's, and the explorer's for a visit from a slide.
    public var keys: KeyBindings
    public var theme: PresenterTheme
    public var capabilities: Capabilities
    public internal(set) var state: PresenterState
    /// The explorer opened from a slide, while it is open.
    public internal(set) var visit: ExplorerVisit?
    /// The lecturer's own notes on entities, shown on the notes screen during a detour.
    public var lecturerNotes: [EntityID: String] = [:]
    private let clock: @Sendable () -> Double

    /// - Parameters:
    ///   - start: the slide to start at, from 0 (clamped to the deck).
    ///   - resume: where a previous run left the deck, offered in the footer until answered.
    ///   - clock: seconds since 1970; the talk starts at its first reading.
    public init(
        model: ContentModel, deck: Deck, width: Int, height: Int, start: Int = 0,
        resume: ResumePoint? = nil,
        keys: KeyBindings = .standard, theme: PresenterTheme? = nil,
        capabilities: Capabilities = .full,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.model = model
        self.deck = deck
        self.keys = keys
        self.capabilities = capabilities
        self.theme = theme ?? PresenterTheme.forTerminal(capabilities)
        self.clock = clock
        let now = clock()
        state = PresenterState(
            width: width, height: height, index: min(max(0, start), max(0, deck.slides.count - 1)),
            started: now, now: now)
        state.question = resume.map { .resume($0) }
    }

    /// The current slide (nil only for a deck without slides).
    public var slide: Slide? {
        deck.slides.indices.contains(state.index) ? deck.slides[state.index] : nil
    }

    /// The current slide laid out for the screen.
    public var screen: SlideScreen? {
        slide.map {
            SlideScreen(
                slide: $0, model: model, width: state.width, height: state.height,
                unicode: capabilities.unicode)
        }
    }

    /// What followers and the notes screen are told.
    public var status: PresenterStatus {
        let next = state.index + 1 < deck.slides.count ? deck.slides[state.index + 1].title : nil
        var status = PresenterStatus(
            deck: deck.id.description, deckTitle: deck.title, slide: state.index,
            count: deck.slides.count,
            title: slide?.title ?? deck.title, notes: slide?.notes ?? "", nextTitle: next,
            started: state.started, blank: state.mode == .blank)
        status.pausedAt = state.pausedAt
        status.detour = detourStatus
        status.poll = currentPoll?.status
        return status
    }

    // MARK: Update

    public mutating func update(_ event: InputEvent) -> [Effect] {
        state.now = clock()
        if visit != nil { return updateVisit(event) }
        switch event {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            clampScroll()
            if case .overview(var overview) = state.mode {
                overview.reveal(width: state.width, height: state.height)
                state.mode = .overview(overview)
            }
            return []
        case .interrupt, .terminate:
            return [.quit]
        case .tick, .external, .externalFinished, .mouse, .contentChanged:
            return []
        case .key(let key):
            state.message = nil
            if let effects = answerQuestion(key) { return effects }
            return handle(key)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        switch state.mode {
        case .blank:
            state.mode = .slide
            return []
        case .help:
            state.mode = .slide
            return []
        case .overview(let overview):
            handleOverview(key, overview)
            return []
        case .explorer, .slide:
            break
        }
        if case .character(let character) = key, character.isASCII,
            let digit = character.wholeNumberValue
        {
            if state.typedNumber.count < 4 { state.typedNumber.append(String(digit)) }
            return []
        }
        if !state.typedNumber.isEmpty {
            switch key {
            case .enter:
                let typed = state.typedNumber
                state.typedNumber = ""
                if let number = Int(typed), deck.slides.indices.contains(number - 1) {
                    go(to: number - 1)
                } else {
                    state.message = "No slide \(typed): the deck has \(deck.slides.count)"
                }
                return []
            case .backspace:
                state.typedNumber.removeLast()
                return []
            case .escape:
                state.typedNumber = ""
                return []
            default:
                state.typedNumber = ""
            }
        }
        guard let action = keys.presenter.action(for: key) else { return [] }
        return perform(action)
    }

    public mutating func perform(_ action: PresenterAction) -> [Effect] {
        let maximum = screen?.maximumScroll ?? 0
        switch action {
        case .quit: state.question = .quit
        case .pauseClock: togglePause()
        case .resetClock: resetClock()
        case .poll: togglePoll()
        case .reveal: toggleReveal()
        case .writeResults: requestResults()
        case .next: go(to: state.index + 1)
        case .previous: go(to: state.index - 1)
        case .down:
            if state.scroll < maximum { state.scroll += 1 } else { go(to: state.index + 1) }
        case .up:
            if state.scroll > 0 { state.scroll -= 1 } else { go(to: state.index - 1, atEnd: true) }
        case .scrollDown: state.scroll = min(maximum, state.scroll + 1)
        case .scrollUp: state.scroll = max(0, state.scroll - 1)
        case .first: go(to: 0)
        case .last: go(to: deck.slides.count - 1)
        case .overview:
            var overview = SlideOverview(deck, selection: state.index)
            overview.reveal(width: state.width, height: state.height)
            state.mode = .overview(overview)
        case .blank: state.mode = .blank
        case .help: state.mode = .help
        case .open: openExplorer()
        }
        return []
    }

    /// Goes to a slide (clamped), at its top or, going back with `k`, at its end.
    public mutating func go(to index: Int, atEnd: Bool = false) {
        let target = min(max(0, index), max(0, deck.slides.count - 1))
        guard target != state.index else { return }
        closePoll(leaving: state.index)
        state.index = target
        state.scroll = atEnd ? Int.max : 0
        clampScroll()
    }

    private mutating func clampScroll() {
        state.scroll = min(max(0, state.scroll), screen?.maximumScroll ?? 0)
    }

    private mutating func handleOverview(_ key: Key, _ current: SlideOverview) {
        guard let action = keys.overview.action(for: key) else { return }
        var overview = current
        let columns = current.columns(width: state.width, height: state.height)
        let count = deck.slides.count
        let step: Int
        switch action {
        case .left: step = -1
        case .right: step = 1
        case .up: step = -columns
        case .down: step = columns
        case .first: step = -count
        case .last: step = count
        case .open:
            state.mode = .slide
            go(to: overview.selection)
            return
        case .close:
            state.mode = .slide
            return
        }
        overview.move(by: step, count: count, width: state.width, height: state.height)
        state.mode = .overview(overview)
    }

    // MARK: The embedded explorer

    private mutating func openExplorer() {
        guard let slide else { return }
        guard let target = slide.entity ?? slide.textLinks.first(where: model.contains),
            model.contains(target)
        else {
            state.message = "Nothing to explore on this slide"
            return
        }
        visit = ExplorerVisit(
            model: model, start: target, width: state.width, height: state.height,
            capabilities: capabilities, keys: keys)
        state.mode = .explorer
    }

    private mutating func updateVisit(_ event: InputEvent) -> [Effect] {
        guard var visit else { return [] }
        if case .resize(let width, let height) = event {
            state.width = max(0, width)
            state.height = max(0, height)
        }
        let outcome = visit.update(event)
        if outcome.leaves {
            self.visit = nil
            state.mode = .slide
            clampScroll()
        } else {
            self.visit = visit
        }
        return outcome.effects
    }

    // MARK: View

    public func view() -> Frame {
        if let visit { return visit.view() }
        let (width, height) = (state.width, state.height)
        var grid = Grid(width: width, height: height)
        grid.fill(grid.bounds, style: theme.background)
        switch state.mode {
        case .blank:
            return Frame(grid: grid)
        case .overview(let overview):
            overview.widget(deck, theme: theme, glyphs: capabilities.glyphs)
                .render(in: grid.bounds, into: &grid)
        case .help:
            PresenterHelp(section: keys.presenter.helpSection, theme: theme)
                .render(in: grid.bounds, into: &grid)
        case .slide, .explorer:
            if let screen {
                screen.widget(scroll: state.scroll, theme: theme).render(
                    in: grid.bounds, into: &grid)
                if let tally = currentPoll, tally.revealed {
                    drawResults(tally, on: screen, into: &grid)
                }
            } else {
                grid.write("This deck has no slides", x: 2, y: 1, style: theme.title)
            }
        }
        footer.render(in: Rect(y: height - 1, width: width, height: 1), into: &grid)
        return Frame(grid: grid)
    }

    private var footer: SlideFooter {
        var prompt: String?
        if let question = state.question {
            prompt = question.prompt
        } else if !state.typedNumber.isEmpty {
            prompt = "Go to slide \(state.typedNumber)_"
        } else if let message = state.message {
            prompt = message
        }
        return SlideFooter(
            index: state.index, count: deck.slides.count, elapsed: state.elapsed, prompt: prompt,
            label: footerLabel, theme: theme, glyphs: capabilities.glyphs)
    }
}
