import CaravanContent
import XCTest

@testable import CaravanUI

/// A canvas records what it draws and draws it again from any row, with any theme and
/// line characters; views open from a cache; text is cut to fit.
final class CanvasTests: XCTestCase {
    private func id(_ text: String) -> EntityID {
        EntityID(text) ?? EntityID(kind: .concept, slug: "x")
    }

    private func sample() -> Canvas<EntityID> {
        var canvas = Canvas<EntityID>(width: 12)
        canvas.box(Rect(x: 0, y: 0, width: 12, height: 5))
        canvas.text("Title", x: 2, y: 1, width: 8, role: .title)
        canvas.divider(x: 0, y: 2, width: 12)
        canvas.text("item", x: 2, y: 3, width: 8)
        canvas.slot(
            id("concept/item"), rect: Rect(x: 1, y: 3, width: 10, height: 1),
            detail: SelectionDetail(title: "Item", text: ""))
        canvas.rule(x: 0, y: 6, width: 12)
        return canvas
    }

    func testRecordingMeasuresTheHeight() {
        let canvas = sample()
        XCTAssertEqual(canvas.height, 7)
        XCTAssertEqual(canvas.slots.map(\.id), [id("concept/item")])
        var reserved = canvas
        reserved.reserve(rows: 10)
        XCTAssertEqual(reserved.height, 10)
        var empty = Canvas<EntityID>(width: 5)
        empty.text("", x: 0, y: 4, width: 5)
        empty.box(Rect(x: 0, y: 0, width: 0, height: 3))
        XCTAssertEqual(empty.height, 0, "nothing drawn, nothing measured")
    }

    func testPlainLinesUseASCII() {
        XCTAssertEqual(
            sample().plainLines(),
            [
                "+----------+", "| Title    |", "+----------+", "| item     |", "+----------+",
                "", "------------",
            ])
    }

    func testRowsAreDrawnFromTheirTopWithTheSelectionHighlighted() {
        var grid = Grid(width: 20, height: 3)
        CanvasRows(
            canvas: sample(), top: 2, selected: id("concept/item"), theme: .dark, chars: .unicode
        )
        .render(in: Rect(x: 4, y: 0, width: 12, height: 3), into: &grid)
        let lines = grid.textLines()
        XCTAssertEqual(lines[0], "    ├──────────┤")
        XCTAssertEqual(lines[1], "    │ item     │")
        XCTAssertEqual(grid[6, 1].style, Theme.dark[.selection], "the slot's cells")
        XCTAssertEqual(grid[4, 1].style, Theme.dark[.border], "not the box around it")
        XCTAssertEqual(lines[2], "    └──────────┘")
    }

    func testABoxBeneathIsDrawnFirst() {
        var canvas = Canvas<EntityID>(width: 8)
        canvas.text("over", x: 1, y: 1, width: 6)
        canvas.boxBeneath(Rect(x: 0, y: 0, width: 8, height: 3))
        XCTAssertEqual(canvas.plainLines(), ["+------+", "|over  |", "+------+"])
    }

    // MARK: Caches

    func testAViewOpensFromTheCacheSizedAsAsked() {
        var cache = FreshViewCache()
        let model = TestContent.model
        var first = cache.view(for: .init(kind: .matrix, width: 100, height: 30), model: model)
        _ = first.perform(.moveDown)
        let again = cache.view(for: .init(kind: .matrix, width: 100, height: 30), model: model)
        XCTAssertNotEqual(first.selection, again.selection, "a fresh one, not the one moved")
        XCTAssertEqual(again.selection, (again as? MatrixScreen)?.rowIDs.first)
        let linear = cache.view(
            for: .init(kind: .map, width: 80, height: 24, linear: true), model: model)
        XCTAssertTrue(linear.isLinear)
        let boxed = cache.view(for: .init(kind: .map, width: 80, height: 24), model: model)
        XCTAssertFalse(boxed.isLinear, "a linear map is not taken for the boxed one")
    }

    func testThePageCacheKeepsTheRecentPages() {
        var cache = PageCache()
        var made = 0
        func page(_ width: Int) -> DocumentLayout {
            cache.page(for: .init(id: id("concept/a"), width: width, terms: [], ascii: false)) {
                made += 1
                return DocumentLayout(width: width)
            }
        }
        _ = page(40)
        _ = page(40)
        XCTAssertEqual(made, 1)
        for width in 41...(40 + PageCache.capacity) { _ = page(width) }
        XCTAssertEqual(made, 1 + PageCache.capacity)
        _ = page(40)
        XCTAssertEqual(made, 2 + PageCache.capacity, "the oldest page was let go")
    }

    // MARK: Cutting text

    func testCuttingKeepsTheStartOrTheEnd() {
        XCTAssertEqual(TextFit.cut("Brand expansion", to: 8, mark: "…"), "Brand e…")
        XCTAssertEqual(TextFit.cut("Brand expansion", to: 8, mark: "~"), "Brand e~")
        XCTAssertEqual(TextFit.cut("short", to: 8, mark: "…"), "short")
        XCTAssertEqual(TextFit.cut("short", to: 1, mark: "…"), "short", "too narrow to cut")
        XCTAssertEqual(TextFit.cut("文化产业人文内涵", to: 7, mark: "…"), "文化产…")
        XCTAssertEqual(
            TextFit.cutFront("case/almaty-silk-road-brand", to: 10, mark: "…"), "…oad-brand")
        XCTAssertEqual(TextFit.cut("a\u{1B}[2Jb", to: 10, mark: "…"), "a^[[2Jb", "made visible")
    }
}
