import Foundation
import XCTest

@testable import CaravanContent

/// Full-text search: ranking, folding, prefixes, filters and snippets.
final class SearchIndexTests: XCTestCase {
    private static let longBody =
        "This body goes on for a while about caravans, camels, silk, paper, tea and porcelain "
        + "before it finally names Samarkand, the city at the crossroads, and then it goes on "
        + "again for many more words so that the snippet has to be cut at both of its ends."

    private static let model: ContentModel = {
        func concept(
            _ slug: String, _ title: String, _ extra: String = "", body: String = "Plain.\n"
        )
            -> SourceFile
        {
            entityFile(
                "concepts/\(slug).md",
                "id: concept/\(slug)\nkind: concept\ntitle: \(title)\n" + extra,
                body: body)
        }
        return ContentLoader.load(files: [
            concept("a", "Almaty", "summary: A city.\n", body: "Nothing here.\n"),
            concept("b", "Trade routes", "summary: Trade through Almaty grew fast.\n"),
            concept("c", "Third thing", body: "Long ago, in *Almaty*, merchants met.\n"),
            concept("d", "Fourth", "aka: [Almaty]\n"),
            concept("e", "Café culture", body: "The café on the corner served coffee.\n"),
            concept("g", "Almond", body: "An almond tree.\n"),
            concept("h", "Alma Ata"),
            concept("long", "Long one", body: longBody + "\n"),
            entityFile(
                "cases/f.md",
                "id: case/f\nkind: case\ntitle: Almaty market\nregion: Global\n"
                    + "illustrates: concept/a\n"
                    + "summary: Market stalls.\n"),
        ])
    }()

    private func search(_ query: String, kind: EntityKind? = nil, limit: Int = 50) -> [SearchIndex
        .Result]
    {
        Self.model.search.search(query, kind: kind, limit: limit)
    }

    private func ids(_ results: [SearchIndex.Result]) -> [String] {
        results.map(\.id.description)
    }

    /// The text each match range covers, failing when a range falls outside the snippet.
    private func matchedText(
        _ snippet: SearchIndex.Snippet, file: StaticString = #filePath, line: UInt = #line
    ) -> [String] {
        let characters = Array(snippet.text)
        return snippet.matches.compactMap { range in
            guard range.lowerBound >= 0, range.upperBound <= characters.count, !range.isEmpty else {
                XCTFail("range \(range) outside «\(snippet.text)»", file: file, line: line)
                return nil
            }
            return String(characters[range])
        }
    }

    private func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func testTheFixtureLoadsCleanly() {
        assertDiagnosticCount(Self.model.diagnostics, 0)
    }

    func testTitleRanksAboveSummaryAboveDetailsAboveBody() {
        let results = search("almaty")
        // case/f and concept/a tie on their titles; reading order (cases first) breaks the tie.
        XCTAssertEqual(
            ids(results), ["case/f", "concept/a", "concept/b", "concept/d", "concept/c"])
        XCTAssertEqual(results.map(\.field), [.title, .title, .summary, .details, .body])
        let scores = results.map(\.score)
        XCTAssertEqual(scores, scores.sorted(by: >))
        XCTAssertGreaterThan(scores[1], scores[2])
        XCTAssertGreaterThan(scores[2], scores[3])
        XCTAssertGreaterThan(scores[3], scores[4])
    }

    func testWholeWordRanksAbovePrefix() {
        let results = search("alma")
        XCTAssertEqual(results.first?.id.description, "concept/h")
        XCTAssertEqual(results.first?.field, .title)
        let almaty = results.first { $0.id.description == "concept/a" }
        XCTAssertNotNil(almaty)
        XCTAssertGreaterThan(results.first?.score ?? 0, almaty?.score ?? .infinity)
    }

    func testMatchingIgnoresCaseAndDiacritics() throws {
        XCTAssertEqual(ids(search("ALMATY")), ids(search("almaty")))
        XCTAssertEqual(ids(search("AlMaTy")), ids(search("almaty")))
        XCTAssertEqual(ids(search("cafe")), ["concept/e"])
        XCTAssertEqual(ids(search("CAFÉ")), ["concept/e"])
        XCTAssertEqual(ids(search("Álmaty")), ids(search("almaty")))
        // The body says "café" too; wherever the snippet comes from, it marks that word.
        let snippet = try XCTUnwrap(search("cafe").first?.snippet)
        XCTAssertFalse(snippet.matches.isEmpty, snippet.text)
        XCTAssertEqual(Set(matchedText(snippet).map(folded)), ["cafe"])
    }

