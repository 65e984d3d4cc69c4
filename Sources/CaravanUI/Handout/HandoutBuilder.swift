import CaravanContent

/// Builds a handout's structure from the content model: the whole content in reading
/// order, one entity, a reading path with each step in full, or a deck's slides. Whatever
/// it links to but does not hold in full follows in the back matter (references cited,
/// then a short entry for everything else), so every link in a handout leads somewhere
/// in it, on screen and on paper.
struct HandoutBuilder {
    let model: ContentModel

    func document(for selection: Handout.Selection) -> HandoutDocument {
        switch selection {
        case .all:
            return wholeContent()
        case .entity(let id, let notes):
            guard let entity = model.entity(id) else {
                return HandoutDocument(title: id.description, layout: .text, blocks: [])
            }
            if entity.kind == .deck, let deck = model.deck(id) {
                return slides(of: deck, entity: entity, notes: notes)
            }
            return entity.kind == .path ? readingPath(entity) : single(entity)
        }
    }

    // MARK: The whole content

    /// The overview first, then a table of contents, then each kind in reading order
    /// under its heading: the framework opens with its map and the cases with their matrix.
    private func wholeContent() -> HandoutDocument {
        let sequence = ReadingSequence(model: model)
        var blocks: [HandoutBlock] = []
        let overview = model.paper
        let title = overview?.displayTitle ?? "Contents"
        if let overview {
            blocks.append(.section(article(overview, level: 1)))
        } else {
            blocks.append(.heading(level: 1, [.text(title)]))
        }
        var parts: [HandoutSection] = []
        for kind in EntityKind.allCases where kind != .paper {
            let entities = sequence.entities(of: kind)
            guard !entities.isEmpty else { continue }
            var part: [HandoutBlock] = [
                .heading(level: 2, [.text(model.vocabulary.pluralTitle(kind))])
            ]
            if kind == .connotation, let map = frameworkMap() { part.append(map) }
            if kind == .case, let matrix = caseMatrix() { part += matrix }
            part += entities.map { .section(article($0, level: 3)) }
            parts.append(HandoutSection(role: .part, anchor: "part-" + kind.rawValue, blocks: part))
        }
        blocks.append(.section(contents(of: parts, sequence: sequence)))
        blocks += parts.map { .section($0) }
        return HandoutDocument(title: title, layout: .text, blocks: blocks)
    }

    /// Every part, with its entities below it.
    private func contents(of parts: [HandoutSection], sequence: ReadingSequence)
        -> HandoutSection
    {
        let items = EntityKind.allCases.filter { $0 != .paper }.compactMap {
            kind -> [HandoutBlock]? in
            let entities = sequence.entities(of: kind)
            guard !entities.isEmpty else { return nil }
            let link: HandoutInline = .anchor(
                "part-" + kind.rawValue, [.text(model.vocabulary.pluralTitle(kind))])
            return [
                .paragraph([link]),
                bullets(entities.map { [.entity($0.id, [.text($0.displayTitle)])] }),
            ]
        }
        return HandoutSection(
            role: .contents, anchor: "contents",
            blocks: [
                .heading(level: 2, [.text("Contents")]),
                .list(ordered: false, start: 1, items: items),
            ])
    }

    // MARK: One entity, a reading path

    private func single(_ entity: Entity) -> HandoutDocument {
        let main = [HandoutBlock.section(article(entity, level: 1))]
        return HandoutDocument(
            title: entity.displayTitle, layout: .text,
            blocks: main + backMatter(for: main, holding: [entity.id], level: 2))
    }

    /// The path's own page (its steps listed), then each step's page in order.
    private func readingPath(_ path: Entity) -> HandoutDocument {
        var main: [HandoutBlock] = [.section(article(path, level: 1))]
        var held: Set<EntityID> = [path.id]
        for id in path.strings("steps").compactMap(EntityID.init) {
            guard let step = model.entity(id), !held.contains(id) else { continue }
            held.insert(id)
            main.append(.section(article(step, level: 2)))
        }
        return HandoutDocument(
            title: path.displayTitle, layout: .text,
            blocks: main + backMatter(for: main, holding: held, level: 2))
    }

