import CaravanContent

/// The content read again while presenting (`--watch`).
extension Presenter {
    /// Takes the content as its files are now: the same deck at the same slide (the last
    /// one when slides were removed), scrolled as far as the slide still goes, with an
    /// explorer opened from a slide reloaded in place. Content with errors, or without
    /// the deck, is not presented: the slides stay as they were and the footer shows the
    /// first problem, until a reload brings content that can be shown.
    public mutating func reload(_ model: ContentModel) {
        if let problem = ReloadMessage.firstError(in: model) {
            state.message = problem
            return
        }
        guard let deck = model.deck(deck.id), !deck.slides.isEmpty else {
            state.message = "\(deck.id) is no longer in the content; showing it as it was"
            return
        }
        self.model = model
        self.deck = deck
        state.index = min(state.index, deck.slides.count - 1)
        state.scroll = min(state.scroll, screen?.maximumScroll ?? 0)
        if case .overview(var overview) = state.mode {
            overview.selection = min(overview.selection, deck.slides.count - 1)
            overview.reveal(width: state.width, height: state.height)
            state.mode = .overview(overview)
        }
        visit?.reload(model)
        state.message = nil
    }
}
