import XCTest

@testable import CaravanUI

final class CoreDisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of(Character("a")), 1)
        XCTAssertEqual(DisplayWidth.of(Character(" ")), 1)
        XCTAssertEqual(DisplayWidth.of("Hello, world!"), 13)
    }

    func testCJKIsTwoColumnsEach() {
        XCTAssertEqual(DisplayWidth.of(Character("中")), 2)
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("一带一路 Belt"), 13)
        XCTAssertEqual(DisplayWidth.of(Character("한")), 2, "Hangul syllable")
        XCTAssertEqual(DisplayWidth.of(Character("カ")), 2, "Katakana")
        XCTAssertEqual(DisplayWidth.of(Character("Ａ")), 2, "fullwidth Latin")
        XCTAssertEqual(DisplayWidth.of(Character("　")), 2, "ideographic space")
        XCTAssertEqual(DisplayWidth.of(Character("\u{20000}")), 2, "CJK Extension B")
    }

    func testHalfwidthAndNarrowFormsAreOneColumn() {
        XCTAssertEqual(DisplayWidth.of(Character("ｶ")), 1, "halfwidth katakana")
        XCTAssertEqual(DisplayWidth.of(Character("é")), 1)
        XCTAssertEqual(DisplayWidth.of(Character("ж")), 1)
    }

    func testCombiningMarksAddNothing() {
        let decomposed = Character("e\u{301}")
        XCTAssertEqual(decomposed.unicodeScalars.count, 2)
        XCTAssertEqual(DisplayWidth.of(decomposed), 1)
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of(Character("a\u{301}\u{302}\u{303}")), 1)
        XCTAssertEqual(DisplayWidth.of(Character("\u{301}")), 0, "a lone combining mark")
        XCTAssertEqual(DisplayWidth.of(Character("中\u{301}")), 2)
    }

    func testEmojiWithEmojiPresentationIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of(Character("😀")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("👍🏽")), 2, "emoji with skin tone modifier")
        XCTAssertEqual(DisplayWidth.of(Character("🇨🇳")), 2, "flag: two regional indicators")
        XCTAssertEqual(DisplayWidth.of(Character("⌚")), 2)
        XCTAssertEqual(DisplayWidth.of("a😀b"), 4)
    }

    func testTextPresentationSymbolsStayNarrow() {
        XCTAssertEqual(DisplayWidth.of(Character("❤")), 1)
        XCTAssertEqual(
            DisplayWidth.of(Character("❤\u{FE0F}")), 1, "VS16 does not widen, as in wcwidth")
        XCTAssertEqual(DisplayWidth.of(Character("→")), 1)
        XCTAssertEqual(DisplayWidth.of(Character("─")), 1)
    }

    func testZeroWidthCharactersAreZero() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{200B}")), 0, "zero width space")
        XCTAssertEqual(DisplayWidth.of(Character("\u{2060}")), 0, "word joiner")
        XCTAssertEqual(DisplayWidth.of(Character("\u{FEFF}")), 0, "BOM")
        XCTAssertEqual(DisplayWidth.of(Character("\u{202E}")), 0, "right-to-left override")
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    }

    func testControlsAreZero() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{1B}")), 0)
        XCTAssertEqual(DisplayWidth.of(Character("\u{7F}")), 0)
        XCTAssertEqual(DisplayWidth.of(Character("\u{9B}")), 0)
        XCTAssertEqual(DisplayWidth.of(Character("\r\n")), 0)
    }

    func testHangulJamoSequenceIsOneWideCharacter() {
        let syllable = Character("\u{1100}\u{1161}\u{11A8}")
        XCTAssertEqual(syllable.unicodeScalars.count, 3)
        XCTAssertEqual(DisplayWidth.of(syllable), 2)
    }

    func testWidthIsAlwaysZeroOneOrTwo() {
        let samples = [
            "a", "中", "😀", "👨‍👩‍👧", "🏳️‍🌈", "\u{301}", "क्षि", "\u{1B}", "e\u{301}\u{301}\u{301}",
        ]
        for sample in samples.flatMap({ Array($0) }) {
            XCTAssertTrue(
                (0...2).contains(DisplayWidth.of(sample)),
                "\(sample.unicodeScalars.map { $0.value })")
        }
    }
}
