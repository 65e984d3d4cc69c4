/// Splits a content file into its YAML front matter and its Markdown body.
struct FrontMatterSplit {
    /// The YAML text between the fences.
    var yaml: String
    /// The line (1-based) of the first YAML line.
    var yamlLine: Int
    var body: String
    /// The line (1-based) where the body starts.
    var bodyLine: Int

    enum Failure: Error, Equatable {
        case missingOpening
        case neverClosed
    }

    /// Front matter must open on the first line with `---` and close with `---` or `...`.
    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        if !text.containsByte(0x0D) { return splitAtLineFeeds(text) }
        var lines = Self.lines(of: text).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.missingOpening)
        }
        lines.removeFirst()
        guard
            let closing = lines.firstIndex(where: {
                let line = $0.trimmingTrailingSpaces
                return line == "---" || line == "..."
            })
        else { return .failure(.neverClosed) }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(
            FrontMatterSplit(yaml: yaml, yamlLine: 2, body: body, bodyLine: closing + 3))
    }

    /// ``split(_:)`` for text without carriage returns, whose lines end exactly at line
    /// feeds: the front matter and the body are slices of the text, not lines joined again.
    private static func splitAtLineFeeds(_ text: String) -> Result<FrontMatterSplit, Failure> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var yamlStart = utf8.startIndex
        var number = 0
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            if number == 0 {
                guard line == "---" else { return .failure(.missingOpening) }
            } else if line == "---" || line == "..." {
                // The front matter ends before the line feed that ends its last line.
                let yamlEnd = number == 1 ? yamlStart : utf8.index(before: lineStart)
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return .success(
                    FrontMatterSplit(
                        yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                        body: String(text[bodyStart...]), bodyLine: number + 2))
            }
            guard lineEnd < utf8.endIndex else { return .failure(.neverClosed) }
            lineStart = utf8.index(after: lineEnd)
            if number == 0 { yamlStart = lineStart }
            number += 1
        }
    }

    /// The text split at line feeds and at `\r\n` (one Character in Swift), found in the
    /// UTF-8 bytes: a line feed is always a Character of its own or the end of `\r\n`.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                var end = index
                if end > start {
                    let before = utf8.index(before: end)
                    if utf8[before] == 0x0D { end = before }
                }
                lines.append(text[start..<end])
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        lines.append(text[start...])
        return lines
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
