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
        "21世纪海上丝绸之路 中老铁路China Ｘ文化",
    ]

    /// The plain way: fold the whole text, split it, and cut each word where it passes
    /// between Han, kana or Hangul and any other letter or digit.
    private func referenceWords(_ text: String) -> [String] {
        text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
        )
        .split { !($0.isLetter || $0.isNumber) }
        .flatMap { word in
            var pieces: [String] = []
            for character in word {
                if let last = pieces.last?.last,
                    SearchIndex.isUnspaced(last) == SearchIndex.isUnspaced(character)
                {
                    pieces[pieces.count - 1].append(character)
                } else {
                    pieces.append(String(character))
                }
            }
            return pieces
        }
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

    /// The snippet as it was made before it read only as far as it needed.
    private func referenceSnippet(
        _ text: String, terms: [String], prefixLast: Bool, width: Int = 80
    )
        -> SearchIndex.Snippet
    {
        let characters = Array(
            text.replacingOccurrences(of: "\n", with: " ", options: .literal))
        let folded = characters.map { SearchIndex.fold(String($0)) }
        var matches: [Range<Int>] = []
        var index = 0
        func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        // Han, kana and Hangul are words of their own beside Latin letters (中brand).
        func joins(_ before: Character, _ after: Character) -> Bool {
            isWord(before) && isWord(after)
                && SearchIndex.isUnspaced(before) == SearchIndex.isUnspaced(after)
        }
        while index < characters.count {
            if isWord(characters[index])
                && (index == 0 || !joins(characters[index - 1], characters[index]))
            {
                var end = index + 1
                while end < characters.count, joins(characters[end - 1], characters[end]) {
                    end += 1
                }
                let word = folded[index..<end].joined()
                for (termIndex, term) in terms.enumerated() {
                    let prefix = prefixLast && termIndex == terms.count - 1
                    if word == term || (prefix && word.hasPrefix(term)) {
                        let length =
                            prefix && word != term ? min(term.count, end - index) : end - index
                        matches.append(index..<(index + length))
                        break
                    }
                }
                index = end
            } else {
                index += 1
            }
        }
        var start = 0
        if let first = matches.first {
            start = max(0, first.lowerBound - width / 4)
            while start > 0, start < first.lowerBound, characters[start - 1] != " " { start += 1 }
        }
        let end = min(characters.count, start + width)
        var snippet = String(characters[start..<end])
        var offset = 0
        if start > 0 {
            snippet = "…" + snippet
            offset = 1
        }
        if end < characters.count { snippet += "…" }
        let visible = matches.compactMap { range -> Range<Int>? in
            guard range.lowerBound >= start, range.upperBound <= end else { return nil }
            return (range.lowerBound - start + offset)..<(range.upperBound - start + offset)
        }
        return SearchIndex.Snippet(text: snippet, matches: visible)
    }

    func testSnippetsMatchTheWholeTextWay() {
        var texts =
            Self.hostile + [
                "line one\nline two brand\n\u{301}mark", "\u{600}\nbrand", "a\r\nbrand\r\n",
                "\n\n\n",
                String(repeating: "filler words here ", count: 40) + "brand at the end",
                "brand " + String(repeating: "and more text ", count: 30),
            ]
        let model = DefaultContent.load()
        texts += model.entities.prefix(40).map { $0.document.plainText }
        for text in texts {
            for (terms, prefix) in [
                (["brand"], true), (["bra"], true), (["cultur", "industry"], false), (["e"], true),
            ] {
                let got = SearchIndex.snippet(of: text, terms: terms, prefixLast: prefix)
                let expected = referenceSnippet(text, terms: terms, prefixLast: prefix)
                XCTAssertEqual(got, expected, "«\(text.prefix(40))» \(terms)")
            }
        }
    }

    /// Snippets skip ahead through plain text to a match far in; random texts built from
    /// pieces that could fool the skip (line breaks, CRLF, quotes, combining marks,
    /// flags, wide letters, words that only start like a term) give what reading every
    /// character gives.
    func testSnippetsSkippingAheadMatchTheWholeTextWay() {
        let plain = [
            "brand", "Brand", "BRAND", "bra", "xbrand", "brands", "industry", "cultur",
            "culture", "the", "of", "a", " ", " ", " ", "  ", "\n", "\r\n", "\r", "“", "”", "’",
            "—",
            "–", "…", "·", ".", ",", "-", "\t", "9",
        ]
        // Pieces that end the skip's plain text, rarer so that most texts have some.
        let hard = ["é", "\u{301}", "🇰🇿", "中", "\u{200D}"]
        var random = SplitMix64(seed: 2023)
        var texts: [String] = []
        for _ in 0..<600 {
            let count = Int.random(in: 1...180, using: &random)
            texts.append(
                (0..<count).map { _ in
                    let pieces = Int.random(in: 0..<60, using: &random) == 0 ? hard : plain
                    return pieces.randomElement(using: &random) ?? ""
                }.joined())
        }
        texts.append(String(repeating: "long plain text, ", count: 60) + "brand")
        texts.append(String(repeating: "“quoted” words—", count: 40) + "\r\nBrand")
        texts.append(String(repeating: "words ", count: 40) + "é\u{301}brand")
        var skipped = 0
        for text in texts {
            for (terms, prefix) in [
                (["brand"], true), (["bra"], true), (["cultur", "industry"], false),
                (["brand"], false), (["9"], true),
            ] {
                let got = SearchIndex.snippet(of: text, terms: terms, prefixLast: prefix)
                let expected = referenceSnippet(text, terms: terms, prefixLast: prefix)
                XCTAssertEqual(got, expected, "«\(text.debugDescription.prefix(120))» \(terms)")
                if SnippetSkip(text: text, terms: terms, prefixLast: prefix, margin: 21) != nil {
                    skipped += 1
                }
            }
        }
        XCTAssertGreaterThan(skipped, 100, "the texts should often let the snippet skip ahead")
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
