import CaravanContent
import XCTest

@testable import CaravanUI

/// What the overlays draw and where they put the terminal's cursor.
final class OverlayPanelTests: XCTestCase {
    private func frame(_ explorer: Explorer) -> Frame {
        explorer.view()
    }

    func testTheNoteEditorKeepsItsCursorOnTheTextAndSlidesALongLine() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "concept/soft-power")
        press(&explorer, "a")
        typeText(&explorer, "short")
        var cursor = try XCTUnwrap(frame(explorer).cursor)
        let row = try XCTUnwrap(firstRow(containing: "short", in: frame(explorer).grid))
        XCTAssertEqual(cursor.y, row.y)
        let start = try XCTUnwrap(column(of: "short", row: row.y, in: frame(explorer).grid))
        XCTAssertEqual(cursor.x, start + 5)
        typeText(&explorer, String(repeating: "w", count: 120))
        cursor = try XCTUnwrap(frame(explorer).cursor)
        let grid = frame(explorer).grid
        XCTAssertFalse(dump(grid).contains("short"), "the line's start slid out of sight")
        XCTAssertTrue(grid.textLines()[cursor.y].contains("wwww"))
        XCTAssertLessThan(cursor.x, 80)
        XCTAssertTrue(dump(grid).contains("Ctrl-s saves — Esc cancels"))
    }

    func testAScreenReadersCursorSitsOnTheSelectedResult() throws {
        var explorer = Explorer(
            model: TestContent.model, width: 80, height: 24, screenReader: true)
        press(&explorer, "/ c u l t u r e Down Down")
        let grid = frame(explorer).grid
        let cursor = try XCTUnwrap(frame(explorer).cursor)
        XCTAssertEqual(grid[cursor.x, cursor.y].style, explorer.theme[.selection])
        press(&explorer, "Esc : a t l")
        let jump = try XCTUnwrap(frame(explorer).cursor)
        XCTAssertEqual(frame(explorer).grid[jump.x, jump.y].style, explorer.theme[.selection])
    }

    func testAPromptsCursorFollowsTheInput() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, ":")
        typeText(&explorer, "brand")
        let cursor = try XCTUnwrap(frame(explorer).cursor)
        let row = try XCTUnwrap(firstRow(containing: ":brand", in: frame(explorer).grid))
        let start = try XCTUnwrap(column(of: ":brand", row: row.y, in: frame(explorer).grid))
        XCTAssertEqual(cursor.x, start + 6)
        XCTAssertEqual(cursor.y, row.y)
    }

    func testTheJumpListShowsCodesAndCutsLongIdsFromTheFront() throws {
        var explorer = try makeExplorer(width: 60, height: 24)
        press(&explorer, ":")
        typeText(&explorer, "brand exp")
        let text = dump(frame(explorer).grid)
        XCTAssertTrue(text.contains("E2 Brand expansion"), text)
        var wide = try makeExplorer(width: 60, height: 24)
        press(&wide, ":")
        typeText(&wide, "almaty silk")
        XCTAssertTrue(dump(frame(wide).grid).contains("…"), "a long id is cut with a mark")
        press(&wide, "Ctrl-u")
        typeText(&wide, "zzzqqqzzz")
        XCTAssertTrue(dump(frame(wide).grid).contains("Nothing matches"))
    }

    func testTheSearchSaysWhatItFound() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "/")
        XCTAssertTrue(
            dump(frame(explorer).grid).contains("Type to search titles, summaries and text"))
        typeText(&explorer, "zzqqzzqq")
        XCTAssertTrue(dump(frame(explorer).grid).contains("No results"))
        press(&explorer, "Ctrl-u")
        typeText(&explorer, "almaty")
        let text = dump(frame(explorer).grid)
        XCTAssertTrue(text.contains(" results"), text)
        XCTAssertTrue(text.contains("case: "), "each result says its kind")
    }

    func testTheProblemsPanelListsEachProblemsPlace() throws {
        var explorer = Explorer(model: BrokenContentTests.model, width: 100, height: 24)
        press(&explorer, "E")
        let text = dump(frame(explorer).grid)
        XCTAssertTrue(text.contains("Problems — Enter opens the entity, Esc closes"), text)
        XCTAssertTrue(text.contains("2 errors, 0 warnings in 2 files"), text)
        XCTAssertTrue(text.contains("concepts/broken.md:"), text)
        XCTAssertTrue(text.contains("error concepts/"), text)
    }

    func testTheHelpPanelScrollsAndNamesItsKeys() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "?")
        XCTAssertTrue(dump(frame(explorer).grid).contains("Keys — press any other key to close"))
        press(&explorer, "G")
        let text = dump(frame(explorer).grid)
        XCTAssertTrue(text.contains("Counts"), "the end of the help: \(text)")
        XCTAssertFalse(text.contains("Move down one line"))
    }
}
