import XCTest

@testable import CaravanContent

/// The valid fixture set: it loads cleanly, and links and backlinks come out typed and merged.
final class ValidContentTests: XCTestCase {
    private func id(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> EntityID
    {
        try XCTUnwrap(EntityID(text), "not an id: \(text)", file: file, line: line)
    }

    private func relations(_ links: [Link]) -> Set<String> {
        Set(links.map { "\($0.source) \($0.type.rawValue) \($0.target)" })
    }

    func testFixtureLoadsWithoutDiagnostics() {
        let model = Fixture.model()
        assertDiagnosticCount(model.diagnostics, 0)
        XCTAssertEqual(model.entities.count, Fixture.files.count)
        XCTAssertTrue(model.errors.isEmpty)
        XCTAssertTrue(model.warnings.isEmpty)
    }

    func testEveryLinkIsTypedAndDuplicatesAreMerged() {
        let model = Fixture.model()
        let expected: Set<String> = [
            "section/1-introduction part-of paper/silk-road",
            "section/1-introduction discusses connotation/economic",
            "section/1-introduction discusses case/cafe-street",
            "section/1-introduction cites reference/zhao2019",
            "section/1-introduction discusses case/almaty-brand",
            "section/1-1-detail part-of section/1-introduction",
            "section/1-1-detail cites reference/zhao2019",
            "section/1-1-detail cites reference/quan-wen-2018",
            "section/1-2-second part-of section/1-introduction",
            "section/1-10-later part-of section/1-introduction",
            "connotation/economic relates-to concept/cultural-brand",
            "mechanism/brand-expansion belongs-to connotation/economic",
            "mechanism/product-system part-of mechanism/brand-expansion",
            "case/almaty-brand illustrates mechanism/brand-expansion",
            "case/almaty-brand illustrates mechanism/product-system",
            "case/almaty-brand figure-from section/1-1-detail",
            "case/almaty-brand mentions mechanism/brand-expansion",
            "case/almaty-brand cites reference/zhao2019",
            "case/cafe-street illustrates concept/cultural-brand",
            "case/cafe-street mentions case/almaty-brand",
            "path/first-read step section/1-introduction",
            "path/first-read step case/almaty-brand",
            "deck/overview shows case/almaty-brand",
            "deck/overview shows concept/cultural-brand",
        ]
        XCTAssertEqual(relations(model.links), expected)
        // Each relation once, though some are written twice (discusses and discussed-in,
        // two citations).
        XCTAssertEqual(model.links.count, expected.count)
    }

    func testDiscussedInIsMergedWithDiscusses() throws {
        let model = Fixture.model()
        let cafe = try id("case/cafe-street")
        let introduction = try id("section/1-introduction")
        let discussions = model.links.filter { $0.type == .discusses && $0.target == cafe }
        XCTAssertEqual(discussions.count, 1)
        XCTAssertEqual(discussions.first?.source, introduction)
        // `discussed-in` alone still yields a link from the section, located where it was written.
        let almaty = try id("case/almaty-brand")
        let stated = try XCTUnwrap(
            model.links.first { $0.type == .discusses && $0.target == almaty })
        XCTAssertEqual(stated.source, introduction)
        let expected = position(
            of: "section/1-introduction]", in: text(of: Fixture.almaty))
        XCTAssertEqual(stated.location.path, "cases/almaty-brand.md")
        XCTAssertEqual(stated.location.line, expected.line)
        XCTAssertEqual(stated.location.column, expected.column)
        XCTAssertEqual(
            model.sources(linkingTo: almaty, by: .discusses).map(\.id), [introduction])
        // Targets come in reading order.
        let discussed = model.targets(of: introduction, by: .discusses).map(\.id)
        XCTAssertEqual(
            Set(discussed.map(\.description)),
            ["connotation/economic", "case/cafe-street", "case/almaty-brand"])
        XCTAssertEqual(
            discussed, discussed.sorted { (model.index(of: $0) ?? 0) < (model.index(of: $1) ?? 0) })
    }

    func testCitationsBecomeCitesLinksWithTheirPosition() throws {
        let model = Fixture.model()
        let detail = try id("section/1-1-detail")
        let cites = model.outgoing(from: detail).filter { $0.type == .cites }
        XCTAssertEqual(
            cites.map(\.target.description), ["reference/quan-wen-2018", "reference/zhao2019"])
        let zhao = try XCTUnwrap(cites.first { $0.target.slug == "zhao2019" })
        let expected = position(of: "[@zhao2019, p. 53]", in: text(of: Fixture.detail))
        XCTAssertEqual(zhao.location.path, "sections/1-1-detail.md")
        XCTAssertEqual(zhao.location.line, expected.line)
        XCTAssertEqual(zhao.location.column, expected.column)
        // A key given with `key:` is cited by that key, not by the slug.
        let quan = try XCTUnwrap(cites.first { $0.target.slug == "quan-wen-2018" })
        XCTAssertEqual(quan.location.line, expected.line + 1)
        XCTAssertEqual(
            model.reference(forKey: "quan2018")?.id.description, "reference/quan-wen-2018")
        XCTAssertNil(model.reference(forKey: "quan-wen-2018"))
        XCTAssertEqual(model.reference(forKey: "zhao2019")?.citationKey, "zhao2019")
    }

    func testCitationsAreParsedIntoTheDocument() throws {
        let model = Fixture.model()
        let detail = try XCTUnwrap(model.entity(try id("section/1-1-detail")))
        guard case .paragraph(let inlines)? = detail.document.blocks.first else {
            return XCTFail("expected a paragraph, got \(detail.document.blocks)")
        }
        let citations = inlines.compactMap { inline -> [Citation]? in
            if case .citation(let group) = inline { return group }
            return nil
        }
        XCTAssertEqual(
            citations,
            [
                [Citation(key: "zhao2019", locator: "p. 53")],
                [Citation(key: "quan2018"), Citation(key: "zhao2019")],
            ])
        XCTAssertTrue(detail.document.plainText.contains("[@zhao2019, p. 53]"))
    }

    func testBodyLinksBecomeMentionsAndOtherDestinationsAreIgnored() throws {
        let model = Fixture.model()
        let almaty = try id("case/almaty-brand")
        let mentions = model.outgoing(from: almaty).filter { $0.type == .mentions }
        XCTAssertEqual(mentions.map(\.target.description), ["mechanism/brand-expansion"])
        let link = try XCTUnwrap(mentions.first)
        let parenthesis = position(
            of: "(mechanism/brand-expansion)", in: text(of: Fixture.almaty))
        XCTAssertEqual(link.location.line, parenthesis.line)
        XCTAssertEqual(link.location.column, parenthesis.column + 1)
        // Links in code spans, fenced code and URLs are not entity links.
        XCTAssertFalse(model.links.contains { $0.target.slug.hasPrefix("in-") })
        let entity = try XCTUnwrap(model.entity(almaty))
        XCTAssertEqual(
            entity.document.entityLinks.map(\.description), ["mechanism/brand-expansion"])

        let cafe = try id("case/cafe-street")
        XCTAssertEqual(
            model.targets(of: cafe, by: .mentions).map(\.id), [almaty])
    }

    func testBacklinksAreDerivedInReadingOrder() throws {
        let model = Fixture.model()
        let almaty = try id("case/almaty-brand")
        let incoming = model.incoming(to: almaty).map { "\($0.source) \($0.type.inverseLabel)" }
        XCTAssertEqual(
            incoming,
            [
                "section/1-introduction discussed in",
                "case/cafe-street mentioned in",
                "path/first-read on reading path",
                "deck/overview shown in deck",
            ])
        let introduction = try id("section/1-introduction")
        XCTAssertEqual(
            model.sources(linkingTo: introduction, by: .partOf).map(\.id.description),
            ["section/1-1-detail", "section/1-2-second", "section/1-10-later"])
        let zhao = try id("reference/zhao2019")
        XCTAssertEqual(
            Set(model.incoming(to: zhao).map(\.source.description)),
            ["section/1-introduction", "section/1-1-detail", "case/almaty-brand"])
        let economic = try id("connotation/economic")
        XCTAssertEqual(
            model.sources(linkingTo: economic, by: .belongsTo).map(\.id.description),
            ["mechanism/brand-expansion"])
        let brand = try id("concept/cultural-brand")
        XCTAssertEqual(
            model.sources(linkingTo: brand, by: .relatesTo).map(\.id.description),
            ["connotation/economic"])
        // Every link is someone's backlink.
        for link in model.links {
            XCTAssertTrue(model.incoming(to: link.target).contains(link), "\(link)")
            XCTAssertTrue(model.outgoing(from: link.source).contains(link), "\(link)")
        }
    }

    func testReadingOrderSortsKindsThenSectionNumbers() {
        let model = Fixture.model()
        let kinds = model.entities.map(\.kind)
        XCTAssertEqual(kinds, kinds.sorted())
        XCTAssertEqual(model.entities.first?.kind, .paper)
        XCTAssertEqual(
            model.entities(of: .section).map(\.displayTitle),
            ["1 Introduction", "1.1 Details", "1.2 Second", "1.10 A later section"])
        XCTAssertEqual(
            model.entities(of: .mechanism).map(\.title), ["Brand expansion", "Product system"])
        for (index, entity) in model.entities.enumerated() {
            XCTAssertEqual(model.index(of: entity.id), index)
            XCTAssertTrue(model.contains(entity.id))
        }
        XCTAssertEqual(model.paper?.id.description, "paper/silk-road")
    }

    func testFieldsAreKeptWithTheirTypes() throws {
        let model = Fixture.model()
        let paper = try XCTUnwrap(model.paper)
        XCTAssertEqual(paper.string("received"), "2023-01-05")
        XCTAssertEqual(paper.strings("keywords"), ["culture", "trade"])
        let authors = try XCTUnwrap(paper.field("authors")).items
        XCTAssertEqual(authors.count, 2)
        XCTAssertEqual(authors.first?["name"], .string("Ada Author"))
        XCTAssertEqual(authors.first?["corresponding"], .bool(true))
        XCTAssertEqual(authors.last?["affiliations"], .list([.integer(1), .integer(2)]))
        XCTAssertEqual(paper.field("funding")?.items.first?["grant"], .string("42"))
        XCTAssertEqual(paper.summary, "How culture travels with trade.")

        let zhao = try XCTUnwrap(model.entity(try id("reference/zhao2019")))
        XCTAssertEqual(zhao.field("year"), .integer(2019))
        XCTAssertEqual(zhao.strings("authors"), ["Zhao, Y."])

        let almaty = try XCTUnwrap(model.entity(try id("case/almaty-brand")))
        XCTAssertEqual(almaty.string("x-editor-note"), "kept but never checked")
        XCTAssertEqual(almaty.string("region"), Region.centralAsia.rawValue)
        XCTAssertEqual(
            almaty.figures,
            [
                Figure(
                    label: "Shops using the name", value: "thirty-three",
                    section: try id("section/1-1-detail"))
            ])
        XCTAssertEqual(almaty.location, SourceLocation(path: "cases/almaty-brand.md"))
        XCTAssertEqual(
            almaty.bodyLine, position(of: "Almaty hotels", in: text(of: Fixture.almaty)).line)
        XCTAssertTrue(almaty.body.hasPrefix("Almaty hotels used the name first"))
        XCTAssertEqual(almaty.fields.first?.key, "id")

        let cafe = try XCTUnwrap(model.entity(try id("case/cafe-street")))
        XCTAssertEqual(cafe.strings("country"), ["France", "Italy"])
        let detail = try XCTUnwrap(model.entity(try id("section/1-1-detail")))
        XCTAssertEqual(detail.order, 1)
        XCTAssertEqual(detail.number, "1.1")
    }

    func testLinkLabelsReadBothWays() {
        XCTAssertEqual(LinkType.partOf.label, "part of")
        XCTAssertEqual(LinkType.partOf.inverseLabel, "parts")
        XCTAssertEqual(LinkType.belongsTo.inverseLabel, "mechanisms")
        XCTAssertEqual(LinkType.illustrates.inverseLabel, "illustrated by")
        XCTAssertEqual(LinkType.discusses.inverseLabel, "discussed in")
        XCTAssertEqual(LinkType.cites.inverseLabel, "cited in")
        XCTAssertEqual(LinkType.related.inverseLabel, "related")
        XCTAssertEqual(LinkType.relatesTo.label, "relates to")
        XCTAssertEqual(LinkType.step.inverseLabel, "on reading path")
        XCTAssertEqual(LinkType.shows.inverseLabel, "shown in deck")
        XCTAssertEqual(LinkType.figureFrom.inverseLabel, "gives figures of")
        XCTAssertEqual(LinkType.mentions.label, "mentions")
        XCTAssertEqual(LinkType.mentions.inverseLabel, "mentioned in")
    }

    func testIdentityIsStableAndDependsOnTheEntities() {
        let first = Fixture.model().identity
        XCTAssertEqual(first, Fixture.model().identity)
        XCTAssertTrue(first.hasPrefix("paper-silk-road-"), first)
        let fewer = ContentLoader.load(files: Array(Fixture.files.dropLast())).identity
        XCTAssertNotEqual(first, fewer)
    }

    func testLoadingIsIndependentOfFileOrder() {
        let forward = Fixture.model()
        let backward = ContentLoader.load(files: Fixture.files.reversed())
        XCTAssertEqual(forward.entities.map(\.id), backward.entities.map(\.id))
        XCTAssertEqual(relations(forward.links), relations(backward.links))
        XCTAssertEqual(backward.diagnostics, [])
    }
}
