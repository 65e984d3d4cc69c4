/// Checks decks once every file is read: what `show:` lines name, empty slides, and
/// slides too long for a small classroom terminal.
enum DeckValidator {
    /// Reports the decks' problems and adds a `shows` link from each deck to every entity
    /// its slides show, so shown entities are reached and decks are not orphans.
    static func check(
        entities: [Entity], known: Set<EntityID>, links: inout [Link], log: inout DiagnosticLog
    ) {
        let decks = entities.filter { $0.kind == .deck }
        guard !decks.isEmpty else { return }
        let names = known.map(\.description)
        var seen = Set(links.map(\.relation))
        var parsed: [DeckParser.Result] = []
        for deck in decks {
            let result = DeckParser.parse(deck)
            for diagnostic in result.diagnostics { log.append(diagnostic) }
            for show in result.shows {
                guard let target = resolve(show, known: known, names: names, log: &log) else {
                    continue
                }
                let link = Link(
                    source: deck.id, type: .shows, target: target, location: show.location)
                if target != deck.id, seen.insert(link.relation).inserted { links.append(link) }
            }
            parsed.append(result)
        }
        // Only links and lookups are needed here, not a search index.
        let model = ContentModel(entities: entities, links: links, diagnostics: [], indexed: false)
        let screen = SlideGeometry.checked
        for result in parsed {
            for (index, slide) in result.deck.slides.enumerated() {
                if let id = slide.entity, !known.contains(id) { continue }
                let fit = screen.fit(slide, in: model)
                guard fit.needed > fit.available else { continue }
                log.warning(
                    "slide \(index + 1) (“\(slide.title)”) needs \(fit.needed) rows at "
                        + "\(screen.width)x\(screen.height) but \(fit.available) fit; it will scroll",
                    at: SourceLocation(path: result.deck.path, line: slide.line))
            }
        }
    }

    private static func resolve(
        _ show: DeckParser.ShowDirective, known: Set<EntityID>, names: [String],
        log: inout DiagnosticLog
    ) -> EntityID? {
        let suggestion = Suggestion.didYouMean(show.target, among: names)
        switch EntityID.parse(show.target) {
        case .success(let id) where known.contains(id):
            return id
        case .success:
            log.error(
                "`show:` names `\(show.target)`, which does not exist", at: show.location,
                suggestion: suggestion)
        case .failure(.unknownKind(let kind)):
            log.error(
                "`show:` names `\(show.target)`: unknown kind `\(kind)`", at: show.location,
                suggestion: suggestion)
        case .failure:
            log.error(
                "`show: \(show.target)` is not an id; write `show: case/almaty-silk-road-brand` or `show: view/map`",
                at: show.location, suggestion: suggestion)
        }
        return nil
    }
}
