/// Finds entity links `[text](kind/slug)` and citations `[@key]` in a Markdown body, with
/// the line and column where each is written. Links are the ones libcmark parses, so
/// CommonMark decides what is a link (escapes, code, angle brackets, reference
/// definitions); citations, which CommonMark does not know, are read from the lines,
/// skipping code.
enum BodyLinkScanner {
    static func links(
        in body: String, outline: BodyOutline, firstLine: Int, path: String, source: EntityID
    ) -> [PendingLink] {
        var found = citations(in: body, outline: outline) + mentions(in: body, outline: outline)
        // In the order written: line by line, a line's citations before its links.
        let order = found.indices.sorted {
            let (a, b) = (found[$0], found[$1])
            return (a.line, a.finding.type == .cites ? 0 : 1, a.finding.column, $0)
                < (b.line, b.finding.type == .cites ? 0 : 1, b.finding.column, $1)
        }
        found = order.map { found[$0] }
        return found.map { item in
            PendingLink(
                source: source, type: item.finding.type, target: item.finding.target,
                reversed: false,
                location: SourceLocation(
                    path: path, line: firstLine + item.line - 1, column: item.finding.column))
        }
    }

    /// The links libcmark found whose destination is an id, each where it is written.
    private static func mentions(in body: String, outline: BodyOutline) -> [(
        line: Int, finding: Finding
    )] {
        let wanted = outline.links.filter { looksLikeEntityID($0.destination) }
        guard !wanted.isEmpty else { return [] }
        var locator = DestinationLocator(body: body, links: wanted)
        return wanted.map { link in
            let place = locator.place(of: link)
            return (
                place.line,
                Finding(type: .mentions, target: .id(link.destination), column: place.column)
            )
        }
    }

    /// The citations of each line outside code blocks. A body without carriage returns is
    /// read once through its bytes, and only the lines that hold a `[@` are looked at;
    /// any other is split into lines first (``lineCitations(in:outline:)``).
    static func citations(in body: String, outline: BodyOutline) -> [(
        line: Int, finding: Finding
    )] {
        if let found = citationsByBytes(in: body, outline: outline) { return found }
        return lineCitations(in: body, outline: outline)
    }

    /// What ``lineCitations(in:outline:)`` finds, for a body without carriage returns whose
    /// bytes can be read in place (nil for any other): lines end at line feed bytes, and a
    /// `[@` never spans two lines.
    static func citationsByBytes(in body: String, outline: BodyOutline) -> [(
        line: Int, finding: Finding
    )]? {
        let utf8 = body.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> [(line: Int, finding: Finding)]? in
            guard !bytes.contains(0x0D) else { return nil }
            var found: [(line: Int, finding: Finding)] = []
            var line = 1
            var lineStart = 0
            var previous: UInt8 = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    (line, lineStart, previous) = (line + 1, index + 1, 0)
                } else if previous == UInt8(ascii: "["), byte == UInt8(ascii: "@") {
                    var end = index
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    if !outline.isCode(line) {
                        let start = utf8.index(utf8.startIndex, offsetBy: lineStart)
                        let stop = utf8.index(utf8.startIndex, offsetBy: end)
                        for finding in findings(in: body[start..<stop]) {
                            found.append((line, finding))
                        }
                    }
                    // The line feed (or the end) is read next.
                    (index, previous) = (end, 0)
                    continue
                } else {
                    previous = byte
                }
                index += 1
            }
            return found
        } ?? nil
    }

    /// The citations of each line outside code blocks, line by line.
    static func lineCitations(in body: String, outline: BodyOutline) -> [(
        line: Int, finding: Finding
    )] {
        var found: [(line: Int, finding: Finding)] = []
        // Without carriage returns, lines end exactly at the line feed bytes.
        let lines =
            body.containsByte(0x0D)
            ? body.split(separator: "\n", omittingEmptySubsequences: false)
            : FrontMatterSplit.lines(of: body)
        for (offset, rawLine) in lines.enumerated() {
            // Most lines hold no `[@`: their bytes say so without a slower search.
            guard mayHoldCitations(rawLine.utf8), !outline.isCode(offset + 1) else { continue }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            for finding in findings(in: line) { found.append((offset + 1, finding)) }
        }
        return found
    }

    /// A citation or an entity link: what it names and the column (in characters, from 1)
    /// where it stands on its line.
    struct Finding: Equatable {
        var type: LinkType
        var target: PendingLink.Target
        var column: Int
    }

    /// The citations of a line, in the order written. Code spans are skipped.
    static func findings(in line: Substring) -> [Finding] {
        // In ASCII text without carriage returns every character is one byte.
        if line.utf8.isASCIIWithoutCarriageReturns {
            return ASCIICitationScanner(line.utf8).findings()
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
        return found
    }

    /// Whether the bytes hold `[@`, which every citation has.
    static func mayHoldCitations(_ bytes: Substring.UTF8View) -> Bool {
        // Read from the stored bytes where it can be: far faster than through the view.
        if let found = bytes.withContiguousStorageIfAvailable({ mayHoldCitations($0) }) {
            return found
        }
        return mayHoldCitations(bytes)
    }

    private static func mayHoldCitations<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "["), byte == UInt8(ascii: "@") { return true }
            previous = byte
        }
        return false
    }

    /// True for destinations meant as ids: `word/slug`, not URLs, anchors or file paths.
    /// An ASCII destination is read by its bytes; other text as Foundation searches it.
    static func looksLikeEntityID(_ destination: String) -> Bool {
        asciiLooksLikeEntityID(destination.utf8) ?? plainLooksLikeEntityID(destination)
    }

    /// What ``plainLooksLikeEntityID(_:)`` says of an ASCII destination (nil for any other):
    /// no `:` or `?`, not starting with `#`, `/` or `.`, and one `/` after a kind without
    /// a dot.
    static func asciiLooksLikeEntityID(_ bytes: String.UTF8View) -> Bool? {
        var slashes = 0
        var refused = false
        var kindLength = 0
        var kindHasDot = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "?"): refused = true
            case UInt8(ascii: "/"): slashes += 1
            case UInt8(ascii: "."): if slashes == 0 { kindHasDot = true }
            default: break
            }
            if slashes == 0 { kindLength += 1 }
        }
        switch bytes.first {
        case UInt8(ascii: "#"), UInt8(ascii: "/"), UInt8(ascii: "."): return false
        default: return !refused && slashes == 1 && kindLength > 0 && !kindHasDot
        }
    }

    /// The plain way: Foundation's search for what an id cannot hold.
    static func plainLooksLikeEntityID(_ destination: String) -> Bool {
        guard !destination.contains(":"), !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.hasPrefix("."), !destination.contains("?")
        else { return false }
        let parts = destination.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[0].contains(".")
    }

    /// Replaces the inside of `code spans` with spaces so nothing in them is taken as a citation.
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
private struct ASCIICitationScanner {
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
        return found
    }
}
