/// Where each key of a TOML document is written, so that a problem found after parsing
/// can point at its line. TOMLKit gives positions only for syntax errors, so this reads
/// the lines itself: table headers (`[keys]`), dotted keys (`colors.link = ...`) and the
/// keys of each table. Inside multi-line strings and arrays nothing is taken for a key.
struct TOMLLines {
    /// The first line (from 1) each key path appears on.
    private var lines: [[String]: Int] = [:]
    /// The lines that start a key or a table, in order.
    private var starts: [Int] = []
    private let text: [Substring]

    init(_ source: String) {
        text = source.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String] = []
        var closing: String?
        for (index, line) in text.enumerated() {
            let number = index + 1
            if let delimiter = closing {
                if line.contains(delimiter) { closing = nil }
                continue
            }
            var scanner = LineScanner(line)
            scanner.skipSpaces()
            if scanner.take("[") {
                let isArray = scanner.take("[")
                scanner.skipSpaces()
                guard let path = scanner.keyPath(), scanner.take("]") else { continue }
                if isArray, !scanner.take("]") { continue }
                table = path
                record(path, number)
            } else if let path = scanner.keyPath() {
                scanner.skipSpaces()
                guard scanner.take("=") else { continue }
                record(table + path, number)
                scanner.skipSpaces()
                closing = scanner.unclosedMultilineString()
            }
        }
    }

    private mutating func record(_ path: [String], _ line: Int) {
        if lines[path] == nil { lines[path] = line }
        starts.append(line)
    }

    /// The line of `path`, or of its nearest enclosing table written in the file.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    /// The line, within the value of `path`, that holds the string `literal`: for one
    /// element of a list spread over several lines. Falls back to the key's line.
    func line(of path: [String], containing literal: String) -> Int? {
        guard let first = line(of: path) else { return nil }
        let next = starts.first { $0 > first } ?? text.count + 1
        let quoted = ["\"\(literal)\"", "'\(literal)'"]
        for number in first..<next where number - 1 < text.count {
            let line = text[number - 1]
            if quoted.contains(where: { line.contains($0) }) { return number }
        }
        return first
    }
}

/// Reads the start of a TOML line: spaces, brackets, keys.
private struct LineScanner {
    private let characters: [Character]
    private var index = 0

    init(_ line: Substring) {
        characters = Array(line)
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func skipSpaces() {
        while let character = current, character == " " || character == "\t" { index += 1 }
    }

    mutating func take(_ character: Character) -> Bool {
        guard current == character else { return false }
        index += 1
        return true
    }

    /// `a.b."c d"`: the parts of a dotted key, or nil when there is no key here.
    mutating func keyPath() -> [String]? {
        var parts: [String] = []
        repeat {
            skipSpaces()
            guard let part = key() else { return nil }
            parts.append(part)
            skipSpaces()
        } while take(".")
        return parts
    }

    private mutating func key() -> String? {
        guard let first = current else { return nil }
        if first == "\"" || first == "'" {
            index += 1
            var key = ""
            while let character = current {
                index += 1
                if character == first { return key }
                if character == "\\", first == "\"", let escaped = current {
                    index += 1
                    key.append(escaped)
                } else {
                    key.append(character)
                }
            }
            return nil
        }
        var key = ""
        while let character = current,
            character.isASCII && (character.isLetter || character.isNumber)
                || character == "-" || character == "_"
        {
            key.append(character)
            index += 1
        }
        return key.isEmpty ? nil : key
    }

    /// The closing delimiter of a multi-line string that starts here and does not end
    /// on this line; nil otherwise.
    func unclosedMultilineString() -> String? {
        let rest = String(characters[index...])
        for delimiter in ["\"\"\"", "'''"] where rest.hasPrefix(delimiter) {
            let after = rest.dropFirst(3)
            return after.contains(delimiter) ? nil : delimiter
        }
        return nil
    }
}
