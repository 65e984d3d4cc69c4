import CaravanContent
import XCTest

@testable import CaravanUI

/// With `--screen-reader`, the terminal's cursor sits on the selected result in the
/// prompts, and the framework map is linear text.
final class ScreenReaderTests: XCTestCase {
    private func makeReaderExplorer(width: Int = 80, height: Int = 24) -> Explorer {
        Explorer(model: TestContent.model, width: width, height: height, screenReader: true)
    }

    private func assertCursorOnSelection(
        _ explorer: Explorer, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let frame = explorer.view()
        let cursor = try XCTUnwrap(frame.cursor, "no cursor", file: file, line: line)
        XCTAssertEqual(
            frame.grid[cursor.x, cursor.y].style, explorer.theme[.selection],
            "the cursor is at \(cursor), not on the selected row:\n\(dump(frame.grid))",
            file: file, line: line)
    }

    func testTheCursorIsOnTheSelectedSearchResult() throws {
        var explorer = makeReaderExplorer()
        press(&explorer, "/")
        typeText(&explorer, "brand")
        try assertCursorOnSelection(explorer)
        press(&explorer, "Down Down")
        try assertCursorOnSelection(explorer)
    }

    func testTheCursorIsOnTheSelectedJumpTarget() throws {
        var explorer = makeReaderExplorer()
        press(&explorer, ":")
        typeText(&explorer, "brand")
        try assertCursorOnSelection(explorer)
        press(&explorer, "Down")
        try assertCursorOnSelection(explorer)
    }

    func testWithoutResultsTheCursorStaysInTheInput() throws {
        var explorer = makeReaderExplorer()
        press(&explorer, ":")
        typeText(&explorer, "zzqxj")
        let frame = explorer.view()
        let cursor = try XCTUnwrap(frame.cursor)
        XCTAssertTrue(frame.grid.textLines()[cursor.y].contains(":zzqxj"))
    }

    func testTheMapIsLinearText() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var explorer = makeReaderExplorer(width: width, height: height)
            press(&explorer, "M")
            let index = FrameworkIndex(model: TestContent.model)
            // Step through every item, so every part of the map comes on screen.
            var text: [String] = []
            for _ in 0..<80 {
                text += render(explorer).textLines().dropFirst().dropLast()
                press(&explorer, "Tab")
            }
            let boxes = CharacterSet(charactersIn: "│┌┐└┘─├┤┬┴┼|")
            for line in text {
                XCTAssertNil(
                    line.unicodeScalars.first { boxes.contains($0) }, "box drawing in «\(line)»")
            }
            for connotation in index.connotations {
                for mechanism in connotation.mechanisms {
                    let label = "\(mechanism.code) \(mechanism.title)"
                    XCTAssertTrue(
                        text.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) },
                        "\(label) on a line of its own at \(width)x\(height)")
                }
            }
            for line in text {
                let titles = index.connotations.flatMap(\.mechanisms).filter {
                    line.contains("\($0.code) \($0.title)")
                }
                XCTAssertLessThanOrEqual(titles.count, 1, "two items on «\(line)»")
            }
        }
    }
}
