import Foundation

/// Reads content into a model, collecting every problem; never traps, whatever the input.
public enum ContentLoader {
    /// Loads a content folder from disk.
    public static func load(folder: String, displayPrefix: String? = nil) -> ContentModel {
        let read = ContentFolderReader.read(folder: folder, displayPrefix: displayPrefix)
        return load(files: read.files, diagnostics: read.diagnostics)
    }

    /// Loads content from files already in memory (the embedded default content, tests).
    public static func load(files: [SourceFile], diagnostics: [Diagnostic] = []) -> ContentModel {
        var log = DiagnosticLog()
        var entities: [Entity] = []
        var firstDefinition: [EntityID: SourceLocation] = [:]
        var pending: [PendingLink] = []
        var fieldLocations: [EntityID: [String: SourceLocation]] = [:]
        var parsedDecks: [EntityID: DeckParser.Result] = [:]

        let results = parseEach(files)
        for (parsed, items) in results {
            for item in items { log.append(item) }
            guard let entity = parsed.entity else { continue }
            if let earlier = firstDefinition[entity.id] {
                log.error(
                    "duplicate id `\(entity.id)`; first defined at \(earlier.path):\(earlier.line)",
                    at: parsed.fieldLocations["id"] ?? entity.location)
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
                let kinds = allowed.sorted().map(\.rawValue).joined(separator: " or ")
                log.error(
                    "`\(link.type.rawValue)` must point to a \(kinds), not to `\(destination)`",
                    at: link.location)
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
        checkParentLoops(entities: entities, links: links, log: &log)
        checkRegions(entities: entities, locations: fieldLocations, log: &log)
        var model = ContentModel(entities: entities, links: links, diagnostics: [])
        DeckValidator.checkFit(decks, model: model, log: &log)
        checkOrphans(model: model, skipping: placeholders, log: &log)
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
    private static func parseEach(_ files: [SourceFile]) -> [(ParsedFile, [Diagnostic])] {
        @Sendable func parse(_ file: SourceFile) -> (ParsedFile, [Diagnostic]) {
            var parser = EntityFileParser(file: file)
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

    private static func checkParentLoops(
        entities: [Entity], links: [Link], log: inout DiagnosticLog
    ) {
        var parent: [EntityID: Link] = [:]
        for link in links where link.type == .partOf {
            if parent[link.source] == nil { parent[link.source] = link }
        }
        var reported: Set<EntityID> = []
        for entity in entities {
            var visited: [EntityID] = [entity.id]
            var current = entity.id
            while let up = parent[current] {
                if let start = visited.firstIndex(of: up.target) {
                    let cycle = Array(visited[start...])
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let chain = (cycle + [up.target]).map(\.description).joined(
                            separator: " → ")
                        log.error("`parent` chain loops: \(chain)", at: up.location)
                    }
                    break
                }
                visited.append(up.target)
                current = up.target
            }
        }
    }

    private static func checkRegions(
        entities: [Entity], locations: [EntityID: [String: SourceLocation]],
        log: inout DiagnosticLog
    ) {
        let names = Region.allCases.map(\.rawValue)
        for entity in entities where entity.kind == .case {
            guard let region = entity.string("region"), Region(rawValue: region) == nil else {
                continue
            }
            log.error(
                "unknown region `\(region)`; regions are \(names.joined(separator: ", "))",
                at: locations[entity.id]?["region"] ?? entity.location,
                suggestion: Suggestion.didYouMean(region, among: names))
        }
    }

    /// Warns about entities that can't be reached by links from the paper (broken files
    /// already have their errors).
    private static func checkOrphans(
        model: ContentModel, skipping placeholders: Set<EntityID>, log: inout DiagnosticLog
    ) {
        guard let paper = model.entities.first(where: { $0.kind == .paper }) else { return }
        var reached: Set<EntityID> = [paper.id]
        var queue = [paper.id]
        while let id = queue.popLast() {
            for link in model.outgoing(from: id) + model.incoming(to: id) {
                let other = link.source == id ? link.target : link.source
                if reached.insert(other).inserted { queue.append(other) }
            }
        }
        for entity in model.entities
        where !reached.contains(entity.id) && !placeholders.contains(entity.id) {
            log.warning(
                "`\(entity.id)` is an orphan: no chain of links joins it to the paper",
                at: entity.location)
        }
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
