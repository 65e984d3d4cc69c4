import CaravanContent
import XCTest

@testable import CaravanUI

/// The two writers set each block of a handout as its format sets it, and the builder
/// makes a handout of anything it is given, odd or empty, without a link that leads nowhere.
final class HandoutWriterTests: XCTestCase {
    private func document(_ blocks: [HandoutBlock], layout: HandoutDocument.Layout = .text)
        -> HandoutDocument
    {
        HandoutDocument(title: "T", layout: layout, blocks: blocks)
    }

    private func markdown(_ blocks: [HandoutBlock]) -> String {
        MarkdownHandoutWriter(document: document(blocks)).text
    }

    /// The page's body, between `<main>` and `</main>`.
    private func html(_ blocks: [HandoutBlock]) -> String {
        let page = HTMLHandoutWriter(document: document(blocks)).text
        guard let open = page.range(of: "<main>\n"), let close = page.range(of: "</main>") else {
            return page
        }
        return String(page[open.upperBound..<close.lowerBound])
    }

    private static let table = HandoutTable(
        role: .matrix, caption: "Cases | marks",
        header: [
            [HandoutTable.Cell([.text("Group")], span: 2, isHeader: true)],
            [.text("Case", isHeader: true), .text("H1", isHeader: true)],
        ],
        rows: [
            [
                HandoutTable.Cell([.text("a|b")], isHeader: true),
                { () -> HandoutTable.Cell in
                    var cell = HandoutTable.Cell.text("●")
                    cell.isMark = true
                    return cell
                }(), .text("extra"),
            ],
            [HandoutTable.Cell(lines: [(0, [.text("top")]), (1, [.text("part")])])],
        ],
        footer: [[.text("Cases", isHeader: true), .text("1")]])

    // MARK: Markdown

    func testAnEmptyHandoutIsOneLine() {
        XCTAssertEqual(markdown([]), "\n")
        XCTAssertEqual(
            markdown([
                .paragraph([]), .facts([]),
                .section(
                    HandoutSection(
                        role: .part, anchor: nil, blocks: [])),
            ]), "\n", "empty blocks leave no blank lines")
        XCTAssertEqual(html([]), "")
    }

    func testMarkdownHeadingsClampTheirLevel() {
        XCTAssertEqual(markdown([.heading(level: 0, [.text("a")])]), "# a\n")
        XCTAssertEqual(markdown([.heading(level: 9, [.text("a")])]), "###### a\n")
        XCTAssertEqual(html([.heading(level: -1, [.text("a")])]), "<h1>a</h1>\n")
        XCTAssertEqual(html([.heading(level: 7, [.text("a")])]), "<h6>a</h6>\n")
    }

    func testMarkdownParagraphRoles() {
        XCTAssertEqual(markdown([.paragraph([.text("Sum")], .summary)]), "*Sum*\n")
        XCTAssertEqual(markdown([.paragraph([], .summary)]), "\n", "no empty emphasis")
        XCTAssertEqual(markdown([.paragraph([.text("3 / 9")], .number)]), "3 / 9\n")
        XCTAssertEqual(
            html([.paragraph([.text("3 / 9")], .number)]), "<p class=\"number\">3 / 9</p>\n")
        XCTAssertEqual(html([.paragraph([.text("x")])]), "<p>x</p>\n")
    }

    func testMarkdownFactsAreABoldLabelAndItsValue() {
        let facts = [
            HandoutFact(label: "Field*", value: [.text("- trade")]),
            HandoutFact(label: "When", value: [.text("2013")]),
        ]
        XCTAssertEqual(
            markdown([.facts(facts)]), "- **Field\\*:** - trade\n- **When:** 2013\n")
        XCTAssertEqual(
            html([.facts(facts, .key)]),
            "<dl class=\"key\">\n<div><dt>Field*</dt><dd>- trade</dd></div>\n"
                + "<div><dt>When</dt><dd>2013</dd></div>\n</dl>\n")
    }

