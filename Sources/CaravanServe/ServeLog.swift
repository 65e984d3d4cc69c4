import Foundation

/// Lines on standard error, each written whole with one write(2).
public enum ServeLog {
    /// Writes `text` and a newline to standard error. Control characters in
    /// `text` are written as escapes (see ``visible(_:)``), so that nothing a
    /// client sent can move the cursor, recolour the operator's terminal or
    /// start a line of its own.
    public static func line(_ text: String) {
        var bytes = Array((visible(text) + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes {
                write(STDERR_FILENO, $0.baseAddress, $0.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// `text` with every control character (C0, DEL, C1), line and paragraph
    /// separator and bidirectional override written as `\xNN` or `\u{NNNN}`.
    public static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0:
                result += "\\x" + hex(scalar.value, digits: 2)
            case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + hex(scalar.value, digits: 4) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The current time as ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
