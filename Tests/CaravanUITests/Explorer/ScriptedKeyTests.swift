import CaravanContent
import XCTest

@testable import CaravanUI

/// Key sequences as a reader types them, checked against the explorer's state and frame.
final class ScriptedKeyTests: XCTestCase {
    // MARK: Links and history

    func testFollowingALinkOpensItsTargetAndGrowsHistory() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        // The row under the paper's is section 1; Enter opens it in the reader.
        press(&explorer, "j Enter")
        XCTAssertEqual(explorer.state.current, try entityID("section/1-introduction"))
        XCTAssertEqual(explorer.state.focus, .reader)
        let historyBefore = explorer.state.history.count

        press(&explorer, "Tab")
        let link = try XCTUnwrap(explorer.state.selectedLink, "Tab selects a link")
        let target = explorer.page.links[link].target
        XCTAssertNotEqual(target, explorer.state.current)
        press(&explorer, "Enter")

        XCTAssertEqual(explorer.state.current, target)
        XCTAssertEqual(explorer.state.history.count, historyBefore + 1)
        XCTAssertEqual(explorer.state.historyIndex, explorer.state.history.count - 1)
        XCTAssertEqual(explorer.state.history.last?.id, target)
        let title = try XCTUnwrap(explorer.model.entity(target)).displayTitle
        XCTAssertTrue(pageText(explorer).joined(separator: " ").contains(title.prefix(20)))
    }

    func testBackAndForwardRestoreEntityAndScroll() throws {
        // A short terminal, so that both pages scroll.
        var explorer = try makeExplorer(width: 120, height: 16, start: "section/3-products")
        let section = explorer.state.current
        press(&explorer, "3 j Tab")
        let link = try XCTUnwrap(explorer.state.selectedLink)
        let target = explorer.page.links[link].target
        let sectionScroll = explorer.state.readerScroll
        XCTAssertGreaterThan(sectionScroll, 0)
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, target)
        XCTAssertEqual(explorer.state.readerScroll, 0, "a new page opens at its top")

        press(&explorer, "2 j")
        let targetScroll = explorer.state.readerScroll
        XCTAssertEqual(targetScroll, 2)

        press(&explorer, "Backspace")
        XCTAssertEqual(explorer.state.current, section)
        XCTAssertEqual(explorer.state.readerScroll, sectionScroll)
        XCTAssertEqual(explorer.state.historyIndex, explorer.state.history.count - 2)

        press(&explorer, "]")
        XCTAssertEqual(explorer.state.current, target)
        XCTAssertEqual(explorer.state.readerScroll, targetScroll)

        // `[` is another key for back; at the start of history it stays put.
        press(&explorer, "[ [ [")
        XCTAssertEqual(explorer.state.historyIndex, 0)
        XCTAssertEqual(explorer.state.current, section)
        XCTAssertEqual(explorer.state.message, "At the start of history")
    }

    // MARK: Search

    func testSearchMatchesWithNAndShiftN() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/")
        typeText(&explorer, "almaty")
        guard case .search(let search)? = explorer.state.overlay else {
            return XCTFail("the search overlay is not open")
        }
        let index = try XCTUnwrap(search.results.firstIndex { $0.id.kind == .section })
        for _ in 0..<index { press(&explorer, "Down") }
        press(&explorer, "Enter")

        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.state.searchTerms, ["almaty"])
        let matches = explorer.page.matches
        XCTAssertGreaterThanOrEqual(matches.count, 3, "pick a word that occurs several times")
        XCTAssertEqual(explorer.state.currentMatch, 0)
        assertCurrentMatchVisible(explorer)

        press(&explorer, "n")
        XCTAssertEqual(explorer.state.currentMatch, 1)
        assertCurrentMatchVisible(explorer)
        press(&explorer, "n")
        XCTAssertEqual(explorer.state.currentMatch, 2)
        assertCurrentMatchVisible(explorer)
        press(&explorer, "N")
        XCTAssertEqual(explorer.state.currentMatch, 1)
        assertCurrentMatchVisible(explorer)

        // N before the first match goes back to the result before, at its last match.
        let section = explorer.state.current
        press(&explorer, "N N")
        XCTAssertNotEqual(explorer.state.current, section)
        XCTAssertEqual(explorer.state.currentMatch, explorer.page.matches.count - 1)
        XCTAssertEqual(
            explorer.state.current, search.results[index - 1].id, "the result listed before")
        XCTAssertTrue(
            explorer.state.message?.hasPrefix("Result \(index)/") ?? false,
            explorer.state.message ?? "no message")
        assertCurrentMatchVisible(explorer)
    }

    func testEscapeClearsSearchHighlights() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/")
        typeText(&explorer, "almaty")
        press(&explorer, "Down Enter")
        XCTAssertFalse(explorer.page.matches.isEmpty)
        XCTAssertTrue(hasHighlight(render(explorer), explorer.theme))

        press(&explorer, "Esc")
        XCTAssertEqual(explorer.state.searchTerms, [])
        XCTAssertNil(explorer.state.currentMatch)
        XCTAssertEqual(explorer.page.matches, [])
        XCTAssertFalse(hasHighlight(render(explorer), explorer.theme))
        XCTAssertFalse(dump(render(explorer)).contains("match "))
        press(&explorer, "n")
        XCTAssertEqual(explorer.state.message, "No search yet: press / to search")
    }

    func testSearchResultsGetTheirSnippetsAsTheyComeIntoView() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "/")
        typeText(&explorer, "a")
        guard case .search(let typed)? = explorer.state.overlay else {
            return XCTFail("the search overlay is not open")
        }
        let expected = explorer.model.search.search("a", limit: 100)
        XCTAssertEqual(typed.count, expected.count)
        XCTAssertGreaterThan(expected.count, 40, "pick a query with many more results than rows")
        XCTAssertLessThan(typed.results.count, 20, "only a screenful gets snippets at once")
        XCTAssertTrue(dump(render(explorer)).contains("\(expected.count) results"))

        for _ in 0..<40 { press(&explorer, "Down") }
        guard case .search(let moved)? = explorer.state.overlay else {
            return XCTFail("the search overlay closed")
        }
        XCTAssertEqual(moved.selection, 40)
        XCTAssertEqual(moved.count, expected.count)
        XCTAssertGreaterThan(moved.results.count, 40)
        XCTAssertEqual(Array(moved.results.prefix(41)), Array(expected.prefix(41)))
        let snippetStart = String(expected[40].snippet.text.prefix(20))
        XCTAssertTrue(
            dump(render(explorer)).contains(snippetStart), "the selection's snippet shows")
    }

    func testTypingInTheSearchPromptDoesNotRunCommands() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        let effects = press(&explorer, "/ q j 5 Backspace")
        XCTAssertEqual(effects, [])
        guard case .search(let search)? = explorer.state.overlay else {
            return XCTFail("the search overlay closed")
        }
        XCTAssertEqual(search.query, "qj")
        press(&explorer, "Esc")
        XCTAssertNil(explorer.state.overlay)
    }

    // MARK: Jump

    func testJumpOpensTheBestMatch() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, ":")
        typeText(&explorer, "brand exp")
        press(&explorer, "Enter")
        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.state.current, try entityID("mechanism/brand-expansion"))
        XCTAssertEqual(explorer.state.focus, .reader)
        XCTAssertEqual(explorer.state.history.last?.id, explorer.state.current)
    }

    func testJumpTabCompletesTheID() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, ":")
        typeText(&explorer, "almaty")
        press(&explorer, "Tab")
        guard case .jump(let jump)? = explorer.state.overlay else {
            return XCTFail("the jump prompt closed")
        }
        XCTAssertEqual(jump.text, "case/almaty-silk-road-brand")
        XCTAssertEqual(jump.targets.first, .entity(try entityID("case/almaty-silk-road-brand")))
        XCTAssertTrue(dump(render(explorer)).contains(":case/almaty-silk-road-brand"))
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, try entityID("case/almaty-silk-road-brand"))
    }

    func testJumpWithNoMatchKeepsTheEntity() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        let before = explorer.state.current
        press(&explorer, ":")
        typeText(&explorer, "zzqxj")
        XCTAssertTrue(dump(render(explorer)).contains("Nothing matches"))
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, before)
        XCTAssertEqual(explorer.state.message, "Nothing matches “zzqxj”")
    }

    // MARK: Folding

    func testFoldingAGroup() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "g")
        let group = explorer.rows[explorer.state.navigator.selection]
        XCTAssertTrue(group.hasChildren)
        guard case .group(let title) = group.item else {
            return XCTFail("the first row is no group")
        }
        let introduction = NavigatorTree.Node.Item.entity(try entityID("section/1-introduction"))
        let rowCount = explorer.rows.count
        XCTAssertTrue(explorer.rows.contains { $0.item == introduction })

        press(&explorer, "o")
        XCTAssertLessThan(explorer.rows.count, rowCount)
        XCTAssertFalse(explorer.rows.contains { $0.item == introduction })
        XCTAssertTrue(try navigatorText(explorer).contains("▸ \(title)"))
        XCTAssertFalse(try navigatorText(explorer).contains("1 Introduction"))

        press(&explorer, "o")
        XCTAssertEqual(explorer.rows.count, rowCount)
        XCTAssertTrue(explorer.rows.contains { $0.item == introduction })
        XCTAssertTrue(try navigatorText(explorer).contains("▾ \(title)"))
        XCTAssertTrue(try navigatorText(explorer).contains("1 Introduction"))
    }

    func testCollapseAllAndExpandAll() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        let expanded = explorer.tree.rows(collapsed: []).count
        press(&explorer, "C")
        XCTAssertEqual(explorer.rows.count, explorer.tree.roots.count)
        XCTAssertTrue(explorer.rows.allSatisfy { $0.depth == 0 && !$0.isExpanded })
        XCTAssertEqual(explorer.state.navigator.selection, 0)

        press(&explorer, "O")
        XCTAssertEqual(explorer.rows.count, expanded)
        XCTAssertTrue(explorer.rows.allSatisfy(\.isExpanded))
    }

    // MARK: Counts, zoom, quit

    func testCountScrollsTheReader() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        XCTAssertEqual(explorer.state.readerScroll, 0)
        press(&explorer, "5")
        XCTAssertEqual(explorer.state.pendingCount, 5)
        XCTAssertTrue(dump(render(explorer)).contains("count 5"))
        press(&explorer, "j")
        XCTAssertEqual(explorer.state.readerScroll, 5)
        XCTAssertNil(explorer.state.pendingCount)
        press(&explorer, "1 0 k")
        XCTAssertEqual(explorer.state.readerScroll, 0, "scrolling stops at the top")
        press(&explorer, "j")
        XCTAssertEqual(explorer.state.readerScroll, 1, "the count applies once")
    }

    func testZoomMakesTheReaderFillTheWidth() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let narrow = explorer.page.width
        press(&explorer, "z")
        XCTAssertTrue(explorer.state.zoomed)
        XCTAssertEqual(panes(explorer).map(\.pane), [.reader])
        XCTAssertEqual(panes(explorer).first?.rect, Rect(x: 0, y: 1, width: 120, height: 38))
        XCTAssertGreaterThan(explorer.page.width, narrow)
        let grid = render(explorer)
        let title = try XCTUnwrap(explorer.model.entity(explorer.state.current)).displayTitle
        XCTAssertTrue(grid.textLines()[1].hasPrefix("─ " + title.prefix(30)))
        XCTAssertFalse(grid.textLines()[2...].contains { $0.contains("│") }, "no dividers")

        press(&explorer, "z")
        XCTAssertEqual(panes(explorer).count, 3)
        XCTAssertEqual(explorer.page.width, narrow)
    }

    func testQuit() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        XCTAssertEqual(press(&explorer, "j"), [])
        XCTAssertEqual(press(&explorer, "q"), [.quit])
        XCTAssertEqual(press(&explorer, "Q"), [.quit])
        XCTAssertEqual(explorer.update(.interrupt), [.quit])
    }

    func testUnboundKeyExplainsItself() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "F9")
        XCTAssertEqual(explorer.state.message, "F9 is not bound; press ? for help")
        XCTAssertTrue(dump(render(explorer)).contains("F9 is not bound"))
    }

    func testHelpClosesOnAnyOtherKey() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "? j j")
        XCTAssertEqual(explorer.state.overlay, .help(scroll: 2))
        let effects = press(&explorer, "q")
        XCTAssertEqual(effects, [], "q closes the help without quitting")
        XCTAssertNil(explorer.state.overlay)
    }

    // MARK: Helpers

    /// Checks that the current match's line is on screen, drawn in the current-match style.
    private func assertCurrentMatchVisible(
        _ explorer: Explorer, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let current = explorer.state.currentMatch,
            explorer.page.matches.indices.contains(current)
        else {
            return XCTFail("no current match", file: file, line: line)
        }
        let matchLine = explorer.page.matches[current]
        let top = explorer.state.readerScroll
        let visible = explorer.visibleRows(.reader)
        XCTAssertTrue(
            (top..<(top + visible)).contains(matchLine),
            "match line \(matchLine) is outside \(top)..<\(top + visible)", file: file, line: line)
        let grid = render(explorer)
        let style = explorer.theme[.currentMatch]
        XCTAssertTrue(grid.cells.contains { $0.style == style }, file: file, line: line)
    }

    private func hasHighlight(_ grid: Grid, _ theme: Theme) -> Bool {
        grid.cells.contains { $0.style == theme[.match] || $0.style == theme[.currentMatch] }
    }
}
