import Foundation

/// Pandoc-style citations: `[@key]`, `[@a; @b]`, `[@key, p. 5]`.
enum CitationSyntax {
    /// A citation group found in raw text, with its column offset (in characters).
    struct Match {
        var citations: [Citation]
        var range: Range<String.Index>
    }

    /// Every citation group in a line of text.
    static func matches(in text: String) -> [Match] {
        guard BodyLinkScanner.mayHoldCitations(Substring(text).utf8) else { return [] }
        // In ASCII without carriage returns every character is one byte.
        if Substring(text).utf8.isASCIIWithoutCarriageReturns {
            let utf8 = text.utf8
            return groups(inASCII: Array(utf8)).map { group in
                let start = utf8.index(utf8.startIndex, offsetBy: group.bytes.lowerBound)
                let end = utf8.index(start, offsetBy: group.bytes.count)
                return Match(citations: group.citations, range: start..<end)
            }
        }
        var found: [Match] = []
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstRange(of: "[@") {
            // A group holds no `[`: stopping there reads each stretch of text once, not once per `[@`.
            guard let close = text[open.upperBound...].firstIndex(where: { $0 == "]" || $0 == "[" })
            else { break }
            guard text[close] == "]" else {
                searchStart = close
                continue
            }
            let inner = text[text.index(after: open.lowerBound)..<close]
            if let citations = parseGroup(String(inner)) {
                found.append(
                    Match(citations: citations, range: open.lowerBound..<text.index(after: close)))
                searchStart = text.index(after: close)
            } else {
                searchStart = open.upperBound
            }
        }
        return found
    }

    /// ``matches(in:)`` for ASCII bytes without carriage returns, by the same steps: each
    /// group's citations and the bytes from its `[` to its `]`.
    static func groups(inASCII bytes: [UInt8]) -> [(citations: [Citation], bytes: Range<Int>)] {
        var found: [(citations: [Citation], bytes: Range<Int>)] = []
        var start = 0
        while let open = firstPair(UInt8(ascii: "["), UInt8(ascii: "@"), in: bytes, from: start) {
            // A group holds no `[`: stopping there reads each stretch once, not once per `[@`.
            guard
                let close = bytes[(open + 2)...].firstIndex(where: {
                    $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[")
                })
            else { break }
            guard bytes[close] == UInt8(ascii: "]") else {
                start = close
                continue
            }
            let inner = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            if let citations = parseGroup(inner) {
                found.append((citations, open..<(close + 1)))
                start = close + 1
            } else {
                start = open + 2
            }
        }
        return found
    }

    /// Where `first` is directly followed by `second`, from `start` on.
    static func firstPair(_ first: UInt8, _ second: UInt8, in bytes: [UInt8], from start: Int)
        -> Int?
    {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == first, bytes[index + 1] == second { return index }
            index += 1
        }
        return nil
    }

    /// `@a; @b, p. 5` into citations; nil when it isn't a citation group.
    static func parseGroup(_ inner: String) -> [Citation]? {
        var citations: [Citation] = []
        for part in inner.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("@") else { return nil }
            let body = trimmed.dropFirst()
            let keyEnd = body.firstIndex { !isKeyCharacter($0) } ?? body.endIndex
            let key = String(body[..<keyEnd])
            guard !key.isEmpty else { return nil }
            var rest = body[keyEnd...].trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix(",") { rest = rest.dropFirst().trimmingCharacters(in: .whitespaces) }
            citations.append(Citation(key: key, locator: rest.isEmpty ? nil : rest))
        }
        return citations.isEmpty ? nil : citations
    }

    static func isKeyCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == ":" || c == "."
    }

    /// Splits text inlines around citation groups.
    static func extract(from inlines: [MarkdownDocument.Inline]) -> [MarkdownDocument.Inline] {
        var result: [MarkdownDocument.Inline] = []
        for inline in inlines {
            guard case .text(let text) = inline else {
                result.append(inline)
                continue
            }
            var cursor = text.startIndex
            for match in matches(in: text) {
                if cursor < match.range.lowerBound {
                    result.append(.text(String(text[cursor..<match.range.lowerBound])))
                }
                result.append(.citation(match.citations))
                cursor = match.range.upperBound
            }
            if cursor < text.endIndex { result.append(.text(String(text[cursor...]))) }
        }
        return result
    }

    /// `[@a; @b, p. 5]` back as text.
    static func render(_ citations: [Citation]) -> String {
        "["
            + citations.map { citation in
                "@" + citation.key + (citation.locator.map { ", " + $0 } ?? "")
            }.joined(separator: "; ") + "]"
    }
}
