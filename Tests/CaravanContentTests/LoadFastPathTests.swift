import CaravanDefaultContent
import Foundation
import XCTest
import Yams

@testable import CaravanContent

/// Loading takes shortcuts for speed (links found in ASCII bytes, YAML composed without
/// tag rules, sort keys worked out once, links put in order once); each must give what
/// the plain way gives.
final class LoadFastPathTests: XCTestCase {
    // MARK: Links in ASCII lines

    private static let linkLines: [String] = [
        "", "plain text", "[a](concept/x)", "[a](concept/x) and [b](case/y).",
        "See [@zhao2019] and [@a; @b, p. 5].", "[@ x]", "[@]", "[@a", "[@a [@b]", "[@a]]",
        "`[a](concept/x)` then [b](concept/y)", "``[@k]`` [@k]", "`unclosed [a](concept/x)",
        "[a](https://x.org/a) [b](#anchor) [c](/abs/x) [d](./rel/x) [e](a.b/c) [f](a/b?c)",
        "[a](concept/x y) [b](concept/z", "](concept/a)](concept/b)", "[x](/) [y](a/b/c)",
        "[@a:b.c-d_e, locator] [@k;@j]", "[@ key, p. 5; @other]", "[a](kind/)[b](/slug)",
        "[a]( concept/x)", "[@a] [a](concept/x) [@b]", "]( ) ]()", "[@1]", "[@é]",
    ]

    func testASCIILineFindingsMatchCharacterFindings() {
        var lines = Self.linkLines
        for file in DefaultContent.files {
            lines += String(decoding: file.bytes, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var random = SplitMix64(seed: 2023)
        let pieces = [
            "[", "]", "(", ")", "@", " ", "`", ";", ",", ":", "/", ".", "#", "?", "-", "_",
            "a", "concept", "case/x", "k1", "p. 5", "](", "[@", "\t",
        ]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...14, using: &random)
            lines.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        var checked = 0
        for line in lines where line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let text = Substring(line)
            XCTAssertEqual(
                BodyLinkScanner.findings(in: text), BodyLinkScanner.characterFindings(in: text),
                "«\(line)»")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20_000)
    }

    func testCitationsInASCIIMatchTheCharacterWay() {
        var texts = Self.linkLines
        var random = SplitMix64(seed: 5)
        let pieces = ["[", "]", "@", " ", ";", ",", "a", "k1", "p. 5", "[@", "x:y", "-"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...12, using: &random)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for text in texts {
            let expected = characterMatches(in: text).map { "\($0.citations) \($0.range)" }
            let got = CitationSyntax.matches(in: text).map { "\($0.citations) \($0.range)" }
            XCTAssertEqual(got, expected, text)
        }
    }

    /// `CitationSyntax.matches(in:)` as it searched before, character by character.
    private func characterMatches(in text: String) -> [CitationSyntax.Match] {
        var found: [CitationSyntax.Match] = []
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstRange(of: "[@") {
            guard let close = text[open.upperBound...].firstIndex(where: { $0 == "]" || $0 == "[" })
            else { break }
            guard text[close] == "]" else {
                searchStart = close
                continue
            }
            let inner = text[text.index(after: open.lowerBound)..<close]
            if let citations = CitationSyntax.parseGroup(String(inner)) {
                found.append(
                    CitationSyntax.Match(
                        citations: citations, range: open.lowerBound..<text.index(after: close)))
                searchStart = text.index(after: close)
            } else {
                searchStart = open.upperBound
            }
        }
        return found
    }

    // MARK: Front matter, dates and ids

    /// Front matter split as it was before it was sliced from the text.
    private static func plainSplit(_ text: String) -> FrontMatterSplit? {
        var lines = FrontMatterSplit.lines(of: text).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        func trimmed(_ line: Substring) -> Substring {
            var result = line
            while let last = result.last, last == " " || last == "\t" { result.removeLast() }
            return result
        }
        guard let first = lines.first, trimmed(first) == "---" else { return nil }
        lines.removeFirst()
        guard
            let closing = lines.firstIndex(where: { trimmed($0) == "---" || trimmed($0) == "..." })
        else { return nil }
        return FrontMatterSplit(
            yaml: lines[..<closing].joined(separator: "\n"), yamlLine: 2,
            body: lines[(closing + 1)...].joined(separator: "\n"), bodyLine: closing + 3)
    }

