import CaravanContent
import XCTest

@testable import CaravanUI

/// The note editor as drawn: the cursor's line moved sideways far enough that the cursor
/// and the character before it stay in sight, in columns (CJK counting two, control
/// characters as shown), the lines scrolled to the cursor's row, and the hint at the bottom.
final class NotePanelTests: XCTestCase {
    private let look = Look(theme: .dark, glyphs: .unicode)

    /// The panel drawn on an 80x24 screen: the box's inner text and the cursor on screen.
    private func draw(_ editor: NoteEditor) throws -> (
        lines: [String], cursor: (x: Int, y: Int), grid: Grid, inner: Rect
    ) {
        let explorer = try makeExplorer(width: 80, height: 24)
        let panel = NotePanel(
            editor: editor, id: explorer.state.current, explorer: explorer, look: look)
        var grid = Grid(width: 80, height: 24)
        panel.render(in: grid.bounds, into: &grid)
        let inner = OverlayFrame(width: 76, height: 18, title: "", look: look).inner(
            in: grid.bounds)
        return (cellText(in: inner, of: grid), panel.cursor(in: grid.bounds), grid, inner)
    }

    /// An editor on `text`, its cursor at the end, where a new editor puts it.
    private func editor(_ text: String) -> NoteEditor {
        let editor = NoteEditor(text: text)
        XCTAssertEqual(editor.row, editor.lines.count - 1)
        return editor
    }

    /// The text of the cell just left of the cursor.
    private func characterBeforeCursor(
        _ drawn: (lines: [String], cursor: (x: Int, y: Int), grid: Grid, inner: Rect)
    ) -> String {
        var x = drawn.cursor.x - 1
        while x > 0, drawn.grid[x, drawn.cursor.y].isContinuation { x -= 1 }
        return drawn.grid[x, drawn.cursor.y].grapheme
    }

    func testAShortLineShowsWholeWithTheCursorAfterIt() throws {
        let drawn = try draw(editor("first\n文化"))
        XCTAssertEqual(drawn.lines[0], "first")
        XCTAssertEqual(drawn.lines[1], "文化")
        XCTAssertEqual(drawn.cursor.x, drawn.inner.x + 4, "two wide characters, four columns")
        XCTAssertEqual(drawn.cursor.y, drawn.inner.y + 1)
    }

    func testALongASCIILineMovesSidewaysToKeepTheCursorInSight() throws {
        let line = (0..<100).map { String($0 % 10) }.joined()
        let drawn = try draw(editor(line))
        XCTAssertLessThan(drawn.cursor.x, drawn.inner.maxX)
        XCTAssertEqual(characterBeforeCursor(drawn), "9")
        XCTAssertTrue(drawn.lines[0].hasSuffix("789"), drawn.lines[0])
    }

    func testALongWideLineMovesSidewaysToKeepTheCursorInSight() throws {
        // Sixty characters, 120 columns: far wider than the box.
        let line = String(repeating: "文化产业", count: 14) + "一带一路"
        let drawn = try draw(editor(line))
        XCTAssertLessThan(drawn.cursor.x, drawn.inner.maxX)
        XCTAssertEqual(characterBeforeCursor(drawn), "路", drawn.lines[0])
        XCTAssertTrue(drawn.lines[0].hasSuffix("一带一路"), drawn.lines[0])
    }

    func testALineOfControlCharactersMovesSidewaysByTheirShownWidth() throws {
        let line = String(repeating: "\u{1B}", count: 60) + "end"
        let drawn = try draw(editor(line))
        XCTAssertFalse(drawn.lines[0].unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertLessThan(drawn.cursor.x, drawn.inner.maxX)
        XCTAssertEqual(characterBeforeCursor(drawn), "d", drawn.lines[0])
        XCTAssertTrue(drawn.lines[0].hasSuffix("end"), drawn.lines[0])
    }

    func testOtherLinesAreNotMovedSideways() throws {
        let long = String(repeating: "x", count: 90)
        let drawn = try draw(editor("start of the first line " + long + "\n" + long + "end"))
        XCTAssertTrue(drawn.lines[0].hasPrefix("start of the first line"), drawn.lines[0])
        XCTAssertTrue(drawn.lines[1].hasSuffix("end"), drawn.lines[1])
    }

    func testManyLinesScrollToTheCursorsRow() throws {
        let text = (1...40).map { "line \($0)" }.joined(separator: "\n")
        let drawn = try draw(editor(text))
        let rows = drawn.inner.height - 2
        XCTAssertEqual(drawn.lines[rows - 1], "line 40")
        XCTAssertEqual(drawn.lines[0], "line \(40 - rows + 1)")
        XCTAssertEqual(drawn.cursor.y, drawn.inner.y + rows - 1)
        XCTAssertTrue(drawn.lines[drawn.inner.height - 1].contains("an empty note is removed"))
    }

    func testTheTitleNamesTheEntityAndIsCut() throws {
        let explorer = try makeExplorer(width: 80, height: 24, start: "case/almaty-silk-road-brand")
        let panel = NotePanel(
            editor: NoteEditor(text: ""), id: explorer.state.current, explorer: explorer,
            look: look)
        var grid = Grid(width: 80, height: 24)
        panel.render(in: grid.bounds, into: &grid)
        let title = try XCTUnwrap(firstRow(containing: "Note on", in: grid))
        XCTAssertTrue(title.text.contains("Note on The Almaty"), title.text)
        XCTAssertLessThanOrEqual(
            DisplayWidth.of(title.text.trimmingCharacters(in: .whitespaces)), 76)
        XCTAssertEqual(
            panel.cursor(in: grid.bounds).x,
            OverlayFrame(width: 76, height: 18, title: "", look: look).inner(in: grid.bounds).x)
    }
}
