import CaravanContent
import Foundation

/// `caravan follow`: the presenter's current slide, read-only, following live.
///
/// Nothing typed here moves the presenter. `j`/`k` scroll a long slide locally; `e`
/// steps out into the explorer (at the slide's entity, else the paper) while the talk
/// goes on; `f` or Esc rejoins the live slide. While the presenter has a poll open, the
/// number keys answer it (again to change the answer); the answers wait in
/// ``takeOutgoing()``. When the presenter opens an entity from a slide, it is shown here
/// too, read-only. Feed it with ``receive(_:)``.
public struct Follower: FollowsPresenter {
    public let model: ContentModel
    public var theme: PresenterTheme
    public var capabilities: Capabilities
    /// The follower's keys, and the explorer's: its moving keys scroll a long slide.
    public var keys: KeyBindings
    public private(set) var link: PresenterLink = .waiting
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var scroll = 0
    /// The explorer, while the follower has stepped out into it.
    public private(set) var visit: ExplorerVisit?
    /// The deck the presenter shows, when the local content has it.
    public private(set) var deck: Deck?
    /// This follower's answers, by poll (`deck#slide`), from 1.
    public private(set) var answers: [String: Int] = [:]
    private var outbox: [FollowerMessage] = []
    private var now: Double
    private let clock: @Sendable () -> Double

    public init(
        model: ContentModel, width: Int, height: Int, capabilities: Capabilities = .full,
        keys: KeyBindings = .standard,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.model = model
        self.keys = keys
        self.width = width
        self.height = height
        self.capabilities = capabilities
        theme = PresenterTheme.forTerminal(capabilities)
        self.clock = clock
        now = clock()
    }

    /// Takes news from the presenter. In the explorer it is kept for when the user rejoins.
    public mutating func receive(_ link: PresenterLink) {
        let old = self.link.status
        self.link = link
        now = clock()
        guard let status = link.status else { return }
        if status.deck != deck?.id.description {
            deck = EntityID(status.deck).flatMap(model.deck)
        }
        if status.slide != old?.slide || status.deck != old?.deck || status.detour != old?.detour {
            scroll = 0
        }
    }

    /// Answers waiting to go to the presenter.
    public mutating func takeOutgoing() -> [FollowerMessage] {
        defer { outbox = [] }
        return outbox
    }

    /// The slide the presenter shows, from the local content when it has it (the title must
    /// match, in case the contents differ); otherwise a slide made of the title alone.
    public var slide: Slide? {
        guard let status = link.status else { return nil }
        if let detour = status.detour { return FollowerDetour.slide(detour, in: model) }
        if let deck, deck.slides.indices.contains(status.slide),
            deck.slides[status.slide].title == status.title
        {
            return deck.slides[status.slide]
        }
        var blocks: [MarkdownDocument.Block] = [
            .paragraph([.emphasis([.text("(This slide is not in your content.)")])])
        ]
        if let poll = status.poll {
            let asked = Poll(question: poll.question, options: poll.options, line: 1)
            blocks += MarkdownParser.parse(asked.markdown).blocks
        }
        let note = MarkdownDocument(blocks: blocks)
        return Slide(title: status.title, kind: .text(note), line: 1)
    }

    private var screen: SlideScreen? {
        slide.map {
            SlideScreen(
                slide: $0, model: model, width: width, height: height, unicode: capabilities.unicode
            )
        }
    }

