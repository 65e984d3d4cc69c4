import XCTest

@testable import CaravanUI

/// Fitting text into cells at the edges: trailing spaces before an ellipsis, an ellipsis
/// too wide to show, hyphens in long words, wide characters, control characters, limits
/// on wrapped lines, and the padded and right-aligned forms the tables use.
final class TextFitEdgeTests: XCTestCase {
    // MARK: Measuring

    func testWidthCountsControlCharactersInTheirVisibleForm() {
        XCTAssertEqual(TextFit.width(""), 0)
        XCTAssertEqual(TextFit.width("a\u{7}b"), 4, "BEL shows as ^G")
        XCTAssertEqual(TextFit.width("\u{7F}"), 2, "DEL shows as ^?")
        XCTAssertEqual(TextFit.width("a\tb"), 6, "a tab is four spaces")
        XCTAssertEqual(TextFit.width("\u{202E}"), 8, "an override shows as <U+202E>")
        XCTAssertEqual(TextFit.width("ab文"), 4, "the ASCII fast path falls back on a wide one")
    }

    func testWidthOfOneCharacterMatchesTheGrid() {
        XCTAssertEqual(TextFit.width(of: "a"), 1)
        XCTAssertEqual(TextFit.width(of: "文"), 2)
    }

    // MARK: Truncating

    func testTruncateDropsSpacesBeforeTheEllipsis() {
        // Six columns of room keep "Brand ", whose space would sit before the ellipsis.
        XCTAssertEqual(TextFit.truncate("Brand expansion", to: 7, ellipsis: "…"), "Brand…")
        XCTAssertEqual(TextFit.truncate("a    b c d", to: 5, ellipsis: "…"), "a…")
    }

    func testTruncateLeavesOutAnEllipsisAsWideAsTheRoom() {
        XCTAssertEqual(TextFit.truncate("Brand", to: 3, ellipsis: "..."), "Bra")
        XCTAssertEqual(TextFit.truncate("Brand", to: 4, ellipsis: "..."), "B...")
        XCTAssertEqual(TextFit.truncate("Brand", to: -3, ellipsis: "…"), "")
    }

    func testTruncateNeverSplitsAWideCharacter() {
        let cut = TextFit.truncate("文化产业", to: 4, ellipsis: "…")
        XCTAssertEqual(cut, "文…", "the second character would need a fourth column")
        XCTAssertEqual(TextFit.width(cut), 3)
        XCTAssertEqual(TextFit.truncate("文化", to: 4, ellipsis: "…"), "文化", "exactly fits")
        XCTAssertEqual(TextFit.truncate("文化", to: 1, ellipsis: ""), "")
    }

    func testTruncateCutsTheVisibleFormOfControlCharacters() {
        // ESC becomes ^[ before cutting, so the cut can land inside the caret form but
        // never leaves a raw escape behind.
        let cut = TextFit.truncate("\u{1B}[2J clear", to: 4, ellipsis: "…")
        XCTAssertEqual(cut, "^[[…")
        XCTAssertFalse(cut.unicodeScalars.contains { $0.value == 0x1B })
    }

    // MARK: Cutting with a mark

    func testCutKeepsTextThatExactlyFits() {
        XCTAssertEqual(TextFit.cut("abc", to: 3, mark: "…"), "abc")
        XCTAssertEqual(TextFit.cut("abcd", to: 3, mark: "…"), "ab…")
        XCTAssertEqual(TextFit.cut("abcd", to: 2, mark: "~"), "a~")
        XCTAssertEqual(TextFit.cut("", to: 3, mark: "…"), "")
    }

    func testCutFrontKeepsTheEndOfWideText() {
        XCTAssertEqual(TextFit.cutFront("文化产业", to: 5, mark: "…"), "…产业")
        XCTAssertEqual(TextFit.cutFront("文化产业", to: 8, mark: "…"), "文化产业")
        XCTAssertEqual(TextFit.cutFront("case/x", to: 1, mark: "…"), "case/x", "too narrow")
        XCTAssertEqual(TextFit.cutFront("a\u{7}bc", to: 3, mark: "…"), "…bc", "^G is cut away")
    }

    func testCutFrontGivesTheMarkAloneWhenTheLastCharacterIsTooWide() {
        // Two columns leave one for text; the last character needs two, so only the mark
        // is left.
        XCTAssertEqual(TextFit.cutFront("产业", to: 2, mark: "…"), "…")
    }

    // MARK: Wrapping