    // MARK: Back matter

    /// Everything `blocks` link to that they do not hold: the references first, as a
    /// bibliography, then the rest as short entries (title, kind, summary). Their own
    /// links lead on only where the handout holds the target.
    func backMatter(for blocks: [HandoutBlock], holding held: Set<EntityID>, level: Int)
        -> [HandoutBlock]
    {
        var seen = held
        var linked: [EntityID] = []
        for id in HandoutBuilder.entityLinks(in: blocks) where !seen.contains(id) {
            seen.insert(id)
            linked.append(id)
        }
        let entities = linked.compactMap(model.entity).sorted {
            (model.index(of: $0.id) ?? 0) < (model.index(of: $1.id) ?? 0)
        }
        let references = entities.filter { $0.kind == .reference }
        let others = entities.filter { $0.kind != .reference }
        var result: [HandoutBlock] = []
        if !references.isEmpty {
            let entries = references.map { reference in
                HandoutBlock.section(
                    HandoutSection(
                        role: .brief, anchor: reference.id.description,
                        blocks: [.paragraph([.text(ReferenceEntry.text(reference))])]))
            }
            result.append(
                .section(
                    HandoutSection(
                        role: .backMatter, anchor: "references",
                        blocks: [
                            .heading(
                                level: level, [.text(model.vocabulary.pluralTitle(.reference))])
                        ]
                            + entries)))
        }
        if !others.isEmpty {
            let entries = others.map { entity -> HandoutBlock in
                var blocks: [HandoutBlock] = [
                    .heading(level: level + 1, title(of: entity)),
                    .paragraph([.text(briefKind(entity))], .kind),
                ]
                if let summary = entity.summary, !summary.isEmpty {
                    blocks.append(.paragraph([.text(summary)]))
                }
                return .section(
                    HandoutSection(role: .brief, anchor: entity.id.description, blocks: blocks))
            }
            result.append(
                .section(
                    HandoutSection(
                        role: .backMatter, anchor: "see-also",
                        blocks: [.heading(level: level, [.text("See also")])] + entries)))
        }
        return result
    }

    /// "Case study", "Section 3b", "Mechanism H2a": the kind of a short entry.
    private func briefKind(_ entity: Entity) -> String {
        var text = model.vocabulary.label(entity.kind)
        if entity.kind == .section, let number = entity.number { text += " " + number }
        if let code = model.framework.code(of: entity.id) { text += " " + code }
        return text
    }

    /// Every entity linked from the blocks, in the order met.
    static func entityLinks(in blocks: [HandoutBlock]) -> [EntityID] {
        var found: [EntityID] = []
        func visit(_ inlines: [HandoutInline]) {
            for inline in inlines {
                switch inline {
                case .entity(let id, let children):
                    found.append(id)
                    visit(children)
                case .emphasis(let children), .strong(let children), .anchor(_, let children),
                    .url(_, let children):
                    visit(children)
                default: break
                }
            }
        }
        func visit(_ blocks: [HandoutBlock]) {
            for block in blocks {
                switch block {
                case .section(let section): visit(section.blocks)
                case .heading(_, let inlines), .paragraph(let inlines, _): visit(inlines)
                case .facts(let facts, _):
                    for fact in facts { visit(fact.value) }
                case .list(_, _, let items): items.forEach(visit)
                case .quote(let children): visit(children)
                case .table(let table):
                    for row in table.header + table.rows + table.footer {
                        for cell in row {
                            for line in cell.lines { visit(line.inlines) }
                        }
                    }
                case .code, .rule: break
                }
            }
        }
        visit(blocks)
        return found
    }
}
