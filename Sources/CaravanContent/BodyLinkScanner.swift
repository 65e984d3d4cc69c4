/// Finds entity links `[text](kind/slug)` and citations `[@key]` in a Markdown body,
/// with their exact line and column, skipping code.
enum BodyLinkScanner {
    static func links(in body: String, firstLine: Int, path: String, source: EntityID)
        -> [PendingLink]
    {
        var found: [PendingLink] = []
        // Code blocks as CommonMark sees them: indented text in lists and paragraphs is not code.
        // Parsed only when a line may hold a link.
        var knownCodeLines: Set<Int>?
        func isCode(_ line: Int) -> Bool {
            let codeLines = knownCodeLines ?? MarkdownParser.codeLines(in: body)
            knownCodeLines = codeLines
            return codeLines.contains(line)
        }
        // Without carriage returns, lines end exactly at the line feed bytes.
        let lines =
            body.containsByte(0x0D)
            ? body.split(separator: "\n", omittingEmptySubsequences: false)
            : FrontMatterSplit.lines(of: body)
        for (offset, rawLine) in lines.enumerated() {
            // Most lines hold neither `](` nor `[@`: their bytes say so without a slower search.
            guard mayHoldLinks(rawLine.utf8), !isCode(offset + 1) else { continue }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let lineNumber = firstLine + offset
            for finding in findings(in: line) {
                found.append(
                    PendingLink(
                        source: source, type: finding.type, target: finding.target,
                        reversed: false,
                        location: SourceLocation(
                            path: path, line: lineNumber, column: finding.column)))
            }
        }
        return found
    }

    /// A citation or an entity link on one line: what it names and the column (in
    /// characters, from 1) where it stands.
    struct Finding: Equatable {
        var type: LinkType
        var target: PendingLink.Target
        var column: Int
    }

    /// The citations of a line, then its entity links, each in the order written. Code
    /// spans are skipped.
    static func findings(in line: Substring) -> [Finding] {
        // In ASCII text without carriage returns every character is one byte.
        if line.utf8.isASCIIWithoutCarriageReturns {
            return ASCIILinkScanner(line.utf8).findings()
        }
        return characterFindings(in: line)
    }

    /// ``findings(in:)`` for any text, character by character.
    static func characterFindings(in line: Substring) -> [Finding] {
        var found: [Finding] = []
        let text = blankingCodeSpans(String(line))
        // Columns are counted on from the last one, so a long line is walked once per pass.
        var cursor = (index: text.startIndex, column: 1)
        func column(_ index: String.Index) -> Int {
            if index < cursor.index { cursor = (text.startIndex, 1) }
            cursor = (index, cursor.column + text.distance(from: cursor.index, to: index))
            return cursor.column
        }
        for match in CitationSyntax.matches(in: text) {
            for citation in match.citations {
                found.append(
                    Finding(
                        type: .cites, target: .citationKey(citation.key),
                        column: column(match.range.lowerBound)))
            }
        }
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstRange(of: "](") {
            let destinationStart = open.upperBound
            guard
                let close = text[destinationStart...].firstIndex(where: {
                    $0 == ")" || $0 == " "
                })
            else { break }
            let destination = String(text[destinationStart..<close])
            if looksLikeEntityID(destination) {
                found.append(
                    Finding(
                        type: .mentions, target: .id(destination),
                        column: column(destinationStart)))
            }
            searchStart = close
        }
        return found
    }

    /// Whether the bytes hold `](` or `[@`, which every link and citation has.
    static func mayHoldLinks(_ bytes: Substring.UTF8View) -> Bool {
        // Read from the stored bytes where it can be: far faster than through the view.
        if let found = bytes.withContiguousStorageIfAvailable({ mayHoldLinks($0) }) {
            return found
        }
        return mayHoldLinks(bytes)
    }

    private static func mayHoldLinks<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if (previous == UInt8(ascii: "]") && byte == UInt8(ascii: "("))
                || (previous == UInt8(ascii: "[") && byte == UInt8(ascii: "@"))
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// True for destinations meant as ids: `word/slug`, not URLs, anchors or file paths.
    static func looksLikeEntityID(_ destination: String) -> Bool {
        guard !destination.contains(":"), !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.hasPrefix("."), !destination.contains("?")
        else { return false }
        let parts = destination.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[0].contains(".")
    }

    /// ``looksLikeEntityID(_:)`` for ASCII bytes.
    static func looksLikeEntityID(ascii destination: ArraySlice<UInt8>) -> Bool {
        guard !destination.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "?") })
        else { return false }
        if let first = destination.first,
            first == UInt8(ascii: "#") || first == UInt8(ascii: "/") || first == UInt8(ascii: ".")
        {
            return false
        }
        let slashes = destination.indices.filter { destination[$0] == UInt8(ascii: "/") }
        guard slashes.count == 1, let slash = slashes.first else { return false }
        let kind = destination[..<slash]
        return !kind.isEmpty && !kind.contains(UInt8(ascii: "."))
    }

    /// Replaces the inside of `code spans` with spaces so nothing in them is taken as a link.
    static func blankingCodeSpans(_ line: String) -> String {
        guard line.contains("`") else { return line }
        var result = ""
        var inCode = false
        for character in line {
            if character == "`" {
                inCode.toggle()
                result.append(character)
            } else {
                result.append(inCode ? " " : character)
            }
        }
        return result
    }
}

/// ``BodyLinkScanner/characterFindings(in:)`` for a line of ASCII without carriage
/// returns, where each character is one byte: the same steps on the bytes.
private struct ASCIILinkScanner {
    private var bytes: [UInt8]

    init(_ line: Substring.UTF8View) {
        bytes = Array(line)
        // Code spans blanked, as `BodyLinkScanner.blankingCodeSpans` does.
        var inCode = false
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "`") {
                inCode.toggle()
            } else if inCode {
                bytes[index] = UInt8(ascii: " ")
            }
        }
    }

    func findings() -> [BodyLinkScanner.Finding] {
        var found: [BodyLinkScanner.Finding] = []
        for group in CitationSyntax.groups(inASCII: bytes) {
            for citation in group.citations {
                found.append(
                    .init(
                        type: .cites, target: .citationKey(citation.key),
                        column: group.bytes.lowerBound + 1))
            }
        }
        var start = 0
        while let open = CitationSyntax.firstPair(
            UInt8(ascii: "]"), UInt8(ascii: "("), in: bytes, from: start)
        {
            let destinationStart = open + 2
            guard
                let close = firstIndex(
                    from: destinationStart,
                    where: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: " ") })
            else { break }
            let destination = String(decoding: bytes[destinationStart..<close], as: UTF8.self)
            if BodyLinkScanner.looksLikeEntityID(ascii: bytes[destinationStart..<close]) {
                found.append(
                    .init(type: .mentions, target: .id(destination), column: destinationStart + 1))
            }
            start = close
        }
        return found
    }

    private func firstIndex(from start: Int, where matches: (UInt8) -> Bool) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(bytes[index]) { return index }
            index += 1
        }
        return nil
    }
}
