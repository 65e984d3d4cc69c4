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
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
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
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
