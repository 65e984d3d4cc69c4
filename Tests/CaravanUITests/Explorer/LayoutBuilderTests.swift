import CaravanContent
import XCTest

@testable import CaravanUI

/// Wrapping text for the reader: by display width, at spaces, with indents that give way,
/// hard breaks, rules, and every search match numbered where it falls.
final class LayoutBuilderTests: XCTestCase {
    private func wrapped(
        _ spans: [Span], width: Int, first: [Span] = [], rest: [Span] = [], terms: [String] = []
    ) -> DocumentLayout {
        var builder = LayoutBuilder(width: width, searchTerms: terms)
        builder.wrap(spans, firstIndent: first, restIndent: rest)
        return builder.layout
    }

    private func texts(_ layout: DocumentLayout) -> [String] { layout.lines.map(\.text) }

    func testWordsWrapAtSpacesWithinTheWidth() {
        let layout = wrapped([Span("the five links of the belt and road")], width: 12)
        XCTAssertEqual(texts(layout), ["the five", "links of the", "belt and", "road"])
        XCTAssertTrue(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 12 })
    }

    func testTheFirstAndTheRestOfTheLinesTakeTheirIndents() {
        let layout = wrapped(
            [Span("cultural industry clusters and stability")], width: 16,
            first: [Span("• ")], rest: [Span("  ")])
        XCTAssertEqual(
            texts(layout), ["• cultural", "  industry", "  clusters and", "  stability"])
    }

    func testAWordWiderThanALineIsBrokenByCharacter() {
        let layout = wrapped([Span("a supercalifragilistic word")], width: 8)
        XCTAssertEqual(texts(layout), ["a", "supercal", "ifragili", "stic", "word"])
    }

    func testWideCharactersCountTwoColumns() {
        let layout = wrapped([Span("文化 产业 人文 内涵")], width: 9)
        XCTAssertEqual(texts(layout), ["文化 产业", "人文 内涵"])
    }

    func testADeepIndentGivesWayToTheText() {
        let deep = Array(repeating: Span("│ "), count: 20)
        let layout = wrapped([Span("words that still fit")], width: 24, first: deep, rest: deep)
        for line in layout.lines {
            let words = line.text.replacingOccurrences(of: "│", with: "").trimmingCharacters(
                in: .whitespaces)
            XCTAssertGreaterThanOrEqual(24 - DisplayWidth.of(line.text) + DisplayWidth.of(words), 6)
        }
        XCTAssertTrue(texts(layout).joined(separator: " ").contains("words"))
    }

    func testAHardBreakEndsTheLine() {
        let layout = wrapped([Span("first"), .lineBreak, Span("second")], width: 40)
        XCTAssertEqual(texts(layout), ["first", "second"])
    }

    func testSpansOfOneRoleAreJoinedAndTrailingSpaceDropped() {
        let layout = wrapped([Span("one "), Span("two "), Span("three", .strong)], width: 40)
        XCTAssertEqual(layout.lines.first?.spans.map(\.text), ["one two ", "three"])
        let trailing = wrapped([Span("end   ")], width: 40)
        XCTAssertEqual(texts(trailing), ["end"])
    }

    func testALinkRemembersTheLineItStartsOn() {
        var builder = LayoutBuilder(width: 10)
        builder.wrap([Span("some words before")], firstIndent: [], restIndent: [])
        let link = builder.registerLink(EntityID(kind: .concept, slug: "x"))
        builder.wrap([Span("the link", .link, link: link)], firstIndent: [], restIndent: [])
        XCTAssertEqual(builder.layout.links.first?.line, 2)
    }

    func testSearchMatchesAreNumberedInOrderWithTheirLines() {
        let layout = wrapped(
            [Span("Almaty and almaty again; Almatyan too, not palmaty")], width: 20,
            terms: ["almaty"])
        let matches = layout.lines.flatMap(\.spans).filter { $0.match != nil }
        XCTAssertEqual(matches.map(\.text), ["Almaty", "almaty", "Almaty"], "words that start so")
        XCTAssertEqual(matches.map(\.match), [0, 1, 2])
        XCTAssertEqual(layout.matches.count, 3)
        XCTAssertEqual(layout.matches.first, 0)
        XCTAssertEqual(layout.matches.last, 1, "the third on the second line")
    }

    func testBlankLinesNeverStartOrRepeat() {
        var builder = LayoutBuilder(width: 20)
        builder.blank()
        builder.line([Span("text")])
        builder.blank()
        builder.blank()
        builder.rule()
        XCTAssertEqual(
            builder.layout.lines.map(\.text), ["text", "", String(repeating: "─", count: 20)])
    }

    func testTokensSplitWordsAndSpacesAndTurnNewlinesToSpaces() {
        XCTAssertEqual(LayoutBuilder.tokens("a  b\nc"), ["a", "  ", "b", " ", "c"])
        XCTAssertEqual(LayoutBuilder.tokens("é à"), ["é", " ", "à"])
        XCTAssertEqual(LayoutBuilder.asciiTokens("x\ry"), nil, "not the ASCII path")
        XCTAssertEqual(LayoutBuilder.tokens("x\ry"), ["x\ry"])
    }
}
