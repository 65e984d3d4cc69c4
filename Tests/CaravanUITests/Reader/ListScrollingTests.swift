import CaravanContent
import XCTest

@testable import CaravanUI

/// Lists and overlays scroll with the explorer's moving keys, through the one scroll type.
final class ListScrollingTests: XCTestCase {
    /// Half a page moves the help as it moves a pane. It used to close the help, although
    /// the help itself lists Ctrl-d as a moving key.
    func testHalfAPageScrollsTheHelp() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "?")
        press(&explorer, "Ctrl-d")
        XCTAssertEqual(explorer.state.overlay, .help(scroll: 10), "half of the 20 rows shown")
        press(&explorer, "Ctrl-u")
        XCTAssertEqual(explorer.state.overlay, .help(scroll: 0))
        press(&explorer, "G")
        guard case .help(let bottom)? = explorer.state.overlay else {
            return XCTFail("G closed the help")
        }
        XCTAssertGreaterThan(bottom, 10)
        press(&explorer, "j")
        XCTAssertEqual(explorer.state.overlay, .help(scroll: bottom), "no scrolling past the end")
    }

    /// Going back up a list of results keeps the screen where it was, as every list does,
    /// rather than pulling the selection to the bottom row.
    func testSearchResultsScrollLikeAnyList() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "/ c u l t u r e")
        let visible = SearchOverlay.visibleResults(screenHeight: 24)
        XCTAssertEqual(visible, 9)
        press(&explorer, Array(repeating: "Down", count: 12).joined(separator: " "))
        guard case .search(let down)? = explorer.state.overlay else { return XCTFail("closed") }
        XCTAssertEqual(down.list, ScrollState(offset: 4, selection: 12))
        press(&explorer, "Up Up Up")
        guard case .search(let up)? = explorer.state.overlay else { return XCTFail("closed") }
        XCTAssertEqual(up.list, ScrollState(offset: 4, selection: 9))
        // The selected result is drawn on the fifth result's place of the nine shown.
        let grid = render(explorer)
        let selectedRows = (1..<(grid.height - 1)).filter {
            grid[3, $0].style == explorer.theme[.selection]
        }
        XCTAssertEqual(selectedRows.count, 1, "one selected row")
        let firstResultRow = try XCTUnwrap(firstRow(containing: "results", in: grid)).y + 1
        XCTAssertEqual(selectedRows.first, firstResultRow + (9 - 4) * 2)
    }

    func testTheJumpListKeepsTheSelectionInSight() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, ": c")
        let visible = JumpOverlay.visibleTargets(screenHeight: 24)
        XCTAssertEqual(visible, 16)
        press(&explorer, Array(repeating: "Down", count: 20).joined(separator: " "))
        guard case .jump(let jump)? = explorer.state.overlay else { return XCTFail("closed") }
        XCTAssertEqual(jump.list, ScrollState(offset: 5, selection: 20))
        press(&explorer, "S-Tab")
        guard case .jump(let back)? = explorer.state.overlay else { return XCTFail("closed") }
        XCTAssertEqual(back.list, ScrollState(offset: 5, selection: 19))
    }
}
