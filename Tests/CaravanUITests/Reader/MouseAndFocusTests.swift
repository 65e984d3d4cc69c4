import CaravanContent
import XCTest

@testable import CaravanUI

/// Clicks and the wheel, the panes' focus and where the panes go.
final class MouseAndFocusTests: XCTestCase {
    private func explorer(width: Int = 120, height: Int = 40) -> Explorer {
        Explorer(model: TestContent.model, width: width, height: height)
    }

    private func click(_ explorer: inout Explorer, _ x: Int, _ y: Int) {
        _ = explorer.update(.mouse(MouseEvent(kind: .click, x: x, y: y)))
    }

    func testAClickOnANavigatorRowSelectsAndPreviewsIt() throws {
        var explorer = explorer()
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .navigator))
        click(&explorer, rect.x + 3, rect.y + 1 + 4)
        XCTAssertEqual(explorer.state.navigator.selection, 4)
        guard case .entity(let id) = explorer.rows[4].item else { return XCTFail("a group") }
        XCTAssertEqual(explorer.state.current, id)
        XCTAssertEqual(explorer.state.history.count, 1, "a preview, as with the keys")
    }

    func testAClickOnALinksEntryOpensIt() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "mechanism/brand-expansion")
        let links = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        let row = try XCTUnwrap(explorer.context.entryIndexes.first)
        guard case .entry(let id) = explorer.context.rows[row] else { return XCTFail() }
        click(&explorer, links.x + 4, links.y + 1 + row)
        XCTAssertEqual(explorer.state.current, id)
        XCTAssertEqual(explorer.state.focus, .context)
    }

    func testAClickOnALinkInTheReaderSelectsIt() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        press(&explorer, "h")
        let reader = try XCTUnwrap(explorer.paneLayout.rect(of: .reader))
        let visible = explorer.visibleRows(.reader)
        let index = try XCTUnwrap(explorer.page.links.firstIndex { $0.line < visible })
        let line = explorer.page.links[index].line
        click(&explorer, reader.x + 2, reader.y + 1 + line)
        XCTAssertEqual(explorer.state.focus, .reader)
        XCTAssertEqual(explorer.state.selectedLink, index)
        click(&explorer, reader.x + 2, reader.y)
        XCTAssertEqual(explorer.state.selectedLink, index, "a click on the header selects nothing")
    }

    func testTheWheelScrollsThePaneUnderThePointer() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let reader = try XCTUnwrap(explorer.paneLayout.rect(of: .reader))
        _ = explorer.update(.mouse(MouseEvent(kind: .wheelDown, x: reader.x + 5, y: reader.y + 5)))
        XCTAssertEqual(explorer.state.reader.offset, 3)
        let navigator = try XCTUnwrap(explorer.paneLayout.rect(of: .navigator))
        let selection = explorer.state.navigator.selection
        _ = explorer.update(
            .mouse(MouseEvent(kind: .wheelUp, x: navigator.x + 1, y: navigator.y + 2)))
        XCTAssertEqual(explorer.state.focus, .navigator, "the wheel focuses the pane it turns")
        XCTAssertEqual(explorer.state.navigator.selection, max(0, selection - 3))
    }

    func testAClickDropsACountAndDoesNothingUnderAnOverlay() throws {
        var explorer = explorer()
        press(&explorer, "5")
        XCTAssertEqual(explorer.state.pendingCount, 5)
        click(&explorer, 1, 5)
        XCTAssertNil(explorer.state.pendingCount)
        press(&explorer, "?")
        let before = explorer.state
        click(&explorer, 1, 8)
        XCTAssertEqual(explorer.state.navigator, before.navigator)
        XCTAssertEqual(explorer.state.overlay, before.overlay)
    }

    func testHAndLStepThroughThePanesInTheirOrder() {
        var explorer = explorer(width: 80, height: 24)
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader])
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context)
        XCTAssertEqual(
            panes(explorer).map(\.pane), [.reader, .context], "Links come in on the right")
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context, "no pane further right")
        press(&explorer, "h h")
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader])
        press(&explorer, "w w w")
        XCTAssertEqual(explorer.state.focus, .navigator, "w cycles round")
    }

    func testZoomShowsTheFocusedPaneAlone() {
        var explorer = explorer()
        press(&explorer, "l z")
        XCTAssertEqual(panes(explorer).map(\.pane), [.reader])
        XCTAssertEqual(panes(explorer).first?.rect, explorer.paneLayout.body)
        press(&explorer, "z")
        XCTAssertEqual(panes(explorer).count, 3)
    }

    func testThePanesShareTheWidthAndTheConfigCanSetIt() {
        let three = PaneLayout(
            width: 160, height: 40, focus: .reader, sidePane: .navigator, zoomed: false)
        XCTAssertEqual(three.panes.map(\.rect.width), [40, 80, 40])
        XCTAssertEqual(three.body, Rect(x: 0, y: 1, width: 160, height: 38))
        XCTAssertEqual(three.statusBar, Rect(x: 0, y: 39, width: 160, height: 1))
        let set = PaneLayout(
            width: 160, height: 40, focus: .reader, sidePane: .navigator, zoomed: false,
            navigatorWidth: 30, contextWidth: 100)
        XCTAssertEqual(set.panes.map(\.rect.width), [30, 77, 53], "each at most a third")
        let two = PaneLayout(
            width: 100, height: 30, focus: .context, sidePane: .context, zoomed: false,
            contextWidth: 70)
        XCTAssertEqual(two.panes.map(\.pane), [.reader, .context])
        XCTAssertEqual(two.rect(of: .context)?.width, 50, "at most half")
        XCTAssertEqual(PaneLayout.paneCount(width: 119), 2)
        XCTAssertEqual(PaneLayout.paneCount(width: 59), 1)
        XCTAssertTrue(PaneLayout.isTooSmall(width: 40, height: 11))
    }

    func testConfiguredWidthsReachTheExplorer() {
        let explorer = Explorer(
            model: TestContent.model, width: 160, height: 40, navigatorWidth: 30, contextWidth: 44)
        XCTAssertEqual(panes(explorer).map(\.rect.width), [30, 86, 44])
    }
}
