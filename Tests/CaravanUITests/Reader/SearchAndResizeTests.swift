import CaravanContent
import XCTest

@testable import CaravanUI

/// Searching the reader's notes too, what Enter says when nothing matches, and how the
/// panes, the prompts and the history keep their places through a resize.
final class SearchAndResizeTests: XCTestCase {
    func testTheReadersNotesAreSearchedFirst() throws {
        var explorer = try makeExplorer(width: 100, height: 30, start: "concept/soft-power")
        _ = explorer.update(.note("zebra crossing in Almaty", for: explorer.state.current))
        press(&explorer, "/")
        typeText(&explorer, "zebra")
        guard case .search(let search)? = explorer.state.overlay else { return XCTFail() }
        XCTAssertEqual(search.results.first?.field, .note)
        XCTAssertEqual(search.results.first?.id, explorer.state.current)
        XCTAssertTrue(dump(render(explorer)).contains("your note on Soft power"))
    }

    func testEnterWithNothingFoundSaysSo() throws {
        var explorer = try makeExplorer(width: 100, height: 30)
        press(&explorer, "/")
        typeText(&explorer, "qqqzzzqqq")
        press(&explorer, "Enter")
        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.state.message, "No results for “qqqzzzqqq”")
        press(&explorer, ":")
        typeText(&explorer, "qqqzzzqqq")
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.message, "Nothing matches “qqqzzzqqq”")
    }

    func testASearchRemembersWhichResultWasReadLast() throws {
        var explorer = try makeExplorer(width: 100, height: 30)
        press(&explorer, "/ a l m a t y Down Down Enter")
        XCTAssertEqual(explorer.state.searchRun?.position, 2)
        XCTAssertEqual(explorer.state.searchHistory, ["almaty"])
        press(&explorer, "/")
        guard case .search(let search)? = explorer.state.overlay else { return XCTFail() }
        XCTAssertEqual(search.selection, 2, "the prompt offers the last search at the result read")
        XCTAssertTrue(search.input.isOffered)
        press(&explorer, "Down Enter")
        XCTAssertEqual(explorer.state.searchRun?.position, 3)
    }

    func testAResizeKeepsEveryPaneInItsRange() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "G l G h G")
        resize(&explorer, width: 120, height: 14)
        let state = explorer.state
        XCTAssertLessThanOrEqual(
            state.reader.offset,
            ScrollState.maximumOffset(
                visible: explorer.visibleRows(.reader), total: explorer.page.lines.count))
        let navigator = explorer.visibleRows(.navigator)
        XCTAssertTrue(
            (state.navigator.offset..<(state.navigator.offset + navigator))
                .contains(state.navigator.selection), "the navigator's selection in sight")
        let links = explorer.visibleRows(.context)
        XCTAssertTrue(
            (state.context.offset..<(state.context.offset + links)).contains(
                state.context.selection))
    }

    func testAResizeLaysThePageOutForTheNewWidth() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let wide = explorer.page.lines.count
        resize(&explorer, width: 60, height: 40)
        XCTAssertGreaterThan(explorer.page.lines.count, wide, "narrower text, more lines")
        XCTAssertEqual(explorer.page.width, explorer.readerTextWidth)
        resize(&explorer, width: 120, height: 40)
        XCTAssertEqual(explorer.page.lines.count, wide, "and back, from the cache")
    }

    func testASearchPromptFindsMoreSnippetsOnATallerScreen() throws {
        var explorer = try makeExplorer(width: 100, height: 14)
        press(&explorer, "/ c u l t u r e")
        guard case .search(let short)? = explorer.state.overlay else { return XCTFail() }
        resize(&explorer, width: 100, height: 60)
        guard case .search(let tall)? = explorer.state.overlay else { return XCTFail() }
        XCTAssertGreaterThan(tall.results.count, short.results.count)
        XCTAssertEqual(tall.count, short.count, "the same results, more with snippets")
    }

    func testGoingBackRestoresTheSelectedLinkAndTheLinksPane() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "Tab Tab")
        let link = explorer.state.selectedLink
        press(&explorer, "Enter Backspace")
        XCTAssertEqual(explorer.state.current, try entityID("section/3-products"))
        XCTAssertEqual(explorer.state.selectedLink, link, "the link selected before")
        var entry = HistoryEntry(id: try entityID("section/3-products"), scroll: 0)
        entry.selectedLink = 99
        var state = explorer.state
        state.selectedLink = nil
        state.restoreSelections(of: entry, links: 5, contextRows: 0)
        XCTAssertNil(state.selectedLink, "a link the page no longer has is not selected")
    }
}
