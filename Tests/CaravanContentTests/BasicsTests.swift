import Foundation
import XCTest

@testable import CaravanContent

/// The small parts: suggestions, ids, locations, front matter splitting, citations, Markdown.
final class BasicsTests: XCTestCase {
    // MARK: Suggestion

    func testClosestFindsSmallEdits() {
        let fields = ["illustrates", "region", "country", "figures"]
        XCTAssertEqual(Suggestion.closest(to: "ilustrates", among: fields), "illustrates")
        XCTAssertEqual(Suggestion.closest(to: "regoin", among: fields), "region")
        XCTAssertEqual(Suggestion.closest(to: "FIGURES", among: fields), "figures")
        XCTAssertEqual(Suggestion.closest(to: "country", among: fields), "country")
        XCTAssertNil(Suggestion.closest(to: "summary", among: fields))
        XCTAssertNil(Suggestion.closest(to: "anything", among: [String]()))
        XCTAssertEqual(
            Suggestion.didYouMean("caes", among: ["case", "concept"]), "did you mean `case`?")
        XCTAssertNil(Suggestion.didYouMean("zzzzzz", among: ["case", "concept"]))
    }

    func testClosestPrefersTheSmallestDistance() {
        XCTAssertEqual(
            Suggestion.closest(to: "sectoin", among: ["sections", "section"]), "section")
        XCTAssertEqual(
            Suggestion.closest(
                to: "case/almaty-brnd", among: ["case/almaty", "case/almaty-brand"]),
            "case/almaty-brand")
    }

    func testTiesDoNotDependOnCandidateOrder() {
        // "cat" is one edit from both; the answer must not depend on (set) order.
        let candidates = ["bat", "cot"]
        XCTAssertEqual(Suggestion.closest(to: "cat", among: candidates), "bat")
        XCTAssertEqual(Suggestion.closest(to: "cat", among: candidates.reversed()), "bat")
        XCTAssertEqual(Suggestion.closest(to: "cat", among: Set(candidates)), "bat")
    }

    func testLimitGrowsWithTheWord() {
        // Short words allow two edits; longer ones a third of their length.
        XCTAssertEqual(Suggestion.closest(to: "ab", among: ["xy"]), "xy")
        XCTAssertNil(Suggestion.closest(to: "ab", among: ["xyz"]))
        XCTAssertEqual(
            Suggestion.closest(to: "abcdefghijkl", among: ["abcdefghixyz"]), "abcdefghixyz")
        XCTAssertNil(Suggestion.closest(to: "abcdefghijkl", among: ["abcdefgvwxyz"]))
    }

    func testEditDistance() {
        func distance(_ a: String, _ b: String, limit: Int = 10) -> Int {
            Suggestion.editDistance(Array(a), Array(b), limit: limit)
        }
        XCTAssertEqual(distance("kitten", "sitting"), 3)
        XCTAssertEqual(distance("", "abc"), 3)
        XCTAssertEqual(distance("abc", ""), 3)
        XCTAssertEqual(distance("same", "same"), 0)
        XCTAssertEqual(distance("abcdef", "ghijkl", limit: 2), 3)
        XCTAssertEqual(distance("a", "abcdefgh", limit: 2), 3)
    }

    // MARK: EntityID

    func testParseValidIDs() throws {
        let id = try EntityID.parse("case/almaty-brand").get()
        XCTAssertEqual(id.kind, .case)
        XCTAssertEqual(id.slug, "almaty-brand")
        XCTAssertEqual(id.description, "case/almaty-brand")
        XCTAssertEqual(EntityID("section/4-1-division-of-labor")?.kind, .section)
        XCTAssertEqual(EntityID("reference/zhao2019")?.slug, "zhao2019")
        XCTAssertEqual(EntityID(kind: .deck, slug: "x").description, "deck/x")
        for kind in EntityKind.allCases {
            XCTAssertEqual(EntityID("\(kind.rawValue)/a-1")?.kind, kind)
        }
        XCTAssertNotNil(EntityID("concept/" + String(repeating: "a", count: 100)))
    }

    func testParseFailures() {
        XCTAssertEqual(EntityID.parse("almaty").failure, .notAnID)
        XCTAssertEqual(EntityID.parse("").failure, .notAnID)
        XCTAssertEqual(EntityID.parse("caze/almaty").failure, .unknownKind("caze"))
        XCTAssertEqual(EntityID.parse("Case/almaty").failure, .unknownKind("Case"))
        XCTAssertEqual(EntityID.parse("/almaty").failure, .unknownKind(""))
        XCTAssertEqual(EntityID.parse("case/").failure, .badSlug(""))
        XCTAssertEqual(EntityID.parse("case/Almaty").failure, .badSlug("Almaty"))
        XCTAssertEqual(EntityID.parse("case/a/b").failure, .badSlug("a/b"))
        XCTAssertEqual(EntityID.parse("case/-a").failure, .badSlug("-a"))
        XCTAssertEqual(EntityID.parse("case/a-").failure, .badSlug("a-"))
        XCTAssertEqual(EntityID.parse("case/a_b").failure, .badSlug("a_b"))
        XCTAssertEqual(EntityID.parse("case/ａ").failure, .badSlug("ａ"))
        let long = String(repeating: "a", count: 101)
        XCTAssertEqual(EntityID.parse("case/" + long).failure, .badSlug(long))
        XCTAssertNil(EntityID("case/a b"))
    }

