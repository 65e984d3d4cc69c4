import CaravanContent
import XCTest

@testable import CaravanUI

/// The help screens wrap their descriptions at word boundaries and never cut a word.
final class HelpWrapTests: XCTestCase {
    /// The descriptions inside the help box (the column right of the keys) on every page
    /// of it, the rows joined by spaces.
    private func helpText(width: Int, height: Int) throws -> String {
        let keyWidth = HelpScreen.keyWidth(inner: HelpScreen.boxWidth(screenWidth: width) - 4)
        var explorer = try makeExplorer(width: width, height: height)
        press(&explorer, "?")
        var pages: [String] = []
        var previous: Int?
        while case .help(let scroll)? = explorer.state.overlay, scroll != previous {
            previous = scroll
            let lines = render(explorer).textLines()
            let top = try XCTUnwrap(lines.firstIndex { $0.contains("Keys") })
            let characters = Array(lines[top])
            let left = try XCTUnwrap(characters.firstIndex(of: "┌"))
            let right = try XCTUnwrap(characters.lastIndex(of: "┐"))
            for line in lines[(top + 1)...] {
                let row = Array(line)
                guard row.count > right, row[left] == "│" else { break }
                let textStart = min(right, left + 2 + keyWidth)
                pages.append(String(row[textStart..<right]))
            }
            press(&explorer, "Space")
        }
        return collapse(pages.joined(separator: " "))
    }

    private func collapse(_ text: String) -> String {
        text.split(separator: " ").joined(separator: " ")
    }

    func testTheExplorerHelpShowsEveryDescriptionWhole() throws {
        for (width, height) in [(120, 40), (80, 24), (60, 20)] {
            let text = try helpText(width: width, height: height)
            for entry in KeyBindings.standard.explorerHelp.flatMap(\.entries) {
                XCTAssertTrue(
                    text.contains(collapse(entry.text)), "«\(entry.text)» at \(width)x\(height)")
            }
            XCTAssertTrue(
                text.contains(
                    "A count before a key repeats it: 5j moves five lines, 8l eight columns in "
                        + "a view; Esc, or another pane or view, drops it"))
        }
    }

    func testThePresenterHelpShowsEveryDescriptionWhole() throws {
        for (width, height) in [(120, 40), (80, 24)] {
            var presenter = PresentFixture.presenter(
                try PresentFixture.deck("deck/lecture"), width: width, height: height)
            pressKeys(&presenter, "?")
            let text = collapse(frameText(presenter).replacingOccurrences(of: "\n", with: " "))
            for entry in Keymap<PresenterAction>.standard.helpSection.entries {
                XCTAssertTrue(text.contains(entry.text), "«\(entry.text)» at \(width)x\(height)")
            }
        }
    }
}
