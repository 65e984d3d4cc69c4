import CaravanContent
import XCTest

@testable import CaravanUI

/// The atlas: golden frames of the list and the map, regions in order, moving and opening.
final class AtlasScreenTests: XCTestCase {
    private typealias Fixture = FrameworkFixture

    // MARK: Golden frames

    func testGoldenAt80x24() {
        let screen = Fixture.screen(.atlas, width: 80, height: 24)
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 80, height: 24)), named: "atlas-80x24")
    }

    func testGoldenAt120x40() {
        let screen = Fixture.screen(.atlas, width: 120, height: 40)
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 120, height: 40)), named: "atlas-120x40")
    }

    /// Down the list past the first screenful.
    func testGoldenAt80x24AfterMoving() {
        var screen = Fixture.screen(.atlas, width: 80, height: 24)
        Fixture.press(&screen, "l l j j")
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 80, height: 24)), named: "atlas-80x24-moved")
    }

    /// On the map: right to China, down to Southeast Asia.
    func testGoldenAt120x40AfterMoving() {
        var screen = Fixture.screen(.atlas, width: 120, height: 40)
        Fixture.press(&screen, "l j j j j j")
        FrameworkGolden.assert(
            Fixture.dump(Fixture.grid(screen, width: 120, height: 40)),
            named: "atlas-120x40-moved")
    }

    func testGoldenPlainTextAt80() {
        FrameworkGolden.assert(
            FrameworkViewKind.atlas.plainText(model: Fixture.model, width: 80),
            named: "atlas-plain-80")
    }

    // MARK: Regions and countries

    func testRegionsComeInAtlasOrderAndOnlyWithCases() {
        let regions = AtlasRegion.regions(of: FrameworkIndex(model: Fixture.model))
        XCTAssertEqual(
            regions.map(\.name),
            [
                "Central Asia", "South Asia", "Southeast Asia", "East Asia", "Europe",
                "Latin America", "China", "Global",
            ])
        XCTAssertEqual(regions.reduce(0) { $0 + $1.cases.count }, 21)
        let centralAsia = regions[0]
        // Cases naming no country first, then by country.
        XCTAssertNil(centralAsia.groups.first?.label)
        XCTAssertEqual(
            centralAsia.groups.compactMap(\.label),
            ["China, Kazakhstan", "China, Kazakhstan, Kyrgyzstan", "Kazakhstan"])
    }

    func testMapFromAbout100x30AndListBelow() {
        let screen = AtlasScreen(model: Fixture.model)
        XCTAssertTrue(screen.showsMap(width: 120, height: 40))
        XCTAssertTrue(screen.showsMap(width: 100, height: 30))
        XCTAssertFalse(screen.showsMap(width: 99, height: 40))
        XCTAssertFalse(screen.showsMap(width: 120, height: 29))
        XCTAssertFalse(screen.showsMap(width: 80, height: 24))
    }

    func testMapPlacesRegionsRoughlyGeographically() throws {
        let screen = Fixture.screen(.atlas, width: 120, height: 40)
        let lines = Fixture.grid(screen, width: 120, height: 40).textLines()
        func place(_ region: String) throws -> (x: Int, y: Int) {
            for (y, line) in lines.enumerated() {
                if let range = line.range(of: " \(region) (") {
                    return (line.distance(from: line.startIndex, to: range.lowerBound), y)
                }
            }
            throw XCTSkip("\(region) not drawn")
        }
        let europe = try place("Europe")
        let central = try place("Central Asia")
        let south = try place("South Asia")
        let china = try place("China")
        let southeast = try place("Southeast Asia")
        let east = try place("East Asia")
        let global = try place("Global")
        XCTAssertLessThan(europe.x, central.x)
        XCTAssertLessThan(central.x, china.x)
        XCTAssertLessThan(china.x, east.x)
        XCTAssertEqual(south.x, central.x)
        XCTAssertGreaterThan(south.y, central.y)
        XCTAssertEqual(southeast.x, china.x)
        XCTAssertGreaterThan(southeast.y, china.y)
        XCTAssertGreaterThan(china.y, central.y, "China sits lower than the top row")
        XCTAssertGreaterThan(global.y, southeast.y)
    }

    // MARK: Keys

    func testEnterOpensTheSelectedCase() throws {
        var screen = Fixture.screen(.atlas, width: 80, height: 24)
        let first = try XCTUnwrap(screen.selection)
        XCTAssertEqual(first.kind, .case)
        XCTAssertEqual(Fixture.press(&screen, "Enter"), [.open(first)])
        Fixture.press(&screen, "j")
        let second = try XCTUnwrap(screen.selection)
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(Fixture.press(&screen, "Enter"), [.open(second)])
    }

    func testListJumpsBetweenRegions() throws {
        var screen = Fixture.screen(.atlas, width: 80, height: 24)
        Fixture.press(&screen, "l")
        XCTAssertEqual(screen.selection, try Fixture.id("case/south-asia-training"))
        Fixture.press(&screen, "h")
        let index = FrameworkIndex(model: Fixture.model)
        XCTAssertEqual(screen.selection.flatMap { index.caseStudy($0)?.region }, "Central Asia")
        Fixture.press(&screen, "G")
        XCTAssertEqual(screen.selection, try Fixture.id("case/ancient-regional-brands"))
    }

    func testMapMovesSpatially() throws {
        var screen = Fixture.screen(.atlas, width: 120, height: 40)
        let index = FrameworkIndex(model: Fixture.model)
        func region() -> String? { screen.selection.flatMap { index.caseStudy($0)?.region } }
        XCTAssertEqual(region(), "Central Asia")
        Fixture.press(&screen, "h")
        XCTAssertEqual(region(), "Europe")
        Fixture.press(&screen, "l l")
        XCTAssertEqual(region(), "China")
        Fixture.press(&screen, "l")
        XCTAssertEqual(region(), "East Asia")
        Fixture.press(&screen, "j j j j j j j j")
        XCTAssertEqual(region(), "Global")
    }

    func testEveryCaseCanBeReached() {
        var screen = Fixture.screen(.atlas, width: 120, height: 40)
        var seen: Set<EntityID> = []
        for _ in 0..<30 {
            if let selection = screen.selection { seen.insert(selection) }
            Fixture.press(&screen, "Tab")
        }
        XCTAssertEqual(seen.count, 21)
    }

    func testCloseAndIgnoredKeys() {
        var screen = Fixture.screen(.atlas, width: 80, height: 24)
        XCTAssertEqual(Fixture.press(&screen, "Esc Backspace"), [.close, .close])
        XCTAssertEqual(Fixture.press(&screen, "q x"), [.ignored, .ignored])
        // f is the matrix's filter; the atlas has none, so f pages as in the explorer.
        let before = screen.selection
        XCTAssertEqual(Fixture.press(&screen, "f"), [.handled])
        XCTAssertNotEqual(screen.selection, before)
    }
}
