import CaravanContent
import XCTest

@testable import CaravanUI

/// On a terminal without Unicode the explorer draws with ASCII.
final class CapabilityTests: XCTestCase {
    /// Every page of the shipped content, in every pane layout, draws no line-drawing
    /// characters: quotes, rules and tables included.
    func testMinimalCapabilitiesDrawNoBoxCharactersOnAnyPage() throws {
        for entity in TestContent.model.entities {
            for width in [50, 120] {
                let explorer = Explorer(
                    model: TestContent.model, width: width, height: 30, start: entity.id,
                    capabilities: .minimal)
                var explorerAtBottom = explorer
                press(&explorerAtBottom, "G")
                for grid in [render(explorer), render(explorerAtBottom)] {
                    let boxes = grid.cells.filter { cell in
                        cell.grapheme.unicodeScalars.contains {
                            (0x2500...0x257F).contains($0.value)
                        }
                    }
                    XCTAssertTrue(
                        boxes.isEmpty,
                        "\(entity.id) at \(width) columns draws \(boxes.map(\.grapheme))")
                }
            }
        }
    }

    /// A block quote and a thematic break, which draw a bar and a rule.
    func testMinimalCapabilitiesDrawQuotesAndRulesInASCII() throws {
        let text = """
            ---
            id: concept/quoted
            kind: concept
            title: Quoted
            ---
            Before the quote.

            > A quoted line that is long enough to wrap onto a second line in a narrow pane.

            ***

            After the rule.

            """
        let model = ContentLoader.load(files: [SourceFile(path: "concepts/quoted.md", text: text)])
        let id = try entityID("concept/quoted")
        XCTAssertTrue(model.contains(id), "\(model.diagnostics)")
        for capabilities in [Capabilities.minimal, .full] {
            let explorer = Explorer(
                model: model, width: 80, height: 24, start: id, capabilities: capabilities)
            let lines = pageText(explorer)
            let quote = try XCTUnwrap(lines.first { $0.contains("A quoted line") }, "\(lines)")
            let rule = try XCTUnwrap(lines.first { $0.hasPrefix("---") || $0.hasPrefix("───") })
            if capabilities.unicode {
                XCTAssertTrue(quote.hasPrefix("│ "), quote)
                XCTAssertTrue(rule.hasPrefix("───"), rule)
            } else {
                XCTAssertTrue(quote.allSatisfy(\.isASCII), quote)
                XCTAssertTrue(rule.allSatisfy(\.isASCII), rule)
            }
        }
    }
}
