import CaravanContent
import XCTest

@testable import CaravanUI

/// The navigator: moving previews without history, Enter opens or folds, folding keeps a
/// selection, and the rows show what folds, what was read and what is broken.
final class NavigatorPaneTests: XCTestCase {
    private func explorer(width: Int = 120, height: Int = 40) -> Explorer {
        Explorer(model: TestContent.model, width: width, height: height)
    }

    private func row(_ explorer: Explorer) -> NavigatorTree.Row {
        explorer.rows[explorer.state.navigator.selection]
    }

    func testMovingPreviewsWithoutGrowingHistory() {
        var explorer = explorer()
        press(&explorer, "j j j")
        guard case .entity(let id) = row(explorer).item else { return XCTFail("a group") }
        XCTAssertEqual(explorer.state.current, id, "the reader shows the row moved to")
        XCTAssertEqual(explorer.state.history.count, 1, "previews replace, never push")
        XCTAssertEqual(explorer.state.focus, .navigator)
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.focus, .reader, "Enter opens it in the reader")
        XCTAssertEqual(explorer.state.history.count, 1, "it is already the current entry")
    }

    func testEnterOnAGroupFoldsIt() {
        var explorer = explorer()
        press(&explorer, "g")
        XCTAssertTrue(row(explorer).hasChildren)
        let rows = explorer.rows.count
        press(&explorer, "Enter")
        XCTAssertFalse(row(explorer).isExpanded)
        XCTAssertLessThan(explorer.rows.count, rows)
        XCTAssertEqual(explorer.state.focus, .navigator, "a group does not open in the reader")
        press(&explorer, "o")
        XCTAssertEqual(explorer.rows.count, rows, "o unfolds it again")
    }

    func testFoldingKeepsTheSelectionOnARow() {
        var explorer = explorer()
        press(&explorer, "G")
        XCTAssertEqual(explorer.state.navigator.selection, explorer.rows.count - 1)
        press(&explorer, "C")
        XCTAssertTrue(explorer.rows.allSatisfy { $0.depth == 0 }, "only the groups are left")
        XCTAssertEqual(explorer.state.navigator.selection, 0, "the first of them selected")
        press(&explorer, "O")
        XCTAssertTrue(explorer.rows.allSatisfy { $0.isExpanded }, "every group unfolds")
    }

    func testPagingMovesAScreenful() {
        var explorer = explorer(width: 120, height: 24)
        let visible = explorer.visibleRows(.navigator)
        let start = explorer.state.navigator.selection
        press(&explorer, "Space")
        XCTAssertEqual(explorer.state.navigator.selection, start + visible)
        press(&explorer, "Ctrl-u")
        XCTAssertEqual(explorer.state.navigator.selection, start + visible - visible / 2)
        press(&explorer, "3 Ctrl-d")
        XCTAssertEqual(
            explorer.state.navigator.selection, start + visible - visible / 2 + 3 * (visible / 2))
        let selection = explorer.state.navigator.selection
        let offset = explorer.state.navigator.offset
        XCTAssertTrue((offset..<(offset + visible)).contains(selection), "in sight")
    }

    func testRowsShowFoldMarksReadDotsAndBrokenEntities() throws {
        var explorer = explorer()
        press(&explorer, "j j Enter h")
        let text = try navigatorText(explorer)
        XCTAssertTrue(text.contains("▾ The paper"), text)
        XCTAssertTrue(text.contains("· "), "a dot marks what was read")
        press(&explorer, "g o")
        XCTAssertTrue(try navigatorText(explorer).contains("▸ The paper"))

        var ascii = Explorer(
            model: TestContent.model, width: 120, height: 40, capabilities: .minimal)
        press(&ascii, "g o")
        XCTAssertTrue(try navigatorText(ascii).contains("+ The paper"))
    }

    func testAGroupCountsEveryEntityUnderIt() {
        let tree = NavigatorTree(model: TestContent.model)
        let rows = tree.rows(collapsed: [])
        let cases = rows.first { $0.key == "group:cases" }
        XCTAssertEqual(cases?.entityCount, TestContent.model.entities(of: .case).count)
        XCTAssertEqual(rows.first { $0.key == "group:concept" }?.depth, 0)
        let folded = tree.rows(collapsed: tree.foldableKeys)
        XCTAssertTrue(folded.allSatisfy { $0.depth == 0 }, "folding everything leaves the groups")
        XCTAssertEqual(folded.first { $0.key == "group:cases" }?.entityCount, cases?.entityCount)
    }
}
