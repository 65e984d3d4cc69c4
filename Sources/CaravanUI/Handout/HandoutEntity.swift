import CaravanContent

/// One entity's page in a handout, laid out as the reader lays it out: its title with its
/// names in other languages, its kind, its summary, its facts, its body, then its claims,
/// key phrases, relations and questions, and last what it links to and what links to it.
extension HandoutBuilder {
    func article(_ entity: Entity, level: Int) -> HandoutSection {
        var blocks: [HandoutBlock] = [
            .heading(level: level, title(of: entity)),
            .paragraph(kindLine(entity), .kind),
        ]
        if let summary = entity.summary, !summary.isEmpty {
            blocks.append(.paragraph([.text(summary)], .summary))
        }
        blocks += facts(entity, level: level + 1)
        if entity.kind == .deck, let deck = model.deck(entity.id) {
            blocks += slideList(deck, level: level + 1)
        } else {
            let body = HandoutMarkdown(
                model: model, blocks: entity.document.blocks, belowLevel: level)
            blocks += body.blocks(entity.document.blocks)
        }
        blocks += trailing(entity, level: level + 1)
        blocks += links(of: entity, level: level + 1)
        return HandoutSection(role: .entity, anchor: entity.id.description, blocks: blocks)
    }

    /// The title as a reader sees it, its names in other languages beside it.
    func title(of entity: Entity) -> [HandoutInline] {
        let names = entity.names
        return [.text(entity.displayTitle)] + (names.isEmpty ? [] : [.names(names)])
    }

    /// "Section 3b", "Mechanism H2a · Humanistic connotation", in the content's words.
    private func kindLine(_ entity: Entity) -> [HandoutInline] {
        var text = model.vocabulary.label(entity.kind)
        if entity.kind == .section, let number = entity.number { text += " " + number }
        if let code = model.framework.code(of: entity.id) { text += " " + code }
        var line: [HandoutInline] = [.text(text)]
        let owner =
            model.targets(of: entity.id, by: .belongsTo).first
            ?? model.targets(of: entity.id, by: .partOf).first
        if let owner {
            line += [.text(" · "), .entity(owner.id, [.text(owner.displayTitle)])]
        }
        return line
    }

    // MARK: Facts

    private func facts(_ entity: Entity, level: Int) -> [HandoutBlock] {
        switch entity.kind {
        case .paper:
            return paperFacts(entity, level: level)
        case .case:
            return caseFacts(entity, level: level)
        case .connotation:
            return factList([("Field", entity.string("field")), ("Lever", entity.string("lever"))])
        case .reference:
            var blocks: [HandoutBlock] = [.paragraph([.text(ReferenceEntry.text(entity))])]
            var facts: [HandoutFact] = []
            if let doi = entity.string("doi") {
                facts.append(HandoutFact(label: "DOI", value: [.text(doi)]))
            }
            if let url = entity.string("url") {
                let value: [HandoutInline] =
                    HandoutURL.isAllowed(url) ? [.url(url, [.text(url)])] : [.text(url)]
                facts.append(HandoutFact(label: "Address", value: value))
            }
            if !facts.isEmpty { blocks.append(.facts(facts)) }
            return blocks
        case .path:
            var blocks = factList([
                ("Audience", entity.string("audience")),
                ("Time", entity.string("minutes").map { "\($0) minutes" }),
            ])
            let steps = entity.strings("steps").compactMap(EntityID.init).compactMap(model.entity)
            if !steps.isEmpty {
                blocks.append(.heading(level: level, [.text("Steps")]))
                blocks.append(
                    .list(
                        ordered: true, start: 1,
                        items: steps.map { step in
                            var line: [HandoutInline] = [
                                .entity(step.id, [.text(step.displayTitle)])
                            ]
                            if let summary = step.summary { line.append(.text(" — " + summary)) }
                            return [.paragraph(line)]
                        }))
            }
            return blocks
        case .concept:
            let aka = entity.strings("aka")
            return factList([("Also", aka.isEmpty ? nil : aka.joined(separator: "; "))])
        case .section, .mechanism, .deck:
            return []
        }
    }

    /// Label and value pairs, those without a value left out.
    private func factList(_ pairs: [(String, String?)]) -> [HandoutBlock] {
        let facts = pairs.compactMap { label, value -> HandoutFact? in
            guard let value, !value.isEmpty else { return nil }
            return HandoutFact(label: label, value: [.text(value)])
        }
        return facts.isEmpty ? [] : [.facts(facts)]
    }

    private func paperFacts(_ entity: Entity, level: Int) -> [HandoutBlock] {
        var blocks: [HandoutBlock] = []
        let authors = PaperCredits.authors(of: entity).map { HandoutInline.strong([.text($0)]) }
        if !authors.isEmpty { blocks.append(.paragraph(lines(authors))) }
        let affiliations = PaperCredits.affiliations(of: entity).map { HandoutInline.text($0) }
        if !affiliations.isEmpty { blocks.append(.paragraph(lines(affiliations), .small)) }
        let keywords = entity.strings("keywords")
        blocks += factList([
            ("Received", entity.string("received")), ("Accepted", entity.string("accepted")),
            ("Published", entity.string("published")),
            ("Keywords", keywords.isEmpty ? nil : keywords.joined(separator: "; ")),
        ])
        let funding = PaperCredits.funding(of: entity)
        if !funding.isEmpty {
            blocks.append(.heading(level: level, [.text("Funding")]))
            blocks.append(bullets(funding.map { [.text($0)] }))
        }
        return blocks
    }

