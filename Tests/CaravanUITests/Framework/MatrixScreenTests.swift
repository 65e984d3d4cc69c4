import CaravanContent
import XCTest

@testable import CaravanUI

/// The case matrix: golden frames, the marks and counts, the cursor and the filters.
final class MatrixScreenTests: XCTestCase {
    private typealias Fixture = FrameworkFixture

    private func matrix(width: Int = 80, height: Int = 24) -> MatrixScreen {
        var screen = MatrixScreen(model: Fixture.model)
        screen.resize(width: width, height: height)
        return screen
    }

    private func press(_ screen: inout MatrixScreen, _ keys: String) -> [ScreenOutcome] {
        Fixture.press(&screen, keys)
    }

    private func dump(_ screen: MatrixScreen, width: Int, height: Int) -> String {
        Fixture.dump(Fixture.grid(screen, width: width, height: height))
    }

    // MARK: Golden frames

    func testGoldenAt80x24() {
        FrameworkGolden.assert(dump(matrix(), width: 80, height: 24), named: "matrix-80x24")
    }

    func testGoldenAt120x40() {
        FrameworkGolden.assert(
            dump(matrix(width: 120, height: 40), width: 120, height: 40), named: "matrix-120x40")
    }

    /// Down past the bottom of the screen and across to the security group.
    func testGoldenAt80x24AfterMoving() {
        var screen = matrix()
        _ = press(&screen, "G k l l l l l l l l l l l l l")
        FrameworkGolden.assert(dump(screen, width: 80, height: 24), named: "matrix-80x24-moved")
    }

    /// Filtered to the economic connotation, cursor on brand expansion.
    func testGoldenAt120x40AfterMoving() {
        var screen = matrix(width: 120, height: 40)
        _ = press(&screen, "f f j j l l l l l l l l")
        FrameworkGolden.assert(
            dump(screen, width: 120, height: 40), named: "matrix-120x40-moved")
    }

    func testGoldenPlainTextAt80() {
        FrameworkGolden.assert(
            FrameworkViewKind.matrix.plainText(model: Fixture.model, width: 80),
            named: "matrix-plain-80")
    }

    // MARK: Marks and counts

    func testMarksFollowTheData() throws {
        let table = MatrixTable(index: FrameworkIndex(model: Fixture.model))
        XCTAssertEqual(table.rows.count, 21)
        XCTAssertEqual(table.columns.count, 16)
        let almaty = try XCTUnwrap(
            table.rows.firstIndex { $0.id.description == "case/almaty-silk-road-brand" })
        let marked = table.columns.indices.filter { table.isMarked(row: almaty, column: $0) }
            .map { table.columns[$0].code }
        // The paper gives the Almaty trademark under the product system only.
        XCTAssertEqual(marked, ["E1"])
        // A case that names both a parent mechanism and its part is marked in both.
        let gourmet = try XCTUnwrap(
            table.rows.firstIndex { $0.id.description == "case/gourmet-streets" })
        let gourmetMarks = table.columns.indices.filter { table.isMarked(row: gourmet, column: $0) }
            .map { table.columns[$0].code }
        XCTAssertEqual(gourmetMarks, ["S2", "S2c"])
        // A case that names only a part is not marked in the parent's column.
        let finland = try XCTUnwrap(
            table.rows.firstIndex { $0.id.description == "case/finland-confucius-institutes" })
        XCTAssertEqual(
            table.columns.indices.filter { table.isMarked(row: finland, column: $0) }
                .map { table.columns[$0].code }, ["S2b"])
        // A case that illustrates only the connotation is marked in its own column.
        let games = try XCTUnwrap(
            table.rows.firstIndex { $0.id.description == "case/china-online-games" })
        XCTAssertEqual(
            table.columns.indices.filter { table.isMarked(row: games, column: $0) }
                .map { table.columns[$0].code }, ["E"])
    }

    func testCountsAddUp() {
        let table = MatrixTable(index: FrameworkIndex(model: Fixture.model))
        XCTAssertEqual(table.rowCounts.reduce(0, +), table.columnCounts.reduce(0, +))
        let brand = table.columns.firstIndex { $0.code == "E2" }
        XCTAssertEqual(brand.map { table.columnCounts[$0] }, 3)
    }

    // MARK: Keys

