import CaravanContent
import XCTest

@testable import CaravanUI

/// Views as values: what the explorer's actions mean in a view, and when two views are
/// the same view as the reader left it.
final class ViewValueTests: XCTestCase {
    func testEveryViewActionButTheFiltersAnswersToAnExplorerAction() {
        for action in ViewAction.allCases {
            if let explorer = action.explorerAction {
                XCTAssertEqual(ViewAction(explorer), action, "\(explorer) means \(action)")
            } else {
                XCTAssertTrue([.filterConnotation, .filterRegion].contains(action))
            }
        }
        XCTAssertNil(ViewAction(.search), "searching is the explorer's, over a view too")
        XCTAssertNil(ViewAction(.halfPageDown))
        XCTAssertEqual(ViewAction(.back), .close, "Backspace closes a view")
    }

    func testOnlyMovesRepeatWithACount() {
        let repeating = ViewAction.allCases.filter(\.repeats)
        XCTAssertEqual(
            Set(repeating),
            [.moveUp, .moveDown, .moveLeft, .moveRight, .next, .previous, .pageUp, .pageDown])
        var matrix = FrameworkFixture.screen(.matrix, width: 80, height: 24)
        XCTAssertEqual(matrix.perform(.filterConnotation, count: 3), .handled)
        let once = (matrix as? MatrixScreen)?.connotationFilter
        var single = FrameworkFixture.screen(.matrix, width: 80, height: 24)
        _ = single.perform(.filterConnotation)
        XCTAssertEqual(once, (single as? MatrixScreen)?.connotationFilter, "a filter moves once")
    }

    func testAViewEqualsItselfAsLeft() {
        let first = FrameworkFixture.screen(.map, width: 80, height: 24)
        var moved = first
        XCTAssertEqual(OpenView(first), OpenView(moved))
        _ = moved.perform(.moveRight)
        XCTAssertNotEqual(OpenView(first), OpenView(moved))
        _ = moved.perform(.moveLeft)
        XCTAssertEqual(OpenView(first), OpenView(moved), "back where it was")
        var resized = first
        resized.resize(width: 100, height: 30)
        XCTAssertNotEqual(OpenView(first), OpenView(resized), "the size is part of it")
    }

    func testViewsOfDifferentKindsDiffer() {
        let map = OpenView(FrameworkFixture.screen(.map, width: 80, height: 24))
        let atlas = OpenView(FrameworkFixture.screen(.atlas, width: 80, height: 24))
        XCTAssertNotEqual(map, atlas)
        var seen: Set<OpenView> = [map, atlas]
        seen.insert(OpenView(FrameworkFixture.screen(.map, width: 80, height: 24)))
        XCTAssertEqual(seen.count, 2, "an equal view hashes alike")
    }

    func testAMatrixIsTheSameWhenItsFiltersAndCursorAre() {
        let fresh = FrameworkFixture.screen(.matrix, width: 80, height: 24)
        var filtered = fresh
        _ = filtered.perform(.filterRegion)
        XCTAssertNotEqual(OpenView(fresh), OpenView(filtered))
        for _ in 0..<(FrameworkIndex(model: FrameworkFixture.model).regions.count) {
            _ = filtered.perform(.filterRegion)
        }
        XCTAssertNil((filtered as? MatrixScreen)?.regionFilter, "round to all regions again")
        XCTAssertEqual(
            (filtered as? MatrixScreen)?.rowIDs, (fresh as? MatrixScreen)?.rowIDs,
            "every case is back")
        XCTAssertNotEqual(filtered.selection, nil, "the last region's case stays selected")
        _ = filtered.perform(.first)
        XCTAssertEqual(OpenView(fresh), OpenView(filtered), "same filters, same cursor")
    }

    func testTheKindsSayHowTheyAreNamed() {
        XCTAssertEqual(FrameworkViewKind.spokenList, "map, matrix or atlas")
        XCTAssertEqual(
            FrameworkViewKind.allCases.map(\.name), ["framework-map", "case-matrix", "atlas"])
        XCTAssertEqual(FrameworkViewKind.matrix.group, "Seeing the framework")
        XCTAssertEqual(FrameworkViewKind.keyTable, "keys")
        for kind in FrameworkViewKind.allCases {
            let text = kind.plainText(model: FrameworkFixture.model, width: 50)
            XCTAssertTrue(
                text.components(separatedBy: "\n").allSatisfy { DisplayWidth.of($0) <= 50 })
        }
    }
}