    func testIDOrderAndCoding() throws {
        let ids = ["deck/a", "case/b", "case/a", "paper/z"].compactMap(EntityID.init)
        XCTAssertEqual(ids.sorted().map(\.description), ["paper/z", "case/a", "case/b", "deck/a"])
        let data = try JSONEncoder().encode(ids)
        XCTAssertEqual(
            try JSONSerialization.jsonObject(with: data) as? [String],
            ["deck/a", "case/b", "case/a", "paper/z"])
        XCTAssertEqual(try JSONDecoder().decode([EntityID].self, from: data), ids)
        XCTAssertThrowsError(
            try JSONDecoder().decode([EntityID].self, from: Data(#"["nope"]"#.utf8)))
    }

    func testKindOrderAndTitles() {
        XCTAssertEqual(EntityKind.allCases.sorted(), EntityKind.allCases)
        XCTAssertLessThan(EntityKind.paper, EntityKind.section)
        XCTAssertLessThan(EntityKind.case, EntityKind.deck)
        XCTAssertEqual(EntityKind.case.pluralTitle, "Cases")
        XCTAssertEqual(EntityKind.path.pluralTitle, "Reading paths")
        XCTAssertEqual(Set(EntityKind.allCases.map(\.pluralTitle)).count, EntityKind.allCases.count)
    }

    // MARK: Diagnostics and locations

    func testLocationsStartAtOneAndSort() {
        let clamped = SourceLocation(path: "a.md", line: 0, column: -4)
        XCTAssertEqual(clamped.line, 1)
        XCTAssertEqual(clamped.column, 1)
        let locations = [
            SourceLocation(path: "b.md", line: 1), SourceLocation(path: "a.md", line: 10),
            SourceLocation(path: "a.md", line: 2, column: 5),
            SourceLocation(path: "a.md", line: 2, column: 1),
        ]
        XCTAssertEqual(
            locations.sorted().map { "\($0.path):\($0.line):\($0.column)" },
            ["a.md:2:1", "a.md:2:5", "a.md:10:1", "b.md:1:1"])
        XCTAssertLessThan(Severity.error, Severity.warning)
        XCTAssertFalse(Severity.warning < Severity.error)
    }

    func testFormattedDiagnostic() {
        let plain = Diagnostic(
            .warning, "quote too long", at: SourceLocation(path: "x.md", line: 3, column: 7))
        XCTAssertEqual(plain.formatted, "x.md:3:7: warning: quote too long")
        let hinted = Diagnostic(
            .error, "unknown field `ilustrates`", at: SourceLocation(path: "y.md", line: 9),
            suggestion: "did you mean `illustrates`?")
        XCTAssertEqual(
            hinted.formatted,
            "y.md:9:1: error: unknown field `ilustrates` (did you mean `illustrates`?)")
    }

    // MARK: Front matter

    func testFrontMatterSplit() throws {
        let split = try FrontMatterSplit.split("---  \nid: a\nkind: b\n---\t\nbody\nmore").get()
        XCTAssertEqual(split.yaml, "id: a\nkind: b")
        XCTAssertEqual(split.yamlLine, 2)
        XCTAssertEqual(split.body, "body\nmore")
        XCTAssertEqual(split.bodyLine, 5)
        let windows = try FrontMatterSplit.split("---\r\nid: a\r\n---\r\nbody\r\n").get()
        XCTAssertEqual(windows.yaml, "id: a")
        XCTAssertEqual(windows.body, "body\n")
        XCTAssertEqual(windows.bodyLine, 4)
        XCTAssertEqual(FrontMatterSplit.split("id: a\n---\n").failure, .missingOpening)
        XCTAssertEqual(FrontMatterSplit.split(" ---\nid: a\n---\n").failure, .missingOpening)
        XCTAssertEqual(FrontMatterSplit.split("---\nid: a\n").failure, .neverClosed)
        XCTAssertEqual(FrontMatterSplit.split("---").failure, .neverClosed)
        XCTAssertEqual(try FrontMatterSplit.split("---\n---").get().body, "")
    }

    func testCalendarDates() {
        XCTAssertTrue(EntityFileParser.isCalendarDate("2023-01-05"))
        XCTAssertTrue(EntityFileParser.isCalendarDate("2024-02-29"))
        XCTAssertFalse(EntityFileParser.isCalendarDate("2023-02-29"))
        XCTAssertFalse(EntityFileParser.isCalendarDate("2023-1-05"))
        XCTAssertFalse(EntityFileParser.isCalendarDate("2023-01-05 "))
        XCTAssertFalse(EntityFileParser.isCalendarDate("٢٠٢٣-٠١-٠٥"))
        XCTAssertFalse(EntityFileParser.isCalendarDate(""))
    }

    // MARK: Citations and body links

    func testCitationGroups() {
        XCTAssertEqual(CitationSyntax.parseGroup("@zhao2019"), [Citation(key: "zhao2019")])
        XCTAssertEqual(
            CitationSyntax.parseGroup("@zhao2019, p. 53"),
            [Citation(key: "zhao2019", locator: "p. 53")])
        XCTAssertEqual(
            CitationSyntax.parseGroup("@quan2018; @wen2018"),
            [Citation(key: "quan2018"), Citation(key: "wen2018")])
        XCTAssertNil(CitationSyntax.parseGroup("see @zhao2019"))
        XCTAssertNil(CitationSyntax.parseGroup("@"))
        XCTAssertNil(CitationSyntax.parseGroup(""))
        let matches = CitationSyntax.matches(in: "a [@x] b [not] c [@y; @z, ch. 2] [@")
        XCTAssertEqual(
            matches.map(\.citations),
            [[Citation(key: "x")], [Citation(key: "y"), Citation(key: "z", locator: "ch. 2")]])
        XCTAssertEqual(
            CitationSyntax.render([Citation(key: "y"), Citation(key: "z", locator: "ch. 2")]),
            "[@y; @z, ch. 2]")
    }

    func testAnUnclosedGroupDoesNotSwallowTheNextCitation() {
        XCTAssertEqual(
            CitationSyntax.matches(in: "[@a [@b] [@c, p. [").map(\.citations),
            [[Citation(key: "b")]])
    }

    /// Each `[@` used to search on to the next `]`, and each column was counted from the start of
    /// the line: a long line took quadratic time (minutes for a few hundred kilobytes).
    func testLongLinesAreScannedInLinearTime() throws {
        let count = 20_000
        let citations = String(repeating: "[@zhao2019; ", count: count) + "[@zhao2019]"
        let body = citations + String(repeating: "[x](case/y) ", count: count)
        let source = try XCTUnwrap(EntityID("concept/s"))
        let start = Date()
        let links = BodyLinkScanner.links(
            in: body, outline: MarkdownParser.parseBody(body).outline, firstLine: 1,
            path: "s.md", source: source)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 10, "scanning \(body.count) characters took \(elapsed) s")

        let cites = links.filter { $0.type == .cites }
        XCTAssertEqual(cites.map(\.location.column), [count * 12 + 1])
        let mentions = links.filter { $0.type == .mentions }
        XCTAssertEqual(mentions.count, count)
        let first = citations.count + 5
        XCTAssertEqual(mentions.first?.location.column, first)
        XCTAssertEqual(mentions.last?.location.column, first + (count - 1) * 12)
    }

    func testWhatLooksLikeAnID() {
        XCTAssertTrue(BodyLinkScanner.looksLikeEntityID("case/x"))
        XCTAssertTrue(BodyLinkScanner.looksLikeEntityID("caze/x"))
        for destination in [
            "https://x.org/a", "#anchor", "/abs/path", "./rel/x", "a/b/c", "x", "a.b/c",
            "case/x?y=1", "/x",
        ] {
            XCTAssertFalse(BodyLinkScanner.looksLikeEntityID(destination), destination)
        }
    }

    func testBodyScannerPositions() throws {
        let source = try XCTUnwrap(EntityID("concept/s"))
        let body = "Intro `[a](case/code)` text\n\nSee [b](case/real) and [@key, p. 1].\n"
        let links = BodyLinkScanner.links(
            in: body, outline: MarkdownParser.parseBody(body).outline, firstLine: 10,
            path: "s.md", source: source)
        XCTAssertEqual(links.count, 2)
        let mention = try XCTUnwrap(links.first { $0.type == .mentions })
        XCTAssertEqual(mention.location, SourceLocation(path: "s.md", line: 12, column: 9))
        guard case .id("case/real") = mention.target else { return XCTFail("\(mention.target)") }
        let citation = try XCTUnwrap(links.first { $0.type == .cites })
        XCTAssertEqual(citation.location, SourceLocation(path: "s.md", line: 12, column: 24))
        guard case .citationKey("key") = citation.target else {
            return XCTFail("\(citation.target)")
        }
    }

    // MARK: FieldValue

    func testFieldValueHelpers() {
        let map = FieldValue.map([
            (key: "a", value: .integer(1)), (key: "b", value: .list([.string("x"), .bool(true)])),
        ])
        XCTAssertEqual(map["a"], .integer(1))
        XCTAssertNil(map["c"])
        XCTAssertNil(FieldValue.string("s")["a"])
        XCTAssertEqual(map["b"]?.strings, ["x", "true"])
        XCTAssertEqual(FieldValue.string("one").items, [.string("one")])
        XCTAssertEqual(FieldValue.null.items, [])
        XCTAssertNil(map.text)
        XCTAssertEqual(FieldValue.number(1.5).text, "1.5")
        XCTAssertNotEqual(map, FieldValue.map([(key: "a", value: .integer(1))]))
        XCTAssertNotEqual(FieldValue.integer(1), FieldValue.string("1"))
        XCTAssertEqual(Set([map, map]).count, 1)
    }

    // MARK: Markdown

    func testMarkdownBlocksAndInlines() {
        let document = MarkdownParser.parse(
            "# Title\n\nSome *emphasis*, **strong**, `code` and [a link](case/x).\n\n"
                + "- one\n- two\n\n3. three\n\n> quoted\n\n```\nfenced\n```\n\n"
                + "---\n\n<div>\nraw\n</div>\n"
        )
        guard document.blocks.count == 8 else { return XCTFail("\(document.blocks)") }
        XCTAssertEqual(document.blocks[0], .heading(level: 1, [.text("Title")]))
        XCTAssertEqual(
            document.blocks[1],
            .paragraph([
                .text("Some "), .emphasis([.text("emphasis")]), .text(", "),
                .strong([.text("strong")]),
                .text(", "), .code("code"), .text(" and "),
                .link(destination: "case/x", target: EntityID("case/x"), [.text("a link")]),
                .text("."),
            ]))
        XCTAssertEqual(
            document.blocks[2],
            .list(
                ordered: false, start: 0,
                items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]]))
        XCTAssertEqual(
            document.blocks[3],
            .list(ordered: true, start: 3, items: [[.paragraph([.text("three")])]]))
        XCTAssertEqual(document.blocks[4], .quote([.paragraph([.text("quoted")])]))
        XCTAssertEqual(document.blocks[5], .code("fenced"))
        XCTAssertEqual(document.blocks[6], .thematicBreak)
        XCTAssertEqual(document.blocks[7], .code("<div>\nraw\n</div>"))
        XCTAssertEqual(document.entityLinks.map(\.description), ["case/x"])
        XCTAssertTrue(
            document.plainText.hasPrefix("Title\n\nSome emphasis, strong, code and a link."))
    }

