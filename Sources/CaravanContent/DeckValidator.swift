/// Checks decks once every file is read: what `show:` lines name, empty slides, and
/// slides too long for a small classroom terminal.
enum DeckValidator {
    /// The decks as parsed, for ``checkFit(_:model:log:)`` once the model is built.
    struct ParsedDecks {
        var results: [DeckParser.Result] = []
        var known: Set<EntityID> = []
    }

    /// Reports the decks' problems and adds a `shows` link from each deck to every entity
    /// its slides show, so shown entities are reached and decks are not orphans. Decks
    /// already cut into slides (while their files were read) are given by id; `seen`
    /// holds the relations of `links`.
    static func resolveShows(
        entities: [Entity], parsed alreadyParsed: [EntityID: DeckParser.Result],
        known: Set<EntityID>, links: inout [Link], seen: inout Set<Link.Relation>,
        log: inout DiagnosticLog
    ) -> ParsedDecks {
        var parsed = ParsedDecks(known: known)
        let decks = entities.filter { $0.kind == .deck }
        guard !decks.isEmpty else { return parsed }
        var names: [String]?
        for deck in decks {
            let result = alreadyParsed[deck.id] ?? DeckParser.parse(deck)
            for diagnostic in result.diagnostics { log.append(diagnostic) }
            for show in result.shows {
                guard let target = resolve(show, known: known, names: &names, log: &log) else {
                    continue
                }
                let link = Link(
                    source: deck.id, type: .shows, target: target, location: show.location)
                if target != deck.id, seen.insert(link.relation).inserted { links.append(link) }
            }
            parsed.results.append(result)
        }
        return parsed
    }

    /// Warns about slides that need more rows than a small classroom terminal has. The
    /// model must hold the links ``resolveShows(entities:parsed:known:links:seen:log:)``
    /// added.
    static func checkFit(_ parsed: ParsedDecks, model: ContentModel, log: inout DiagnosticLog) {
        let screen = SlideGeometry.checked
        for result in parsed.results {
            for (index, slide) in result.deck.slides.enumerated() {
                if let id = slide.entity, !parsed.known.contains(id) { continue }
                let fit = screen.fit(slide, in: model)
                guard fit.needed > fit.available else { continue }
                log.warning(
                    "slide \(index + 1) (“\(slide.title)”) needs \(fit.needed) rows at "
                        + "\(screen.width)x\(screen.height) but \(fit.available) fit; it will scroll",
                    at: SourceLocation(path: result.deck.path, line: slide.line))
            }
        }
    }

    /// The id a `show:` line names, or nil after reporting why it names none. The names
    /// suggestions are drawn from are listed only when a line is wrong.
    private static func resolve(
        _ show: DeckParser.ShowDirective, known: Set<EntityID>, names: inout [String]?,
        log: inout DiagnosticLog
    ) -> EntityID? {
        let parsed = EntityID.parse(show.target)
        if case .success(let id) = parsed, known.contains(id) { return id }
        let candidates = names ?? known.map(\.description)
        names = candidates
        let suggestion = Suggestion.didYouMean(show.target, among: candidates)
        switch parsed {
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
