import CaravanContent
import Foundation

/// Lays out one entity for the reader: its title, its structured facts (figures, claims,
/// questions, bibliographic data...) and its Markdown body, with every link followable.
public enum EntityPage {
    /// - Parameters:
    ///   - numberLinks: follow each link with `[n]`, for plain text where links are listed
    ///     as numbered references after the page.
    ///   - titleLevel: for plain text, the outline level of the entity's title: every
    ///     heading on the page is then marked with `#`s for its level in the printed
    ///     outline. The page's own sections and the body's highest headings are one below
    ///     the title, and the body's other headings keep their distance from those (a body
    ///     of `#` and `##` prints `##` and `###`; one of `##` and `###` prints the same).
    ///     Without it, as in the reader, a body's headings keep the marks they were
    ///     written with and the page's sections, set apart by style, have none.
    public static func layout(
        _ entity: Entity, in model: ContentModel, width: Int, searchTerms: [String] = [],
        numberLinks: Bool = false, ascii: Bool = false, titleLevel: Int? = nil
    ) -> DocumentLayout {
        let glyphs = Glyphs(unicode: !ascii)
        var page = PageWriter(
            model: model,
            builder: LayoutBuilder(
                width: width, searchTerms: searchTerms, rule: String(glyphs.box.horizontal)),
            numberLinks: numberLinks, glyphs: glyphs, titleLevel: titleLevel)
        page.write(entity)
        return page.builder.layout
    }

    /// "Zhao, 2019" for a reference; "Hu & Zhang, 2017"; "Li et al., 2017".
    public static func citationLabel(_ reference: Entity) -> String {
        reference.citationLabel
    }
}

/// Writes one entity's page into a layout; its Markdown body is written by the
/// extension in `PageMarkdown.swift`.
struct PageWriter {
    let model: ContentModel
    var builder: LayoutBuilder
    let numberLinks: Bool
    let glyphs: Glyphs
    let titleLevel: Int?
    /// What a body heading's level is moved by to mark it: none in the reader.
    var headingShift = 0

    /// `[n]` after a link in plain text; nothing on screen, where links are highlighted.
    func number(_ link: Int) -> [Span] {
        numberLinks ? [Span("[\(link + 1)]", .dim)] : []
    }

    func clean(_ text: String) -> String { Sanitizer.visible(text) }

    /// A list item's bullet and the space after it.
    var bullet: String { glyphs.bullet + " " }

    mutating func write(_ entity: Entity) {
        builder.wrap([Span(clean(entity.displayTitle), .title)], firstIndent: [], restIndent: [])
        var kindLine = model.vocabulary.pageLabel(entity.kind, number: entity.number)
        if let owner = ownerLine(entity) { kindLine += glyphs.separator + owner }
        builder.wrap([Span(clean(kindLine), .dim)], firstIndent: [], restIndent: [])
        if let names = entity.namesLine { label("Names", names) }
        if model.isBroken(entity.id) { problems(model.diagnostics(for: entity.id)) }
        if let summary = entity.summary, !summary.isEmpty {
            builder.blank()
            builder.wrap([Span(clean(summary), .emphasis)], firstIndent: [], restIndent: [])
        }
        builder.blank()
        facts(entity)
        if entity.kind.facts == .slides, let deck = model.deck(entity.id) {
            slides(deck)
        } else if !entity.document.blocks.isEmpty {
            builder.blank()
            if let titleLevel, let top = PageWriter.topHeadingLevel(in: entity.document.blocks) {
                headingShift = titleLevel + 1 - top
            }
            blocks(entity.document.blocks, indent: [], rest: [])
        }
        trailing(entity)
    }

    private func ownerLine(_ entity: Entity) -> String? {
        let types: [LinkType] = [.belongsTo, .partOf]
        for type in types {
            if let owner = model.targets(of: entity.id, by: type).first {
                return owner.displayTitle
            }
        }
        return nil
    }

    // MARK: Facts

    private mutating func label(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        builder.wrap(
            [Span(name + ": ", .strong), Span(clean(value))], firstIndent: [],
            restIndent: [
                Span(String(repeating: " ", count: min(name.count + 2, builder.width / 3)))
            ])
    }

    /// A heading of the page's own (facts, claims, problems): one level below the title.
    private mutating func heading(_ text: String) {
        builder.blank()
        let marks = titleLevel.map { headingMarks(level: $0 + 1) } ?? []
        builder.wrap(
            [Span(text, .heading)], firstIndent: marks,
            restIndent: [Span(String(repeating: " ", count: marks.map(\.text.count).reduce(0, +)))])
    }

