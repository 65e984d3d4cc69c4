import CaravanContent
import XCTest

@testable import CaravanUI

/// The small parts the framework screens are built from: fitting text, choosing where an
/// arrow key goes, keeping a row in view, the detail rows.
final class FrameworkPartsTests: XCTestCase {
    // MARK: Fitting text

    func testTruncateEndsWithTheEllipsisOnlyWhenItCuts() {
        XCTAssertEqual(
            TextFit.truncate("Brand expansion", to: 20, ellipsis: "…"), "Brand expansion")
        XCTAssertEqual(TextFit.truncate("Brand expansion", to: 8, ellipsis: "…"), "Brand e…")
        XCTAssertEqual(TextFit.truncate("Brand expansion", to: 8, ellipsis: "..."), "Brand...")
        XCTAssertEqual(TextFit.truncate("Brand", to: 1, ellipsis: "…"), "B")
        XCTAssertEqual(TextFit.truncate("Brand", to: 0, ellipsis: "…"), "")
    }

    func testTruncateNeverSplitsAWideCharacter() {
        let cut = TextFit.truncate("文化产业", to: 5, ellipsis: "…")
        XCTAssertEqual(cut, "文化…")
        XCTAssertLessThanOrEqual(TextFit.width(cut), 5)
        XCTAssertEqual(TextFit.truncate("文化产业", to: 3, ellipsis: ""), "文")
    }

    func testTruncateMakesControlsVisible() {
        let cut = TextFit.truncate("a\u{1B}[2Jb", to: 20, ellipsis: "…")
        XCTAssertEqual(cut, "a^[[2Jb")
        XCTAssertTrue(Sanitizer.isVisible(cut))
    }

    func testWrapBreaksAtSpacesThenInsideLongWords() {
        XCTAssertEqual(
            TextFit.wrap("the cultural product system", width: 12),
            ["the cultural", "product", "system"])
        XCTAssertEqual(TextFit.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(
            TextFit.wrap("industrial-competitiveness part", width: 15),
            ["industrial-", "competitiveness", "part"])
        XCTAssertEqual(TextFit.wrap("  ", width: 4), [])
        XCTAssertEqual(TextFit.wrap("word", width: 0), [])
    }

    func testWrapMeasuresWideCharacters() {
        let lines = TextFit.wrap("丝绸之路 经济带 数字博物馆", width: 9)
        XCTAssertEqual(lines, ["丝绸之路", "经济带", "数字博物", "馆"])
        for line in lines { XCTAssertLessThanOrEqual(TextFit.width(line), 9) }
        // A character wider than the line becomes a space, as on a grid.
        XCTAssertEqual(TextFit.wrap("文", width: 1), [" "])
    }

    func testWrapWithALimitEndsWithAnEllipsis() {
        let lines = TextFit.wrap(
            "one two three four five six", width: 9, limit: 2, ellipsis: "…")
        XCTAssertEqual(lines, ["one two", "three fo…"])
    }

    func testWidthCountsTheVisibleForm() {
        XCTAssertEqual(TextFit.width("abc"), 3)
        XCTAssertEqual(TextFit.width("文化"), 4)
        XCTAssertEqual(TextFit.width("\u{1B}"), 2)  // shown as ^[
    }

    // MARK: Moving with arrow keys

    func testArrowGoesToTheNearestLevelNeighbour() {
        // Two columns of three rows; the right column's rows are lower.
        let left = (0..<3).map { Rect(x: 0, y: $0, width: 10, height: 1) }
        let right = (0..<3).map { Rect(x: 12, y: $0 + 1, width: 10, height: 1) }
        let rects = left + right
        XCTAssertEqual(SpatialNavigation.next(from: left[0], among: rects, direction: .down), 1)
        XCTAssertEqual(SpatialNavigation.next(from: left[1], among: rects, direction: .right), 3)
        // No level neighbour: the nearest one diagonally.
        XCTAssertEqual(SpatialNavigation.next(from: left[0], among: rects, direction: .right), 3)
        XCTAssertEqual(SpatialNavigation.next(from: right[2], among: rects, direction: .left), 2)
        XCTAssertNil(SpatialNavigation.next(from: left[0], among: rects, direction: .up))
        XCTAssertNil(SpatialNavigation.next(from: left[0], among: rects, direction: .left))
    }

    func testArrowPrefersTheColumnBelowToAJumpAcross() {
        // A short box on the left, a tall one on the right, a wide row below both.
        let short = Rect(x: 0, y: 0, width: 10, height: 1)
        let tall = Rect(x: 12, y: 2, width: 10, height: 1)
        let below = Rect(x: 0, y: 5, width: 22, height: 1)
        XCTAssertEqual(
            SpatialNavigation.next(from: short, among: [short, tall, below], direction: .down), 2)
    }

    // MARK: Chrome

    func testChromeSplitsAnyArea() {
        for height in 0...30 {
            let chrome = ScreenChrome(area: Rect(width: 80, height: height), detailRows: 6)
            XCTAssertEqual(
                chrome.title.height + chrome.body.height + chrome.detail.height, height,
                "at \(height) rows")
            XCTAssertGreaterThanOrEqual(chrome.body.height, 0)
            XCTAssertLessThanOrEqual(chrome.detail.height, max(1, height / 3))
        }
    }

    func testDetailEndsWithAnEllipsisWhenItRunsOut() {
        var grid = Grid(width: 20, height: 3)
        let detail = SelectionDetail(
            title: "Brand expansion", text: "Segmenting the markets along the route opens them")
        DetailPanel(detail: detail, look: ViewLook(theme: .dark, glyphs: .unicode))
            .render(in: grid.bounds, into: &grid)
        let lines = grid.textLines()
        XCTAssertTrue(lines[0].hasPrefix("──"))
        XCTAssertEqual(lines[1], "Brand expansion")
        XCTAssertTrue(lines[2].hasSuffix("…"), lines[2])
    }
}