    func testFrontMatterSlicesMatchJoiningLines() {
        var texts = [
            "", "---", "---\n", "---\n---", "---\n---\n", "--- \t\nid: a\n...\nbody", "x\n---\n",
            "---\nid: a\n---\n\n\nbody\n", "---\na\nb\n--- \nc\n---\nd", "---\n....\n---x\n",
            "---\u{301}\n---\n", "---\n\u{600} \n---\n\u{600}", "---\nid: é\n---",
        ]
        texts += DefaultContent.files.map { String(decoding: $0.bytes, as: UTF8.self) }
        for text in texts {
            let got = try? FrontMatterSplit.split(text).get()
            let expected = Self.plainSplit(text)
            XCTAssertEqual(got?.yaml, expected?.yaml, text.debugDescription)
            XCTAssertEqual(got?.body, expected?.body, text.debugDescription)
            XCTAssertEqual(got?.bodyLine, expected?.bodyLine, text.debugDescription)
        }
    }

    func testDatesMatchTheExpression() {
        let texts = [
            "2023-04-12", "2023-02-29", "2024-02-29", "2023-13-01", "2023-00-10", "2023-04-31",
            "2023-4-12", "02023-04-12", "2023-04-12\n", "2023-04-12\r\n", "2023-04-1x", "",
            "٢٠٢٣-٠٤-١٢", "2023-04-12 ", " 2023-04-12", "2023/04/12", "0000-01-01",
        ]
        for text in texts {
            let matches =
                text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
            let parts = text.split(separator: "-").compactMap { Int($0) }
            var expected = false
            if matches, parts.count == 3, (1...12).contains(parts[1]) {
                let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
                let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
                    parts[1] - 1]
                expected = (1...days).contains(parts[2])
            }
            XCTAssertEqual(EntityFileParser.isCalendarDate(text), expected, text.debugDescription)
        }
    }

    func testIDsParseAsSplittingByCharacter() {
        var texts = [
            "", "/", "case/", "/x", "case/x", "case/x/y", "case/-x", "case/x-", "case/X", "kase/x",
            "case/a b", "case/\u{301}x", "case\u{301}/x", "case/é", "concept/soft-power",
            "case/" + String(repeating: "a", count: 100),
            "case/" + String(repeating: "a", count: 101),
        ]
        texts += DefaultContent.load().entities.map(\.id.description)
        for text in texts {
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let expected: Result<EntityID, EntityID.ParseError>
            if parts.count != 2 {
                expected = .failure(.notAnID)
            } else if let kind = EntityKind(rawValue: String(parts[0])) {
                expected =
                    EntityID.isValidSlug(String(parts[1]))
                    ? .success(EntityID(kind: kind, slug: String(parts[1])))
                    : .failure(.badSlug(String(parts[1])))
            } else {
                expected = .failure(.unknownKind(String(parts[0])))
            }
            XCTAssertEqual(EntityID.parse(text), expected, text.debugDescription)
        }
    }

    // MARK: YAML

    /// The tree as Yams composes it, tags as written (resolving would differ by rules).
    private func shape(_ node: Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return "s(\(scalar.string.debugDescription) \(scalar.style) \(mark))"
        case .sequence(let sequence):
            return "q(\(mark) " + sequence.map(shape).joined(separator: ",") + ")"
        case .mapping(let mapping):
            return "m(\(mark) "
                + mapping.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",")
                + ")"
        case .alias:
            return "alias"
        }
    }

    private func outcome(_ compose: () throws -> Node?) -> String {
        do {
            return try compose().map(shape) ?? "empty"
        } catch {
            return "error: \(error)"
        }
    }

    func testFrontMatterComposesAsYamsDoesWithItsRules() {
        var texts = [
            "", "id: a", "id: a\nid: b", "1: a\n\"1\": b", "!!int 1: a\n1: b", "true: a\n'true': b",
            "a: {b: 1, b: 2}", "a:\n  - {x: 1, x: 1}", "? [a, b]\n: c\n? [a, b]\n: d",
            "&k true: x\ny: *k", "a: &v [1, 2]\nb: *v", "a: *undefined", "a: [1, 2", "a: b: c",
            "null: a\n~: b", "a: 1\n---\nb: 2", "x: 'a'\nx: \"a\"", "? {a: 1}\n: b",
            "a: b\r\nc: d\re: f", "title: \"A & B\"\nsummary: Stars * here",
        ]
        for file in DefaultContent.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            if case .success(let split) = FrontMatterSplit.split(text) { texts.append(split.yaml) }
        }
        for yaml in texts {
            let expected = outcome { try Yams.compose(yaml: yaml) }
            XCTAssertEqual(outcome { try FrontMatterYAML.compose(yaml) }, expected, yaml)
        }
    }

    func testValuesKeepTheirTagsWhereAKeyIsAliased() throws {
        let yaml = "&k true: x\ny: *k\n"
        let files = [entityFile("concepts/a.md", "id: concept/a\nkind: concept\ntitle: A\n" + yaml)]
        let model = ContentLoader.load(files: files)
        let value = try XCTUnwrap(model.entities.first?.field("y"))
        XCTAssertEqual(value, .bool(true))
    }

    // MARK: The model

    /// Reading order as it was compared before its keys were worked out once.
    private static func plainReadingOrder(_ a: Entity, _ b: Entity) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.kind == .section, let x = a.number, let y = b.number, x != y {
            return x.compare(y, options: .numeric) == .orderedAscending
        }
        switch (a.order, b.order) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let (x, y) = (ContentModel.sortingTitle(a.title), ContentModel.sortingTitle(b.title))
        if x != y { return NaturalOrder.precedes(x, y) }
        return a.id < b.id
    }

    func testReadingOrderAndLinksMatchThePlainWay() {
        let model = DefaultContent.load()
        var random = SplitMix64(seed: 7)
        let shuffled = model.entities.shuffled(using: &random)
        let rebuilt = ContentModel(
            entities: shuffled, links: model.links.shuffled(using: &random), diagnostics: [])
        XCTAssertEqual(
            rebuilt.entities.map(\.id), shuffled.sorted(by: Self.plainReadingOrder).map(\.id))
        func place(_ id: EntityID) -> Int { rebuilt.index(of: id) ?? Int.max }
        for entity in rebuilt.entities {
            let outgoing = rebuilt.links.filter { $0.source == entity.id }
                .sorted { place($0.target) < place($1.target) }
            let incoming = rebuilt.links.filter { $0.target == entity.id }
                .sorted { place($0.source) < place($1.source) }
            XCTAssertEqual(rebuilt.outgoing(from: entity.id), outgoing)
            XCTAssertEqual(rebuilt.incoming(to: entity.id), incoming)
        }
    }

    /// Many entities, with ties, numbers, case, articles and accents in the titles.
    func testLargeContentSortsAsTheWholeDoes() {
        var random = SplitMix64(seed: 11)
        let words = ["the", "A", "an", "Brand", "brand", "Émigré", "emigre", "10", "2", "“Silk”"]
        var entities: [Entity] = []
        for index in 0..<5_000 {
            let kind: EntityKind = index % 50 == 0 ? .section : (index % 7 == 0 ? .case : .concept)
            let title = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                words.randomElement(using: &random)!
            }.joined(separator: " ")
            var fields: [(key: String, value: FieldValue)] = []
            if kind == .section {
                fields.append(("number", .string("\(index / 50 % 40).\(index % 3)")))
            }
            let order = index % 11 == 0 ? Int.random(in: 0...3, using: &random) : nil
            entities.append(
                Entity(
                    id: EntityID(kind: kind, slug: "e\(index)"), title: title, summary: nil,
                    order: order, fields: fields, body: "", document: MarkdownDocument(blocks: []),
                    location: SourceLocation(path: "e\(index).md"), bodyLine: 3))
        }
        XCTAssertEqual(
            ReadingOrder.sorted(entities).map(\.id),
            entities.sorted(by: Self.plainReadingOrder).map(\.id))
    }

    func testReferencesByKeyAreTheFirstInReadingOrder() {
        let model = DefaultContent.load()
        let keys = model.entities.compactMap(\.citationKey) + ["missing", ""]
        for key in keys {
            XCTAssertEqual(
                model.reference(forKey: key)?.id,
                model.entities.first { $0.citationKey == key }?.id, key)
        }
        let twice = ContentModel(
            entities: [reference("b", key: "same"), reference("a", key: "same")], links: [],
            diagnostics: [])
        XCTAssertEqual(twice.reference(forKey: "same")?.id.slug, "a")
    }

    private func reference(_ slug: String, key: String) -> Entity {
        Entity(
            id: EntityID(kind: .reference, slug: slug), title: slug, summary: nil, order: nil,
            fields: [("key", .string(key))], body: "", document: MarkdownDocument(blocks: []),
            location: SourceLocation(path: slug + ".md", line: 1, column: 1), bodyLine: 3)
    }
}