    func testLastWordMatchesAsAPrefixUnlessFollowedByASpace() throws {
        let prefixed = ids(search("alm"))
        XCTAssertTrue(prefixed.contains("concept/a"), "\(prefixed)")
        XCTAssertTrue(prefixed.contains("concept/g"), "\(prefixed)")
        XCTAssertTrue(prefixed.contains("concept/h"), "\(prefixed)")
        XCTAssertEqual(search("alm ").count, 0)
        XCTAssertEqual(ids(search("almaty ")), ids(search("almaty")))
        // Only the last word is a prefix.
        XCTAssertEqual(search("alm market").count, 0)
        XCTAssertEqual(ids(search("almaty mar")), ["case/f"])
        // A prefix match marks only the typed part of the word.
        let snippet = try XCTUnwrap(search("merch").first?.snippet)
        XCTAssertEqual(matchedText(snippet), ["merch"])
        XCTAssertTrue(snippet.text.contains("merchants"), snippet.text)
    }

    func testEveryWordMustMatch() {
        XCTAssertEqual(ids(search("almaty market")), ["case/f"])
        XCTAssertEqual(ids(search("market almaty")), ["case/f"])
        XCTAssertEqual(search("almaty coffee").count, 0)
        let trade = search("trade almaty")
        XCTAssertEqual(ids(trade), ["concept/b"])
        // Title and summary both count; the snippet comes from the better field.
        XCTAssertEqual(trade.first?.field, .title)
        XCTAssertGreaterThan(
            trade.first?.score ?? 0,
            search("almaty").first { $0.id.slug == "b" }?.score ?? .infinity)
    }

    func testKindFilter() {
        XCTAssertEqual(ids(search("almaty", kind: .case)), ["case/f"])
        XCTAssertEqual(
            ids(search("almaty", kind: .concept)),
            ["concept/a", "concept/b", "concept/d", "concept/c"])
        XCTAssertEqual(search("almaty", kind: .path).count, 0)
    }

    func testLimit() {
        let all = ids(search("almaty"))
        XCTAssertEqual(ids(search("almaty", limit: 2)), Array(all.prefix(2)))
        XCTAssertEqual(ids(search("almaty", limit: 1)), ["case/f"])
        XCTAssertEqual(search("almaty", limit: 0).count, 0)
        XCTAssertEqual(search("almaty", limit: -3).count, 0)
        XCTAssertEqual(ids(search("almaty", kind: .concept, limit: 1)), ["concept/a"])
    }

    func testQueriesWithoutWordsFindNothing() {
        for query in ["", " ", "  ,.;!", "—", "\n\t"] {
            XCTAssertEqual(search(query).count, 0, "«\(query)»")
        }
        XCTAssertEqual(search("zzzzqqq").count, 0)
    }

    func testIdsAndPunctuationAreSearchable() {
        // "concept" is in every concept's id; "long" is in this title and in another body.
        XCTAssertEqual(ids(search("concept/long")), ["concept/long", "concept/c"])
        XCTAssertEqual(ids(search("merchants")), ["concept/c"])
        // Emphasis markers are not part of the words.
        XCTAssertEqual(search("merchants").first?.snippet.text.contains("*"), false)
    }

    func testSnippetContainsTheMatchAndRangesPointAtIt() throws {
        let body = try XCTUnwrap(search("merchants").first?.snippet)
        XCTAssertTrue(body.text.contains("merchants"), body.text)
        XCTAssertEqual(matchedText(body), ["merchants"])

        let summary = try XCTUnwrap(search("almaty").first { $0.id.slug == "b" }?.snippet)
        XCTAssertEqual(summary.text, "Trade through Almaty grew fast.")
        XCTAssertEqual(summary.matches, [14..<20])
        XCTAssertEqual(matchedText(summary), ["Almaty"])

        // Both words are marked.
        let both = try XCTUnwrap(search("merchants long").first?.snippet)
        XCTAssertEqual(matchedText(both).map(folded), ["long", "merchants"])
    }

