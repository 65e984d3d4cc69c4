import CaravanContent
import XCTest

@testable import CaravanUI

/// How a body's Markdown is laid out on an entity's page.
final class PageMarkdownTests: XCTestCase {
    /// The page of a concept whose body is `body`, as the reader lays it out.
    private func page(_ body: String, width: Int = 40, ascii: Bool = false) throws -> [String] {
        let model = ContentLoader.load(files: [
            SourceFile(
                path: "c.md", text: "---\nid: concept/c\nkind: concept\ntitle: C\n---\n" + body)
        ])
        let entity = try XCTUnwrap(model.entity(try XCTUnwrap(EntityID("concept/c"))))
        let lines = EntityPage.layout(entity, in: model, width: width, ascii: ascii).lines
        // After the title, the kind line and the blank line.
        return Array(lines.dropFirst(3).map(\.text))
    }

    /// A list item that starts with a code block or a rule used to lose its bullet.
    func testItemsStartingWithCodeOrARuleKeepTheirBullets() throws {
        XCTAssertEqual(
            try page("- a\n- ```\n  code\n  ```\n- ***\n"),
            ["• a", "•   code", "• " + String(repeating: "─", count: 38)])
        XCTAssertEqual(try page("> ***\n", width: 10, ascii: true), ["> --------"])
    }

    func testAHardBreakInsideEmphasisAndLinksEndsTheLine() throws {
        XCTAssertEqual(
            try page("*one  \ntwo* [three\\\nfour](https://x.org)\n"),
            ["one", "two three", "four <https://x.org>"])
    }

    func testDeepNestingGivesWayBeforeTheText() throws {
        // Twenty levels indent the last by 40 columns, more than the page is wide.
        let nested = (0..<20).map { String(repeating: "  ", count: $0) + "- level \($0)" }
        let lines = try page(nested.joined(separator: "\n") + "\n", width: 30)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasSuffix("• level 19") }, "\(lines)")
    }
}
