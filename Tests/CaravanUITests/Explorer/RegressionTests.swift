import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// Regression tests for defects found in the explorer and fixed.
final class RegressionTests: XCTestCase {

    /// Growing the terminal's height alone keeps the old scroll position, so the end of
    /// the page sits near the top of a mostly empty reader.
    func testGrowingTheHeightClampsTheReaderScroll() throws {
        var explorer = try makeExplorer(width: 120, height: 12, start: "section/3-parks")
        press(&explorer, "G")
        XCTAssertGreaterThan(explorer.state.readerScroll, 0)
        resize(&explorer, width: 120, height: 80)
        let bottom = max(0, explorer.page.lines.count - explorer.visibleRows(.reader))
        XCTAssertLessThanOrEqual(explorer.state.readerScroll, bottom)
    }

    /// With two panes the side pane is drawn left of the reader, so `l` should not move
    /// the focus to it, and `h` from it should not move right.
    func testFocusKeysFollowTheScreenWithTwoPanes() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "section/3-products")
        press(&explorer, "l")
        let reader = try XCTUnwrap(explorer.paneLayout.rect(of: .reader))
        let focused = try XCTUnwrap(explorer.paneLayout.rect(of: explorer.state.focus))
        XCTAssertGreaterThanOrEqual(focused.x, reader.x, "l moved the focus to \(focused)")
    }

    /// Opening a search result leaves the focus where it was (the jump prompt moves it to
    /// the reader). From the navigator, the next `j` then previews another entity in place
    /// of the result, which drops the result from history.
    func testOpeningASearchResultFocusesTheReader() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "/")
        typeText(&explorer, "almaty")
        press(&explorer, "Enter")
        let result = explorer.state.current
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "j")
        XCTAssertTrue(explorer.state.history.contains { $0.id == result })
    }

    /// The view once laid the panes out for the size in the state but drew a grid of the
    /// size it was asked for, so the status bar fell off a smaller grid. The size is now
    /// held once, in the state, and a resize changes both.
    func testTheViewHasTheSizeOfTheLastResize() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        resize(&explorer, width: 80, height: 24)
        let grid = explorer.view().grid
        XCTAssertEqual(grid.width, 80)
        XCTAssertEqual(grid.height, 24)
        XCTAssertTrue(grid.textLines()[23].contains("? help"), dump(grid))
    }

    /// Pane titles are shortened by the width of the raw text; controls shown as `^[`
    /// or `<U+009B>` are wider, so such a title runs to the pane edge without an ellipsis
    /// and pushes out the header's rule and percentage.
    func testTitlesWithControlsAreShortenedWithAnEllipsis() throws {
        let explorer = Explorer(
            model: SafetyTests.model, width: 120, height: 30,
            start: try entityID("case/hostile"))
        let grid = render(explorer)
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .reader))
        let header = cellText(in: rect, of: grid)[0]
        XCTAssertTrue(header.contains("…"), header)
        XCTAssertTrue(header.hasSuffix("─"), header)
    }

    /// The jump prompt cuts a long id to half the box without an ellipsis, which shows a
    /// different id (`…-brand` for `…-brands`).
    func testJumpPromptShowsWholeIDsOrMarksTheCut() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, ": b r a n d")
        guard case .jump(let jump)? = explorer.state.overlay else {
            return XCTFail("the jump prompt is not open")
        }
        let ids = Set(
            jump.targets.compactMap { target -> String? in
                guard case .entity(let id) = target else { return nil }
                return id.description
            })
        for line in render(explorer).textLines() {
            // A candidate row is `│ title  id │`: the id is the last word inside the box.
            let parts = line.split(separator: "│")
            guard parts.count >= 2, let last = parts[1].split(separator: " ").last.map(String.init),
                last.contains("/")
            else { continue }
            XCTAssertTrue(
                ids.contains(last) || last.hasSuffix("…") || last.hasPrefix("…"),
                "«\(last)» is not an id: \(line)")
        }
    }

    /// Without Unicode the backend shows non-ASCII characters as `?`; the explorer's own
    /// text (titles of boxes, breadcrumbs, snippets) should then be ASCII.
    func testMinimalCapabilitiesChromeIsASCII() throws {
        let files = [
            SourceFile(
                path: "sections/one.md",
                text: "---\nid: section/one\nkind: section\ntitle: One\nnumber: \"1\"\n---\n"
                    + "Plain words about silk and roads, long enough for a snippet.\n"),
            SourceFile(
                path: "sections/two.md",
                text: "---\nid: section/two\nkind: section\ntitle: Two\nnumber: \"1.1\"\n"
                    + "parent: section/one\n---\nMore plain words about silk.\n"),
        ]
        let model = ContentLoader.load(files: files)
        var explorer = Explorer(
            model: model, width: 100, height: 30, start: try entityID("section/two"),
            capabilities: .minimal)
        var frames = [("page", render(explorer))]
        press(&explorer, "?")
        frames.append(("help", render(explorer)))
        press(&explorer, "Esc /")
        typeText(&explorer, "words")
        frames.append(("search", render(explorer)))
        press(&explorer, "Esc :")
        frames.append(("jump", render(explorer)))
        for (name, grid) in frames {
            for (y, line) in grid.textLines().enumerated() {
                XCTAssertTrue(line.allSatisfy(\.isASCII), "\(name), row \(y): \(line)")
            }
        }
    }
}
