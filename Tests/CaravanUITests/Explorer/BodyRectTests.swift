import CaravanContent
import XCTest

@testable import CaravanUI

/// The body, between the title and status bars, is worked out in one place
/// (`PaneLayout.body`): the panes tile it, a framework view is drawn in it, and the rows
/// a pane scrolls by come from it.
final class BodyRectTests: XCTestCase {
    private static let sizes = [
        (40, 12), (59, 20), (60, 24), (80, 24), (119, 30), (120, 40), (250, 70),
    ]

    func testThePanesTileTheBodyBetweenTheBars() {
        for (width, height) in Self.sizes {
            for zoomed in [false, true] {
                for side in [Pane.navigator, .context] {
                    let layout = PaneLayout(
                        width: width, height: height, focus: .reader, sidePane: side,
                        zoomed: zoomed)
                    let size = "\(width)x\(height) zoomed \(zoomed) side \(side)"
                    XCTAssertEqual(layout.body, Rect(x: 0, y: 1, width: width, height: height - 2))
                    XCTAssertEqual(layout.titleBar.y + 1, layout.body.y, size)
                    XCTAssertEqual(layout.body.y + layout.body.height, layout.statusBar.y, size)
                    XCTAssertEqual(layout.panes.map(\.rect.width).reduce(0, +), width, size)
                    for (_, rect) in layout.panes {
                        XCTAssertEqual(rect.y, layout.body.y, size)
                        XCTAssertEqual(rect.height, layout.body.height, size)
                    }
                }
            }
        }
        XCTAssertEqual(
            PaneLayout(
                width: 5, height: 1, focus: .reader, sidePane: .navigator,
                zoomed: false
            ).body.height, 0, "never negative")
    }

    func testAFrameworkViewFillsTheBodyAfterAResize() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "M")
        for (width, height) in [(120, 40), (60, 20)] {
            resize(&explorer, width: width, height: height)
            let lines = render(explorer).textLines()
            XCTAssertEqual(lines.count, height)
            XCTAssertTrue(lines[height - 1].contains("help"), lines[height - 1])
            let body = explorer.paneLayout.body
            let drawn = lines[body.y..<body.y + body.height].filter { !$0.isEmpty }.count
            XCTAssertGreaterThan(
                drawn, body.height / 2, "the map fills the body at \(width)x\(height)")
        }
    }

    func testAPaneScrollsByTheRowsItShows() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "paper/bian-liu-2023")
        XCTAssertEqual(explorer.visibleRows(.reader), explorer.paneLayout.body.height - 1)
        resize(&explorer, width: 80, height: 30)
        XCTAssertEqual(explorer.visibleRows(.reader), 27, "30 rows less two bars and a header")
        XCTAssertEqual(explorer.visibleRows(.context), 27, "a pane off screen as if it were on")
    }
}