    public mutating func update(_ event: InputEvent) -> [Effect] {
        now = clock()
        if case .resize(let width, let height) = event {
            self.width = max(0, width)
            self.height = max(0, height)
        }
        if var visit {
            let outcome = visit.update(event)
            self.visit = outcome.leaves ? nil : visit
            return outcome.effects
        }
        switch event {
        case .interrupt, .terminate:
            return [.quit]
        case .key(let key):
            return handle(key)
        case .resize, .tick, .external, .externalFinished, .mouse, .contentChanged:
            scroll = min(scroll, screen?.maximumScroll ?? 0)
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if case .character(let character) = key, character.isASCII, character.isNumber {
            answer(character.wholeNumberValue ?? 0)
            return []
        }
        if keys.follow.action(for: key) == .explore {
            explore()
            return []
        }
        let action = keys.explorer.action(for: key)
        if action == .quit { return [.quit] }
        if let motion = action?.motion, let screen {
            var slide = ScrollState(offset: scroll)
            slide.scroll(
                motion, paging: .text(visible: screen.bodyRows), visible: screen.bodyRows,
                total: screen.body.rows)
            scroll = slide.offset
        }
        return []
    }

    /// Steps out into the explorer at the slide's entity (else the paper); the rejoin keys
    /// come back.
    private mutating func explore() {
        let target =
            slide?.entity ?? slide?.textLinks.first(where: model.contains) ?? model.paper?.id
            ?? model.entities.first?.id
        guard let target, model.contains(target) else { return }
        visit = ExplorerVisit(
            model: model, start: target, width: width, height: height,
            capabilities: capabilities, keys: keys,
            leaveKeys: keys.follow.keys(for: .rejoin))
    }

    public func view() -> Frame {
        if let visit {
            var frame = visit.view()
            let key = keys.follow.keys(for: .rejoin).first?.name ?? "f"
            RejoinHint(key: key, theme: theme).render(in: frame.grid.bounds, into: &frame.grid)
            return frame
        }
        var grid = Grid(width: width, height: height)
        grid.fill(grid.bounds, style: theme.background)
        guard let status = link.status else {
            WaitingNotice(theme: theme, what: "slides").render(in: grid.bounds, into: &grid)
            return Frame(grid: grid)
        }
        if !status.blank, let screen {
            screen.widget(scroll: scroll, theme: theme).render(in: grid.bounds, into: &grid)
            if let poll = status.poll, poll.revealed, poll.counts != nil, status.detour == nil {
                FollowerDetour.drawResults(poll, on: screen, into: &grid, theme: theme)
            }
        }
        SlideFooter(
            index: status.slide, count: status.count, elapsed: status.elapsed(now: now),
            label: footerLabel(status), theme: theme, glyphs: capabilities.glyphs
        )
        .render(in: Rect(y: height - 1, width: width, height: 1), into: &grid)
        return Frame(grid: grid)
    }
}

extension Follower {
    /// The key of the poll on the presenter's slide, when one is open.
    private var openPoll: (key: String, answer: FollowerMessage.Answer, options: Int)? {
        guard let status = link.status, let poll = status.poll, poll.open else { return nil }
        let answer = FollowerMessage.Answer(deck: status.deck, slide: status.slide, option: 0)
        return ("\(status.deck)#\(status.slide)", answer, poll.options.count)
    }

    /// Answers the open poll with an option, from 1.
    mutating func answer(_ option: Int) {
        guard var poll = openPoll, (1...poll.options).contains(option) else { return }
        poll.answer.option = option
        answers[poll.key] = option
        outbox.append(FollowerMessage(answer: poll.answer))
    }

    func footerLabel(_ status: PresenterStatus) -> String {
        // Offer exploring only when a key is bound to it.
        let explore = keys.follow.keyName(for: .explore)
        if status.blank { return "blanked" }
        if let detour = status.detour {
            return "the presenter opened " + detour.title
                + (explore.map { ", \($0) explores it" } ?? "")
        }
        if let poll = status.poll {
            let key = "\(status.deck)#\(status.slide)"
            let range = "1-\(poll.options.count)"
            guard poll.open else {
                if let answer = answers[key] { return "poll closed, you answered \(answer)" }
                return poll.answered == 0 ? "poll not open yet" : "poll closed"
            }
            return answers[key].map { "you answered \($0); \(range) changes it" }
                ?? "poll open: answer with \(range)"
        }
        return "following" + (explore.map { ", \($0) explores" } ?? "")
    }
}
