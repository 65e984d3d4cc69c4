import CaravanContent
import XCTest

@testable import CaravanUI

/// A count applies to the next motion in the view it was typed in, and goes when the view,
/// the pane or the mode changes, or on Esc.
final class CountTests: XCTestCase {
    private func matrix(_ explorer: Explorer, file: StaticString = #filePath, line: UInt = #line)
        throws -> MatrixScreen
    {
        guard let screen = explorer.framework as? MatrixScreen else {
            XCTFail("the matrix is not open", file: file, line: line)
            throw XCTSkip("no matrix")
        }
        return screen
    }

    private func status(_ explorer: Explorer) -> String {
        render(explorer).textLines().last ?? ""
    }

    func testACountMovesTheMatrixCursor() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "X 8 l")
        var screen = try matrix(explorer)
        XCTAssertEqual(screen.selectedColumn, screen.columnIDs[8])
        XCTAssertFalse(status(explorer).contains("count"), status(explorer))
        press(&explorer, "3 j")
        screen = try matrix(explorer)
        XCTAssertEqual(screen.selection, screen.rowIDs[3])
        XCTAssertFalse(status(explorer).contains("count"), status(explorer))
    }

    func testACountLeftInAViewDoesNotReachTheReader() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "X 8 1 1 Esc")
        XCTAssertNil(explorer.framework)
        XCTAssertFalse(status(explorer).contains("count"), status(explorer))
        press(&explorer, "j")
        XCTAssertEqual(explorer.state.readerScroll, 1)
    }

    func testEscapeDropsACount() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "8 Esc j")
        XCTAssertEqual(explorer.state.readerScroll, 1)
    }

    func testChangingThePaneOrTheViewDropsACount() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        // A click moves the focus to the navigator: the count typed in the reader goes.
        press(&explorer, "5")
        let navigator = try XCTUnwrap(explorer.paneLayout.rect(of: .navigator))
        _ = explorer.update(.mouse(MouseEvent(kind: .click, x: navigator.x + 2, y: navigator.y)))
        XCTAssertEqual(explorer.state.focus, .navigator)
        XCTAssertFalse(status(explorer).contains("count"), status(explorer))
        press(&explorer, "l j")
        XCTAssertEqual(explorer.state.readerScroll, 1)

        // Opening a view by name drops the count too.
        press(&explorer, "7 M")
        XCTAssertNotNil(explorer.framework)
        XCTAssertFalse(status(explorer).contains("count"), status(explorer))
    }

    func testAStaleMatchCounterLeavesTheStatusBar() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/")
        typeText(&explorer, "almaty")
        press(&explorer, "Enter")
        XCTAssertTrue(status(explorer).contains("match 1/"), status(explorer))
        press(&explorer, "M")
        XCTAssertFalse(status(explorer).contains("match"), status(explorer))
        press(&explorer, "Esc X")
        XCTAssertFalse(status(explorer).contains("match"), status(explorer))
        press(&explorer, "Esc")
        // An entity without the word: no "match 0".
        press(&explorer, ":")
        typeText(&explorer, "soft-power")
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, try entityID("concept/soft-power"))
        XCTAssertTrue(explorer.page.matches.isEmpty)
        XCTAssertFalse(status(explorer).contains("match"), status(explorer))
    }
}