    func testDeepNestingIsFlattenedNotRecursed() {
        let depth = 10_000
        let quotes = MarkdownParser.parse(String(repeating: ">", count: depth) + " deep text\n")
        XCTAssertTrue(quotes.plainText.contains("deep text"))
        let lists = MarkdownParser.parse(String(repeating: "- ", count: depth) + "item\n")
        XCTAssertTrue(lists.plainText.contains("item"))
        let emphasis = MarkdownParser.parse(
            String(repeating: "*a ", count: depth) + String(repeating: " b*", count: depth))
        XCTAssertFalse(emphasis.blocks.isEmpty)
        let brackets = MarkdownParser.parse(
            String(repeating: "[", count: depth) + "x" + String(repeating: "](y)", count: depth))
        XCTAssertTrue(brackets.plainText.contains("x"))
    }

    func testCharacterReferencesForWhitespaceAreWhitespace() {
        let document = MarkdownParser.parse("foo&#10;&#10;bar a&#9;b c&#13;d e&#27;f\n")
        // A newline, tab or carriage return written as a reference is a space; other
        // controls stay, for the viewer to show visibly.
        XCTAssertEqual(document.plainText, "foo  bar a b c d e\u{1B}f")
    }

    func testCodeLinesFollowCommonMark() {
        let body = "text\n\n    code\n\n- item\n\n    continued\n\n```\nfence\n```\n"
        let lines = MarkdownParser.codeLines(in: body)
        XCTAssertTrue(lines.isSuperset(of: [3, 9, 10, 11]), "\(lines.sorted())")
        // Text, a list item and its indented continuation are not code (a blank line may count).
        XCTAssertTrue(lines.isDisjoint(with: [1, 5, 7]), "\(lines.sorted())")
        XCTAssertEqual(MarkdownParser.codeLines(in: "```\nnever closed\nto the end"), [1, 2, 3])
        XCTAssertEqual(MarkdownParser.codeLines(in: ""), [])
    }
}

extension Result {
    /// The error of a failed result, for comparing in assertions.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
