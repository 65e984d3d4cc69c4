import CaravanContent
import XCTest

@testable import CaravanUI

/// `h` and `l` move through the panes in their visual order at every size, and a pane that
/// was hidden comes in where a reader expects it: Contents on the left, Links on the right.
final class PaneOrderTests: XCTestCase {
    func testLReachesTheLinksAt80Columns() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "case/almaty-silk-road-brand")
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context)
        XCTAssertEqual(panes(explorer).map(\.pane), [.reader, .context], "Links on the right")
        XCTAssertTrue(render(explorer).textLines()[1].contains("Links"))
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context, "nothing further right")

        press(&explorer, "h")
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "h")
        XCTAssertEqual(explorer.state.focus, .navigator)
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader], "Contents on the left")
        press(&explorer, "h")
        XCTAssertEqual(explorer.state.focus, .navigator, "nothing further left")
    }

    func testTheNextPaneKeyShowsLinksOnTheRight() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "case/almaty-silk-road-brand")
        press(&explorer, "w")
        XCTAssertEqual(explorer.state.focus, .context)
        XCTAssertEqual(panes(explorer).map(\.pane), [.reader, .context])
        press(&explorer, "w")
        XCTAssertEqual(explorer.state.focus, .navigator)
        XCTAssertEqual(panes(explorer).map(\.pane), [.navigator, .reader])
    }

    func testFocusFollowsTheVisualOrderAtEverySize() throws {
        for (width, zoomed) in [(40, false), (80, false), (120, false), (120, true)] {
            var explorer = try makeExplorer(width: width, height: 24)
            if zoomed { press(&explorer, "z") }
            var seen: [Pane] = [explorer.state.focus]
            for _ in 0..<3 {
                press(&explorer, "l")
                if seen.last != explorer.state.focus { seen.append(explorer.state.focus) }
            }
            XCTAssertEqual(
                seen, [.navigator, .reader, .context], "l at \(width), zoomed \(zoomed)")
            for _ in 0..<3 {
                press(&explorer, "h")
                if seen.last != explorer.state.focus { seen.append(explorer.state.focus) }
            }
            XCTAssertEqual(
                seen, [.navigator, .reader, .context, .reader, .navigator],
                "h at \(width), zoomed \(zoomed)")
        }
    }
}
