import CaravanDefaultContent
import Foundation
import XCTest

@testable import CaravanContent

/// Shortcuts taken on every file of a first open (a body's citations, a text run's
/// controls, a blank title); each must give what the plain way gives.
final class FirstOpenFastPathTests: XCTestCase {
    private static func randomTexts(seed: UInt64, pieces: [String], count: Int) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...16, using: &random)
            return (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    private static var bodies: [String] {
        var bodies = DefaultContent.files.map { String(decoding: $0.bytes, as: UTF8.self) }
        bodies += randomTexts(
            seed: 11,
            pieces: [
                "[", "@", "[@", "]", "k1", " ", "\n", "\r\n", "    ", "```\n", "`", ";", "p. 5",
                "text", "\n\n", "[a](concept/x)", "é", "\t", "[@k1]", "[@a; @b, p. 5]",
            ], count: 5_000)
        return bodies
    }

    func testCitationsFoundThroughTheBytesAreTheOnesTheLinesHold() {
        var withCitations = 0
        for body in Self.bodies {
            let outline = MarkdownParser.parseBody(body).outline
            let quick = BodyLinkScanner.citations(in: body, outline: outline)
            if !body.utf8.contains(0x0D) {
                XCTAssertNotNil(BodyLinkScanner.citationsByBytes(in: body, outline: outline))
            }
            let plain = BodyLinkScanner.lineCitations(in: body, outline: outline)
            XCTAssertEqual(quick.map(\.line), plain.map(\.line), "«\(body)»")
            XCTAssertEqual(quick.map(\.finding), plain.map(\.finding), "«\(body)»")
            if !plain.isEmpty { withCitations += 1 }
        }
        XCTAssertGreaterThan(withCitations, 100, "bodies with citations were compared too")
    }

    func testWhitespaceControlsAreFoundAsByTheView() {
        var texts = Self.randomTexts(
            seed: 12,
            pieces: ["a", " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "é", "中", "\u{0E}", "\u{08}"],
            count: 5_000)
        // A string bridged from Foundation has no contiguous UTF-8 of its own to read.
        texts += ["tab\there", "plain"].map { NSString(string: $0) as String }
        for text in texts {
            let plain = text.utf8.contains(where: { $0 >= 0x09 && $0 <= 0x0D })
            XCTAssertEqual(MarkdownParser.holdsWhitespaceControls(text), plain, "«\(text)»")
        }
        XCTAssertEqual(MarkdownParser.spacingOut("a\tb\nc\u{0B}d"), "a b c d")
    }

    func testASCIIDestinationsAreTakenForIDsAsFoundationSearchesThem() {
        var destinations = [
            "", "/", "a/", "/b", "case/x", "a.b/c", "a/b.c", "a/b/c", "#x/y", ".x/y", "x:y/z",
            "x/y?z", "concept/x", "https://x.org/a", "kind//", "é/x", "case/é", "#\u{301}a/b",
            ":\u{301}/x", "a\u{301}/b",
        ]
        destinations += Self.randomTexts(
            seed: 14, pieces: ["a", "/", ".", ":", "?", "#", "case", "x-1", "é", "\u{301}", " "],
            count: 10_000)
        for destination in destinations {
            XCTAssertEqual(
                BodyLinkScanner.looksLikeEntityID(destination),
                BodyLinkScanner.plainLooksLikeEntityID(destination), "«\(destination)»")
        }
    }

    func testTextTheStandardLibraryTakesForUTF8IsTextWithNoInvalidByte() {
        var random = SplitMix64(seed: 15)
        let pieces: [[UInt8]] = [
            [0x61], [0x0A], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80], [0x80],
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0xFF],
            [0xC3], [0xEF, 0xBB, 0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0x80],
        ]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...8, using: &random)
            let bytes = (0..<count).flatMap { _ in pieces.randomElement(using: &random)! }
            let slice = bytes[...]
            let plain = EntityFileParser.firstInvalidUTF8(slice)
            let checked = String(validating: slice, as: UTF8.self)
            XCTAssertEqual(checked == nil, plain != nil, "\(bytes)")
            if let checked { XCTAssertEqual(checked, String(decoding: slice, as: UTF8.self)) }
        }
    }

    func testABlankTitleIsTheOneFoundationTrimsToNothing() {
        var texts = [
            "", " ", "\t", "\u{3000}", "\u{00A0}", "\u{00A0}x", " a", "a", "~", "\u{7F}",
            "\u{200B}", "\n", " \n ", "é", "中",
        ]
        texts += Self.randomTexts(
            seed: 13, pieces: [" ", "\t", "\u{3000}", "\u{00A0}", "\n", "a", "!", "\u{7F}", "é"],
            count: 5_000)
        for text in texts {
            let plain = text.trimmingCharacters(in: .whitespaces).isEmpty
            XCTAssertEqual(
                EntityFileParser.isBlank(text), plain, "«\(text.unicodeScalars.map(\.value))»")
        }
    }
}
