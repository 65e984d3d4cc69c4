import XCTest

@testable import CaravanUI

final class CoreSanitizerTests: XCTestCase {
    /// No scalar that a terminal would interpret survives.
    private func assertInert(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            XCTAssertFalse(
                value < 0x20 || (0x7F...0x9F).contains(value),
                "control U+\(String(value, radix: 16)) left in \(text.debugDescription)",
                file: file, line: line)
            XCTAssertNotEqual(
                scalar.properties.generalCategory, .format,
                "format character left in \(text.debugDescription)", file: file, line: line)
        }
    }

    func testPlainTextIsUnchanged() {
        let text = "Belt and Road 一带一路, café, émigré — “quotes” 😀"
        XCTAssertEqual(Sanitizer.visible(text), text)
        XCTAssertTrue(Sanitizer.isVisible(text))
    }

    func testEscapeBecomesCaretForm() {
        XCTAssertEqual(Sanitizer.visible("a\u{1B}b"), "a^[b")
        XCTAssertFalse(Sanitizer.isVisible("a\u{1B}b"))
    }

    func testCSISequencesAreNeutralised() {
        let cursorReport = Sanitizer.visible("before\u{1B}[6nafter")
        XCTAssertEqual(cursorReport, "before^[[6nafter")
        let titleReport = Sanitizer.visible("x\u{1B}[21ty")
        XCTAssertEqual(titleReport, "x^[[21ty")
        let colour = Sanitizer.visible("\u{1B}[31mred\u{1B}[0m")
        XCTAssertEqual(colour, "^[[31mred^[[0m")
        for text in [cursorReport, titleReport, colour] {
            assertInert(text)
        }
    }

    func testOSCSequencesAreNeutralised() {
        let title = Sanitizer.visible("pre\u{1B}]0;pwned\u{07}post")
        XCTAssertEqual(title, "pre^[]0;pwned^Gpost")
        let hyperlink = Sanitizer.visible(
            "\u{1B}]8;;http://x.invalid\u{1B}\\link\u{1B}]8;;\u{1B}\\ tail")
        XCTAssertEqual(hyperlink, "^[]8;;http://x.invalid^[\\link^[]8;;^[\\ tail")
        let clipboard = Sanitizer.visible("copy\u{1B}]52;c;cHduZWQ=\u{07}done")
        XCTAssertEqual(clipboard, "copy^[]52;c;cHduZWQ=^Gdone")
        for text in [title, hyperlink, clipboard] {
            assertInert(text)
            XCTAssertFalse(text.contains("\u{1B}]"))
        }
    }

    func testC1ControlsBecomeMarkers() {
        XCTAssertEqual(Sanitizer.visible("a\u{9B}6nb"), "a<U+009B>6nb")
        XCTAssertEqual(Sanitizer.visible("\u{80}\u{9D}\u{9F}"), "<U+0080><U+009D><U+009F>")
        assertInert(Sanitizer.visible("\u{9B}31m\u{9D}0;x\u{9C}"))
    }

    func testDELAndOtherC0Controls() {
        XCTAssertEqual(Sanitizer.visible("a\u{7F}b"), "a^?b")
        XCTAssertEqual(Sanitizer.visible("\u{00}\u{01}\u{07}\u{08}\r\n"), "^@^A^G^H^M^J")
        XCTAssertEqual(Sanitizer.visible("\u{1C}\u{1D}\u{1E}\u{1F}"), "^\\^]^^^_")
    }

    func testTabBecomesSpaces() {
        XCTAssertEqual(Sanitizer.visible("a\tb"), "a    b")
        XCTAssertEqual(Sanitizer.visible("a\tb", tabWidth: 2), "a  b")
        XCTAssertEqual(Sanitizer.visible("a\tb", tabWidth: 0), "a b")
    }

    func testBidiControlsBecomeMarkers() {
        XCTAssertEqual(Sanitizer.visible("abc\u{202E}fed"), "abc<U+202E>fed")
        let all: [UInt32] = [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
            0x061C,
        ]
        for value in all {
            guard let scalar = Unicode.Scalar(value) else { return XCTFail("bad scalar") }
            let shown = Sanitizer.visible("x" + String(Character(scalar)) + "y")
            XCTAssertEqual(shown, "x" + Sanitizer.marker(for: scalar) + "y")
            assertInert(shown)
        }
    }

    func testZeroWidthCharactersBecomeMarkers() {
        XCTAssertEqual(Sanitizer.visible("pay\u{200B}pal"), "pay<U+200B>pal")
        XCTAssertEqual(Sanitizer.visible("a\u{200C}b\u{200D}c"), "a<U+200C>b<U+200D>c")
        XCTAssertEqual(Sanitizer.visible("\u{2060}\u{FEFF}"), "<U+2060><U+FEFF>")
    }

    func testLineAndParagraphSeparatorsBecomeMarkers() {
        XCTAssertEqual(Sanitizer.visible("a\u{2028}b\u{2029}c"), "a<U+2028>b<U+2029>c")
    }

    func testSoftHyphenIsDropped() {
        XCTAssertEqual(Sanitizer.visible("cul\u{AD}tural"), "cultural")
    }

    func testCombiningMarksAndEmojiAreKept() {
        XCTAssertEqual(Sanitizer.visible("e\u{301}"), "e\u{301}")
        XCTAssertEqual(Sanitizer.visible("❤\u{FE0F}"), "❤\u{FE0F}")
    }

    func testMarkerForScalarsBeyondTheBMP() {
        guard let tag = Unicode.Scalar(0xE0067) else { return XCTFail("bad scalar") }
        XCTAssertEqual(Sanitizer.marker(for: tag), "<U+E0067>")
        XCTAssertEqual(Sanitizer.visible("a" + String(Character(tag))), "a<U+E0067>")
    }
}
