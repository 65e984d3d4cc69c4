import CaravanContent
import XCTest

@testable import CaravanUI

/// Content is untrusted: whatever its titles, bodies, fields, slides and notes hold, a
/// handout shows it as text. It can add no element, attribute, script, style or link that
/// the writer did not mean.
final class HandoutEscapingTests: XCTestCase {
    static let script = "<script>alert(1)</script>"
    static let hostileTitle = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"q\" 'a'"

    /// Every kind of text a handout prints, each holding markup, quotes that would end an
    /// attribute, `javascript:` and `data:` links, and control characters.
    static let hostile: ContentModel = ContentLoader.load(files: [
        SourceFile(
            path: "paper.md",
            text: """
                ---
                id: paper/p
                kind: paper
                title: '\(hostileTitle.replacingOccurrences(of: "'", with: "''"))'
                summary: '" onmouseover="alert(3)" x="'
                keywords: ['</style><script>alert(4)</script>']
                authors:
                  - name: '<b onclick=alert(5)>Author</b>'
                    affiliations: [1]
                affiliations:
                  - number: 1
                    name: "<a href='javascript:alert(6)'>Institute</a>"
                names: {zh: '<i>名</i>', x-evil: '"><script>alert(7)</script>'}
                ---
                # <h1 onmouseover=alert(8)>Heading</h1>

                [one](javascript:alert(9)) [two](JaVaScRiPt:alert(10)) [three](data:text/html,x)
                [four](java&#x09;script:alert(11)) [five](vbscript:msgbox) [six](file:///etc/passwd)
                ![seven](javascript:alert(12)) <javascript:alert(13)> [ok](https://example.org/?a=1&b="2")

                <div onclick="alert(14)">raw block</div>

                Inline <span style="background:url(http://example.test/x)">raw</span> and an escape \u{1B}[31m red.

                See [the case](case/c) and [@k, p. "5"].
                """),
        SourceFile(
            path: "cases/c.md",
            text: """
                ---
                id: case/c
                kind: case
                title: 'Case </td></tr></table><script>alert(15)</script>'
                region: Global
                country: ['<iframe src=http://example.test/>']
                illustrates: [connotation/k]
                figures:
                  - label: '</caption><script>alert(16)</script>'
                    value: '<b>1</b>'
                significance: '<style>body{background:url(http://example.test/)}</style>'
                ---
                Body.
                """),
        SourceFile(
            path: "framework/k.md",
            text: """
                ---
                id: connotation/k
                kind: connotation
                title: '<svg onload=alert(17)>'
                field: '<th>field'
                lever: '"lever"'
                relations:
                  - to: case/c
                    note: '<script>alert(18)</script>'
                ---
                """),
        SourceFile(
            path: "framework/m.md",
            text: """
                ---
                id: mechanism/m
                kind: mechanism
                title: '<object data=http://example.test/>'
                connotation: connotation/k
                ---
                """),
        SourceFile(
            path: "references/k.md",
            text: """
                ---
                id: reference/k
                kind: reference
                title: '<link rel=stylesheet href=http://example.test/x.css>'
                authors: ['<base href=http://example.test/>']
                year: 2020
                url: 'javascript:alert(19)'
                ---
                """),
        SourceFile(
            path: "decks/d.md",
            text: """
                ---
                id: deck/d
                kind: deck
                title: '<marquee>Deck</marquee>'
                ---
                # <script>alert(20)</script>

                <form action="http://example.test/"><input name=x></form>

                Notes: <script>alert(21)</script> [x](javascript:alert(22))
                ---
                show: case/c

                Notes: `</code><script>alert(23)</script>`
                ---
                show: view/map
                """),
    ])

    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "section",
        "article", "nav", "div", "h1", "h2", "h3", "h4", "h5", "h6", "p", "dl", "dt", "dd", "ul",
        "ol", "li", "blockquote", "pre", "code", "hr", "br", "table", "caption", "thead",
        "tbody", "tfoot", "tr", "th", "td", "a", "em", "strong", "span",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "rel",
        "scope", "colspan", "start",
    ]

    func testTheHostileContentLoadsSoTheTestsReadIt() {
        let model = HandoutEscapingTests.hostile
        XCTAssertEqual(model.entities.count, 6)
        XCTAssertEqual(model.deck(EntityID(kind: .deck, slug: "d"))?.slides.count, 3)
    }

    func testHTMLHoldsOnlyTheWritersMarkup() {
        let model = HandoutEscapingTests.hostile
        let selections: [Handout.Selection] =
            [.all, .entity(EntityID(kind: .deck, slug: "d"), notes: true)]
            + model.entities.map { .entity($0.id) }
        for selection in selections {
            let page = Handout.render(selection, format: .html, model: model)
            let scan = HTMLScan(page)
            XCTAssertEqual(
                scan.tags.first,
                HTMLScan.Tag(name: "!doctype", attributes: ["html": ""], isClosing: false))
            for tag in scan.tags.dropFirst() {
                XCTAssertTrue(
                    HandoutEscapingTests.allowedTags.contains(tag.name),
                    "<\(tag.name)> in \(selection)")
                for key in tag.attributes.keys {
                    XCTAssertTrue(
                        HandoutEscapingTests.allowedAttributes.contains(key),
                        "\(key)= on <\(tag.name)> in \(selection)")
                }
            }
            XCTAssertEqual(scan.tags.filter { $0.name == "style" }.count, 2, "one style element")
            XCTAssertEqual(
                scan.style.trimmingCharacters(in: .newlines),
                HandoutStyle.css(for: HandoutBuilder(model: model).document(for: selection).layout)
                    .trimmingCharacters(in: .newlines), "content adds nothing to the style")
            for href in scan.hrefs {
                XCTAssertTrue(
                    href.hasPrefix("#") || href.hasPrefix("https://"),
                    "href \(href) in \(selection)")
            }
            XCTAssertEqual(scan.brokenLinks, [], "\(selection)")
            XCTAssertFalse(page.contains("\u{1B}"), "no raw escape character")
            XCTAssertFalse(page.lowercased().contains("javascript:alert(9)\""))
        }
    }

    func testHostileTextIsShownAsTheTextItWas() {
        let model = HandoutEscapingTests.hostile
        let page = Handout.render(
            .entity(EntityID(kind: .paper, slug: "p")), format: .html, model: model)
        let scan = HTMLScan(page)
        XCTAssertTrue(scan.text.contains(HandoutEscapingTests.hostileTitle), "the title, as text")
        XCTAssertTrue(scan.text.contains("\" onmouseover=\"alert(3)\" x=\""))
        XCTAssertTrue(
            scan.text.contains("one <javascript:alert(9)>"), "a bad link shows its address")
        XCTAssertTrue(scan.text.contains("an escape ^[[31m red"), "control characters made visible")
        XCTAssertTrue(scan.text.contains(", 2020, p. \"5\")"), "a citation's locator, as text")
        let title = scan.tags.first { $0.name == "title" }
        XCTAssertNotNil(title)
        XCTAssertTrue(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Names keep their languages; a name is text whatever it holds.
        XCTAssertTrue(page.contains("<span lang=\"zh\">&lt;i&gt;名&lt;/i&gt;</span>"))
        XCTAssertTrue(page.contains("<span lang=\"x-evil\">&quot;&gt;&lt;script&gt;"))
        // The one good address is linked; nothing else is.
        XCTAssertEqual(scan.hrefs.filter { !$0.hasPrefix("#") }, [])
        XCTAssertTrue(scan.text.contains("ok <https://example.org/?a=1&b=\"2\">"))
    }

    func testMarkdownHoldsOnlyItsAnchorsAndReadsBackAsText() {
        let model = HandoutEscapingTests.hostile
        for selection in [
            Handout.Selection.all, .entity(EntityID(kind: .deck, slug: "d"), notes: true),
        ] {
            let text = Handout.render(selection, format: .markdown, model: model)
            let scan = MarkdownScan(text)
            let anchors = scan.html.filter { $0 != "</a>" }
            for html in anchors {
                XCTAssertNotNil(
                    html.range(of: #"^<a id="[a-z0-9/-]+">$"#, options: .regularExpression),
                    "raw HTML \(html) in \(selection)")
            }
            let ids = Set(anchors.map { $0.dropFirst(7).dropLast(2) }.map(String.init))
            for link in scan.links {
                if link.hasPrefix("#") {
                    XCTAssertTrue(ids.contains(String(link.dropFirst())), "\(link) leads nowhere")
                } else {
                    XCTAssertTrue(link.hasPrefix("https://"), "a link to \(link)")
                }
            }
            XCTAssertFalse(text.contains("\u{1B}"))
        }
        let paper = MarkdownScan(Handout.render(.all, format: .markdown, model: model))
        XCTAssertEqual(
            paper.headings.first?.text,
            HandoutEscapingTests.hostileTitle + " · <i>名</i> · \"><script>alert(7)</script>")
        XCTAssertTrue(paper.paragraphs.contains { $0.contains("one <javascript:alert(9)>") })
    }

    func testOnlyWebAndMailAddressesAreLinked() {
        for address in [
            "http://example.org", "https://example.org/a?b=1&c=2#d", "mailto:a@example.org",
            "HTTPS://EXAMPLE.ORG",
        ] {
            XCTAssertTrue(HandoutURL.isAllowed(address), address)
        }
        for address in [
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
            "//example.org", "/relative", "#anchor", "case/almaty", "https://", "http://a b",
            "https://example.org/\"onmouseover=\"x", "https://example.org/<x>",
            "https://a\u{202E}b",
            "https://a\u{0}b", "mailto:", "",
        ] {
            XCTAssertFalse(HandoutURL.isAllowed(address), address)
        }
    }

    /// Text that would be Markdown if written as it is reads back as itself.
    func testMarkdownEscapingKeepsTextAsText() {
        let samples = [
            "# not a heading", "1. not a list", "2) nor this", "- nor this", "+ nor this",
            "* nor this", "> not a quote", "*not emphasis*", "_nor this_", "**nor strong**",
            "`not code`", "[not a link](case/x)", "![no image](x.png)", "<b>no tag</b>",
            "&copy; stays &amp; as written", "a | b | c", "~~not struck~~", "back\\slash",
            "===", "---", "    four spaces", "<https://example.org>", "[ref]: https://x",
            "```", "~~~", "a\\", "tail #", "9999999999. big", "&#169;",
        ]
        for sample in samples {
            let rendered = MarkdownInlines(anchors: []).render([.text(sample)])
            let scan = MarkdownScan(rendered + "\n")
            let expected = sample.hasPrefix("    ") ? String(sample.drop { $0 == " " }) : sample
            XCTAssertEqual(scan.paragraphs, [expected], "«\(sample)» written as «\(rendered)»")
            XCTAssertEqual(scan.html, [], sample)
            XCTAssertEqual(scan.links, [], sample)
        }
        // After a hard break a line starts again, and is escaped as one.
        let lines = MarkdownInlines(anchors: []).render([
            .text("first"), .lineBreak, .text("# second"),
        ])
        XCTAssertEqual(MarkdownScan(lines + "\n").paragraphs, ["first\n# second"])
    }

    /// A heading keeps a `#` at its end, which would otherwise close it; text after a
    /// heading's marks or a fact's label is not at a line's start, so "4.6" stays as written.
    func testHeadingsAndFactsAreEscapedForWhereTheyStand() {
        let document = HandoutDocument(
            title: "t", layout: .text,
            blocks: [
                .heading(level: 2, [.text("Learning C #")]),
                .heading(level: 2, [.text("4.6 Integration ##")]),
                .facts([HandoutFact(label: "Section", value: [.text("4.6 Integration")])]),
            ])
        let text = MarkdownHandoutWriter(document: document).text
        let scan = MarkdownScan(text)
        XCTAssertEqual(scan.headings.map(\.text), ["Learning C #", "4.6 Integration ##"])
        XCTAssertTrue(text.contains("**Section:** 4.6 Integration"), text)
        XCTAssertFalse(text.contains("4\\."), "no needless escape: \(text)")
    }
}
