import Foundation

/// Reads content into a model, collecting every problem; never traps, whatever the input.
public enum ContentLoader {
    /// Loads a content folder from disk, with the layers its `caravan.yaml` extends. A
    /// folder that extends the built-in paper needs `builtinFiles`.
    public static func load(
        folder: String, displayPrefix: String? = nil,
        builtinFiles: (@Sendable () -> [SourceFile])? = nil
    ) -> ContentModel {
        load(
            sources: [.folder(folder)], builtinFiles: builtinFiles,
            displayPaths: displayPrefix.map { [folder: $0] } ?? [:])
    }

    /// Loads content from files already in memory (the embedded default content, tests).
    public static func load(files: [SourceFile], diagnostics: [Diagnostic] = []) -> ContentModel {
        load(files: files, diagnostics: diagnostics, setup: ContentSetup())
    }

    /// What the layers declared, for loading their files together.
    struct ContentSetup {
        var vocabulary = Vocabulary.standard
        var regions = RegionCatalog.builtIn
        var layers: [ContentLayer] = []
    }

    static func load(files: [SourceFile], diagnostics: [Diagnostic], setup: ContentSetup)
        -> ContentModel
    {
        var log = DiagnosticLog()
        var entities: [Entity] = []
        var firstDefinition: [EntityID: SourceLocation] = [:]
        var pending: [PendingLink] = []
        var fieldLocations: [EntityID: [String: SourceLocation]] = [:]
        var parsedDecks: [EntityID: DeckParser.Result] = [:]

        let results = parseEach(files, vocabulary: setup.vocabulary)
        for (parsed, items) in results {
            for item in items { log.append(item) }
            guard let entity = parsed.entity else { continue }
            if let earlier = firstDefinition[entity.id] {
                let location = parsed.fieldLocations["id"] ?? entity.location
                log.error(
                    duplicateMessage(entity.id, earlier: earlier, location: location, setup: setup),
                    at: location)
                continue
            }
            firstDefinition[entity.id] = parsed.fieldLocations["id"] ?? entity.location
            fieldLocations[entity.id] = parsed.fieldLocations
            parsedDecks[entity.id] = parsed.deck
            entities.append(entity)
            pending += parsed.links
        }
        // A broken file that names its id is kept as a placeholder, after every whole
        // entity so that none of them gives way to it. Links to it resolve: the error is
        // in its file, not in every file that links to it.
        var placeholders: Set<EntityID> = []
        for (parsed, _) in results {
            guard let placeholder = parsed.placeholder, firstDefinition[placeholder.id] == nil
            else { continue }
            firstDefinition[placeholder.id] = placeholder.location
            placeholders.insert(placeholder.id)
            entities.append(placeholder)
        }

        let known = Set(entities.map(\.id))
        // Listed only for the suggestions of a broken link.
        var knownNames: [String]?
        var referencesByKey: [String: EntityID] = [:]
        for entity in entities {
            guard let key = entity.citationKey else { continue }
            if let other = referencesByKey[key] {
                log.error(
                    "citation key `\(key)` is also used by `\(other)`",
                    at: fieldLocations[entity.id]?["key"] ?? entity.location)
            } else {
                referencesByKey[key] = entity.id
            }
        }

        var links: [Link] = []
        var seen: Set<Link.Relation> = []
        for link in pending {
            guard
                let target = resolve(
                    link, known: known, names: &knownNames, keys: referencesByKey, log: &log)
            else { continue }
            let (source, destination) =
                link.reversed ? (target, link.source) : (link.source, target)
            if let allowed = link.type.allowedTargets, !allowed.contains(destination.kind) {
                // Kinds the content names in words of its own are called by those words.
                let words = allowed.sorted().map(setup.vocabulary.messageName)
                let kinds = words.joined(separator: " or ")
                log.error(
                    "`\(link.type.rawValue)` must point to \(Vocabulary.article(for: kinds))"
                        + "\(kinds), not to `\(destination)`", at: link.location)
                continue
            }
            if link.reversed, source.kind != .section {
                log.error("`discussed-in` must name a section, not `\(source)`", at: link.location)
                continue
            }
            if source == destination, link.type == .partOf {
                log.error("`parent` chain loops: \(source) → \(source)", at: link.location)
                continue
            }
            if source == destination, link.type != .mentions {
                log.warning("`\(source)` links to itself", at: link.location)
                continue
            }
            let resolved = Link(
                source: source, type: link.type, target: destination, location: link.location)
            if seen.insert(resolved.relation).inserted { links.append(resolved) }
        }

        let decks = DeckValidator.resolveShows(
            entities: entities, parsed: parsedDecks, known: known, links: &links, seen: &seen,
            log: &log)
        ContentChecks.parentLoops(entities: entities, links: links, log: &log)
        ContentChecks.regions(
            entities: entities, catalog: setup.regions, locations: fieldLocations, log: &log)
        ContentChecks.declaredCodes(entities: entities, locations: fieldLocations, log: &log)
        var model = ContentModel(
            entities: entities, links: links, diagnostics: [], indexed: true, setup: setup)
        DeckValidator.checkFit(decks, model: model, log: &log)
        ContentChecks.orphans(model: model, skipping: placeholders, log: &log)
        let all = (diagnostics + log.items).sorted {
            ($0.location, $0.severity.rawValue, $0.message) < (
                $1.location, $1.severity.rawValue, $1.message
            )
        }
        model.diagnostics = all
        return model
    }

