import CaravanContent
import XCTest

@testable import CaravanUI

/// Every widget has one shape, `render(in: Rect, into: inout Grid)`, and keeps to its
/// rectangle: the explorer's bars, panes and overlays, the views, the presenter's parts.
final class WidgetTests: XCTestCase {
    private let marker = Cell(grapheme: "#", style: Style(fg: .red))

    /// Draws a widget into `area` of a grid filled with markers; fails where it wrote
    /// outside the area. Returns the grid.
    @discardableResult
    private func renderInside(
        _ widget: any Widget, _ area: Rect, gridWidth: Int = 140, gridHeight: Int = 50,
        _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) -> Grid {
        var grid = Grid(width: gridWidth, height: gridHeight)
        grid.fill(grid.bounds, with: "#", style: marker.style)
        widget.render(in: area, into: &grid)
        for y in 0..<grid.height {
            for x in 0..<grid.width where !area.contains(x: x, y: y) && grid[x, y] != marker {
                XCTFail("\(name) wrote (\(x), \(y)) outside \(area)", file: file, line: line)
                return grid
            }
        }
        return grid
    }

    private func explorer(_ keys: String = "") throws -> Explorer {
        var explorer = try makeExplorer(width: 120, height: 40, start: "mechanism/brand-expansion")
        press(&explorer, keys)
        return explorer
    }

    func testTheExplorersPartsStayInTheirRectangles() throws {
        var explorer = try explorer("/ c u l t u r e")
        let look = Look(theme: .dark, glyphs: .unicode)
        let area = Rect(x: 7, y: 3, width: 120, height: 40)
        for (name, widget) in [
            ("title bar", TitleBar(explorer: explorer, look: look) as any Widget),
            ("status bar", StatusBar(explorer: explorer, theme: .dark)),
            ("navigator", NavigatorPane(explorer: explorer, focused: true, look: look)),
            ("reader", ReaderPane(page: explorer.page, state: explorer.state, theme: .dark)),
            ("links", LinksPane(explorer: explorer, focused: true, look: look)),
            ("help", HelpPanel(keys: .standard, scroll: 0, look: look)),
            ("too small", TooSmallNotice(theme: .dark)),
        ] {
            renderInside(widget, Rect(x: area.x, y: area.y, width: area.width, height: 1), name)
            renderInside(widget, area, name)
            renderInside(widget, Rect(x: 100, y: 40, width: 30, height: 8), name)
        }
        guard case .search(let search)? = explorer.state.overlay else { return XCTFail() }
        renderInside(SearchPanel(search: search, explorer: explorer, look: look), area, "search")
        press(&explorer, "Esc :")
        guard case .jump(let jump)? = explorer.state.overlay else { return XCTFail() }
        renderInside(JumpPanel(jump: jump, explorer: explorer, look: look), area, "jump")
        let note = NoteEditor(text: String(repeating: "a long line ", count: 30))
        renderInside(
            NotePanel(editor: note, id: explorer.state.current, explorer: explorer, look: look),
            area, "note")
    }

    func testTheViewsStayInTheirRectangles() {
        for kind in FrameworkViewKind.allCases {
            let view = FrameworkFixture.screen(kind, width: 60, height: 20)
            renderInside(
                view.widget(FrameworkFixture.look()), Rect(x: 30, y: 10, width: 60, height: 20),
                "\(kind)")
        }
    }

