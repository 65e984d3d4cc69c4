import XCTest

@testable import CaravanContent

/// Names in other languages (`names: {zh: ...}`) and links kept in the order written.
final class NamesAndOrderTests: XCTestCase {
    func testNamesAreReadInTheOrderWritten() throws {
        let model = load(
            entityFile(
                "concepts/industry.md",
                "id: concept/industry\nkind: concept\ntitle: Cultural industry\n"
                    + "names: {zh: 文化产业, zh-Hant: 文化產業, x-pinyin: wenhua chanye, es-419: industria cultural}\n"
            ))
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        let entity = try XCTUnwrap(model.entity(EntityID("concept/industry")!))
        XCTAssertEqual(entity.names.map(\.language), ["zh", "zh-Hant", "x-pinyin", "es-419"])
        XCTAssertEqual(entity.names.first?.text, "文化产业")
        XCTAssertEqual(
            entity.namesLine,
            "文化产业 (zh); 文化產業 (zh-Hant); wenhua chanye (x-pinyin); industria cultural (es-419)")
    }

    func testNamesThatAreNotLanguageTagsAreErrors() {
        let file = entityFile(
            "concepts/bad.md",
            "id: concept/bad\nkind: concept\ntitle: Bad\n"
                + "names:\n  chinese: 文化\n  zh_CN: 文化\n  ja: [a, b]\n  ko: ''\n")
        let model = load(file)
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/bad.md", line: 6, column: 3,
            message: "`names`: `chinese` is not a language tag", suggestion: "did you mean `zh`?")
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/bad.md", line: 7, column: 3,
            message: "`names`: `zh_CN` is not a language tag")
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/bad.md", line: 8, column: 7,
            message: "`names.ja` must be a name, as text")
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/bad.md", line: 9, column: 7,
            message: "`names.ko` must be a name, as text")
        let list = load(
            entityFile("concepts/l.md", "id: concept/l\nkind: concept\ntitle: L\nnames: [zh]\n"))
        assertDiagnostic(
            list.diagnostics, .error, path: "concepts/l.md", line: 5, column: 8,
            message: "`names` maps language tags to names")
    }

    func testLanguageTags() {
        for tag in ["zh", "zh-Hant", "zh-Latn-pinyin", "pt-BR", "es-419", "sw", "yue", "x-klingon"]
        {
            XCTAssertTrue(LanguageTag.isWellFormed(tag), tag)
        }
        for tag in ["", "c", "chinese", "zh_CN", "zh-", "-zh", "zh-toolongsubtag", "x", "中文"] {
            XCTAssertFalse(LanguageTag.isWellFormed(tag), tag)
        }
    }

    /// A case is grouped by what it illustrates first as written, not first in reading
    /// order: `[mechanism/zebra, mechanism/apple]` is zebra first.
    func testLinksKeepTheOrderTheyWereWrittenIn() {
        let model = load(
            entityFile(
                "a.md", "id: concept/apple\nkind: concept\ntitle: Apple\n"),
            entityFile(
                "z.md", "id: concept/zebra\nkind: concept\ntitle: Zebra\n"),
            entityFile(
                "c.md",
                "id: case/c\nkind: case\ntitle: C\nregion: Global\n"
                    + "illustrates: [concept/zebra, concept/apple]\n"))
        let id = EntityID("case/c")!
        XCTAssertEqual(
            model.targetsAsWritten(of: id, by: .illustrates).map(\.id.slug), ["zebra", "apple"])
        XCTAssertEqual(
            model.targets(of: id, by: .illustrates).map(\.id.slug), ["apple", "zebra"],
            "reading order is still there for lists that want it")
    }

    func testTheExportCarriesNamesCodesWordsRegionsAndLayers() throws {
        let model = load(
            entityFile(
                "parts/p.md",
                "id: connotation/p\nkind: connotation\ntitle: Policy\nfield: f\nlever: l\n"
                    + "names: {zh: 政策沟通}\n"))
        let object = JSONExport.object(for: model)
        let entities = try XCTUnwrap(object["entities"] as? [[String: Any]])
        let part = try XCTUnwrap(entities.first)
        let names = try XCTUnwrap(part["names"] as? [[String: String]])
        XCTAssertEqual(names, [["language": "zh", "text": "政策沟通"]])
        XCTAssertEqual(part["code"] as? String, "P")
        let vocabulary = try XCTUnwrap(object["vocabulary"] as? [String: [String: Any]])
        XCTAssertEqual(vocabulary["connotation"]?["plural"] as? String, "connotations")
        XCTAssertEqual(vocabulary["paper"]?["required"] as? [String], [])
        let regions = try XCTUnwrap(object["regions"] as? [[String: Any]])
        XCTAssertEqual(regions.first?["name"] as? String, "Europe")
        XCTAssertNotNil(object["layers"] as? [[String: Any]])
    }
}

/// Names in other languages (`names: {zh: ...}`) are searched as titles are.
final class NameSearchTests: XCTestCase {
    func testANameInAnotherLanguageRanksAsATitle() throws {
        let model = load(
            entityFile(
                "concepts/industry.md",
                "id: concept/industry\nkind: concept\ntitle: Cultural industry\n"
                    + "names: {zh: 文化产业, fr: industrie culturelle}\n",
                body: "Plain.\n"),
            entityFile(
                "concepts/other.md", "id: concept/other\nkind: concept\ntitle: Other\n",
                body: "The body mentions 文化产业 once, and l'industrie culturelle.\n"))
        for query in ["文化产业", "产业", "industrie"] {
            let results = model.search.search(query)
            XCTAssertEqual(results.first?.id.description, "concept/industry", query)
            XCTAssertEqual(results.first?.field, .title, query)
        }
    }
}
