import CaravanContent
import XCTest

@testable import CaravanUI

/// Content that is empty, missing or odd still makes a handout: a title and what there
/// is, no link to a place the handout does not hold, no step or entry twice.
final class HandoutOddInputTests: XCTestCase {
    private func load(_ files: [(String, String)]) -> ContentModel {
        ContentLoader.load(files: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    private func scans(_ selection: Handout.Selection, _ model: ContentModel) -> (
        HTMLScan, String
    ) {
        (
            HTMLScan(Handout.render(selection, format: .html, model: model)),
            Handout.render(selection, format: .markdown, model: model)
        )
    }

    func testEmptyContentMakesAHandoutWithATitleAndNothingElse() {
        let model = load([])
        let (html, text) = scans(.all, model)
        XCTAssertTrue(html.tags.contains { $0.name == "title" })
        XCTAssertTrue(html.text.contains("Contents"))
        XCTAssertEqual(html.brokenLinks, [])
        XCTAssertFalse(html.tags.contains { $0.name == "table" }, "no map, no matrix")
        XCTAssertFalse(html.tags.contains { $0.name == "article" })
        XCTAssertEqual(MarkdownScan(text).headings.map(\.text), ["Contents", "Contents"])
    }

    func testAnEntityThatIsNotThereMakesAnEmptyHandoutNamedForIt() throws {
        let id = try entityID("case/nowhere")
        let document = HandoutBuilder(model: TestContent.model).document(for: .entity(id))
        XCTAssertEqual(document.title, "case/nowhere")
        XCTAssertEqual(document.layout, .text)
        XCTAssertTrue(document.blocks.isEmpty)
        XCTAssertEqual(
            Handout.render(.entity(id), format: .markdown, model: TestContent.model), "\n")
        let page = Handout.render(.entity(id), format: .html, model: TestContent.model)
        XCTAssertTrue(page.contains("<title>case/nowhere</title>"))
        XCTAssertTrue(page.contains("<main>\n</main>"))
    }

    private static let pathFiles: [(String, String)] = [
        (
            "paths/p.md",
            """
            ---
            id: path/p
            kind: path
            title: Route
            steps: [case/a, case/gone, case/a, concept/b, path/p]
            ---
            Start at [A](case/a), then [elsewhere](concept/c).
            """
        ),
        (
            "cases/a.md",
            "---\nid: case/a\nkind: case\ntitle: A\nregion: Global\nsummary: A's summary.\n---\nBody A.\n"
        ),
        ("concepts/b.md", "---\nid: concept/b\nkind: concept\ntitle: B\naka: [Bee, Be]\n---\n"),
        (
            "concepts/c.md",
            "---\nid: concept/c\nkind: concept\ntitle: C\nsummary: Seen, not held.\n---\nText.\n"
        ),
    ]

    func testAPathHoldsEachStepOnceAndSkipsStepsThatAreNotThere() throws {
        let model = load(Self.pathFiles)
        let (html, text) = scans(.entity(try entityID("path/p")), model)
        let articles = html.tags.filter { $0.name == "article" && !$0.isClosing }
            .compactMap { $0.attributes["id"] }
        XCTAssertEqual(articles, ["path/p", "case/a", "concept/b"])
        let briefs = html.tags.filter { $0.attributes["class"] == "brief" }
            .compactMap { $0.attributes["id"] }
        XCTAssertEqual(briefs, ["concept/c"], "only what is linked and not held")
        XCTAssertTrue(html.text.contains("Seen, not held."), "a short entry's summary")
        XCTAssertTrue(html.text.contains("AlsoBee; Be"), "a concept's other names")
        XCTAssertTrue(html.text.contains("A — A's summary."), "a step with its summary")
        XCTAssertEqual(html.brokenLinks, [])
        let scan = MarkdownScan(text)
        XCTAssertEqual(scan.headings.first { $0.text == "See also" }?.level, 2)
        XCTAssertEqual(scan.headings.first { $0.text == "C" }?.level, 3)
        XCTAssertTrue(scan.links.contains("#concept/c"))
    }

    func testAnEntityWithNothingButATitleIsJustItsPage() throws {
        let model = load([("concepts/b.md", "---\nid: concept/b\nkind: concept\ntitle: B\n---\n")])
        let (html, text) = scans(.entity(try entityID("concept/b")), model)
        XCTAssertEqual(html.hrefs, [])
        XCTAssertFalse(html.tags.contains { $0.attributes["class"] == "back-matter" })
        XCTAssertFalse(html.tags.contains { $0.name == "dl" }, "no facts without values")
        XCTAssertEqual(MarkdownScan(text).headings.map(\.text), ["B"])
        XCTAssertTrue(text.hasPrefix("<a id=\"concept/b\"></a>\n\n# B\n\n"), text)
    }

    func testACitationOfAMissingReferenceIsShownAsItsKey() throws {
        let model = load([
            (
                "concepts/b.md",
                "---\nid: concept/b\nkind: concept\ntitle: B\n---\nAs shown [@nobody2020; @k].\n"
            ),
            (
                "references/k.md",
                "---\nid: reference/k\nkind: reference\ntitle: Known\nauthors: [Kay]\nyear: 2001\n---\n"
            ),
        ])
        let (html, _) = scans(.entity(try entityID("concept/b")), model)
        XCTAssertTrue(html.text.contains("(@nobody2020; "), html.text)
        XCTAssertEqual(Set(html.hrefs), ["#reference/k"], "the known one linked, body and links")
        XCTAssertEqual(html.brokenLinks, [])
    }

    func testADeckOfOneSlideSaysSoAndAPlainSlideHasNoNotes() throws {
        let model = load([
            ("decks/d.md", "---\nid: deck/d\nkind: deck\ntitle: D\n---\n# Only\n\nText.\n")
        ])
        let id = try entityID("deck/d")
        for notes in [false, true] {
            let document = HandoutBuilder(model: model).document(for: .entity(id, notes: notes))
            XCTAssertEqual(document.layout, .slides(notes: notes))
            let (html, text) = scans(.entity(id, notes: notes), model)
            XCTAssertTrue(html.text.contains(notes ? "1 slide, with speaker notes" : "1 slide"))
            XCTAssertFalse(html.text.contains("1 slides"))
            XCTAssertTrue(html.text.contains("1 / 1"))
            XCTAssertFalse(html.tags.contains { $0.attributes["class"] == "notes" })
            XCTAssertFalse(MarkdownScan(text).headings.contains { $0.text == "Notes" })
        }
    }

    func testAMapSlideWithoutAFrameworkShowsOnlyItsTitle() throws {
        let model = load([
            (
                "decks/d.md",
                "---\nid: deck/d\nkind: deck\ntitle: D\n---\n# Map\n---\nshow: view/map\n"
            )
        ])
        let (html, _) = scans(.entity(try entityID("deck/d")), model)
        XCTAssertFalse(html.tags.contains { $0.name == "table" })
        XCTAssertTrue(html.text.contains("2 / 2"))
    }

    func testTheMatrixCountsWhatItMarks() throws {
        let model = TestContent.model
        let blocks = try XCTUnwrap(HandoutBuilder(model: model).caseMatrix())
        guard case .table(let table) = blocks.first, case .facts(let key, .key) = blocks.last
        else { return XCTFail("a table and its key") }
        let columns = try XCTUnwrap(table.header.last).count
        XCTAssertEqual(key.count, columns - 2, "one key entry a mechanism column")
        for row in table.rows {
            XCTAssertEqual(row.count, columns)
            let marks = row.filter { $0.isMark && !$0.lines.isEmpty }.count
            XCTAssertEqual(row.last.map(text), String(marks))
        }
        let footer = try XCTUnwrap(table.footer.first)
        XCTAssertEqual(footer.last.map(text), String(table.rows.count))
        for column in 1..<(columns - 1) {
            let marked = table.rows.filter { !$0[column].lines.isEmpty }.count
            XCTAssertEqual(text(footer[column]), String(marked), "column \(column)")
        }
        let spans = table.header.first?.reduce(0) { $0 + $1.span }
        XCTAssertEqual(spans, columns, "the groups span the codes below them")
    }

    func testTheMapHasARowAConnotationWithItsMechanismsIndented() throws {
        let model = TestContent.model
        guard case .table(let map)? = HandoutBuilder(model: model).frameworkMap() else {
            return XCTFail("a map")
        }
        let index = FrameworkIndex(model: model)
        XCTAssertEqual(map.rows.count, index.connotations.count)
        XCTAssertEqual(map.rows.map { text($0[0]) }, index.connotations.map(\.code))
        for (row, connotation) in zip(map.rows, index.connotations) {
            let lines = try XCTUnwrap(row.last).lines
            XCTAssertEqual(lines.map(\.depth), connotation.mechanisms.map(\.depth))
        }
        XCTAssertEqual(
            map.header.last?.map(text), ["Code", "Connotation", "Field", "Lever", "Mechanisms"])
        XCTAssertNil(HandoutBuilder(model: load([])).frameworkMap())
        XCTAssertNil(HandoutBuilder(model: load([])).caseMatrix())
    }

    /// A cell's text, its inlines' text joined.
    private func text(_ cell: HandoutTable.Cell) -> String {
        cell.lines.map { line in
            line.inlines.map { inline -> String in
                switch inline {
                case .text(let text): return text
                case .entity(_, let children), .strong(let children):
                    return children.compactMap {
                        if case .text(let text) = $0 { return text }
                        return nil
                    }.joined()
                default: return ""
                }
            }.joined()
        }.joined(separator: "\n")
    }
}