    /// `##` and a space for a heading of outline level `level`; the space is a span of its
    /// own so that an empty heading leaves no trailing space.
    func headingMarks(level: Int) -> [Span] {
        [Span(String(repeating: "#", count: max(1, level)), .heading), Span(" ", .heading)]
    }

    /// Where the entity's file has errors: each of its diagnostics, as `caravan check`
    /// prints them, so the reader knows what is missing and where to mend it.
    private mutating func problems(_ diagnostics: [Diagnostic]) {
        heading("Problems")
        for diagnostic in diagnostics {
            builder.wrap(
                [Span(clean(diagnostic.formatted), diagnostic.severity == .error ? .error : .dim)],
                firstIndent: [], restIndent: [Span("    ")])
        }
    }

    private mutating func bullets(_ items: [String], numbered: Bool = false) {
        for (index, item) in items.enumerated() {
            let marker = numbered ? "\(index + 1). " : bullet
            builder.wrap(
                inlineSpans(MarkdownParser.parse(item).blocks.first.map(inlines) ?? [.text(item)]),
                firstIndent: [Span(marker, .dim)],
                restIndent: [Span(String(repeating: " ", count: marker.count))])
        }
    }

    private func inlines(_ block: MarkdownDocument.Block) -> [MarkdownDocument.Inline] {
        if case .paragraph(let inlines) = block { return inlines }
        return [.text(block.plainText)]
    }

    private mutating func linkList(_ ids: [EntityID], numbered: Bool) {
        for (index, id) in ids.enumerated() {
            guard let target = model.entity(id) else { continue }
            let marker = numbered ? "\(index + 1). " : bullet
            let link = builder.registerLink(id)
            var spans = [Span(clean(target.displayTitle), .link, link: link)] + number(link)
            if let summary = target.summary, numbered {
                spans.append(Span(glyphs.textDash + clean(summary), .dim))
            }
            builder.wrap(
                spans, firstIndent: [Span(marker, .dim)],
                restIndent: [Span(String(repeating: " ", count: marker.count))])
        }
    }

    /// The facts the kind shows; the switch names every layout, so a new one does not
    /// compile until the page decides it.
    private mutating func facts(_ entity: Entity) {
        switch entity.kind.facts {
        case .publication: paperFacts(entity)
        case .caseStudy: caseFacts(entity)
        case .fieldAndLever:
            label("Field", entity.string("field"))
            label("Lever", entity.string("lever"))
        case .bibliography: referenceFacts(entity)
        case .steps:
            label("Audience", entity.string("audience"))
            label("Time", entity.string("minutes").map { "\($0) minutes" })
            heading("Steps")
            linkList(entity.strings("steps").compactMap(EntityID.init), numbered: true)
        case .alsoKnownAs:
            let aka = entity.strings("aka")
            if !aka.isEmpty { label("Also", aka.joined(separator: "; ")) }
        case .claims, .partsAndCases, .slides:
            // Claims follow the body; a deck's slides take the body's place.
            break
        }
    }

    private mutating func paperFacts(_ entity: Entity) {
        let affiliations = (entity.field("affiliations")?.items ?? []).compactMap {
            item -> (String, String)? in
            guard let number = item["number"]?.text, let name = item["name"]?.text else {
                return nil
            }
            return (number, name)
        }
        for author in entity.field("authors")?.items ?? [] {
            guard let name = author["name"]?.text else { continue }
            let marks = author["affiliations"]?.strings.joined(separator: ",") ?? ""
            var line = name + (marks.isEmpty ? "" : " (\(marks))")
            if author["corresponding"]?.text == "true" {
                line += ", corresponding author"
                if let email = author["email"]?.text { line += ", \(email)" }
            }
            builder.wrap([Span(clean(line), .strong)], firstIndent: [], restIndent: [Span("  ")])
        }
        for (number, name) in affiliations {
            builder.wrap(
                [Span(clean("\(number). \(name)"), .dim)], firstIndent: [],
                restIndent: [Span("   ")])
        }
        builder.blank()
        label("Received", entity.string("received"))
        label("Accepted", entity.string("accepted"))
        label("Published", entity.string("published"))
        let keywords = entity.strings("keywords")
        if !keywords.isEmpty { label("Keywords", keywords.joined(separator: "; ")) }
        let funding = (entity.field("funding")?.items ?? []).map { item in
            [
                item["funder"]?.text, item["project"]?.text,
                item["grant"]?.text.map { "grant \($0)" },
            ]
            .compactMap { $0 }.joined(separator: ", ")
        }
        if !funding.isEmpty {
            heading("Funding")
            bullets(funding)
        }
    }

