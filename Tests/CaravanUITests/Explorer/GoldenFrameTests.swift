import CaravanContent
import XCTest

@testable import CaravanUI

/// Whole frames compared with golden text dumps in `Tests/CaravanUITests/Golden`.
///
/// A text dump shows no colours, so where a frame differs from another only by
/// style (which pane has the focus, which words are highlighted) the test
/// also checks the styles of the cells concerned.
final class GoldenFrameTests: XCTestCase {
    /// Draws the explorer at its size, checks the grid has that size and compares it.
    @discardableResult
    private func assertFrame(
        _ explorer: Explorer, named name: String, file: StaticString = #filePath,
        line: UInt = #line
    ) -> Grid {
        let grid = render(explorer)
        XCTAssertEqual(grid.width, explorer.state.width, "grid width", file: file, line: line)
        XCTAssertEqual(grid.height, explorer.state.height, "grid height", file: file, line: line)
        Golden.assert(dump(grid), named: name, file: file, line: line)
        return grid
    }

    /// Checks that exactly `pane` has the focused header style.
    private func assertFocus(
        _ explorer: Explorer, _ grid: Grid, on pane: Pane, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(explorer.state.focus, pane, file: file, line: line)
        for (index, entry) in panes(explorer).enumerated() {
            // The header starts after the divider of every pane but the first.
            let x = entry.rect.x + (index > 0 ? 1 : 0)
            let role: Role = entry.pane == pane ? .focusedBorder : .border
            XCTAssertEqual(
                grid[x, entry.rect.y].style, explorer.theme[role],
                "header of \(entry.pane) should look \(role)", file: file, line: line)
        }
    }

    // MARK: Start screen

