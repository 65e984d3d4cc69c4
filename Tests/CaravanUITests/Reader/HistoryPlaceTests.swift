import CaravanContent
import XCTest

@testable import CaravanUI

/// Going back puts the reader where it was: the entity, its scroll, the selected link, and
/// the Links pane's selection and scroll.
final class HistoryPlaceTests: XCTestCase {
    func testBackRestoresTheSelectedLink() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-role")
        press(&explorer, "Tab Tab Tab")
        let link = try XCTUnwrap(explorer.state.selectedLink)
        let scroll = explorer.state.readerScroll
        press(&explorer, "Enter")
        XCTAssertNotEqual(explorer.state.current, try entityID("section/3-role"))
        XCTAssertNil(explorer.state.selectedLink)

        press(&explorer, "Backspace")
        XCTAssertEqual(explorer.state.current, try entityID("section/3-role"))
        XCTAssertEqual(explorer.state.selectedLink, link)
        XCTAssertEqual(explorer.state.readerScroll, scroll)

        press(&explorer, "] [")
        XCTAssertEqual(explorer.state.selectedLink, link, "forward and back again keep it")
    }

    func testBackRestoresTheLinksPaneSelectionAndScroll() throws {
        var explorer = try makeExplorer(
            width: 120, height: 14, start: "mechanism/brand-expansion")
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context)
        press(&explorer, "1 0 j")
        let selection = explorer.state.context.selection
        let scroll = explorer.state.context.offset
        XCTAssertGreaterThan(scroll, 0, "the pane scrolled: pick a longer list or a lower terminal")
        press(&explorer, "Enter")
        XCTAssertNotEqual(explorer.state.current, try entityID("mechanism/brand-expansion"))

        press(&explorer, "Backspace")
        XCTAssertEqual(explorer.state.current, try entityID("mechanism/brand-expansion"))
        XCTAssertEqual(explorer.state.context.selection, selection)
        XCTAssertEqual(explorer.state.context.offset, scroll)
    }
}
