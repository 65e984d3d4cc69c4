import XCTest

@testable import CaravanContent

/// A framework of one to eight top-level parts, each with two second-level parts with
/// long-ish names, and a deck whose second slide is the map.
private func framework(parts count: Int) -> ContentModel {
    var files: [SourceFile] = []
    for part in 1...count {
        files.append(
            entityFile(
                "framework/part-\(part).md",
                """
                id: connotation/part-\(part)
                kind: connotation
                title: Part number \(part) of the whole
                summary: One of \(count) parts.
                field: A field described in a few words
                lever: A lever described in a few words

                """))
        for mechanism in 1...2 {
            files.append(
                entityFile(
                    "framework/part-\(part)-\(mechanism).md",
                    """
                    id: mechanism/part-\(part)-\(mechanism)
                    kind: mechanism
                    title: Mechanism \(mechanism) of part \(part)
                    summary: How part \(part) works, way \(mechanism).
                    connotation: connotation/part-\(part)

                    """))
        }
    }
    files.append(
        entityFile(
            "decks/talk.md",
            """
            id: deck/talk
            kind: deck
            title: A talk

            """, body: "# A talk\n---\n## The map\n\nshow: view/map\n"))
    return ContentLoader.load(files: files)
}

final class MapSlideFitTests: XCTestCase {
    private func mapSlideFit(parts: Int) throws -> (needed: Int, available: Int) {
        let model = framework(parts: parts)
        let deck = try XCTUnwrap(model.deck(EntityID("deck/talk")!))
        return SlideGeometry.checked.fit(deck.slides[1], in: model)
    }

    func testAMapOfUpToSixPartsFitsASlideAtEightyByTwentyFour() throws {
        for parts in 1...6 {
            let fit = try mapSlideFit(parts: parts)
            XCTAssertLessThanOrEqual(fit.needed, fit.available, "\(parts) parts")
            let model = framework(parts: parts)
            XCTAssertFalse(
                model.diagnostics.contains { $0.message.contains("needs") },
                listing(model.diagnostics))
        }
    }

    func testFivePartsAtEightyColumnsGoInTwoBandsOfThreeAndTwo() throws {
        let geometry = SlideGeometry.checked
        XCTAssertNil(geometry.columnWidth(count: 5), "five side by side need 100 columns")
        XCTAssertEqual(geometry.bands(count: 5), [3, 2])
        XCTAssertEqual(geometry.bands(count: 4), [2, 2], "two and two, not three and one")
        XCTAssertEqual(geometry.bands(count: 8), [3, 3, 2])
        let model = framework(parts: 5)
        let body = geometry.bodyLines(
            SlideContent.body(
                for: try XCTUnwrap(model.deck(EntityID("deck/talk")!)).slides[1], in: model),
            model: model)
        let text = body.columns[0].map(\.text)
        let first = try XCTUnwrap(text.first)
        XCTAssertTrue(first.hasPrefix("Part number 1 of"), first)
        XCTAssertTrue(first.contains("Part number 2 of"), first)
        XCTAssertTrue(first.contains("Part number 3 of"), first)
        let secondBand = try XCTUnwrap(text.firstIndex { $0.hasPrefix("Part number 4") })
        XCTAssertEqual(text[secondBand - 1], "", "a blank row between bands")
        XCTAssertTrue(text[secondBand].contains("Part number 5"))
        XCTAssertTrue(text.allSatisfy { $0.count <= geometry.textWidth })
    }

    func testThreePartsKeepTheirFullColumnsSideBySide() throws {
        let model = framework(parts: 3)
        let slide = try XCTUnwrap(model.deck(EntityID("deck/talk")!)).slides[1]
        let body = SlideGeometry.checked.bodyLines(
            SlideContent.body(for: slide, in: model), model: model)
        XCTAssertEqual(body.columns.count, 3)
        XCTAssertTrue(body.columns[0].contains { $0.text.contains("Field:") })
    }
}
