import CaravanContent
import XCTest

@testable import CaravanUI

/// Every character CommonMark could read as markup is escaped where it would be read so,
/// and only there; code spans, destinations and inline runs are written so they read back
/// as what they were.
final class MarkdownTextTests: XCTestCase {
    private func escape(_ text: String, atLineStart: Bool = false) -> String {
        MarkdownText.escape(text, atLineStart: atLineStart)
    }

    func testEachInlineSpecialIsEscapedWhereverItStands() {
        for special in MarkdownText.inlineSpecials {
            XCTAssertEqual(escape("a\(special)b"), "a\\\(special)b", "\(special)")
            XCTAssertEqual(escape("\(special)", atLineStart: true), "\\\(special)", "\(special)")
            XCTAssertEqual(MarkdownScan(escape("a\(special)b") + "\n").paragraphs, ["a\(special)b"])
        }
        XCTAssertEqual(escape("a**b**c"), "a\\*\\*b\\*\\*c")
    }

    func testLineStartSpecialsAreEscapedOnlyAtTheStart() {
        for special in MarkdownText.lineStartSpecials {
            let text = "\(special) item"
            XCTAssertEqual(escape(text, atLineStart: true), "\\" + text, "\(special)")
            let inside = escape(text)
            let expected = MarkdownText.inlineSpecials.contains(special) ? "\\" + text : text
            XCTAssertEqual(inside, expected, "\(special) not at a line's start")
            XCTAssertEqual(escape("x" + text, atLineStart: true), "x" + expected)
            XCTAssertEqual(MarkdownScan(escape(text, atLineStart: true) + "\n").paragraphs, [text])
        }
    }

    func testNumbersOpeningALineAreNoList() {
        XCTAssertEqual(escape("12. twelve", atLineStart: true), "12\\. twelve")
        XCTAssertEqual(escape("3) three", atLineStart: true), "3\\) three")
        XCTAssertEqual(escape("2023 was", atLineStart: true), "2023 was", "no mark after it")
        XCTAssertEqual(escape("4.6", atLineStart: true), "4\\.6")
        XCTAssertEqual(escape("12. twelve"), "12. twelve", "not at a line's start")
        XCTAssertEqual(escape("７. wide", atLineStart: true), "７. wide", "only ASCII digits")
        XCTAssertEqual(escape("42", atLineStart: true), "42", "digits to the end")
        XCTAssertEqual(escape("a 1. b", atLineStart: true), "a 1. b")
    }

    func testSpacesOpeningALineAreDroppedAndKeptElsewhere() {
        XCTAssertEqual(escape("    code?", atLineStart: true), "code?")
        XCTAssertEqual(escape("   # h", atLineStart: true), "\\# h", "then the start is escaped")
        XCTAssertEqual(escape("  two"), "  two")
        XCTAssertEqual(escape("    ", atLineStart: true), "")
        XCTAssertEqual(escape("", atLineStart: true), "")
        XCTAssertEqual(escape(""), "")
    }

    func testAnAmpersandIsEscapedOnlyWhereItStartsAReference() {
        for reference in ["&copy;", "&#169;", "&#xA9;", "&amp;", "&A1;"] {
            XCTAssertEqual(escape("a " + reference), "a \\" + reference, reference)
            XCTAssertEqual(MarkdownScan(escape(reference) + "\n").paragraphs, [reference])
        }
        for plain in [
            "a & b", "&;", "&#;", "&copy", "&co py;", "&a-b;", "&é;",
            "&" + String(repeating: "a", count: 33) + ";",
        ] {
            XCTAssertEqual(escape(plain), plain, plain)
        }
        let longest = "&" + String(repeating: "a", count: 32) + ";"
        XCTAssertEqual(escape(longest), "\\" + longest, "32 letters may name an entity")
    }

    func testExtraCharactersAreEscapedWhenAsked() {
        XCTAssertEqual(MarkdownText.escape("C# ##", atLineStart: false, also: ["#"]), "C\\# \\#\\#")
        XCTAssertEqual(MarkdownText.escape("C# ##", atLineStart: false), "C# ##")
    }

    func testControlCharactersAreShownNeverWritten() {
        for control in ["\u{1B}[31m", "\u{7}", "\u{0}", "\u{9B}", "\u{202E}", "\r"] {
            let escaped = escape("a" + control + "b")
            XCTAssertFalse(escaped.unicodeScalars.contains { $0 == control.unicodeScalars.first })
            XCTAssertEqual(escaped, escape(Sanitizer.visible("a" + control + "b")))
        }
    }

    func testCJKAndEmojiPassThrough() {
        XCTAssertEqual(escape("一带一路 · 民心相通 🚄", atLineStart: true), "一带一路 · 民心相通 🚄")
        XCTAssertEqual(escape("“引号”「括号」"), "“引号”「括号」")
    }

