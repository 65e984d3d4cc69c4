import XCTest

@testable import CaravanUI

final class CoreRectTests: XCTestCase {
    func testNegativeSizesBecomeZero() {
        let rect = Rect(x: 1, y: 2, width: -5, height: -1)
        XCTAssertEqual(rect.width, 0)
        XCTAssertEqual(rect.height, 0)
        XCTAssertTrue(rect.isEmpty)
    }

    func testInset() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 5)
        XCTAssertEqual(rect.inset(by: 1), Rect(x: 1, y: 1, width: 8, height: 3))
        XCTAssertEqual(rect.inset(left: 2), Rect(x: 2, y: 0, width: 8, height: 5))
        XCTAssertEqual(rect.inset(by: 4).height, 0)
        XCTAssertTrue(rect.inset(by: 100).isEmpty)
        XCTAssertEqual(rect.inset(by: -1), Rect(x: -1, y: -1, width: 12, height: 7))
    }

    func testSplitHorizontally() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 4)
        let (left, right) = rect.splitHorizontally(leftWidth: 3)
        XCTAssertEqual(left, Rect(x: 2, y: 1, width: 3, height: 4))
        XCTAssertEqual(right, Rect(x: 5, y: 1, width: 7, height: 4))
        let byRight = rect.splitHorizontally(rightWidth: 4)
        XCTAssertEqual(byRight.left.width, 6)
        XCTAssertEqual(byRight.right, Rect(x: 8, y: 1, width: 4, height: 4))
        XCTAssertEqual(rect.splitHorizontally(leftWidth: 50).right.width, 0)
        XCTAssertEqual(rect.splitHorizontally(leftWidth: -3).left.width, 0)
    }

    func testSplitVertically() {
        let rect = Rect(x: 0, y: 0, width: 80, height: 24)
        let (top, bottom) = rect.splitVertically(bottomHeight: 1)
        XCTAssertEqual(top, Rect(x: 0, y: 0, width: 80, height: 23))
        XCTAssertEqual(bottom, Rect(x: 0, y: 23, width: 80, height: 1))
        XCTAssertEqual(
            rect.splitVertically(topHeight: 2).bottom, Rect(x: 0, y: 2, width: 80, height: 22))
        XCTAssertEqual(rect.splitVertically(topHeight: 99).bottom.height, 0)
    }

    func testIntersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        let b = Rect(x: 3, y: 3, width: 5, height: 5)
        XCTAssertEqual(a.intersection(b), Rect(x: 3, y: 3, width: 2, height: 2))
        XCTAssertTrue(a.intersection(Rect(x: 10, y: 10, width: 1, height: 1)).isEmpty)
        XCTAssertTrue(a.contains(x: 4, y: 0))
        XCTAssertFalse(a.contains(x: 5, y: 0))
        XCTAssertFalse(a.contains(x: -1, y: 0))
    }

    func testExtremeValuesNeverTrap() {
        let huge = Rect(x: Int.max, y: Int.min, width: Int.max, height: Int.max)
        XCTAssertEqual(huge.maxX, Int.max)
        _ = huge.inset(by: Int.min)
        _ = huge.inset(by: Int.max)
        _ = huge.splitHorizontally(leftWidth: Int.max)
        _ = huge.splitVertically(bottomHeight: Int.min)
        _ = huge.intersection(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max))
        XCTAssertFalse(huge.contains(x: 0, y: 0))
    }
}
