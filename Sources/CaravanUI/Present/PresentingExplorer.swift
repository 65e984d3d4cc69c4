import CaravanContent

/// The explorer with a key that starts presenting from where the reader is, and comes
/// back to the explorer when the presentation ends.
///
/// On the explorer's `.present(from:)` request (the present action, `P` by default) it
/// presents the deck being read, or else the default deck (`deck/lecture`, or the first)
/// from the first slide that shows the entity being read. `q` in the presenter returns to
/// the explorer; Ctrl-C quits. While presenting it asks for a tick a second for the
/// clock, and stops them on the way back; resizes reach the explorer too, so it is ready
/// at the terminal's size. Other requests pass on to the host.
public struct PresentingExplorer: Program {
    public var explorer: Explorer
    public private(set) var presenter: Presenter?
    public init(explorer: Explorer) {
        self.explorer = explorer
    }

    /// The deck to present from `current`, and the slide to start at.
    public static func presentation(from current: EntityID, in model: ContentModel) -> (
        deck: Deck, slide: Int
    )? {
        if let deck = model.deck(current), !deck.slides.isEmpty { return (deck, 0) }
        let fallback =
            EntityID("deck/lecture").flatMap(model.deck)
            ?? model.decks.first.flatMap { model.deck($0.id) }
        guard let deck = fallback, !deck.slides.isEmpty else { return nil }
        let slide =
            deck.slides.firstIndex { $0.entity == current }
            ?? deck.slides.firstIndex { $0.textLinks.contains(current) } ?? 0
        return (deck, slide)
    }

    public mutating func update(_ event: InputEvent) -> [Effect] {
        if var presenter {
            if case .resize = event { _ = explorer.update(event) }
            let effects = presenter.update(event)
            if effects.contains(.quit) {
                if event == .interrupt || event == .terminate { return [.quit] }
                self.presenter = nil
                return effects.filter { $0 != .quit } + [.ticks(every: nil)]
            }
            self.presenter = presenter
            return effects
        }
        return explorer.update(event).flatMap { effect -> [Effect] in
            guard case .present(let entity) = effect else { return [effect] }
            return startPresenting(from: entity)
        }
    }

    private mutating func startPresenting(from entity: EntityID) -> [Effect] {
        guard let start = PresentingExplorer.presentation(from: entity, in: explorer.model) else {
            return [.bell]
        }
        let state = explorer.state
        presenter = Presenter(
            model: explorer.model, deck: start.deck, width: state.width, height: state.height,
            start: start.slide, keys: explorer.keys, capabilities: explorer.capabilities)
        presenter?.lecturerNotes = explorer.notes
        // The presenter's clock needs a tick a second; the explorer needs none.
        return [.ticks(every: 1000)]
    }

    /// Hands followers' answers to the presenter, while presenting.
    public mutating func receive(_ votes: [Vote]) {
        presenter?.receive(votes)
    }

    /// Shows a line in the presenter's footer (how broadcasting went), while presenting.
    public mutating func showPresenterMessage(_ message: String) {
        presenter?.showMessage(message)
    }

    public func view() -> Frame {
        presenter?.view() ?? explorer.view()
    }
}

extension PresentingExplorer {
    /// The content read again from its files (`--watch`): the explorer keeps its place,
    /// and a presentation under way stays on its slide.
    public mutating func reload(_ model: ContentModel) {
        explorer.reload(model)
        presenter?.reload(model)
    }
}
