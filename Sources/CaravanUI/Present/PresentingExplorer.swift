import CaravanContent

/// The explorer with a key that starts presenting from where the reader is, and comes
/// back to the explorer when the presentation ends.
///
/// On the explorer's present action (`P` by default) it presents the deck being read, or else the
/// default deck (`deck/lecture`, or the first) from the first slide that shows the
/// entity being read. `q` in the presenter returns to the explorer; Ctrl-C quits.
///
/// The explorer runs without clock ticks, so the presenter's clock only moves when a
/// key is pressed; a session that should tick runs ``Presenter`` directly.
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
            let effects = presenter.update(event)
            if effects.contains(.quit) {
                if event == .interrupt || event == .terminate { return [.quit] }
                self.presenter = nil
                _ = explorer.update(
                    .resize(width: presenter.state.width, height: presenter.state.height))
                return effects.filter { $0 != .quit } + [.ticks(every: nil)]
            }
            self.presenter = presenter
            return effects
        }
        let effects = explorer.update(event)
        if explorer.presentRequested {
            explorer.presentRequested = false
            let state = explorer.state
            guard
                let start = PresentingExplorer.presentation(from: state.current, in: explorer.model)
            else {
                return [.bell]
            }
            presenter = Presenter(
                model: explorer.model, deck: start.deck, width: state.width, height: state.height,
                start: start.slide, keys: explorer.keys, capabilities: explorer.capabilities)
            // The presenter's clock needs a tick a second; the explorer needs none.
            return effects + [.ticks(every: 1000)]
        }
        return effects
    }

    public func view(width: Int, height: Int) -> Frame {
        if let presenter { return presenter.view(width: width, height: height) }
        return explorer.view(width: width, height: height)
    }
}
