import CaravanContent
import XCTest

@testable import CaravanUI

/// Plain text for pipes and screen readers: headings marked, links listed one a line,
/// colour only when asked for, every line within the width but a link's.
final class PlainTextTests: XCTestCase {
    private let model = TestContent.model

    private func entity(_ id: String) throws -> Entity {
        try XCTUnwrap(model.entity(try entityID(id)))
    }

    func testAnEntityEndsWithItsNumberedLinksAndBacklinks() throws {
        let text = PlainText(model: model, width: 80).entity(
            try entity("mechanism/brand-expansion"))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "# Brand expansion")
        XCTAssertTrue(lines.contains("## Links from here"), text)
        XCTAssertTrue(lines.contains("## Linked from"), text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("- belongs to: connotation/economic ") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("- illustrated by: case/") }, text)
        XCTAssertTrue(text.hasSuffix("\n"))
    }

    func testBodyLinesKeepToTheWidthAndLinkLinesStayWhole() throws {
        let text = PlainText(model: model, width: 40).entity(try entity("section/3-products"))
        for line in text.components(separatedBy: "\n") {
            let isWhole = line.hasPrefix("[") || line.hasPrefix("- ") || line.hasPrefix("#")
            if !isWhole {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, "«\(line)»")
            }
        }
        XCTAssertTrue(text.contains("\n[1] "), "links listed by number")
    }

    func testAWidthBelowTwentyIsRaised() {
        XCTAssertEqual(PlainText(model: model, width: 5).width, 20)
    }

    func testColourMarksHeadingsLinksAndEmphasis() throws {
        let plain = PlainText(model: model, width: 80).entity(try entity("concept/soft-power"))
        XCTAssertFalse(plain.contains("\u{1B}"), "no escapes without colour")
        let coloured = PlainText(model: model, width: 80, color: true)
            .entity(try entity("concept/soft-power"))
        XCTAssertTrue(coloured.hasPrefix("\u{1B}[1m# "), "a bold heading")
        XCTAssertTrue(coloured.contains("\u{1B}[0m"))
    }

    func testReadingAllGroupsTheKindsUnderTheirPlurals() {
        let text = PlainText(model: model, width: 80).readAll()
        var last = text.startIndex
        for kind in EntityKind.allCases where kind != .paper {
            guard !model.entities(of: kind).isEmpty else { continue }
            let heading = try? XCTUnwrap(text.range(of: "\n# \(kind.pluralTitle)\n"))
            XCTAssertNotNil(heading, "no heading for \(kind)")
            if let heading {
                XCTAssertGreaterThan(heading.lowerBound, last, "\(kind) in order")
                last = heading.lowerBound
            }
        }
        XCTAssertTrue(text.hasPrefix("# "), "the paper first, as a top heading")
    }

    func testSearchResultsAreNumberedWithTheirSnippets() {
        let results = model.search.search("almaty", limit: 3)
        let text = PlainText(model: model, width: 60).searchResults(results, query: "almaty")
        XCTAssertTrue(text.hasPrefix("1. "), text)
        XCTAssertTrue(text.contains("\n2. "), text)
        XCTAssertTrue(text.lowercased().contains("almaty"))
        XCTAssertEqual(PlainText(model: model, width: 60).searchResults([], query: "x"), "")
        let coloured = PlainText(model: model, width: 60, color: true)
            .searchResults(results, query: "almaty")
        XCTAssertTrue(coloured.contains("\u{1B}[1;4m"), "matches bold and underlined")
    }
}