    func testEnterOpensTheCaseOfTheRow() throws {
        var screen = matrix()
        let first = try XCTUnwrap(screen.rowIDs.first)
        XCTAssertEqual(press(&screen, "Enter"), [.open(first)])
        _ = press(&screen, "j j l")
        XCTAssertEqual(press(&screen, "Enter"), [.open(screen.rowIDs[2])])
        _ = press(&screen, "G")
        XCTAssertEqual(screen.selection, screen.rowIDs.last)
        _ = press(&screen, "g")
        XCTAssertEqual(screen.selection, first)
    }

    func testPagingMovesAScreenful() {
        var screen = matrix()
        _ = press(&screen, "PgDn")
        let afterPage = screen.rowIDs.firstIndex { $0 == screen.selection }
        XCTAssertNotNil(afterPage)
        XCTAssertGreaterThan(afterPage ?? 0, 5)
        _ = press(&screen, "PgUp")
        XCTAssertEqual(screen.selection, screen.rowIDs.first)
    }

    func testConnotationFilterCycles() throws {
        var screen = matrix()
        XCTAssertEqual(screen.rowIDs.count, 21)
        let index = FrameworkIndex(model: Fixture.model)
        for connotation in index.connotations {
            _ = press(&screen, "f")
            XCTAssertEqual(screen.connotationFilter, connotation.id)
            XCTAssertEqual(Set(screen.rowIDs), Set(connotation.cases))
            XCTAssertLessThan(screen.rowIDs.count, 21)
        }
        _ = press(&screen, "f")
        XCTAssertNil(screen.connotationFilter)
        XCTAssertEqual(screen.rowIDs.count, 21)
    }

    func testRegionFilterCyclesThroughRegionsWithCases() throws {
        var screen = matrix()
        let index = FrameworkIndex(model: Fixture.model)
        XCTAssertEqual(index.regions.first, "Central Asia")
        XCTAssertFalse(index.regions.contains("West Asia"))
        for region in index.regions {
            _ = press(&screen, "r")
            XCTAssertEqual(screen.regionFilter, region)
            XCTAssertFalse(screen.rowIDs.isEmpty)
            for id in screen.rowIDs {
                XCTAssertEqual(index.caseStudy(id)?.region, region)
            }
        }
        _ = press(&screen, "r")
        XCTAssertNil(screen.regionFilter)
        XCTAssertEqual(screen.rowIDs.count, 21)
    }

    func testFiltersCombineAndKeepTheCursorOnItsCase() throws {
        var screen = matrix()
        let scholarships = try Fixture.id("case/silk-road-scholarships")
        while screen.selection != scholarships {
            _ = press(&screen, "j")
        }
        _ = press(&screen, "f r")
        XCTAssertEqual(screen.rowIDs.count, 2)
        XCTAssertEqual(screen.selection, scholarships)
        // A filter that leaves nothing: the screen says so, and Enter opens nothing.
        _ = press(&screen, "r r r r r r r")
        XCTAssertEqual(screen.regionFilter, "Global")
        XCTAssertTrue(screen.rowIDs.isEmpty)
        XCTAssertNil(screen.selection)
        XCTAssertEqual(press(&screen, "Enter"), [.handled])
        XCTAssertTrue(dump(screen, width: 80, height: 24).contains("No case matches the filter"))
    }

    func testLegendNamesTheCursorColumn() {
        var screen = matrix()
        _ = press(&screen, "l l l")
        XCTAssertEqual(screen.selectedColumn?.description, "mechanism/technology-inheritance")
        let text = dump(screen, width: 80, height: 24)
        XCTAssertTrue(text.contains("H2a Technology inheritance"), text)
        XCTAssertTrue(text.contains("part of H2 The demand concept"), text)
    }

    func testHeadersStayWhileScrollingBothWays() {
        var screen = matrix(width: 40, height: 16)
        _ = press(&screen, "G l l l l l l l l l l l l l l l")
        let lines = Fixture.grid(screen, width: 40, height: 16).textLines()
        XCTAssertTrue(lines.contains { $0.hasPrefix("Case") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("Security") }, lines.joined(separator: "\n"))
        // The last case's title heads its row.
        XCTAssertTrue(lines.contains { $0.hasPrefix("Finnish") }, lines.joined(separator: "\n"))
    }

    func testCloseAndIgnoredKeys() {
        var screen = matrix()
        XCTAssertEqual(press(&screen, "Esc Backspace"), [.close, .close])
        XCTAssertEqual(press(&screen, "q x"), [.ignored, .ignored])
        // Tab steps to the next case; it used to reach the reader hidden under the view.
        let before = screen.selection
        XCTAssertEqual(press(&screen, "Tab"), [.handled])
        XCTAssertNotEqual(screen.selection, before)
    }
}