    func testListsNumberFromTheirStartAndIndentTheirParts() {
        let tight: HandoutBlock = .list(
            ordered: true, start: 3,
            items: [[.paragraph([.text("c")])], [.paragraph([.text("d")])]])
        XCTAssertEqual(markdown([tight]), "3. c\n4. d\n")
        XCTAssertTrue(html([tight]).hasPrefix("<ol start=\"3\">\n<li><p>c</p>\n</li>"))
        let first: HandoutBlock = .list(ordered: true, start: 1, items: [[.paragraph([])]])
        XCTAssertTrue(html([first]).hasPrefix("<ol>\n"))
        let loose: HandoutBlock = .list(
            ordered: false, start: 1,
            items: [
                [.paragraph([.text("a")]), .paragraph([.text("more")])], [.paragraph([.text("b")])],
            ])
        XCTAssertEqual(markdown([loose]), "- a\n\n  more\n\n- b\n")
        let scan = MarkdownScan(markdown([loose]))
        XCTAssertEqual(scan.paragraphs, ["a", "more", "b"])
        XCTAssertEqual(scan.blockCounts["list"], 1, "the second paragraph stays in its item")
        let wide: HandoutBlock = .list(
            ordered: true, start: 9,
            items: [[.paragraph([.text("nine")])], [.paragraph([.text("ten")]), .code("x")]])
        XCTAssertEqual(markdown([wide]), "9. nine\n\n10. ten\n\n    ```\n    x\n    ```\n")
    }

    func testQuotesMarkEveryLineAndCodeFencesOutrunTheirText() {
        let quote: HandoutBlock = .quote([.paragraph([.text("a")]), .paragraph([.text("b")])])
        XCTAssertEqual(markdown([quote]), "> a\n>\n> b\n")
        XCTAssertEqual(html([quote]), "<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>\n")
        XCTAssertEqual(markdown([.code("a\n````\nb")]), "`````\na\n````\nb\n`````\n")
        XCTAssertEqual(markdown([.code("")]), "```\n\n```\n")
        let code = MarkdownScan(markdown([.code("x\u{1B}[0m\n<b>")]))
        XCTAssertEqual(code.blockCounts["code_block"], 1)
        XCTAssertEqual(html([.code("<b>\n&")]), "<pre><code>&lt;b&gt;\n&amp;</code></pre>\n")
        XCTAssertEqual(markdown([.rule]), "* * *\n")
        XCTAssertEqual(html([.rule]), "<hr>\n")
    }

    func testASlideEndsWithARuleAndCarriesItsAnchor() {
        let slide = HandoutSection(
            role: .slide, anchor: "slide-1", blocks: [.heading(level: 2, [.text("One")])])
        let cover = HandoutSection(role: .coverSlide, anchor: "slide-2", blocks: [])
        XCTAssertEqual(
            markdown([.section(slide), .section(cover)]),
            "<a id=\"slide-1\"></a>\n\n## One\n\n* * *\n\n<a id=\"slide-2\"></a>\n\n* * *\n")
    }

    func testAMarkdownTableKeepsItsLastHeaderRowAndFillsItsColumns() {
        let text = markdown([.table(Self.table)])
        XCTAssertEqual(
            text,
            """
            **Cases \\| marks**

            | Case | H1 |
            | --- | --- |
            | a\\|b | ● |
            | top; part |  |
            | Cases | 1 |

            """)
        let headless = HandoutTable(role: .figures, caption: "x", header: [], rows: [[.text("a")]])
        XCTAssertEqual(markdown([.table(headless)]), "\n", "no head, no table")
    }

    // MARK: HTML

    func testAnHTMLTableScopesItsHeadersAndMarksItsMarks() {
        let body = html([.table(Self.table)])
        XCTAssertTrue(body.hasPrefix("<div class=\"table\"><table class=\"matrix\">\n"))
        XCTAssertTrue(body.contains("<caption>Cases | marks</caption>"))
        XCTAssertTrue(body.contains("<tr><th scope=\"col\" colspan=\"2\">Group</th></tr>"))
        XCTAssertTrue(
            body.contains("<tr><th scope=\"row\">a|b</th><td class=\"mark\">●</td><td>extra</td>"))
        XCTAssertTrue(
            body.contains(
                "<td><div class=\"line depth-0\">top</div><div class=\"line depth-1\">part</div>"))
        XCTAssertTrue(body.contains("<tfoot>\n<tr><th scope=\"row\">Cases</th><td>1</td></tr>"))
        let bare = HandoutTable(role: .map, caption: "", header: [], rows: [])
        XCTAssertEqual(
            html([.table(bare)]),
            "<div class=\"table\"><table class=\"map\">\n<caption></caption>\n</table></div>\n")
        let deep = HandoutTable(
            role: .map, caption: "", header: [],
            rows: [[HandoutTable.Cell(lines: [(30, [.text("x")])])]])
        XCTAssertTrue(html([.table(deep)]).contains("depth-8"), "indents stop at eight")
    }

