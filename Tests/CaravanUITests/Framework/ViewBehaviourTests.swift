import CaravanContent
import XCTest

@testable import CaravanUI

/// The shipped views as the explorer drives them: paging, the screen reader's cursor,
/// resizing, the matrix's columns and the chrome they share.
final class ViewBehaviourTests: XCTestCase {
    private typealias Fixture = FrameworkFixture

    func testTheMapPagesToTheNearestItemAScreenfulAway() throws {
        var map = Fixture.screen(.map, width: 80, height: 24)
        let first = map.selection
        Fixture.press(&map, "PgDn")
        XCTAssertNotEqual(map.selection, first)
        Fixture.press(&map, "PgUp")
        XCTAssertEqual(map.selection, first, "a page up brings it back")
        Fixture.press(&map, "G g")
        XCTAssertEqual(map.selection, first, "g is the first item")
    }

    func testTheAtlasMapPagesAndItsListSteps() throws {
        var map = Fixture.screen(.atlas, width: 120, height: 40)
        XCTAssertTrue((map as? AtlasScreen)?.showsMap(width: 120, height: 40) == true)
        let first = map.selection
        Fixture.press(&map, "Space")
        XCTAssertNotEqual(map.selection, first)
        var list = Fixture.screen(.atlas, width: 80, height: 24)
        XCTAssertFalse((list as? AtlasScreen)?.showsMap(width: 80, height: 24) == true)
        let order = AtlasRegion.regions(of: FrameworkIndex(model: Fixture.model))
            .flatMap(\.cases).map(\.id)
        Fixture.press(&list, "j j k")
        XCTAssertEqual(list.selection, order[1], "up and down step in atlas order")
        Fixture.press(&list, "G j")
        XCTAssertEqual(list.selection, order.last, "the list stops at its last case")
    }

    func testAScreenReaderGetsTheLinearMapWithItsCursorOnTheSelection() throws {
        var explorer = Explorer(
            model: TestContent.model, width: 100, height: 30, screenReader: true)
        press(&explorer, "M")
        XCTAssertTrue(explorer.framework?.isLinear == true)
        press(&explorer, "j j")
        let frame = explorer.view()
        let cursor = try XCTUnwrap(frame.cursor)
        XCTAssertEqual(frame.grid[cursor.x, cursor.y].style, explorer.theme[.selection])
        let line = frame.grid.textLines()[cursor.y]
        let selected = try XCTUnwrap(explorer.framework?.selection)
        let title = try XCTUnwrap(explorer.model.entity(selected)?.title)
        XCTAssertTrue(line.contains(String(title.prefix(12))), line)
    }

    func testAResizeTellsTheOpenViewItsNewSize() throws {
        var explorer = Explorer(model: TestContent.model, width: 120, height: 40)
        press(&explorer, "A")
        XCTAssertTrue(dump(render(explorer)).contains("┌"), "the map of regions at 120x40")
        resize(&explorer, width: 80, height: 24)
        let text = dump(render(explorer))
        XCTAssertFalse(text.contains("┌"), "the list at 80x24")
        press(&explorer, "j")
        XCTAssertNotNil(explorer.framework?.selection)
        XCTAssertEqual(explorer.framework?.kind, .atlas)
    }

    func testTheMatrixScrollsItsColumnsToTheCursor() throws {
        var matrix = Fixture.screen(.matrix, width: 50, height: 20)
        let screen = try XCTUnwrap(matrix as? MatrixScreen)
        let columns = screen.columnIDs
        Fixture.press(&matrix, String(repeating: "l ", count: columns.count + 3))
        XCTAssertEqual((matrix as? MatrixScreen)?.selectedColumn, columns.last, "no further right")
        let last = try XCTUnwrap(
            FrameworkIndex(model: Fixture.model).connotations.flatMap(\.mechanisms).last)
        let grid = Fixture.grid(matrix, width: 50, height: 20)
        XCTAssertTrue(dump(grid).contains(last.title.prefix(10)), "the legend names the column")
        Fixture.press(&matrix, "h")
        XCTAssertEqual((matrix as? MatrixScreen)?.selectedColumn, columns[columns.count - 2])
    }

    func testTheEmptyMatrixNamesTheFilterKeysAsBound() throws {
        var matrix = Fixture.screen(.matrix, width: 80, height: 24)
        // A connotation and a region that share no case leave nothing to show.
        for _ in 0..<40 {
            Fixture.press(&matrix, "r")
            if (matrix as? MatrixScreen)?.rowIDs.isEmpty == true { break }
            if (matrix as? MatrixScreen)?.regionFilter == nil { Fixture.press(&matrix, "f") }
        }
        try XCTSkipUnless(
            (matrix as? MatrixScreen)?.rowIDs.isEmpty == true, "every pair shares a case")
        var keys = KeyBindings.standard
        keys.framework = keys.framework.applying(["filter-region": [.character("R")]])
        var grid = Grid(width: 80, height: 24)
        matrix.widget(ViewLook(theme: .dark, glyphs: .unicode, hints: keys.inViews.hints))
            .render(in: grid.bounds, into: &grid)
        XCTAssertTrue(dump(grid).contains("No case matches the filter: f and R change it"))
    }

    func testTheChromeCountsAndSizesTheDetail() {
        XCTAssertEqual(ScreenChrome.count(1, "case"), "1 case")
        XCTAssertEqual(ScreenChrome.count(0, "case"), "0 cases")
        let details = [
            SelectionDetail(title: "Short", text: ""),
            SelectionDetail(title: "A title", text: String(repeating: "word ", count: 40)),
        ]
        XCTAssertEqual(ScreenChrome.detailRows(for: details, width: 40, limit: 8), 7)
        XCTAssertEqual(ScreenChrome.detailRows(for: details, width: 40, limit: 3), 3)
        XCTAssertEqual(ScreenChrome.detailRows(for: [], width: 40, limit: 3), 2)
    }

    func testAMoveGoesToTheNeighbourInItsColumnBeforeOneAcross() {
        let current = Rect(x: 10, y: 5, width: 10, height: 1)
        let rects = [
            Rect(x: 10, y: 9, width: 10, height: 1),
            Rect(x: 30, y: 6, width: 10, height: 1),
            Rect(x: 10, y: 1, width: 10, height: 1),
        ]
        XCTAssertEqual(SpatialNavigation.next(from: current, among: rects, direction: .down), 0)
        XCTAssertEqual(SpatialNavigation.next(from: current, among: rects, direction: .right), 1)
        XCTAssertEqual(SpatialNavigation.next(from: current, among: rects, direction: .up), 2)
        XCTAssertNil(SpatialNavigation.next(from: current, among: rects, direction: .left))
        XCTAssertNil(SpatialNavigation.next(from: current, among: [current], direction: .down))
    }
}
