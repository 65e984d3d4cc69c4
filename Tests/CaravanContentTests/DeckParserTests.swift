import XCTest

@testable import CaravanContent

/// A deck file with the given body, loaded with the fixture content.
private func deckFile(_ body: String, path: String = "decks/talk.md") -> SourceFile {
    entityFile(
        path,
        """
        id: deck/talk
        kind: deck
        title: A talk
        related: [paper/silk-road]

        """, body: body)
}

private func loadDeck(_ body: String) throws -> (model: ContentModel, deck: Deck) {
    let model = ContentLoader.load(files: Fixture.files + [deckFile(body)])
    let id = try XCTUnwrap(EntityID("deck/talk"))
    let deck = try XCTUnwrap(
        model.deck(id), "the deck did not load:\n" + listing(model.diagnostics))
    return (model, deck)
}

final class DeckParserTests: XCTestCase {
    func testSlidesAreCutAtThreeHyphenLines() throws {
        let body = """
            # Opening

            Welcome.
            ---
            ## Second
            - one
            - two
            ---
            Just text, no heading, long enough to be cut into a title somewhere around here.
            """
        let (_, deck) = try loadDeck(body)
        XCTAssertEqual(
            deck.slides.map(\.title),
            [
                "Opening", "Second", "Just text, no heading, long enough to be cut...",
            ])
        XCTAssertEqual(deck.slides.map(\.style), [.cover, .normal, .normal])
        // Four front-matter lines between two fences: the body starts on line 7.
        XCTAssertEqual(deck.slides.map(\.line), [7, 11, 15])
        XCTAssertEqual(deck.title, "A talk")
        XCTAssertEqual(deck.path, "decks/talk.md")
    }

    func testSeparatorsAtTheStartAndEndMakeNoEmptySlides() throws {
        let (model, deck) = try loadDeck("\n---\n## Only\n\nText.\n---\n\n")
        XCTAssertEqual(deck.slides.map(\.title), ["Only"])
        XCTAssertTrue(model.diagnostics.isEmpty, listing(model.diagnostics))
    }

    func testThreeHyphensInFencedCodeDoNotSplit() throws {
        let body = """
            ## Front matter looks like this
            ```yaml
            ---
            id: case/x
            ---
            ```
            """
        let (_, deck) = try loadDeck(body)
        XCTAssertEqual(deck.slides.count, 1)
        guard case .text(let document) = deck.slides[0].kind else {
            return XCTFail("expected a text slide")
        }
        XCTAssertEqual(document.blocks, [.code("---\nid: case/x\n---")])
    }

    func testShowLinesNameEntitiesAndViews() throws {
        let body = """
            show: case/almaty-brand
            ---
            ## My own title
            show: concept/cultural-brand
            ---
            show: view/map
            """
        let (_, deck) = try loadDeck(body)
        XCTAssertEqual(
            deck.slides.map(\.kind),
            [
                .entity(try XCTUnwrap(EntityID("case/almaty-brand"))),
                .entity(try XCTUnwrap(EntityID("concept/cultural-brand"))),
                .view(.map),
            ])
        XCTAssertEqual(
            deck.slides.map(\.title),
            [
                "The Almaty \"Silk Road\" brand", "My own title", SlideView.map.title,
            ])
    }

    func testNotesRunToTheEndOfTheSlide() throws {
        let body = """
            ## One
            Shown.

            Notes: Said first.
            Said second.
            ---
            ## Two
            NOTES:
            - a point
            """
        let (_, deck) = try loadDeck(body)
        XCTAssertEqual(deck.slides[0].notes, "Said first.\nSaid second.")
        XCTAssertEqual(deck.slides[0].notesText, "Said first. Said second.")
        XCTAssertEqual(deck.slides[1].notes, "- a point")
        guard case .text(let document) = deck.slides[0].kind else {
            return XCTFail("expected a text slide")
        }
        XCTAssertEqual(document.plainText, "Shown.")
    }

    func testShownEntitiesBecomeShowsLinksOfTheDeck() throws {
        let (model, _) = try loadDeck("show: case/cafe-street\n---\n## Map\nshow: view/map\n")
        let deck = try XCTUnwrap(EntityID("deck/talk"))
        let shows = model.outgoing(from: deck).filter { $0.type == .shows }.map(
            \.target.description)
        XCTAssertEqual(shows, ["case/cafe-street"])
        let link = try XCTUnwrap(model.outgoing(from: deck).first { $0.type == .shows })
        XCTAssertEqual(link.location, SourceLocation(path: "decks/talk.md", line: 7, column: 7))
        XCTAssertFalse(
            model.warnings.contains { $0.message.contains("orphan") }, listing(model.diagnostics))
    }

    func testTheFrameworkMapHasOneColumnPerConnotation() throws {
        let (model, deck) = try loadDeck("show: view/map\n")
        let body = SlideContent.body(for: deck.slides[0], in: model)
        XCTAssertEqual(body.columns.count, model.entities(of: .connotation).count)
        let text = body.columns.first?.map(\.plainText).joined(separator: "\n") ?? ""
        XCTAssertTrue(text.contains("Brand expansion"), text)
    }

    func testACaseSlideShowsItsFigures() throws {
        let (model, deck) = try loadDeck("show: case/almaty-brand\n")
        let lines = SlideLayout.lines(
            SlideContent.body(for: deck.slides[0], in: model).blocks, width: 60, model: model
        ).map(\.text)
        XCTAssertTrue(lines.contains("Key figures"), lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("• thirty-three: Shops") }, lines.joined(separator: "\n"))
    }
}