    func testLongTextIsCutAroundTheMatch() throws {
        let result = try XCTUnwrap(search("samarkand").first)
        XCTAssertEqual(result.id.description, "concept/long")
        XCTAssertEqual(result.field, .body)
        let snippet = result.snippet
        XCTAssertTrue(snippet.text.hasPrefix("…"), snippet.text)
        XCTAssertTrue(snippet.text.hasSuffix("…"), snippet.text)
        XCTAssertLessThan(snippet.text.count, Self.longBody.count)
        XCTAssertLessThanOrEqual(snippet.text.count, 82)
        XCTAssertEqual(matchedText(snippet), ["Samarkand"])
        // The cut starts on a word boundary.
        let afterEllipsis = snippet.text.dropFirst()
        XCTAssertTrue(Self.longBody.contains(afterEllipsis.dropLast()), snippet.text)
        let start = try XCTUnwrap(Self.longBody.range(of: afterEllipsis.dropLast()))
        XCTAssertEqual(Self.longBody[Self.longBody.index(before: start.lowerBound)], " ")
    }

    func testSearchOverTheFixture() {
        let model = Fixture.model()
        XCTAssertEqual(model.search.search("zhao").first?.id.description, "reference/zhao2019")
        XCTAssertEqual(model.search.search("kazakhstan").first?.id.description, "case/almaty-brand")
        XCTAssertEqual(model.search.search("kazakhstan").first?.field, .details)
        let sections = model.search.search("introduction", kind: .section)
        XCTAssertEqual(sections.first?.id.description, "section/1-introduction")
        XCTAssertEqual(sections.first?.field, .title)
    }
}

final class SearchCorrectionTests: XCTestCase {
    private static let model = ContentLoader.load(files: [
        entityFile(
            "concepts/brand.md", "id: concept/brand\nkind: concept\ntitle: Brand expansion\n",
            body: "A cultural brand widens markets; brands travel.\n"),
        entityFile(
            "concepts/connotation.md",
            "id: concept/connotation\nkind: concept\ntitle: Humanistic connotation\n",
            body: "The connotation of culture, and the bread of trade.\n"),
    ])
    private var index: SearchIndex { SearchCorrectionTests.model.search }

    func testAMisspeltWordIsRespelt() {
        XCTAssertEqual(index.correction(for: "brnad"), "brand")
        XCTAssertEqual(index.correction(for: "conotation"), "connotation")
        XCTAssertEqual(index.correction(for: "cultural expantion"), "cultural expansion")
    }

    func testKnownWordsAndNonsenseAreLeftAlone() {
        XCTAssertNil(index.correction(for: "brand"), "nothing to correct")
        XCTAssertNil(index.correction(for: "bran"), "the start of a word is known")
        XCTAssertNil(index.correction(for: "zzqqxjw"), "nothing close")
        XCTAssertNil(index.correction(for: "xq"), "too short to guess")
    }

    func testSwappedLettersCountOnce() {
        func distance(_ a: String, _ b: String, swaps: Bool) -> Int {
            Suggestion.editDistance(Array(a), Array(b), limit: 5, swapsCountOnce: swaps)
        }
        XCTAssertEqual(distance("brnad", "brand", swaps: true), 1)
        XCTAssertEqual(distance("brnad", "brand", swaps: false), 2)
        XCTAssertEqual(distance("kitten", "sitting", swaps: true), 3)
        XCTAssertEqual(distance("abc", "abc", swaps: true), 0)
    }
}

final class SearchSnippetTextTests: XCTestCase {
    private static let model = ContentLoader.load(files: [
        entityFile(
            "references/zhao2019.md",
            "id: reference/zhao2019\nkind: reference\ntitle: Symbols\nauthors: [\"Zhao, Y.\"]\n"
                + "year: 2019\n"),
        entityFile(
            "concepts/heritage.md",
            "id: concept/heritage\nkind: concept\ntitle: Heritage\n"
                + "related: [concept/other]\naka: [old crafts]\n",
            body: "Heritage was kept but never met demand [@zhao2019, p. 5].\n"),
        entityFile("concepts/other.md", "id: concept/other\nkind: concept\ntitle: Other\n"),
    ])

    func testSnippetsShowCitationsAsTheReaderDoes() {
        let results = SearchSnippetTextTests.model.search.search("demand")
        let snippet = results.first { $0.id.slug == "heritage" }?.snippet.text ?? ""
        XCTAssertTrue(snippet.contains("(Zhao, 2019, p. 5)"), snippet)
        XCTAssertFalse(snippet.contains("[@"), snippet)
    }

    func testFieldsHoldingOnlyIdsLeaveNoEmptySeparators() {
        let results = SearchSnippetTextTests.model.search.search("crafts")
        let snippet = results.first?.snippet.text ?? ""
        XCTAssertTrue(snippet.contains("old crafts"), snippet)
        XCTAssertFalse(snippet.contains("·  ·"), snippet)
        XCTAssertFalse(snippet.hasPrefix("· "), snippet)
    }
}