    private mutating func caseFacts(_ entity: Entity) {
        label("Region", entity.string("region"))
        let countries = entity.strings("country")
        if !countries.isEmpty { label("Country", countries.joined(separator: ", ")) }
        label("Place", entity.string("place"))
        label("When", entity.string("when"))
        label("Who", entity.string("who"))
        let figures = entity.figures
        if !figures.isEmpty {
            heading("Key figures")
            figureTable(figures)
        }
        if let significance = entity.string("significance") {
            heading("What it shows")
            builder.wrap([Span(clean(significance))], firstIndent: [], restIndent: [])
        }
    }

    /// Figures as a small table: label, value, and the section that gives it.
    private mutating func figureTable(_ figures: [Figure]) {
        let width = builder.width
        let valueWidth = min(
            max(figures.map { DisplayWidth.of($0.value) }.max() ?? 0, 8), width / 2)
        let labelWidth = max(8, width - valueWidth - 10)
        for figure in figures {
            var spans: [Span] = []
            let labelText = clean(figure.label)
            let value = clean(figure.value)
            if width >= 40 {
                spans.append(Span(pad(value, to: valueWidth) + "  ", .strong))
                spans.append(Span(labelText))
                if let section = figure.section, let target = model.entity(section) {
                    let link = builder.registerLink(section)
                    spans.append(Span(" (", .dim))
                    spans.append(
                        Span(glyphs.section + (target.number ?? target.title), .link, link: link))
                    spans += number(link)
                    spans.append(Span(")", .dim))
                }
                builder.wrap(
                    spans, firstIndent: [Span("  ")],
                    restIndent: [
                        Span(String(repeating: " ", count: min(valueWidth + 4, labelWidth)))
                    ])
            } else {
                builder.wrap(
                    [Span(value, .strong)], firstIndent: [Span(bullet)],
                    restIndent: [Span("  ")])
                builder.wrap([Span(labelText)], firstIndent: [Span("  ")], restIndent: [Span("  ")])
            }
        }
    }

    private func pad(_ text: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    private mutating func referenceFacts(_ entity: Entity) {
        builder.wrap(
            [Span(clean(ReferenceEntry.text(entity)))], firstIndent: [], restIndent: [Span("  ")])
        label("DOI", entity.string("doi"))
        label("Cite as", "[@\(entity.citationKey ?? entity.id.slug)]")
    }

    /// A deck as its list of slides: each title, what it shows, and its speaker notes.
    private mutating func slides(_ deck: Deck) {
        heading("Slides (\(deck.slides.count))" + glyphs.textDash + "P presents")
        for (index, slide) in deck.slides.enumerated() {
            let marker = "\(index + 1). "
            let pad = [Span(String(repeating: " ", count: marker.count))]
            var spans = [Span(clean(slide.title), .strong)]
            if let shown = slide.entity, let target = model.entity(shown) {
                let link = builder.registerLink(shown)
                spans += [
                    Span(glyphs.textDash + "shows ", .dim),
                    Span(clean(target.displayTitle), .link, link: link),
                ]
                spans += number(link)
            }
            builder.wrap(spans, firstIndent: [Span(marker, .dim)], restIndent: pad)
            let notes = slide.notesText.trimmingCharacters(in: .whitespacesAndNewlines)
            if !notes.isEmpty {
                builder.wrap([Span(clean(notes), .dim)], firstIndent: pad, restIndent: pad)
            }
        }
    }

    /// Section extras after the body: claims, key phrases, questions.
    private mutating func trailing(_ entity: Entity) {
        let claims = entity.strings("claims")
        if !claims.isEmpty {
            heading("Key claims")
            bullets(claims)
        }
        let quotes = entity.field("quotes")?.items ?? []
        if !quotes.isEmpty {
            heading("Key phrases")
            for quote in quotes {
                guard let text = quote["text"]?.text else { continue }
                var spans = [Span(glyphs.openQuote + clean(text) + glyphs.closeQuote, .quote)]
                if let note = quote["note"]?.text {
                    spans.append(Span(glyphs.textDash + clean(note), .dim))
                }
                builder.wrap(
                    spans, firstIndent: [Span(bullet, .dim)], restIndent: [Span("  ")])
            }
        }
        let relations = entity.field("relations")?.items ?? []
        if !relations.isEmpty {
            heading("How it relates")
            for relation in relations {
                guard let to = relation["to"]?.text, let id = EntityID(to),
                    let target = model.entity(id)
                else { continue }
                let link = builder.registerLink(id)
                var spans = [Span(clean(target.displayTitle), .link, link: link)] + number(link)
                if let note = relation["note"]?.text { spans.append(Span(": " + clean(note))) }
                builder.wrap(
                    spans, firstIndent: [Span(bullet, .dim)], restIndent: [Span("  ")])
            }
        }
        let questions = entity.strings("questions")
        if !questions.isEmpty {
            heading("Discussion questions")
            bullets(questions, numbered: true)
        }
    }
}
