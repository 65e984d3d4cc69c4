import CaravanContent
import XCTest

@testable import CaravanUI

/// How the panes draw their state: selections, matches, marks, headers and the lines
/// between panes, in colour, in ASCII and for a screen reader.
final class PaneDrawingTests: XCTestCase {
    private let look = Look(theme: .dark, glyphs: .unicode)

    func testTheNavigatorsSelectionDimsWhenThePaneLosesTheFocus() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .navigator))
        let row = rect.y + 1 + explorer.state.navigator.selection - explorer.state.navigator.offset
        XCTAssertEqual(render(explorer)[rect.x + 1, row].style, Theme.dark[.selection])
        press(&explorer, "l")
        XCTAssertEqual(render(explorer)[rect.x + 1, row].style, Theme.dark[.selectionUnfocused])
    }

    func testABrokenEntityIsMarkedInWordsAndColour() throws {
        var explorer = Explorer(model: BrokenContentTests.model, width: 120, height: 40)
        press(&explorer, "G")
        let grid = render(explorer)
        let row = try XCTUnwrap(firstRow(containing: "! Broken one", in: grid))
        let x = try XCTUnwrap(column(of: "! Broken one", row: row.y, in: grid))
        let selected = explorer.rows[explorer.state.navigator.selection]
        let style = grid[x, row.y].style
        if case .entity(let id) = selected.item, id == EntityID("concept/broken") {
            XCTAssertEqual(style, Theme.dark[.selection])
        } else {
            XCTAssertEqual(style, Theme.dark[.error])
        }
    }

    func testTheCurrentMatchStandsOutFromTheOthers() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/ a l m a t y Down Enter")
        let grid = render(explorer)
        let current = grid.cells.filter { $0.style == Theme.dark[.currentMatch] }
        let others = grid.cells.filter { $0.style == Theme.dark[.match] }
        XCTAssertEqual(current.count, "almaty".count, "one word is the current match")
        XCTAssertFalse(others.isEmpty)
        press(&explorer, "n")
        XCTAssertEqual(explorer.state.currentMatch, 1)
    }

    func testTheLinksSelectionShowsOnlyWhenThePaneIsFocused() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "mechanism/brand-expansion")
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        func row() -> Int {
            rect.y + 1 + explorer.state.context.selection - explorer.state.context.offset
        }
        XCTAssertNotEqual(render(explorer)[rect.x + 3, row()].style, Theme.dark[.selection])
        press(&explorer, "l")
        XCTAssertEqual(render(explorer)[rect.x + 3, row()].style, Theme.dark[.selection])
    }

    func testPanesAreSeparatedByALineAndNamedInTheirHeaders() throws {
        let explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let grid = render(explorer)
        for (index, entry) in panes(explorer).enumerated() where index > 0 {
            for y in entry.rect.y..<entry.rect.maxY {
                XCTAssertEqual(grid[entry.rect.x, y].grapheme, "│", "at (\(entry.rect.x), \(y))")
            }
        }
        let header = grid.textLines()[1]
        XCTAssertTrue(header.contains(" Contents "), header)
        XCTAssertTrue(header.contains(" Links "), header)
        let count = explorer.context.entryIndexes.count
        XCTAssertTrue(header.hasSuffix("\(count)─"), header)
    }

    func testAHeadersNoteGivesWayOnANarrowPane() {
        let header = PaneHeader(
            title: "Links", right: "123", focused: false, screenReader: false, look: look)
        var narrow = Grid(width: 10, height: 1)
        header.render(in: narrow.bounds, into: &narrow)
        XCTAssertFalse(narrow.textLines()[0].contains("123"), narrow.textLines()[0])
        var wide = Grid(width: 30, height: 1)
        header.render(in: wide.bounds, into: &wide)
        XCTAssertTrue(wide.textLines()[0].contains("123"))
        XCTAssertEqual(wide[2, 0].style, Theme.dark[.dim], "an unfocused title is dim")
    }

    func testAScreenReaderGetsOnePaneInASCIIWithTheCursorOnTheSelection() throws {
        var explorer = Explorer(
            model: TestContent.model, width: 120, height: 40, screenReader: true)
        XCTAssertEqual(panes(explorer).count, 1)
        let frame = explorer.view()
        XCTAssertFalse(
            frame.grid.cells.contains { ["─", "│", "▾", "▸"].contains($0.grapheme) },
            "no box drawing read aloud")
        let cursor = try XCTUnwrap(frame.cursor)
        XCTAssertEqual(cursor.y, 2 + explorer.state.navigator.selection)
        press(&explorer, "j j Enter Tab")
        let reader = explorer.view()
        let link = try XCTUnwrap(explorer.state.selectedLink)
        let line = explorer.page.links[link].line - explorer.state.reader.offset
        XCTAssertEqual(reader.cursor?.y, 2 + line, "on the selected link's line")
        press(&explorer, "l")
        let links = explorer.view()
        XCTAssertEqual(
            links.cursor?.y, 2 + explorer.state.context.selection - explorer.state.context.offset)
    }

    func testWithoutAnOverlayOrAScreenReaderThereIsNoCursor() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        XCTAssertNil(explorer.view().cursor)
        press(&explorer, "?")
        XCTAssertNil(explorer.view().cursor, "the help has no input")
        press(&explorer, "x /")
        XCTAssertNotNil(explorer.view().cursor)
    }

    func testAnOverlayCoversThePanesButNotTheBars() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        let title = render(explorer).textLines()[0]
        press(&explorer, "?")
        let grid = render(explorer)
        XCTAssertEqual(grid.textLines()[0], title, "the title bar stays")
        XCTAssertTrue(grid.textLines()[23].contains("? help"), "the status bar stays")
        XCTAssertTrue(grid.textLines()[1].contains("┌"), "the box starts under the title bar")
    }
}