    func testHTMLInlinesAndNames() throws {
        XCTAssertEqual(
            html([.paragraph([.emphasis([.text("a")]), .strong([.text("b")]), .code("<c>")])]),
            "<p><em>a</em><strong>b</strong><code>&lt;c&gt;</code></p>\n")
        XCTAssertEqual(
            html([.paragraph([.url("https://a.org/?x=1&y=2", [.text("a")])])]),
            "<p><a class=\"external\" href=\"https://a.org/?x=1&amp;y=2\" rel=\"noreferrer\">a</a>"
                + "</p>\n")
        XCTAssertEqual(
            html([.paragraph([.url("file:///etc", [.text("a")])])]),
            "<p>a &lt;file:///etc&gt;</p>\n")
        XCTAssertEqual(
            html([.paragraph([.entity(try entityID("case/x"), [.text("x")])])]), "<p>x</p>\n")
        XCTAssertEqual(
            html([.paragraph([.text("a"), .softBreak, .text("b"), .lineBreak, .text("c")])]),
            "<p>a\nb<br>\nc</p>\n")
        let names: [LocalizedName] = [
            .init(language: "zh-Hant", text: "絲路"), .init(language: "not a tag", text: "x"),
            .init(language: "x-private", text: "p"),
        ]
        XCTAssertEqual(
            html([.heading(level: 1, [.text("Silk"), .names(names)])]),
            "<h1>Silk <span class=\"names\"><span lang=\"zh-Hant\">絲路</span> · "
                + "<span lang=\"x-private\">p</span></span></h1>\n")
        XCTAssertEqual(
            html([.heading(level: 1, [.text("S"), .names([.init(language: "", text: "x")])])]),
            "<h1>S</h1>\n", "no well-formed language, no names")
    }

    func testHTMLTextEscapesTheFiveCharactersAndShowsControls() {
        XCTAssertEqual(
            HTMLText.escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTMLText.escape("一带一路"), "一带一路")
        XCTAssertEqual(HTMLText.escape(""), "")
        XCTAssertFalse(HTMLText.escape("a\u{1B}b\u{7}").contains("\u{1B}"))
        XCTAssertEqual(HTMLText.escapeLines("<\n\n>"), "&lt;\n\n&gt;")
    }

    func testTheLayoutSetsTheBodysClassAndStyle() {
        for (layout, bodyClass) in [
            (HandoutDocument.Layout.text, "handout"), (.slides(notes: false), "handout deck"),
            (.slides(notes: true), "handout deck notes"),
        ] {
            let page = HTMLHandoutWriter(document: document([], layout: layout)).text
            XCTAssertTrue(page.contains("<body class=\"\(bodyClass)\">"), bodyClass)
            XCTAssertTrue(page.contains(HandoutStyle.css(for: layout)), bodyClass)
        }
        XCTAssertNotEqual(
            HandoutStyle.css(for: .slides(notes: true)),
            HandoutStyle.css(for: .slides(notes: false)))
        XCTAssertTrue(HandoutStyle.css(for: .slides(notes: false)).hasPrefix(HandoutStyle.common))
    }

    // MARK: Structure

    func testAnchorsAreFoundAtAnyDepth() {
        let inner = HandoutSection(role: .brief, anchor: "deep", blocks: [])
        let blocks: [HandoutBlock] = [
            .section(HandoutSection(role: .part, anchor: nil, blocks: [.section(inner)])),
            .list(
                ordered: false, start: 1,
                items: [
                    [
                        .quote([
                            .section(
                                HandoutSection(role: .brief, anchor: "quoted", blocks: []))
                        ])
                    ]
                ]),
            .section(HandoutSection(role: .slide, anchor: "slide-1", blocks: [])),
        ]
        XCTAssertEqual(document(blocks).anchors, ["deep", "quoted", "slide-1"])
        XCTAssertEqual(document([]).anchors, [])
    }

    func testEntityLinksAreFoundInEveryKindOfBlockInOrder() throws {
        let a = try entityID("case/a")
        let b = try entityID("case/b")
        let c = try entityID("case/c")
        let d = try entityID("case/d")
        let e = try entityID("case/e")
        let blocks: [HandoutBlock] = [
            .heading(level: 1, [.emphasis([.entity(a, [.entity(b, [])])])]),
            .facts([HandoutFact(label: "L", value: [.anchor("x", [.entity(c, [])])])]),
            .table(
                HandoutTable(
                    role: .figures, caption: "", header: [],
                    rows: [
                        [HandoutTable.Cell(lines: [(2, [.url("https://x.org", [.entity(d, [])])])])]
                    ])),
            .quote([
                .list(ordered: true, start: 1, items: [[.paragraph([.strong([.entity(e, [])])])]])
            ]),
            .code("[x](case/f)"), .rule,
        ]
        XCTAssertEqual(HandoutBuilder.entityLinks(in: blocks), [a, b, c, d, e])
    }
}
