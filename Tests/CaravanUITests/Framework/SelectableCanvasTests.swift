import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The canvas the map and the atlas are laid out on: selection, moves, paging, scrolling,
/// drawing, on a small arrangement of the test's own.
final class SelectableCanvasTests: XCTestCase {
    /// Counts how often a canvas is laid out.
    final class Layouts: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func add() { lock.withLock { value += 1 } }
    }

    /// A grid of cells `columns` wide, each a concept's slot, one per row pair, under no
    /// title; a detail of two rows.
    struct Cells: CanvasArrangement {
        var ids: [EntityID]
        var columns: Int
        var layouts = Layouts()

        func arrange(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<EntityID> {
            layouts.add()
            var canvas = Canvas<EntityID>(width: width)
            let cellWidth = max(1, width / columns)
            for (index, id) in ids.enumerated() {
                let rect = Rect(
                    x: (index % columns) * cellWidth, y: (index / columns) * 2,
                    width: cellWidth - 1,
                    height: 1)
                canvas.text(id.slug, x: rect.x, y: rect.y, width: rect.width)
                canvas.slot(id, rect: rect, detail: SelectionDetail(title: id.slug, text: "about"))
            }
            let chrome = ScreenChrome(area: Rect(width: width, height: height), detailRows: 2)
            return CanvasLayout(
                width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: canvas)
        }
    }

    private let ids = (0..<12).compactMap { EntityID("concept/c\($0)") }

    private func canvas(columns: Int = 3, width: Int = 30, height: Int = 12)
        -> SelectableCanvas<Cells>
    {
        var canvas = SelectableCanvas(Cells(ids: ids, columns: columns), selected: ids.first)
        canvas.resize(width: width, height: height)
        return canvas
    }

    func testSpatialMovesGoToTheNeighbour() {
        var canvas = canvas()
        canvas.move(.right)
        XCTAssertEqual(canvas.selected, ids[1])
        canvas.move(.down)
        XCTAssertEqual(canvas.selected, ids[4])
        canvas.move(.left)
        canvas.move(.left)
        XCTAssertEqual(canvas.selected, ids[3], "no slot further left: it stays")
        canvas.move(.up)
        XCTAssertEqual(canvas.selected, ids[0])
    }

    func testSteppingWrapsAndSelectingAPositionClamps() {
        var canvas = canvas()
        canvas.step(by: -1)
        XCTAssertEqual(canvas.selected, ids.last, "back from the first is the last")
        canvas.step(by: 2)
        XCTAssertEqual(canvas.selected, ids[1])
        canvas.selectSlot(at: Int.max)
        XCTAssertEqual(canvas.selected, ids.last)
        canvas.selectSlot(at: -5)
        XCTAssertEqual(canvas.selected, ids.first)
    }

    func testPagingGoesAboutAScreenfulInTheSameColumn() {
        // A body of 12 - 1 title - 2 detail = 9 rows: a page is 8 rows; the cells' rows are
        // 0, 2, 4 and 6, so the last is nearest.
        var canvas = canvas()
        canvas.move(.right)
        canvas.page(by: 1)
        XCTAssertEqual(canvas.selected, ids[10], "down to the last row, same column")
        canvas.page(by: 1)
        XCTAssertEqual(canvas.selected, ids[10], "nothing further down")
        canvas.page(by: -1)
        XCTAssertEqual(canvas.selected, ids[1])
    }

    func testTheSelectionStaysInSightAndTheCursorFollowsIt() {
        var canvas = canvas(columns: 1, width: 20, height: 8)
        // A body of 5 rows shows slots 0, 1 and 2 (rows 0, 2, 4).
        canvas.selectSlot(at: 5)
        let layout = canvas.current
        XCTAssertEqual(layout.chrome.body.height, 5)
        XCTAssertEqual(canvas.top(of: layout), 6, "slot 5 on row 10 ends the body")
        let cursor = canvas.selectionCursor(in: Rect(x: 3, y: 2, width: 20, height: 8))
        XCTAssertEqual(cursor?.x, 3)
        XCTAssertEqual(cursor?.y, 2 + 1 + 4, "below the title, on the body's last row")
    }

    func testASlotThisLayoutLacksFallsBackToTheFirst() throws {
        var canvas = canvas()
        canvas.select(try XCTUnwrap(EntityID("concept/elsewhere")))
        XCTAssertEqual(canvas.selectedSlot(in: canvas.current.canvas)?.key, ids.first)
    }

    func testTheLayoutAtTheToldSizeIsMadeOnce() {
        let arrangement = Cells(ids: ids, columns: 3)
        var canvas = SelectableCanvas(arrangement, selected: ids.first)
        canvas.resize(width: 30, height: 12)
        let made = arrangement.layouts.count
        canvas.move(.right)
        canvas.step(by: 1)
        _ = canvas.layout(width: 30, height: 12, glyphs: .unicode)
        XCTAssertEqual(arrangement.layouts.count, made, "moves and drawing reuse it")
        _ = canvas.layout(width: 30, height: 12, glyphs: .ascii)
        XCTAssertEqual(arrangement.layouts.count, made + 1, "other glyphs lay it out again")
    }

    func testTheWidgetDrawsTitleSelectionAndDetail() {
        var canvas = canvas()
        canvas.move(.down)
        let look = ViewLook(
            theme: .dark, glyphs: .unicode, hints: KeyBindings.standard.inViews.hints)
        var grid = Grid(width: 60, height: 14)
        canvas.widget(title: "Cells", emptyMessage: nil, rule: true, look: look)
            .render(in: Rect(x: 5, y: 1, width: 50, height: 12), into: &grid)
        let lines = grid.textLines()
        XCTAssertEqual(lines[0], "", "nothing outside the area")
        XCTAssertTrue(lines[1].hasPrefix("     Cells"))
        let selected = try? XCTUnwrap(firstRow(containing: "c3", in: grid))
        XCTAssertEqual(grid[5, selected?.y ?? 0].style, Theme.dark[.selection])
        XCTAssertTrue(lines[11].contains("Enter open"), "the rule names the keys: \(lines[11])")
        XCTAssertTrue(lines[12].contains("c3"), "the detail names the selection")
    }
}
