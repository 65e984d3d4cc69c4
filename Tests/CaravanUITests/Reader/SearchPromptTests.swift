import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The search prompt suggests a spelling for a typo, remembers the last search, lets `n`
/// and `N` go on through every result, and shows snippets as the reader shows text.
final class SearchPromptTests: XCTestCase {
    private func search(
        _ explorer: inout Explorer, _ text: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        press(&explorer, "/", file: file, line: line)
        typeText(&explorer, text)
    }

    /// The prompt's line: the text typed after `/`.
    private func prompt(_ explorer: Explorer) -> String {
        let line = render(explorer).textLines().first { $0.contains("│ /") } ?? ""
        guard let start = line.range(of: "│ /") else { return "" }
        return String(line[start.upperBound...]).trimmingCharacters(
            in: CharacterSet(charactersIn: " │"))
    }

    func testATypoGetsADidYouMean() throws {
        for (typo, word) in [("brnad", "brand"), ("conotation", "connotation")] {
            var explorer = try makeExplorer(width: 120, height: 40)
            search(&explorer, typo)
            let screen = dump(render(explorer))
            XCTAssertTrue(screen.contains("Did you mean “\(word)”"), screen)
            // Enter opens the best result for the suggestion.
            press(&explorer, "Enter")
            XCTAssertNil(explorer.state.overlay)
            XCTAssertFalse(
                explorer.page.matches.isEmpty, "\(typo): the suggestion's words are highlighted")
        }
    }

    func testSlashOffersTheLastSearchAgain() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        search(&explorer, "almaty")
        press(&explorer, "Enter")
        let first = explorer.state.current
        press(&explorer, "/")
        XCTAssertEqual(prompt(explorer), "almaty")
        // The second result is a key away.
        press(&explorer, "Down Enter")
        XCTAssertNotEqual(explorer.state.current, first)
        // Typing replaces the offered query.
        press(&explorer, "/")
        typeText(&explorer, "brand")
        XCTAssertEqual(prompt(explorer), "brand")
    }

    func testUpRecallsEarlierSearches() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        search(&explorer, "almaty")
        press(&explorer, "Enter")
        search(&explorer, "soft power")
        press(&explorer, "Enter")
        press(&explorer, "/ Ctrl-u Up")
        XCTAssertEqual(prompt(explorer), "soft power")
        press(&explorer, "Ctrl-p")
        XCTAssertEqual(prompt(explorer), "almaty")
        press(&explorer, "Ctrl-n")
        XCTAssertEqual(prompt(explorer), "soft power")
    }

    func testNGoesOnToTheNextResult() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        search(&explorer, "almaty")
        press(&explorer, "Enter")
        let first = explorer.state.current
        let matches = explorer.page.matches.count
        XCTAssertGreaterThan(matches, 0)
        for _ in 0..<matches { press(&explorer, "n") }
        XCTAssertNotEqual(
            explorer.state.current, first, "n past the last match opens the next result")
        XCTAssertEqual(explorer.state.currentMatch, 0)
        press(&explorer, "N")
        XCTAssertEqual(explorer.state.current, first, "N before the first match goes back")
        XCTAssertEqual(explorer.state.currentMatch, matches - 1)
    }

    func testSnippetsShowWhatTheReaderShows() throws {
        var explorer = try makeExplorer(width: 120, height: 60)
        search(&explorer, "brand expansion")
        var screen = dump(render(explorer))
        XCTAssertFalse(screen.contains("·  ·"), screen)
        XCTAssertFalse(screen.contains(" ·  "), screen)
        press(&explorer, "Esc")
        search(&explorer, "zhao")
        screen = dump(render(explorer))
        XCTAssertFalse(screen.contains("[@"), screen)
        XCTAssertTrue(screen.contains("(Zhao, 2019)"), screen)
    }
}