    private func caseFacts(_ entity: Entity, level: Int) -> [HandoutBlock] {
        let countries = entity.strings("country")
        var blocks = factList([
            ("Region", entity.string("region")),
            ("Country", countries.isEmpty ? nil : countries.joined(separator: ", ")),
            ("Place", entity.string("place")), ("When", entity.string("when")),
            ("Who", entity.string("who")),
        ])
        let figures = entity.figures
        if !figures.isEmpty {
            blocks.append(.heading(level: level, [.text("Key figures")]))
            let rows = figures.map { figure -> [HandoutTable.Cell] in
                var source = HandoutTable.Cell([])
                if let section = figure.section, let target = model.entity(section) {
                    source = HandoutTable.Cell([
                        .entity(section, [.text("§" + (target.number ?? target.title))])
                    ])
                }
                return [
                    HandoutTable.Cell([.strong([.text(figure.value)])]), .text(figure.label),
                    source,
                ]
            }
            blocks.append(
                .table(
                    HandoutTable(
                        role: .figures, caption: "Key figures",
                        header: [
                            [
                                .text("Figure", isHeader: true),
                                .text("What it counts", isHeader: true),
                                .text("Where", isHeader: true),
                            ]
                        ],
                        rows: rows)))
        }
        if let significance = entity.string("significance") {
            blocks.append(.heading(level: level, [.text("What it shows")]))
            blocks.append(.paragraph([.text(significance)]))
        }
        return blocks
    }

    // MARK: After the body

    /// Section extras after the body: claims, key phrases, relations, questions.
    private func trailing(_ entity: Entity, level: Int) -> [HandoutBlock] {
        var blocks: [HandoutBlock] = []
        let markdown = HandoutMarkdown(model: model)
        let claims = entity.strings("claims")
        if !claims.isEmpty {
            blocks.append(.heading(level: level, [.text("Key claims")]))
            blocks.append(bullets(claims.map(markdown.inlineText)))
        }
        let quotes = (entity.field("quotes")?.items ?? []).compactMap { quote -> [HandoutInline]? in
            guard let text = quote["text"]?.text else { return nil }
            var line: [HandoutInline] = [.emphasis([.text("“" + text + "”")])]
            if let note = quote["note"]?.text { line.append(.text(" — " + note)) }
            return line
        }
        if !quotes.isEmpty {
            blocks.append(.heading(level: level, [.text("Key phrases")]))
            blocks.append(bullets(quotes))
        }
        let relations = (entity.field("relations")?.items ?? []).compactMap {
            relation -> [HandoutInline]? in
            guard let to = relation["to"]?.text, let id = EntityID(to),
                let target = model.entity(id)
            else { return nil }
            var line: [HandoutInline] = [.entity(id, [.text(target.displayTitle)])]
            if let note = relation["note"]?.text { line.append(.text(": " + note)) }
            return line
        }
        if !relations.isEmpty {
            blocks.append(.heading(level: level, [.text("How it relates")]))
            blocks.append(bullets(relations))
        }
        let questions = entity.strings("questions")
        if !questions.isEmpty {
            blocks.append(.heading(level: level, [.text("Discussion questions")]))
            blocks.append(
                .list(
                    ordered: true, start: 1,
                    items: questions.map { [.paragraph(markdown.inlineText($0))] }))
        }
        return blocks
    }

    /// What the entity links to by its fields and what links to it, one line a relation:
    /// "Illustrates: Brand expansion, The cultural product system". Links written in the
    /// body are links there already.
    private func links(of entity: Entity, level: Int) -> [HandoutBlock] {
        var groups: [(label: String, ids: [EntityID])] = []
        func add(_ label: String, _ id: EntityID) {
            if let index = groups.firstIndex(where: { $0.label == label }) {
                if !groups[index].ids.contains(id) { groups[index].ids.append(id) }
            } else {
                groups.append((label, [id]))
            }
        }
        for link in model.outgoing(from: entity.id) where link.type != .mentions {
            add(model.vocabulary.label(of: link.type), link.target)
        }
        for link in model.incoming(to: entity.id) {
            add(model.vocabulary.inverseLabel(of: link.type), link.source)
        }
        let facts = groups.map { group -> HandoutFact in
            var value: [HandoutInline] = []
            for id in group.ids {
                guard let target = model.entity(id) else { continue }
                if !value.isEmpty { value.append(.text(", ")) }
                value.append(.entity(id, [.text(target.displayTitle)]))
            }
            return HandoutFact(label: Vocabulary.Term.capitalized(group.label), value: value)
        }
        guard !facts.isEmpty else { return [] }
        return [.heading(level: level, [.text("Links")]), .facts(facts)]
    }

    /// A deck's slides as a list: each title and what it shows. The slides themselves,
    /// and their notes, are a handout of their own (`caravan export deck/...`).
    private func slideList(_ deck: Deck, level: Int) -> [HandoutBlock] {
        guard !deck.slides.isEmpty else { return [] }
        let items = deck.slides.map { slide -> [HandoutBlock] in
            var line: [HandoutInline] = [.strong([.text(slide.title)])]
            if let shown = slide.entity, let target = model.entity(shown) {
                line += [.text(" — shows "), .entity(shown, [.text(target.displayTitle)])]
            }
            return [.paragraph(line)]
        }
        return [
            .heading(level: level, [.text("Slides (\(deck.slides.count))")]),
            .list(ordered: true, start: 1, items: items),
        ]
    }

    /// One inline a line, with hard breaks between them.
    private func lines(_ items: [HandoutInline]) -> [HandoutInline] {
        Array(items.map { [$0] }.joined(separator: [.lineBreak]))
    }

    func bullets(_ items: [[HandoutInline]]) -> HandoutBlock {
        .list(ordered: false, start: 1, items: items.map { [.paragraph($0)] })
    }
}
