import XCTest

@testable import CaravanUI

/// The one scroll type every list and pane moves with.
final class ScrollStateTests: XCTestCase {
    // MARK: Motions

    func testMotionsCountLinesPagesAndHalfPages() {
        let paging = Paging(page: 10, halfPage: 4)
        XCTAssertEqual(Motion.lineDown.target(from: 5, count: 3, paging: paging, last: 99), 8)
        XCTAssertEqual(Motion.lineUp.target(from: 5, count: 3, paging: paging, last: 99), 2)
        XCTAssertEqual(Motion.pageDown.target(from: 5, count: 2, paging: paging, last: 99), 25)
        XCTAssertEqual(Motion.pageUp.target(from: 25, count: 1, paging: paging, last: 99), 15)
        XCTAssertEqual(Motion.halfPageDown.target(from: 0, count: 3, paging: paging, last: 99), 12)
        XCTAssertEqual(Motion.halfPageUp.target(from: 12, count: 1, paging: paging, last: 99), 8)
        XCTAssertEqual(Motion.top.target(from: 50, count: 7, paging: paging, last: 99), 0)
        XCTAssertEqual(Motion.bottom.target(from: 50, count: 7, paging: paging, last: 99), 99)
    }

    func testACountBelowOneMovesOnce() {
        let paging = Paging.list(visible: 10)
        XCTAssertEqual(Motion.lineDown.target(from: 3, count: 0, paging: paging, last: 9), 4)
        XCTAssertEqual(Motion.pageUp.target(from: 30, count: -4, paging: paging, last: 99), 20)
    }

    func testPagingOfListsAndOfText() {
        XCTAssertEqual(Paging.list(visible: 20), Paging(page: 20, halfPage: 10))
        // Text keeps two lines of the last screen in sight, as less does.
        XCTAssertEqual(Paging.text(visible: 20), Paging(page: 18, halfPage: 10))
        // Never less than a row, whatever the size.
        XCTAssertEqual(Paging.text(visible: 1), Paging(page: 1, halfPage: 1))
        XCTAssertEqual(Paging.list(visible: 0), Paging(page: 1, halfPage: 1))
    }

    // MARK: Scrolling

    func testScrollingStopsAtTheLastScreenful() {
        var scroll = ScrollState()
        scroll.scroll(.pageDown, count: 5, paging: .text(visible: 10), visible: 10, total: 25)
        XCTAssertEqual(scroll.offset, 15, "no blank rows after the last")
        scroll.scroll(.bottom, paging: .text(visible: 10), visible: 10, total: 25)
        XCTAssertEqual(scroll.offset, 15)
        scroll.scroll(.lineUp, count: 40, paging: .text(visible: 10), visible: 10, total: 25)
        XCTAssertEqual(scroll.offset, 0)
        XCTAssertEqual(scroll.selection, 0, "scrolling leaves the selection alone")
    }

    func testTextShorterThanTheScreenDoesNotScroll() {
        var scroll = ScrollState(offset: 7)
        scroll.scroll(.lineDown, paging: .text(visible: 10), visible: 10, total: 4)
        XCTAssertEqual(scroll.offset, 0)
        XCTAssertEqual(ScrollState.maximumOffset(visible: 10, total: 4), 0)
        XCTAssertEqual(ScrollState.maximumOffset(visible: 10, total: 14), 4)
    }

    func testRevealMovesAsLittleAsPossible() {
        var scroll = ScrollState(offset: 10)
        scroll.reveal(12..<14, visible: 5, total: 100)
        XCTAssertEqual(scroll.offset, 10, "already in sight")
        scroll.reveal(16..<18, visible: 5, total: 100)
        XCTAssertEqual(scroll.offset, 13, "the rows end at the bottom")
        scroll.reveal(4..<5, visible: 5, total: 100)
        XCTAssertEqual(scroll.offset, 4, "the row starts at the top")
    }

    func testRevealShowsTheStartOfRowsTallerThanTheScreen() {
        var scroll = ScrollState(offset: 0)
        scroll.reveal(20..<40, visible: 5, total: 100)
        XCTAssertEqual(scroll.offset, 20)
        scroll.reveal(3..<4, visible: 0, total: 100)
        XCTAssertEqual(scroll.offset, 0, "nothing is shown without rows")
    }

    func testLandingPutsAJumpAThirdOfTheWayDown() {
        var scroll = ScrollState(offset: 0)
        scroll.land(on: 50, visible: 30, total: 200)
        XCTAssertEqual(scroll.offset, 40)
        scroll.land(on: 55, visible: 30, total: 200)
        XCTAssertEqual(scroll.offset, 40, "a row in sight does not move the screen")
        scroll.land(on: 195, visible: 30, total: 200)
        XCTAssertEqual(scroll.offset, 170, "clamped to the last screenful")
    }

    // MARK: Selecting

    func testMovingTheSelectionKeepsItInSight() {
        var list = ScrollState()
        for _ in 0..<12 {
            list.move(.lineDown, paging: .list(visible: 5), visible: 5, total: 30)
        }
        XCTAssertEqual(list.selection, 12)
        XCTAssertEqual(list.offset, 8, "the selection is on the last visible row")
        list.move(.lineUp, count: 2, paging: .list(visible: 5), visible: 5, total: 30)
        XCTAssertEqual(list.selection, 10)
        XCTAssertEqual(list.offset, 8, "moving within the screen does not scroll")
        list.move(.top, paging: .list(visible: 5), visible: 5, total: 30)
        XCTAssertEqual(list, ScrollState(offset: 0, selection: 0))
        list.move(.bottom, paging: .list(visible: 5), visible: 5, total: 30)
        XCTAssertEqual(list, ScrollState(offset: 25, selection: 29))
    }

    func testTheSelectionStaysOnARow() {
        var list = ScrollState()
        list.move(.pageDown, count: 9, paging: .list(visible: 5), visible: 5, total: 7)
        XCTAssertEqual(list.selection, 6)
        list.select(-3, visible: 5, total: 7)
        XCTAssertEqual(list.selection, 0)
        list.select(4, visible: 5, total: 0)
        XCTAssertEqual(list, ScrollState(), "an empty list has its selection on row 0")
    }

    func testAHeadingAboveTheSelectionComesIntoSightWithIt() {
        var list = ScrollState(offset: 6, selection: 8)
        list.select(4, visible: 5, total: 20, above: 1)
        XCTAssertEqual(list.offset, 3, "the row above the selection is shown too")
        list.select(12, visible: 5, total: 20, above: 1)
        XCTAssertEqual(list.offset, 8, "going down, the selection is on the last row")
    }

    func testAShrunkListClampsTheSelectionAndTheOffset() {
        var list = ScrollState(offset: 40, selection: 45)
        list.keepVisible(visible: 10, total: 20)
        XCTAssertEqual(list, ScrollState(offset: 10, selection: 19))
    }
}
