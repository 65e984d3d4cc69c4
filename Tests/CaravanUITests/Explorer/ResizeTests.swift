import CaravanContent
import XCTest

@testable import CaravanUI

/// Every terminal size gives a frame of exactly that size, with the panes that fit.
final class ResizeTests: XCTestCase {
    /// Sizes around every threshold of the layout, and some odd ones.
    static let sizes: [(width: Int, height: Int)] = [
        (1, 1), (2, 1), (1, 2), (3, 3), (5, 2), (10, 5), (20, 8), (39, 11), (39, 12), (40, 11),
        (40, 12), (41, 12), (45, 30), (59, 12), (59, 24), (60, 12), (60, 24), (61, 24),
        (64, 13), (79, 24), (80, 24), (80, 25), (90, 15), (100, 30), (118, 40), (119, 40),
        (120, 12), (120, 40), (121, 41), (132, 43), (150, 50), (160, 48), (200, 60),
        (220, 70), (240, 12), (250, 80), (256, 100), (280, 90), (299, 99), (300, 100),
    ]

    func testFramesHaveTheRequestedSizeAndThePanesThatFit() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        for (width, height) in Self.sizes {
            resize(&explorer, width: width, height: height)
            let grid = render(explorer)
            let size = "\(width)x\(height)"
            XCTAssertEqual(grid.width, width, size)
            XCTAssertEqual(grid.height, height, size)
            XCTAssertEqual(grid.cells.count, width * height, size)

            let expected = width < 60 ? 1 : width < 120 ? 2 : 3
            XCTAssertEqual(panes(explorer).count, expected, size)
            if PaneLayout.isTooSmall(width: width, height: height) {
                if width >= 24, height >= 3 {
                    XCTAssertTrue(dump(grid).contains("Terminal too small"), size)
                } else if width >= 10, height >= 3 {
                    XCTAssertTrue(dump(grid).contains("Too small"), size)
                }
                continue
            }
            // Between panes, the header row has a divider; the panes fill the width.
            let headers = grid.textLines()[1]
            XCTAssertEqual(headers.filter { $0 == "│" }.count, expected - 1, "\(size): \(headers)")
            XCTAssertEqual(panes(explorer).map(\.rect.width).reduce(0, +), width, size)
            XCTAssertFalse(dump(grid).contains("Terminal too small"), size)
        }
    }

    func testShrinkingKeepsTheReaderInRange() throws {
        var explorer = try makeExplorer(width: 300, height: 100, start: "section/3-parks")
        press(&explorer, "G")
        let shrinking = [
            (250, 80), (200, 60), (150, 50), (120, 40), (119, 40), (100, 30), (80, 24), (60, 24),
            (59, 24), (40, 12), (39, 11), (10, 5), (1, 1),
        ]
        for (width, height) in shrinking {
            resize(&explorer, width: width, height: height)
            let size = "\(width)x\(height)"
            let bottom = max(0, explorer.page.lines.count - explorer.visibleRows(.reader))
            XCTAssertGreaterThanOrEqual(explorer.state.readerScroll, 0, size)
            XCTAssertLessThanOrEqual(explorer.state.readerScroll, bottom, size)
            XCTAssertEqual(render(explorer).width, width, size)
        }
    }

    func testViewAtAnySizeOnAFreshExplorer() throws {
        for (width, height) in Self.sizes {
            let explorer = try makeExplorer(width: width, height: height)
            let grid = explorer.view().grid
            XCTAssertEqual(grid.width, width)
            XCTAssertEqual(grid.height, height)
        }
    }

    func testOverlaysAtEverySize() throws {
        for keys in ["?", "/ s i l k", ": b r a n d"] {
            var explorer = try makeExplorer(width: 80, height: 24)
            press(&explorer, keys)
            XCTAssertNotNil(explorer.state.overlay, keys)
            for (width, height) in Self.sizes {
                resize(&explorer, width: width, height: height)
                let grid = render(explorer)
                XCTAssertEqual(grid.width, width, "\(keys) at \(width)x\(height)")
                XCTAssertEqual(grid.height, height, "\(keys) at \(width)x\(height)")
            }
        }
    }
}
