import Foundation

/// A content file's bytes as text: refusing binary files and invalid UTF-8 with the place
/// of the first bad byte, and placing YAML's lines in the file.
extension EntityFileParser {
    mutating func decodeText() -> String? {
        let bytes = file.bytes
        guard !bytes.isEmpty else {
            log.error("file is empty", at: at(1))
            return nil
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.lineAndColumn(of: nul, in: bytes)
            log.error(
                "binary file (contains a NUL byte); content files must be text",
                at: at(line, column))
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library's check reads valid text (nearly every file) in one fast
        // pass; only text it refuses is read again to say where.
        if let text = String(validating: body, as: UTF8.self) { return text }
        if let bad = Self.firstInvalidUTF8(body) {
            let (line, column) = Self.lineAndColumn(of: bad, in: bytes)
            log.error(
                "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)))", at: at(line, column))
            return nil
        }
        return String(decoding: body, as: UTF8.self)
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var decoder = UTF8()
            var iterator = bytes[index..<(index + length)].makeIterator()
            guard case .scalarValue = decoder.decode(&iterator) else { return index }
            index += length
        }
        return nil
    }

    /// Where each line of YAML text starts, as YAML counts lines (at a line feed, a
    /// carriage return, or both together), in file lines and columns from its start.
    static func lineStarts(ofYAML yaml: String) -> [(line: Int, column: Int)] {
        var starts = [(line: 0, column: 0)]
        var line = 0
        var column = 0
        var afterCarriageReturn = false
        for scalar in yaml.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
                let start = (line: line, column: 0)
                // `\r\n` is one break: the line the carriage return began starts here.
                if afterCarriageReturn {
                    starts[starts.count - 1] = start
                } else {
                    starts.append(start)
                }
                afterCarriageReturn = false
            case "\r":
                column += 1
                starts.append((line, column))
                afterCarriageReturn = true
            default:
                column += 1
                afterCarriageReturn = false
            }
        }
        return starts
    }

    /// Line and column (in characters, counted leniently) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column =
            bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}