    /// Each file parsed, with its problems, in the order given. Files are parsed on every
    /// core, each on its own; only the order of the results is shared.
    private static func parseEach(_ files: [SourceFile], vocabulary: Vocabulary)
        -> [(ParsedFile, [Diagnostic])]
    {
        @Sendable func parse(_ file: SourceFile) -> (ParsedFile, [Diagnostic]) {
            var parser = EntityFileParser(file: file, vocabulary: vocabulary)
            var parsed = parser.parse()
            if let entity = parsed.entity, entity.kind == .deck {
                parsed.deck = DeckParser.parse(entity)
            }
            return (parsed, parser.log.items)
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Below a few files a second thread costs more than it saves.
        guard cores > 1, files.count >= 8 else { return files.map(parse) }
        let results = ResultSlots<(ParsedFile, [Diagnostic])>(count: files.count)
        // More batches than cores, so a core that finishes early takes another.
        let batches = min(files.count, cores * 8)
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let start = files.count * batch / batches
            let end = files.count * (batch + 1) / batches
            for index in start..<end { results.set(index, parse(files[index])) }
        }
        return results.collect()
    }

    private static func resolve(
        _ link: PendingLink, known: Set<EntityID>, names: inout [String]?,
        keys: [String: EntityID], log: inout DiagnosticLog
    ) -> EntityID? {
        switch link.target {
        case .citationKey(let key):
            if let id = keys[key] { return id }
            log.error(
                "citation `@\(key)` names no reference", at: link.location,
                suggestion: Suggestion.closest(to: key, among: keys.keys).map {
                    "did you mean `@\($0)`?"
                })
            return nil
        case .id(let text):
            let parsed = EntityID.parse(text)
            if case .success(let id) = parsed, known.contains(id) { return id }
            let candidates = names ?? known.map(\.description)
            names = candidates
            switch parsed {
            case .success:
                log.error(
                    "link to `\(text)`, which does not exist", at: link.location,
                    suggestion: Suggestion.didYouMean(text, among: candidates))
            case .failure(.unknownKind(let kind)):
                log.error(
                    "link to `\(text)`: unknown kind `\(kind)`", at: link.location,
                    suggestion: Suggestion.didYouMean(text, among: candidates))
            case .failure:
                log.error(
                    "`\(text)` is not an id; ids look like `case/almaty-silk-road-brand`",
                    at: link.location, suggestion: Suggestion.didYouMean(text, among: candidates))
            }
            return nil
        }
    }
}

extension ContentLoader {
    /// Why a second definition of an id is refused: a plain duplicate, or a layer that
    /// tries to redefine what a layer below it defines.
    static func duplicateMessage(
        _ id: EntityID, earlier: SourceLocation, location: SourceLocation, setup: ContentSetup
    ) -> String {
        let place = "\(earlier.path):\(earlier.line)"
        let first = setup.layers.lastIndex { $0.holds(displayPath: earlier.path) }
        let second = setup.layers.lastIndex { $0.holds(displayPath: location.path) }
        if let first, let second, first != second {
            return "`\(id)` is already defined by the layer below, at \(place); a layer may add "
                + "entities but not redefine them: give this one another id"
        }
        return "duplicate id `\(id)`; first defined at \(place)"
    }
}

extension DiagnosticLog {
    mutating func append(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error:
            error(diagnostic.message, at: diagnostic.location, suggestion: diagnostic.suggestion)
        case .warning:
            warning(diagnostic.message, at: diagnostic.location, suggestion: diagnostic.suggestion)
        }
    }
}
