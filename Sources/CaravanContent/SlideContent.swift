/// What a slide shows below its title, as Markdown blocks: free text as written, an
/// entity as a short summary of its facts, the framework map as columns.
public struct SlideBody: Hashable, Sendable {
    public var blocks: [MarkdownDocument.Block]
    /// Side-by-side columns shown instead of `blocks` where they fit (the framework map).
    public var columns: [[MarkdownDocument.Block]]

    public init(blocks: [MarkdownDocument.Block], columns: [[MarkdownDocument.Block]] = []) {
        self.blocks = blocks
        self.columns = columns
    }
}

/// Builds slide bodies from the content.
public enum SlideContent {
    public static func body(for slide: Slide, in model: ContentModel) -> SlideBody {
        switch slide.kind {
        case .text(let document):
            return SlideBody(blocks: document.blocks)
        case .entity(let id):
            guard let entity = model.entity(id) else {
                return SlideBody(blocks: [.paragraph([.text("(\(id) is not in the content)")])])
            }
            return SlideBody(blocks: blocks(for: entity, in: model))
        case .view(.map):
            let columns = mapColumns(model)
            return SlideBody(blocks: Array(columns.joined()), columns: columns)
        }
    }

    // MARK: Entities

    /// An entity as a slide: its summary and the few facts a class needs.
    public static func blocks(for entity: Entity, in model: ContentModel) -> [MarkdownDocument
        .Block]
    {
        var blocks: [MarkdownDocument.Block] = []
        if let summary = entity.summary, !summary.isEmpty {
            blocks.append(.paragraph([.emphasis(inlines(summary))]))
        }
        switch entity.kind.facts {
        case .caseStudy:
            let place = entity.string("place") ?? entity.strings("country").joined(separator: ", ")
            let region = entity.string("region") ?? ""
            let location = [place, place.hasSuffix(region) ? "" : region].filter { !$0.isEmpty }
            if !location.isEmpty {
                blocks.append(
                    .paragraph([
                        .strong([.text("Where: ")]), .text(location.joined(separator: ", ")),
                    ]))
            }
            let figures = entity.figures
            if !figures.isEmpty {
                blocks.append(.heading(level: 3, [.text("Key figures")]))
                blocks.append(
                    list(figures.map { [.strong([.text($0.value)]), .text(": " + $0.label)] }))
            }
            if let significance = entity.string("significance") {
                blocks.append(.heading(level: 3, [.text("What it shows")]))
                blocks.append(.paragraph(inlines(significance)))
            }
        case .claims:
            let claims = entity.strings("claims")
            if !claims.isEmpty {
                blocks.append(.heading(level: 3, [.text("Key claims")]))
                blocks.append(list(claims.map(inlines)))
            }
        case .fieldAndLever:
            blocks.append(fieldAndLever(entity))
            let mechanisms = model.sources(linkingTo: entity.id, by: .belongsTo)
            if !mechanisms.isEmpty {
                blocks.append(.heading(level: 3, [.text("Mechanisms")]))
                blocks.append(list(mechanisms.map { [link($0)] }))
            }
        case .partsAndCases:
            if let owner = model.targets(of: entity.id, by: .belongsTo).first
                ?? model.targets(of: entity.id, by: .partOf).first
            {
                blocks.append(.paragraph([.strong([.text("Part of: ")]), link(owner)]))
            }
            let parts = model.sources(linkingTo: entity.id, by: .partOf)
            if !parts.isEmpty {
                blocks.append(.heading(level: 3, [.text("Parts")]))
                blocks.append(list(parts.map { [link($0)] }))
            }
            let cases = model.sources(linkingTo: entity.id, by: .illustrates).filter {
                $0.kind == .case
            }
            if !cases.isEmpty {
                blocks.append(.heading(level: 3, [.text("Cases")]))
                blocks.append(list(cases.map { [link($0)] }))
            }
        case .bibliography:
            let authors = entity.strings("authors").joined(separator: ", ")
            let year = entity.string("year") ?? "n.d."
            blocks.append(
                .paragraph([.text("\(authors) (\(year)). "), .emphasis([.text(entity.title)])]))
            if let venue = entity.string("venue") { blocks.append(.paragraph([.text(venue)])) }
        case .publication:
            let authors = (entity.field("authors")?.items ?? []).compactMap { $0["name"]?.text }
            if !authors.isEmpty {
                blocks.append(.paragraph([.strong([.text(authors.joined(separator: " & "))])]))
            }
            let keywords = entity.strings("keywords")
            if !keywords.isEmpty {
                blocks.append(
                    .paragraph([
                        .strong([.text("Keywords: ")]), .text(keywords.joined(separator: "; ")),
                    ]))
            }
        case .steps:
            let steps = entity.strings("steps").compactMap(EntityID.init).compactMap(model.entity)
            blocks.append(
                .list(ordered: true, start: 1, items: steps.map { [.paragraph([link($0)])] }))
        case .alsoKnownAs, .slides:
            if let first = entity.document.blocks.first(where: {
                if case .paragraph = $0 { true } else { false }
            }) {
                blocks.append(first)
            }
        }
        return blocks
    }

    // MARK: The framework map

    /// One column per connotation: its field and lever, then its mechanisms and their parts.
    public static func mapColumns(_ model: ContentModel) -> [[MarkdownDocument.Block]] {
        model.entities(of: .connotation).map { connotation in
            var column: [MarkdownDocument.Block] = [
                .heading(level: 2, [link(connotation)]),
                fieldAndLever(connotation),
            ]
            let mechanisms = model.sources(linkingTo: connotation.id, by: .belongsTo)
            let items = mechanisms.map { mechanism -> [MarkdownDocument.Block] in
                let parts = model.sources(linkingTo: mechanism.id, by: .partOf)
                var item: [MarkdownDocument.Block] = [.paragraph([link(mechanism)])]
                if !parts.isEmpty { item.append(list(parts.map { [link($0)] })) }
                return item
            }
            if !items.isEmpty { column.append(.list(ordered: false, start: 1, items: items)) }
            return column
        }
    }

    // MARK: Helpers

    private static func fieldAndLever(_ entity: Entity) -> MarkdownDocument.Block {
        var inlines: [MarkdownDocument.Inline] = []
        if let field = entity.string("field") {
            inlines += [.strong([.text("Field: ")]), .text(field)]
        }
        if let lever = entity.string("lever") {
            if !inlines.isEmpty { inlines.append(.lineBreak) }
            inlines += [.strong([.text("Lever: ")]), .text(lever)]
        }
        return .paragraph(inlines)
    }

    private static func link(_ entity: Entity) -> MarkdownDocument.Inline {
        .link(destination: entity.id.description, target: entity.id, [.text(entity.displayTitle)])
    }

    private static func list(_ items: [[MarkdownDocument.Inline]]) -> MarkdownDocument.Block {
        .list(ordered: false, start: 1, items: items.map { [.paragraph($0)] })
    }

    /// Inline Markdown of a front-matter string (summaries may use emphasis and links).
    private static func inlines(_ text: String) -> [MarkdownDocument.Inline] {
        let blocks = MarkdownParser.parse(text).blocks
        if blocks.count == 1, case .paragraph(let inlines)? = blocks.first { return inlines }
        return [.text(text)]
    }
}
