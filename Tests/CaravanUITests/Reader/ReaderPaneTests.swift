import CaravanContent
import XCTest

@testable import CaravanUI

/// The reader: scrolling by lines, pages and halves, the links selected on the page, and
/// the scroll shown in the status bar.
final class ReaderPaneTests: XCTestCase {
    /// A long page, the reader focused.
    private func reader(width: Int = 120, height: Int = 24) throws -> Explorer {
        try makeExplorer(width: width, height: height, start: "section/3-products")
    }

    func testPagesKeepTwoLinesOfTheLastInSight() throws {
        var explorer = try reader()
        let visible = explorer.visibleRows(.reader)
        XCTAssertGreaterThan(explorer.page.lines.count, visible * 2, "a long page")
        press(&explorer, "Space")
        XCTAssertEqual(explorer.state.reader.offset, visible - 2)
        press(&explorer, "b")
        XCTAssertEqual(explorer.state.reader.offset, 0)
        press(&explorer, "d")
        XCTAssertEqual(explorer.state.reader.offset, visible / 2)
        press(&explorer, "G")
        XCTAssertEqual(explorer.state.reader.offset, explorer.page.lines.count - visible)
        press(&explorer, "j")
        XCTAssertEqual(
            explorer.state.reader.offset, explorer.page.lines.count - visible, "no further")
        press(&explorer, "5 k")
        XCTAssertEqual(explorer.state.reader.offset, explorer.page.lines.count - visible - 5)
    }

    func testTheStatusBarSaysWhereTheReaderIs() throws {
        var explorer = try reader()
        let total = explorer.page.lines.count
        let visible = explorer.visibleRows(.reader)
        let status = { render(explorer).textLines()[23] }
        XCTAssertTrue(status().contains("1-\(visible)/\(total)"), status())
        press(&explorer, "G")
        XCTAssertTrue(status().contains("\(total - visible + 1)-\(total)/\(total) 100%"), status())
    }

    func testTabSelectsLinksInTurnAndWraps() throws {
        var explorer = try reader()
        let links = explorer.page.links
        XCTAssertGreaterThan(links.count, 2)
        press(&explorer, "Tab")
        XCTAssertEqual(explorer.state.selectedLink, 0, "the first on screen")
        press(&explorer, "S-Tab")
        XCTAssertEqual(explorer.state.selectedLink, links.count - 1, "back past the first")
        let line = links[links.count - 1].line
        let top = explorer.state.reader.offset
        XCTAssertTrue((top..<(top + explorer.visibleRows(.reader))).contains(line), "in sight")
        press(&explorer, "Tab")
        XCTAssertEqual(explorer.state.selectedLink, 0, "on past the last")
    }

    func testScrollingALinkOutOfSightLetsItGo() throws {
        var explorer = try reader()
        press(&explorer, "Tab")
        XCTAssertNotNil(explorer.state.selectedLink)
        press(&explorer, "G")
        XCTAssertNil(explorer.state.selectedLink, "the link is off screen")
    }

    func testEnterFollowsTheSelectedLinkOrSaysHow() throws {
        var explorer = try reader()
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.message, "No link selected: Tab selects the next link")
        press(&explorer, "Tab")
        let target = explorer.page.links[explorer.state.selectedLink ?? 0].target
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, target)
        XCTAssertEqual(explorer.state.history.count, 2)
    }

    func testAPageWithoutLinksSaysSo() throws {
        let model = ContentLoader.load(files: [
            SourceFile(
                path: "concepts/plain.md",
                text: "---\nid: concept/plain\nkind: concept\ntitle: Plain\n---\nNo links here.\n")
        ])
        var explorer = Explorer(
            model: model, width: 80, height: 24, start: EntityID("concept/plain"))
        press(&explorer, "Tab")
        XCTAssertEqual(explorer.state.message, "This page has no links")
        XCTAssertNil(explorer.state.selectedLink)
    }

    func testTheReaderTextIsNeverWiderThanAHundredColumns() throws {
        let wide = try reader(width: 300, height: 40)
        XCTAssertEqual(wide.readerTextWidth, 100)
        XCTAssertLessThanOrEqual(wide.page.lines.map { DisplayWidth.of($0.text) }.max() ?? 0, 100)
        let narrow = try reader(width: 50, height: 20)
        XCTAssertEqual(narrow.readerTextWidth, 47, "one pane: the width less its margins")
    }
}
