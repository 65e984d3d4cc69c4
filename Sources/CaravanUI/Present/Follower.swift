import CaravanContent
import Foundation

/// `caravan follow`: the presenter's current slide, read-only, following live.
///
/// Nothing typed here reaches the presenter. `j`/`k` scroll a long slide locally; `e`
/// steps out into the explorer (at the slide's entity, else the paper) while the talk
/// goes on; `f` or Esc rejoins the live slide. Feed it with ``receive(_:)``.
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
        if status.slide != old?.slide || status.deck != old?.deck { scroll = 0 }
    }

    /// The slide the presenter shows, from the local content when it has it (the title must
    /// match, in case the contents differ); otherwise a slide made of the title alone.
    public var slide: Slide? {
        guard let status = link.status else { return nil }
        if let deck, deck.slides.indices.contains(status.slide),
            deck.slides[status.slide].title == status.title
        {
            return deck.slides[status.slide]
        }
        let note = MarkdownDocument(blocks: [
            .paragraph([.emphasis([.text("(This slide is not in your content.)")])])
        ])
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
        if let visit { return visit.view() }
        var grid = Grid(width: width, height: height)
        grid.fill(grid.bounds, style: theme.background)
        guard let status = link.status else {
            WaitingNotice(theme: theme, what: "slides").render(in: grid.bounds, into: &grid)
            return Frame(grid: grid)
        }
        if !status.blank, let slide {
            SlideScreen(
                slide: slide, model: model, width: width, height: height,
                unicode: capabilities.unicode
            )
            .widget(scroll: scroll, theme: theme).render(in: grid.bounds, into: &grid)
        }
        let explores = keys.follow.keyName(for: .explore).map { ", \($0) explores" } ?? ""
        let label = status.blank ? "blanked" : "following" + explores
        SlideFooter(
            index: status.slide, count: status.count, elapsed: Int(now - status.started),
            label: label, theme: theme, glyphs: capabilities.glyphs
        )
        .render(in: Rect(y: height - 1, width: width, height: 1), into: &grid)
        return Frame(grid: grid)
    }
}
