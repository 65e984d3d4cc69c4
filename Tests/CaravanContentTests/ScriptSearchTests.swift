import XCTest

@testable import CaravanContent

/// Search in scripts written without spaces (Han, kana, Hangul), and folding of case and
/// width in Latin: any part of a run of two or more characters is found, ranked as words
/// are, and marked in the snippet.
final class ScriptSearchTests: XCTestCase {
    private static let model: ContentModel = {
        func concept(_ slug: String, _ title: String, _ extra: String = "", body: String)
            -> SourceFile
        {
            entityFile(
                "concepts/\(slug).md",
                "id: concept/\(slug)\nkind: concept\ntitle: \(title)\n" + extra, body: body)
        }
        return ContentLoader.load(files: [
            concept(
                "luban", "Luban Workshop",
                body: "鲁班工坊的意义在于把职业教育和当地产业结合起来。It trains technicians.\n"),
            concept("railway", "中老铁路", "tags: [铁路]\n", body: "A line to Vientiane.\n"),
            concept(
                "sgr", "Mombasa railway", "names: {zh: 蒙内铁路}\n", body: "A line in Kenya.\n"),
            concept("scattered", "Scattered", body: "中国的老朋友。铁的路。\n"),
            concept("kana", "Kana", body: "カラバンはターミナルで動きます。ｶﾞｲﾄﾞ付き。\n"),
            concept("hangul", "Hangul", body: "카라반은 터미널에서 실행됩니다.\n"),
            concept("wide", "Ｗｉｄｅ Ｌａｔｉｎ", body: "Written in ＦＵＬＬ width.\n"),
            concept("mixed", "Mixed", body: "第2课讲的是中老铁路China线路。\n"),
        ])
    }()

    private func ids(_ query: String) -> [String] {
        Self.model.search.search(query).map(\.id.description)
    }

    func testAnyPartOfAHanRunIsFound() {
        XCTAssertEqual(ids("意义"), ["concept/luban"], "in the middle of a body's run")
        XCTAssertEqual(ids("工坊的意义"), ["concept/luban"])
        XCTAssertEqual(ids("在于把职业教育"), ["concept/luban"], "seven characters")
        XCTAssertEqual(ids("产业结合起来"), ["concept/luban"], "at the end of a run")
        XCTAssertEqual(ids("鲁班"), ["concept/luban"], "at the start")
    }

    func testARunInATitleRanksAboveATag() {
        let results = Self.model.search.search("铁路")
        XCTAssertEqual(results.map(\.id.description).last, "concept/mixed", "a body ranks last")
        XCTAssertEqual(
            Set(results.prefix(2).map(\.id.description)), ["concept/railway", "concept/sgr"],
            "the title 中老铁路 and the Chinese name 蒙内铁路 rank first")
        XCTAssertEqual(
            results.first { $0.id.description == "concept/railway" }?.field, .title,
            "found in the title, not only in the tag")
        XCTAssertEqual(ids("中老铁路"), ["concept/railway", "concept/mixed"])
    }

    func testPairsThatAreApartDoNotMatch() {
        // 中国的老朋友。铁的路。 has none of 中老, 老铁 or 铁路 side by side.
        XCTAssertFalse(ids("中老铁路").contains("concept/scattered"))
        // 中老 and 老铁 and 铁路 all occur in 中老铁路 but 老铁中 does not.
        XCTAssertEqual(ids("老铁中"), [])
    }

    func testOneCharacterFindsEveryRunThatHoldsIt() {
        XCTAssertEqual(Set(ids("坊")), ["concept/luban"], "inside a run")
        XCTAssertEqual(Set(ids("来")), ["concept/luban"], "the last character of a run")
        XCTAssertEqual(
            Set(ids("路")),
            [
                "concept/railway", "concept/sgr", "concept/scattered",
                "concept/mixed",
            ])
    }

    func testKanaAndHangulAndHalfWidthKana() {
        XCTAssertEqual(ids("ターミナル"), ["concept/kana"])
        XCTAssertEqual(ids("ガイド"), ["concept/kana"], "half-width ｶﾞｲﾄﾞ reads as ガイド")
        XCTAssertEqual(ids("터미널"), ["concept/hangul"])
        XCTAssertEqual(ids("미널"), ["concept/hangul"])
    }

    func testLatinFoldsCaseAndWidthBothWays() {
        XCTAssertEqual(ids("wide latin"), ["concept/wide"])
        XCTAssertEqual(ids("ｆｕｌｌ"), ["concept/wide"], "a full-width query")
        XCTAssertEqual(ids("FULL WIDTH"), ["concept/wide"])
    }

    func testScriptsNextToEachOtherAreSeparateWords() {
        XCTAssertEqual(SearchIndex.words(in: "中老铁路China线路"), ["中老铁路", "china", "线路"])
        XCTAssertEqual(ids("china"), ["concept/mixed"])
        XCTAssertEqual(ids("课"), ["concept/mixed"])
    }

    func testSnippetsMarkEveryOccurrence() throws {
        let result = try XCTUnwrap(Self.model.search.search("意义").first)
        let characters = Array(result.snippet.text)
        let marked = result.snippet.matches.map { String(characters[$0]) }
        XCTAssertEqual(marked, ["意义"], result.snippet.text)
        let mixed = try XCTUnwrap(
            Self.model.search.search("铁路").first { $0.id.description == "concept/mixed" })
        let text = Array(mixed.snippet.text)
        XCTAssertEqual(mixed.snippet.matches.map { String(text[$0]) }, ["铁路"], mixed.snippet.text)
    }

    func testNotesAndCorrectionsKnowUnspacedRuns() {
        XCTAssertNotNil(SearchIndex.match("意义", in: "它的意义很大"))
        XCTAssertNil(SearchIndex.match("意思", in: "它的意义很大"))
        XCTAssertNil(Self.model.search.correction(for: "铁道"), "no respelling of Han")
    }
}