    func testWrapBreaksLongASCIIWordsAfterAHyphen() {
        XCTAssertEqual(
            TextFit.wrap("well-known-thing", width: 6), ["well-", "known-", "thing"])
        XCTAssertEqual(
            TextFit.wrap("-abcdefg", width: 4), ["-abc", "defg"],
            "a hyphen at the very start is no place to break")
    }

    func testWrapJoinsWordsAcrossRunsOfSpaces() {
        XCTAssertEqual(TextFit.wrap("  a   b  ", width: 10), ["a b"])
        XCTAssertEqual(TextFit.wrap("文  化", width: 10), ["文 化"])
        XCTAssertEqual(TextFit.wrap("", width: 10), [])
    }

    func testWrapFillsALineExactly() {
        XCTAssertEqual(TextFit.wrap("abc def", width: 7), ["abc def"])
        XCTAssertEqual(TextFit.wrap("abc def", width: 6), ["abc", "def"])
        XCTAssertEqual(TextFit.wrap("ab cdefgh", width: 3), ["ab", "cde", "fgh"])
    }

    func testWrapBreaksNonASCIIWordsBetweenCharacters() {
        XCTAssertEqual(TextFit.wrap("ééééé", width: 2), ["éé", "éé", "é"])
        XCTAssertEqual(TextFit.wrap("文化产业", width: 3), ["文", "化", "产", "业"])
        XCTAssertEqual(TextFit.wrap("ab 文化产", width: 4), ["ab", "文化", "产"])
    }

    func testWrapShowsControlCharactersAndTabs() {
        XCTAssertEqual(TextFit.wrap("a\u{7}b", width: 2), ["a^", "Gb"])
        XCTAssertEqual(TextFit.wrap("a\tb", width: 10), ["a b"], "a tab separates words")
        for line in TextFit.wrap("x\u{1B}]52;c;evil\u{7} y", width: 5) {
            XCTAssertTrue(Sanitizer.isVisible(line), line.debugDescription)
            XCTAssertLessThanOrEqual(TextFit.width(line), 5)
        }
    }

    func testWrapWithALimitEndsTheLastLineWithTheEllipsis() {
        XCTAssertEqual(
            TextFit.wrap("one two three four", width: 9, limit: 1, ellipsis: "…"), ["one two…"])
        XCTAssertEqual(
            TextFit.wrap("one two three four", width: 9, limit: 2, ellipsis: "…"),
            ["one two", "three fo…"], "the last line is cut where the width ends")
    }

    func testWrapWithARoomyLimitKeepsEveryLine() {
        let lines = ["one two", "three", "four"]
        XCTAssertEqual(
            TextFit.wrap("one two three four", width: 9, limit: 3, ellipsis: "…"), lines)
        XCTAssertEqual(
            TextFit.wrap("one two three four", width: 9, limit: 10, ellipsis: "…"), lines)
        XCTAssertEqual(TextFit.wrap("one two", width: 9, limit: 0, ellipsis: "…"), [])
        XCTAssertEqual(TextFit.wrap("", width: 9, limit: 0, ellipsis: "…"), [])
    }

    func testWrapWithALimitStaysInsideTheWidthForWideText() {
        let lines = TextFit.wrap("丝绸之路 经济带 数字博物馆", width: 9, limit: 1, ellipsis: "…")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasSuffix("…"), lines[0])
        XCTAssertLessThanOrEqual(TextFit.width(lines[0]), 9)
    }

    // MARK: Padding and aligning

    func testPaddedAndRightAlignedTakeExactlyTheWidth() {
        // Text, width, padded, right-aligned. Three columns hold one wide character and
        // the ellipsis; two leave one column of room, too narrow for any character, so the
        // ellipsis stands alone and a space makes up the width.
        let cases: [(String, Int, String, String)] = [
            ("ab", 4, "ab  ", "  ab"),
            ("12", 2, "12", "12"),
            ("", 2, "  ", "  "),
            ("abcdef", 4, "abc…", "abc…"),
            ("文", 3, "文 ", " 文"),
            ("文化产", 5, "文化…", "文化…"),
            ("文化产", 3, "文…", "文…"),
            ("文化产", 2, "… ", " …"),
            ("ab", 0, "", ""),
        ]
        for (text, width, padded, rightAligned) in cases {
            let left = TextFit.padded(text, to: width, ellipsis: "…")
            let right = TextFit.rightAligned(text, to: width, ellipsis: "…")
            XCTAssertEqual(left, padded, "\(text) in \(width)")
            XCTAssertEqual(right, rightAligned, "\(text) in \(width)")
            XCTAssertEqual(TextFit.width(left), width)
            XCTAssertEqual(TextFit.width(right), width)
        }
    }
}