    func testACodeSpanHoldsAnyTextAsItIs() {
        let cases: [(String, String)] = [
            ("", ""), ("a", "`a`"), ("a`b", "``a`b``"), ("`a", "`` `a ``"), ("a`", "`` a` ``"),
            ("a``b`", "``` a``b` ```"), (" a ", "`  a  `"), ("   ", "`   `"), (" a", "` a`"),
            ("*not*", "`*not*`"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(MarkdownText.codeSpan(text), expected, text)
            if !text.isEmpty, text.contains(where: { $0 != " " }) {
                XCTAssertEqual(MarkdownScan(expected + "\n").paragraphs, [text], expected)
            }
        }
        XCTAssertEqual(MarkdownText.codeSpan("a|b", inTableCell: true), "`a\\|b`")
        XCTAssertEqual(MarkdownText.codeSpan("a|b"), "`a|b`")
    }

    func testLongestRun() {
        XCTAssertEqual(MarkdownText.longestRun(of: "`", in: ""), 0)
        XCTAssertEqual(MarkdownText.longestRun(of: "`", in: "abc"), 0)
        XCTAssertEqual(MarkdownText.longestRun(of: "`", in: "`a``b```"), 3)
        XCTAssertEqual(MarkdownText.longestRun(of: "`", in: "```a`"), 3)
    }

    func testADestinationKeepsItsBracketsInside() {
        let address = "https://en.wikipedia.org/wiki/Silk_(disambiguation)"
        let escaped = MarkdownText.escapeDestination(address)
        XCTAssertEqual(escaped, "https://en.wikipedia.org/wiki/Silk_\\(disambiguation\\)")
        XCTAssertEqual(MarkdownScan("[x](" + escaped + ")\n").links, [address])
        XCTAssertEqual(MarkdownText.escapeDestination("#case/x"), "#case/x")
    }

    // MARK: Inline runs

    private func inline(_ inlines: [HandoutInline], anchors: Set<String> = []) -> String {
        MarkdownInlines(anchors: anchors).render(inlines)
    }

    func testEmphasisKeepsItsSpacesOutsideItsMarks() {
        XCTAssertEqual(inline([.text("x"), .emphasis([.text(" a ")]), .text("y")]), "x *a* y")
        XCTAssertEqual(inline([.strong([.text("bold ")]), .text("x")]), "**bold** x")
        XCTAssertEqual(inline([.emphasis([.text("  ")])]), "", "nothing to emphasise")
        XCTAssertEqual(inline([.emphasis([])]), "")
        XCTAssertEqual(inline([.text("a "), .emphasis([.text("  ")])]), "a   ")
        XCTAssertEqual(inline([.emphasis([.text("- x")])]), "*\\- x*", "the mark opens the line")
        let scan = MarkdownScan(inline([.text("a"), .strong([.text(" *b* ")]), .text("c")]) + "\n")
        XCTAssertEqual(scan.paragraphs, ["a *b* c"])
    }

    func testLinksLeadOnlyToHeldAnchorsAndAllowedAddresses() throws {
        let id = try entityID("case/x")
        XCTAssertEqual(inline([.entity(id, [.text("X")])]), "X", "not held: its text")
        XCTAssertEqual(inline([.entity(id, [.text("X")])], anchors: ["case/x"]), "[X](#case/x)")
        XCTAssertEqual(
            inline([.anchor("slide-2", [.text("two")])], anchors: ["slide-2"]),
            "[two](#slide-2)")
        XCTAssertEqual(inline([.anchor("slide-9", [.text("nine")])], anchors: ["slide-2"]), "nine")
        XCTAssertEqual(
            inline([.url("https://a.org/(b)", [.text("a")])]), "[a](https://a.org/\\(b\\))")
        XCTAssertEqual(
            inline([.url("javascript:alert(1)", [.text("a")])]), "a \\<javascript:alert(1)>")
        let held = MarkdownScan(
            inline([.text("- "), .entity(id, [.text("[X]")])], anchors: ["case/x"]) + "\n")
        XCTAssertEqual(held.links, ["#case/x"])
        XCTAssertEqual(held.paragraphs, ["- [X]"])
    }

    func testNamesFollowTheTitleEscaped() {
        XCTAssertEqual(inline([.names([])]), "")
        let names = [
            LocalizedName(language: "zh", text: "人文*内涵"),
            LocalizedName(language: "ru", text: "Шёлк"),
        ]
        XCTAssertEqual(inline([.text("T"), .names(names)]), "T · 人文\\*内涵 · Шёлк")
    }

    func testBreaksAreLinesInTextAndSpacesInHeadingsAndCells() {
        let lines: [HandoutInline] = [.text("a"), .softBreak, .text("- b"), .lineBreak, .text("c")]
        XCTAssertEqual(inline(lines), "a\n\\- b\\\nc")
        XCTAssertEqual(MarkdownInlines(anchors: [], heading: true).render(lines), "a - b c")
        XCTAssertEqual(MarkdownInlines(anchors: [], cell: true).render(lines), "a - b c")
        XCTAssertEqual(inline([.text("end"), .lineBreak, .lineBreak]), "end", "trailing breaks")
        XCTAssertEqual(inline([.lineBreak]), "")
        XCTAssertEqual(inline([]), "")
    }

    func testInlineCodeInACellKeepsItsPipes() {
        let cell = MarkdownInlines(anchors: [], cell: true).render([.code("a|b")])
        XCTAssertEqual(cell, "`a\\|b`")
        XCTAssertEqual(inline([.code("a\u{1B}b")]), "`a^[b`")
        XCTAssertEqual(inline([.code("")]), "")
    }
}