    func testStartScreen80x24() throws {
        let explorer = try makeExplorer(width: 80, height: 24)
        let grid = assertFrame(explorer, named: "start-80x24")
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader])
        XCTAssertTrue(dump(grid).contains("Contents"))
    }

    func testStartScreen120x40() throws {
        let explorer = try makeExplorer(width: 120, height: 40)
        let grid = assertFrame(explorer, named: "start-120x40")
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader, .context])
        assertFocus(explorer, grid, on: .navigator)
    }

    func testStartScreen40x12() throws {
        let explorer = try makeExplorer(width: 40, height: 12)
        let grid = assertFrame(explorer, named: "start-40x12")
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator])
        XCTAssertFalse(dump(grid).contains("too small"))
    }

    // MARK: Focus

    func testNavigatorFocused120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "j")
        let grid = assertFrame(explorer, named: "focus-navigator-120x40")
        assertFocus(explorer, grid, on: .navigator)
        // Moving in the tree previews the selected section in the reader.
        XCTAssertEqual(explorer.state.current, try entityID("section/1-introduction"))
    }

    func testReaderFocused120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "j Enter")
        let grid = assertFrame(explorer, named: "focus-reader-120x40")
        assertFocus(explorer, grid, on: .reader)
    }

    func testContextFocused120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "j Enter l")
        let grid = assertFrame(explorer, named: "focus-context-120x40")
        assertFocus(explorer, grid, on: .context)
        // The selected link is drawn in the selection style.
        let selection = explorer.state.context.selection
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        let y = rect.y + 1 + selection - explorer.state.context.offset
        XCTAssertEqual(grid[rect.x + 2, y].style, explorer.theme[.selection])
    }

    // MARK: Overlays

    func testHelp80x24() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "?")
        let grid = assertFrame(explorer, named: "help-80x24")
        XCTAssertTrue(dump(grid).contains("Move down one line"))
    }

    func testHelp120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "?")
        let grid = assertFrame(explorer, named: "help-120x40")
        XCTAssertTrue(dump(grid).contains("Search everything"))
    }

    func testSearchAlmaty80x24() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "/ a l m a t y")
        let frame = explorer.view()
        assertFrame(explorer, named: "search-almaty-80x24")
        // The cursor waits after the query.
        let cursor = try XCTUnwrap(frame.cursor)
        let prompt = try XCTUnwrap(firstRow(containing: "/almaty", in: frame.grid))
        XCTAssertEqual(cursor.y, prompt.y)
        let start = try XCTUnwrap(column(of: "/almaty", row: prompt.y, in: frame.grid))
        XCTAssertEqual(cursor.x, start + "/almaty".count)
    }

    func testSearchAlmaty120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/ a l m a t y")
        let grid = assertFrame(explorer, named: "search-almaty-120x40")
        XCTAssertTrue(dump(grid).contains("The Almaty \"Silk Road\" brand"))
    }

    func testJumpBrand80x24() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, ": b r a n d")
        let grid = assertFrame(explorer, named: "jump-brand-80x24")
        XCTAssertTrue(dump(grid).contains(":brand"))
        XCTAssertTrue(dump(grid).contains("mechanism/brand-expansion"))
    }

    // MARK: Too small

    func testTooSmall39x12() throws {
        let explorer = try makeExplorer(width: 39, height: 12)
        let grid = assertFrame(explorer, named: "too-small-39x12")
        XCTAssertTrue(dump(grid).contains("Terminal too small"))
        XCTAssertTrue(dump(grid).contains("39x12; needs 40x12"))
    }

    func testTooSmall10x5() throws {
        let explorer = try makeExplorer(width: 10, height: 5)
        let grid = assertFrame(explorer, named: "too-small-10x5")
        XCTAssertTrue(dump(grid).contains("Too small"))
        XCTAssertTrue(dump(grid).contains("10x5"))
    }

    // MARK: Pages

    func testCasePage120x40() throws {
        let explorer = try makeExplorer(
            width: 120, height: 40, start: "case/almaty-silk-road-brand")
        let grid = assertFrame(explorer, named: "case-almaty-120x40")
        let text = dump(grid)
        XCTAssertTrue(text.contains("Region: Central Asia"))
        XCTAssertTrue(text.contains("What it shows"))
        assertFocus(explorer, grid, on: .reader)
    }

    /// The Almaty case gives no figures, so the key figures table is shown on a case that does.
    func testCaseKeyFigures120x40() throws {
        let explorer = try makeExplorer(
            width: 120, height: 40, start: "case/changan-tianshan-corridor")
        let grid = assertFrame(explorer, named: "case-key-figures-120x40")
        let lines = grid.textLines()
        let heading = try XCTUnwrap(lines.firstIndex { $0.contains("Key figures") })
        // Value, label and the section that gives it, on the rows under the heading.
        let table = lines[(heading + 1)...].prefix(4).joined(separator: "\n")
        XCTAssertTrue(table.contains("thirty-three"), table)
        XCTAssertTrue(table.contains("Representative sites"), table)
        XCTAssertTrue(table.contains("(§3b)"), table)
    }

    func testSectionWithSearchHighlights120x40() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        // The second result for "almaty" is section 3b.
        press(&explorer, "/ a l m a t y Down Enter")
        XCTAssertEqual(explorer.state.current, try entityID("section/3-products"))
        let grid = assertFrame(explorer, named: "section-search-highlights-120x40")
        let runs = highlightedRuns(grid, explorer.theme)
        XCTAssertFalse(runs.isEmpty, "no highlighted words on screen")
        for run in runs {
            XCTAssertEqual(run.text.lowercased(), "almaty", "highlighted «\(run.text)»")
        }
        XCTAssertEqual(runs.filter(\.isCurrent).count, 1, "one current match")
        XCTAssertTrue(dump(grid).contains("match 1/"))
    }

    // MARK: ASCII

    func testMinimalCapabilities80x24() throws {
        let explorer = try makeExplorer(width: 80, height: 24, capabilities: .minimal)
        let grid = assertFrame(explorer, named: "minimal-80x24")
        for (y, line) in grid.textLines().enumerated() {
            let boxDrawing = line.unicodeScalars.filter { (0x2500...0x257F).contains($0.value) }
            XCTAssertTrue(boxDrawing.isEmpty, "row \(y) draws «\(String(boxDrawing))»: \(line)")
        }
        XCTAssertTrue(dump(grid).contains("- Contents ---"))
        XCTAssertTrue(dump(grid).contains("|"))
    }

    // MARK: Helpers

    /// Runs of cells drawn in the search-match styles, row by row.
    private func highlightedRuns(_ grid: Grid, _ theme: Theme) -> [(text: String, isCurrent: Bool)]
    {
        var runs: [(text: String, isCurrent: Bool)] = []
        for y in 0..<grid.height {
            var text = ""
            var isCurrent = false
            for x in 0...grid.width {
                let style = grid[x, y].style
                let inMatch =
                    x < grid.width
                    && (style == theme[.match] || style == theme[.currentMatch])
                if inMatch {
                    text += grid[x, y].grapheme
                    isCurrent = isCurrent || style == theme[.currentMatch]
                } else if !text.isEmpty {
                    runs.append((text, isCurrent))
                    text = ""
                    isCurrent = false
                }
            }
        }
        return runs
    }
}
