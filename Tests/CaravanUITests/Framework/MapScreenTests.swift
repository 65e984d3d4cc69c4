import CaravanContent
import XCTest

@testable import CaravanUI

/// The framework map: golden frames, moving the selection, opening what it shows.
final class MapScreenTests: XCTestCase {
    private typealias Fixture = FrameworkFixture

    // MARK: Golden frames

    func testGoldenAt80x24() {
        let screen = Fixture.screen(.map, width: 80, height: 24)
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 80, height: 24)), named: "map-80x24")
    }

    func testGoldenAt120x40() {
        let screen = Fixture.screen(.map, width: 120, height: 40)
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 120, height: 40)), named: "map-120x40")
    }

    /// Right to the economic box, down to its second mechanism.
    func testGoldenAt80x24AfterMoving() {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        Fixture.press(&screen, "l j j")
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 80, height: 24)), named: "map-80x24-moved")
    }

    /// Down from the security box into the ties, and along them.
    func testGoldenAt120x40AfterMoving() {
        var screen = Fixture.screen(.map, width: 120, height: 40)
        Fixture.press(&screen, "l l G k h")
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 120, height: 40)), named: "map-120x40-moved")
    }

    func testGoldenPlainTextAt80() {
        FrameworkGolden.assert(
            FrameworkViewKind.map.plainText(model: Fixture.model, width: 80), named: "map-plain-80")
    }

    // MARK: What the map shows

    func testEveryConnotationAndMechanismIsOnScreenAt80x24() {
        let screen = Fixture.screen(.map, width: 80, height: 24)
        let text = Fixture.dump(Fixture.grid(screen, width: 80, height: 24))
        let index = FrameworkIndex(model: Fixture.model)
        XCTAssertEqual(index.connotations.count, 3)
        XCTAssertEqual(index.mechanismCount, 13)
        for connotation in index.connotations {
            XCTAssertTrue(text.contains(connotation.code + " "), "\(connotation.code) missing")
            for mechanism in connotation.mechanisms {
                XCTAssertTrue(text.contains(mechanism.code + " "), "\(mechanism.code) missing")
            }
        }
        // The ties: every target has a column header.
        for label in ["five links", "4.1", "4.6"] {
            XCTAssertTrue(text.contains(label), "\(label) missing:\n\(text)")
        }
    }

    func testCountsFollowTheIllustratesLinks() throws {
        let index = FrameworkIndex(model: Fixture.model)
        let brand = try XCTUnwrap(index.mechanism(try Fixture.id("mechanism/brand-expansion")))
        XCTAssertEqual(brand.code, "E2")
        // Ancient brands, the oil ventures and the farming and catering brands; the Almaty
        // trademark illustrates the product system, under which the paper gives it.
        XCTAssertEqual(brand.cases.count, 3)
        let control = try XCTUnwrap(index.mechanism(try Fixture.id("mechanism/industrial-control")))
        XCTAssertEqual(control.code, "S2a")
        XCTAssertEqual(control.depth, 1)
        // A connotation counts cases reaching it directly or through any mechanism.
        let humanistic = try XCTUnwrap(index.connotation(try Fixture.id("connotation/humanistic")))
        XCTAssertEqual(humanistic.cases.count, 8)
        let security = try XCTUnwrap(index.connotation(try Fixture.id("connotation/security")))
        XCTAssertTrue(security.cases.contains(try Fixture.id("case/finland-confucius-institutes")))
    }

    func testTiesPutTheFiveLinksFirstAndSectionsInOrder() {
        let index = FrameworkIndex(model: Fixture.model)
        let labels = index.tieTargets.map(\.label)
        XCTAssertEqual(index.tieTargets.first?.id.description, "concept/five-links")
        XCTAssertEqual(
            Array(labels.suffix(7)), ["3", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"])
    }

    func testWideScreenShowsTheFiveLinksNotes() {
        let screen = Fixture.screen(.map, width: 200, height: 60)
        let text = Fixture.dump(Fixture.grid(screen, width: 200, height: 60))
        XCTAssertTrue(text.contains("A reading: sits closest to the fifth link"), text)
        XCTAssertTrue(text.contains("A reading: protects what the five links build"), text)
        // The connotations' summaries, wrapped in their boxes.
        XCTAssertTrue(text.contains("The cultural industry strengthens the economic field"), text)
    }

    func testNarrowScreenStacksTheBoxes() {
        let screen = Fixture.screen(.map, width: 50, height: 100)
        let lines = Fixture.grid(screen, width: 50, height: 100).textLines()
        let humanistic = lines.firstIndex { $0.contains("H Humanistic") }
        let economic = lines.firstIndex { $0.contains("E Economic") }
        XCTAssertNotNil(humanistic)
        XCTAssertNotNil(economic)
        if let humanistic, let economic { XCTAssertLessThan(humanistic, economic) }
    }

    // MARK: Keys

    func testEnterOpensTheSelection() throws {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        XCTAssertEqual(screen.selection, try Fixture.id("connotation/humanistic"))
        XCTAssertEqual(
            Fixture.press(&screen, "Enter"), [.open(try Fixture.id("connotation/humanistic"))])
        XCTAssertEqual(Fixture.press(&screen, "l Right"), [.handled, .handled])
        XCTAssertEqual(screen.selection, try Fixture.id("connotation/security"))
        Fixture.press(&screen, "h j")
        XCTAssertEqual(
            Fixture.press(&screen, "Enter"), [.open(try Fixture.id("mechanism/product-system"))])
    }

    func testMovingIsSpatial() throws {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        // Down through the humanistic box to its last mechanism, then right: the
        // economic box's last mechanism is the nearest, not the security box's.
        Fixture.press(&screen, "j j j j j")
        XCTAssertEqual(screen.selection, try Fixture.id("mechanism/innovation-concept"))
        Fixture.press(&screen, "l")
        XCTAssertEqual(screen.selection, try Fixture.id("mechanism/service-cost-control"))
        // Up leaves the box at its top; left and right stay level.
        Fixture.press(&screen, "k k k")
        XCTAssertEqual(screen.selection, try Fixture.id("connotation/economic"))
        Fixture.press(&screen, "k")
        XCTAssertEqual(screen.selection, try Fixture.id("connotation/economic"))
    }

    func testTheTiesOpenTheirConceptOrSection() throws {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        // Below the humanistic box: the ties' header, then the humanistic row.
        Fixture.press(&screen, "G")
        var seen: Set<EntityKind> = []
        for _ in 0..<12 {
            if let selection = screen.selection { seen.insert(selection.kind) }
            Fixture.press(&screen, "S-Tab")
        }
        XCTAssertTrue(seen.contains(.section), "\(seen)")
        XCTAssertTrue(seen.contains(.concept), "\(seen)")
        var fromTop = Fixture.screen(.map, width: 80, height: 24)
        Fixture.press(&fromTop, "j j j j j j")
        XCTAssertEqual(fromTop.selection, try Fixture.id("concept/five-links"))
        XCTAssertEqual(
            Fixture.press(&fromTop, "Enter"), [.open(try Fixture.id("concept/five-links"))])
    }

    func testTheDetailLineShowsTheWholeSelection() {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        Fixture.press(&screen, "l l j")
        let text = Fixture.dump(Fixture.grid(screen, width: 80, height: 24))
        XCTAssertTrue(
            text.contains("S1 Cultural industry clusters and social stability (3 cases)"), text)
    }

    func testCloseAndIgnoredKeys() {
        var screen = Fixture.screen(.map, width: 80, height: 24)
        XCTAssertEqual(Fixture.press(&screen, "Esc Backspace"), [.close, .close])
        // q is the explorer's: it quits over a view as anywhere.
        XCTAssertEqual(Fixture.press(&screen, "q x / ?"), [.ignored, .ignored, .ignored, .ignored])
    }

    func testScrollingKeepsTheSelectionOnScreen() {
        var screen = Fixture.screen(.map, width: 40, height: 12)
        for _ in 0..<40 {
            Fixture.press(&screen, "j")
            let grid = Fixture.grid(screen, width: 40, height: 12)
            let selected = grid.cells.contains { $0.style == Theme.dark[.selection] }
            XCTAssertTrue(selected, "selection off screen:\n\(Fixture.dump(grid))")
        }
    }
}
