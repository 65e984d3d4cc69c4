import Foundation

/// Lines on standard error, each written whole with one write(2).
public enum ServeLog {
    /// Writes `text` and a newline to standard error.
    public static func line(_ text: String) {
        var bytes = Array((text + "\n").utf8)
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

    /// The current time as ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
