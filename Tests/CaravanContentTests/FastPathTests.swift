import CaravanDefaultContent
import Foundation
import XCTest

@testable import CaravanContent

/// The loader and the search index take shortcuts for speed (ASCII text, lines found in
/// bytes); each must give what the plain way gives.
final class FastPathTests: XCTestCase {
    private static let hostile: [String] = [
        "", "a", "A-Z and 0-9", "Café, naïve É", "ÉCOLE\u{301} x\u{20DD}y", " \u{301}b",
        ".\u{20DD}b",
        "\u{600}a \u{600} a", "ｆｕｌｌｗｉｄｔｈ ＡＢＣ", "ß Straße", "İstanbul ǅ", "文化 产业 the Belt",
        "a\r\nb\rc\nd", "tab\there", "emoji 👍🏽 and 🇨🇳 flag", "Σίσυφος ΣΑΣ", "١٢٣ numbers ٤",
        "x\u{200B}y\u{202E}z", "—“quoted”—", "e\u{301}\u{302}\u{303}",
    ]

    /// The plain way: fold the whole text, then split it.
    private func referenceWords(_ text: String) -> [String] {
        text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
        )
        .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    func testWordsMatchFoldingTheWholeText() {
        var texts = Self.hostile
        for file in DefaultContent.files {
            texts.append(String(decoding: file.bytes, as: UTF8.self))
        }
        texts.append(Self.hostile.joined(separator: " "))
        for text in texts {
            XCTAssertEqual(
                SearchIndex.words(in: text), referenceWords(text), "«\(text.prefix(60))»")
        }
    }

    func testFoldingASCIIIsLowerCasing() {
        let ascii = String((0x20...0x7E).compactMap { Unicode.Scalar($0).map(Character.init) })
        let folded = ascii.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        XCTAssertEqual(SearchIndex.fold(ascii), folded)
        for text in Self.hostile {
            XCTAssertEqual(
                SearchIndex.fold(text),
                text.folding(
                    options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                    locale: nil))
        }
    }

    func testLinesMatchSplittingByCharacter() {
        let texts = [
            "", "\n", "a\nb", "a\r\nb", "a\r\r\nb\r", "\r\n\r\n", "x\n\ry", "é\u{301}\n文\r\n",
            "end\n",
        ]
        for text in texts {
            let reference = text.split(omittingEmptySubsequences: false) {
                $0 == "\n" || $0 == "\r\n"
            }
            XCTAssertEqual(
                FrontMatterSplit.lines(of: text), reference, "«\(text.debugDescription)»")
        }
    }

    func testIntegerTextMatchesTheExpression() {
        let texts = [
            "0", "12", "-3", "+4", "", "-", "+", "1.5", "1e3", "12a", " 12", "١٢", "+١", "12\n",
            "1_000",
            "0x1F", "--1",
        ]
        for text in texts {
            let reference = text.range(of: #"^[-+]?\d+$"#, options: .regularExpression) != nil
            XCTAssertEqual(
                EntityFileParser.looksLikeInteger(text), reference, "«\(text.debugDescription)»")
        }
    }

    func testInvalidUTF8IsFoundAtTheSameByte() {
        let cases: [[UInt8]] = [
            Array("plain".utf8), [0x61, 0xFF, 0x62], [0x61, 0xE0, 0x41], [0xC3, 0xA9, 0xC3],
            [0xF4, 0x90, 0x80, 0x80],
            [0xED, 0xA0, 0x80], Array("文化".utf8) + [0x80], [0xC0, 0x80],
        ]
        for bytes in cases {
            let expected = String(validating: bytes, as: UTF8.self) == nil
            XCTAssertEqual(
                EntityFileParser.firstInvalidUTF8(bytes[...]) != nil, expected, "\(bytes)")
        }
        XCTAssertEqual(EntityFileParser.firstInvalidUTF8([0x61, 0x62, 0xE0, 0x41][...]), 2)
    }

    func testTheDefaultContentSearchesAsBefore() {
        let model = DefaultContent.load()
        let results = model.search.search("brand expansion", limit: 20)
        XCTAssertFalse(results.isEmpty)
        for result in results {
            for match in result.snippet.matches {
                let characters = Array(result.snippet.text)
                XCTAssertLessThanOrEqual(match.upperBound, characters.count)
                let word = SearchIndex.fold(String(characters[match]))
                XCTAssertTrue(word.hasPrefix("brand") || word.hasPrefix("expansion"), word)
            }
        }
    }
}
