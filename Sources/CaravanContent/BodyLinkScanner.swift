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
            body.utf8.contains(0x0D)
            ? body.split(separator: "\n", omittingEmptySubsequences: false)
            : FrontMatterSplit.lines(of: body)
        for (offset, rawLine) in lines.enumerated() {
            // Most lines hold neither `](` nor `[@`: their bytes say so without a slower search.
            guard mayHoldLinks(rawLine.utf8), !isCode(offset + 1) else { continue }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let text = blankingCodeSpans(String(line))
            let lineNumber = firstLine + offset
            // Columns are counted on from the last one, so a long line is walked once per pass.
            var cursor = (index: text.startIndex, column: 1)
            func location(_ index: String.Index) -> SourceLocation {
                if index < cursor.index { cursor = (text.startIndex, 1) }
                cursor = (index, cursor.column + text.distance(from: cursor.index, to: index))
                return SourceLocation(path: path, line: lineNumber, column: cursor.column)
            }
            for match in CitationSyntax.matches(in: text) {
                for citation in match.citations {
                    found.append(
                        PendingLink(
                            source: source, type: .cites, target: .citationKey(citation.key),
                            reversed: false, location: location(match.range.lowerBound)))
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
                        PendingLink(
                            source: source, type: .mentions, target: .id(destination),
                            reversed: false, location: location(destinationStart)))
                }
                searchStart = close
            }
        }
        return found
    }

    /// Whether the bytes hold `](` or `[@`, which every link and citation has.
    static func mayHoldLinks(_ bytes: Substring.UTF8View) -> Bool {
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
