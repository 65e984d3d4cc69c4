import XCTest

@testable import CaravanContent

/// Links in bodies are what CommonMark reads as links, each reported where its
/// destination is written.
final class BodyLinkSyntaxTests: XCTestCase {
    /// A concept whose body is `body`, beside `concept/base`, which links may name.
    private func loadBody(_ body: String) -> ContentModel {
        ContentLoader.load(files: [
            validConcept(),
            entityFile(
                "concepts/body.md", "id: concept/body\nkind: concept\ntitle: Body\n", body: body),
        ])
    }

    /// The body starts on line 6 of the file `entityFile` writes.
    private let bodyLine = 6

    private func mentions(_ model: ContentModel) -> [String] {
        model.links.filter { $0.type == .mentions }.map { "\($0.source) -> \($0.target)" }
    }

    func testADestinationInAngleBracketsWithASpaceIsAURL() {
        // Used to stop the folder with "link to `</my`: unknown kind `<`".
        let model = loadBody("[link](</my uri>) and [two](<concept/base>)\n")
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertEqual(mentions(model), ["concept/body -> concept/base"])
    }

    func testEscapedBracketsAndCodeAreNoLinks() {
        let body = """
            \\[d](e/f) is text, and so is `[g](h/i)`.

                [j](k/l) in indented code

            <div>
            [m](n/o) in raw HTML
            </div>
            """
        let model = loadBody(body + "\n")
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertEqual(model.links.count, 0)
    }

    func testAnEscapedOrQuotedTwinDoesNotTakeTheRealLinksPlace() {
        // The same destination written three times on a line; only the last is a link.
        let line = "\\[a](concept/nope) `[b](concept/nope)` [c](concept/nope)"
        let model = loadBody(line + "\n")
        XCTAssertEqual(model.errors.count, 1, model.diagnostics.map(\.formatted).description)
        let place = position(of: "concept/nope", in: "[c](concept/nope)")
        let expected = line.distance(
            from: line.startIndex, to: line.range(of: "[c](")?.lowerBound ?? line.startIndex)
        XCTAssertEqual(model.errors.first?.location.line, bodyLine)
        XCTAssertEqual(model.errors.first?.location.column, expected + place.column)
    }

    func testReferenceLinksAreCheckedWhereTheirDestinationIsDefined() {
        let body = "See [the base][b] and [the other][o].\n\n[b]: concept/base\n[o]: concept/nope\n"
        let model = loadBody(body)
        XCTAssertEqual(mentions(model), ["concept/body -> concept/base"])
        XCTAssertEqual(
            model.errors.map(\.formatted),
            [
                "concepts/body.md:\(bodyLine + 3):6: error: link to `concept/nope`, which does not"
                    + " exist (did you mean `concept/base`?)"
            ])
    }

    func testLinksOverSeveralLinesAreFoundOnTheLineOfTheirDestination() {
        let body = "A [link whose\ntext runs on](concept/nope) and [another](\n  concept/gone).\n"
        let model = loadBody(body)
        XCTAssertEqual(
            model.errors.map { "\($0.location.line):\($0.location.column)" },
            ["\(bodyLine + 1):15", "\(bodyLine + 2):3"])
    }

    func testColumnsInListsQuotesAndWideText() {
        let body = """
            - item
              1. nested [x](concept/nope-one)
            > quoted ≈ 漢字 [y](concept/nope-two)
            """
        let model = loadBody(body + "\n")
        let first = position(of: "concept/nope-one", in: body)
        let second = position(of: "concept/nope-two", in: body)
        XCTAssertEqual(
            model.errors.map { "\($0.location.line):\($0.location.column)" },
            [
                "\(bodyLine + first.line - 1):\(first.column)",
                "\(bodyLine + second.line - 1):\(second.column)",
            ])
    }

    /// Whatever the body, a link's diagnostic points into the file: a line it has, a
    /// column on that line.
    func testEveryLinkDiagnosticPointsIntoTheFile() {
        var random = SplitMix64(seed: 21)
        var checked = 0
        let pieces = [
            "[", "]", "(", ")", "<", ">", "\\", "`", "\n", "\n\n", " ", "  \n", "concept/nope",
            "concept/base", "\r", "é", "漢", "> ", "- ", "1. ", "    ", ":", "\"t\"", "*",
            "[a](concept/nope)", "[a](", "](concept/nope", "[a][r]", "\n[r]: concept/nope\n",
            "[b](<concept/nope>)", "[a\nb](concept/nope)", "[a](\nconcept/nope)",
        ]
        for _ in 0..<2000 {
            let count = Int.random(in: 1...30, using: &random)
            let body = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            let model = loadBody(body + "\n")
            let file = "---\nid: concept/body\nkind: concept\ntitle: Body\n---\n" + body + "\n"
            // Lines end at line feeds (a `\r\n` is one Character, so split the scalars).
            let lines = file.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String(String.UnicodeScalarView($0)) }
            for diagnostic in model.diagnostics where diagnostic.message.hasPrefix("link to") {
                checked += 1
                let line = diagnostic.location.line
                XCTAssertTrue(lines.indices.contains(line - 1), "\(diagnostic.formatted) «\(body)»")
                guard lines.indices.contains(line - 1) else { continue }
                XCTAssertLessThanOrEqual(
                    diagnostic.location.column, lines[line - 1].count + 1,
                    "\(diagnostic.formatted) «\(body)»")
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testTheLinkedLibraryIsNamed() {
        XCTAssertTrue(
            MarkdownParser.libraryVersion.range(of: #"^\d+\.\d+"#, options: .regularExpression)
                != nil, MarkdownParser.libraryVersion)
    }
}
