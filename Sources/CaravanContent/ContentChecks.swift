/// Checks that need every file read: `parent` loops, regions, framework codes and
/// entities that nothing joins to the overview.
enum ContentChecks {
    static func parentLoops(entities: [Entity], links: [Link], log: inout DiagnosticLog) {
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

    /// Every case's region must be built in or declared in a `caravan.yaml`.
    static func regions(
        entities: [Entity], catalog: RegionCatalog,
        locations: [EntityID: [String: SourceLocation]], log: inout DiagnosticLog
    ) {
        // The built-in names in their usual order, then those content declared.
        let builtIn = Region.allCases.map(\.rawValue)
        let names = builtIn + catalog.names.filter { !builtIn.contains($0) }
        for entity in entities where entity.kind == .case {
            guard let region = entity.string("region"), !catalog.contains(region) else {
                continue
            }
            log.error(
                "unknown region `\(region)`; regions are \(names.joined(separator: ", "))"
                    + "; a new one is declared under `regions` in \(ContentManifest.fileName)",
                at: locations[entity.id]?["region"] ?? entity.location,
                suggestion: Suggestion.didYouMean(region, among: names))
        }
    }

    /// Codes an author gave (`code:`) must differ, in any case, from one another.
    static func declaredCodes(
        entities: [Entity], locations: [EntityID: [String: SourceLocation]],
        log: inout DiagnosticLog
    ) {
        var first: [String: (id: EntityID, location: SourceLocation)] = [:]
        for entity in entities where entity.kind == .connotation || entity.kind == .mechanism {
            guard let code = entity.string("code"), FrameworkCodes.isValid(code) else { continue }
            let location = locations[entity.id]?["code"] ?? entity.location
            let key = code.uppercased()
            if let earlier = first[key] {
                log.error(
                    "code `\(code)` is already the code of `\(earlier.id)` "
                        + "(\(earlier.location.path):\(earlier.location.line)); codes must differ",
                    at: location)
            } else {
                first[key] = (entity.id, location)
            }
        }
    }

    /// Warns about entities that can't be reached by links from the overview (broken
    /// files already have their errors).
    static func orphans(
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
        let overview = model.vocabulary.singular(.paper)
        for entity in model.entities
        where !reached.contains(entity.id) && !placeholders.contains(entity.id) {
            log.warning(
                "`\(entity.id)` is an orphan: no chain of links joins it to the \(overview)",
                at: entity.location)
        }
    }
}