    func testAnOverlaysFrameIsCentredBelowTheTitleBar() {
        let frame = OverlayFrame(
            width: 40, height: 10, title: "Test", look: Look(theme: .dark, glyphs: .ascii))
        let area = Rect(width: 80, height: 24)
        XCTAssertEqual(frame.outer(in: area), Rect(x: 20, y: 7, width: 40, height: 10))
        XCTAssertEqual(frame.inner(in: area), Rect(x: 22, y: 8, width: 36, height: 8))
        let small = Rect(width: 30, height: 5)
        XCTAssertEqual(frame.outer(in: small), Rect(x: 1, y: 1, width: 28, height: 3))
        let grid = renderInside(frame, area, "frame")
        XCTAssertEqual(grid.textLines()[7].dropFirst(20).prefix(10), "+- Test --")
        XCTAssertEqual(grid.textLines()[16].dropFirst(20).prefix(3), "+--")
        let cramped = Rect(x: 3, y: 3, width: 10, height: 2)
        XCTAssertTrue(frame.outer(in: cramped).isEmpty, "no room for a box, no box")
        renderInside(frame, cramped, "a cramped frame")
    }

    func testAPromptKeepsTheEndOfALongInputAndItsCursorAfterIt() {
        let prompt = PromptLine(
            prompt: "/", input: "abcdefghijklmnopqrstuvwxyz", offered: false, theme: .dark)
        let row = Rect(x: 4, y: 2, width: 12, height: 1)
        let grid = renderInside(prompt, row, gridWidth: 20, gridHeight: 4, "prompt")
        // The start gives way; the last column is kept for the cursor.
        XCTAssertEqual(cellText(in: row, of: grid), ["/qrstuvwxyz#"])
        XCTAssertEqual(prompt.cursor(in: row).x, 4 + 11)
        XCTAssertEqual(prompt.cursor(in: row).y, 2)
        let offered = PromptLine(prompt: ":", input: "map", offered: true, theme: .dark)
        var other = Grid(width: 20, height: 1)
        offered.render(in: other.bounds, into: &other)
        XCTAssertEqual(other[1, 0].style, Theme.dark[.selection], "offered text is selected")
    }

    func testAPaneHeaderCutsItsTitleAndKeepsTheNoteRight() {
        let look = Look(theme: .dark, glyphs: .unicode)
        let header = PaneHeader(
            title: "A rather long title for a narrow pane", right: "12", focused: true,
            screenReader: false, look: look)
        let row = Rect(x: 2, y: 0, width: 24, height: 1)
        let grid = renderInside(header, row, gridWidth: 30, gridHeight: 2, "header")
        let text = cellText(in: row, of: grid)[0]
        XCTAssertTrue(text.hasPrefix("─ A rather long"), text)
        XCTAssertTrue(text.contains("…"), text)
        XCTAssertTrue(text.hasSuffix("12─"), text)
        XCTAssertEqual(grid[2, 0].style, Theme.dark[.focusedBorder])
        let quiet = PaneHeader(
            title: "Contents", focused: false, screenReader: true, look: look)
        var plain = Grid(width: 20, height: 1)
        quiet.render(in: plain.bounds, into: &plain)
        XCTAssertEqual(plain.textLines()[0], "  Contents", "a screen reader gets no rule")
    }

    func testTheFooterFillsItsRowOnly() {
        let footer = SlideFooter(
            index: 4, count: 10, elapsed: 75, label: "following", theme: .highContrast,
            glyphs: .ascii)
        let row = Rect(x: 5, y: 3, width: 60, height: 1)
        let grid = renderInside(footer, row, gridWidth: 70, gridHeight: 5, "footer")
        let text = cellText(in: row, of: grid)[0]
        XCTAssertTrue(text.hasPrefix(" 5/10 - following "), text)
        XCTAssertTrue(text.hasSuffix(" 01:15"), text)
        XCTAssertTrue(text.contains("====="), "half the deck is done: \(text)")
    }

    func testTheWaitingNoticeIsCentred() {
        let notice = WaitingNotice(theme: .monochrome, what: "notes")
        let area = Rect(x: 10, y: 5, width: 60, height: 9)
        let grid = renderInside(notice, area, gridWidth: 80, gridHeight: 20, "waiting")
        let lines = cellText(in: area, of: grid)
        XCTAssertEqual(lines.firstIndex { $0.contains("Waiting for the presenter") }, 3)
        XCTAssertTrue(lines[5].contains("the notes appear here"), lines[5])
    }
}
