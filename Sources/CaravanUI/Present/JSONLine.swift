import Foundation

/// A message that travels between the presenter and its followers as one line of JSON,
/// refused when longer than its type allows.
public protocol JSONLine: Codable {
    /// The longest line read as this message; longer lines are not one.
    static var maximumLineLength: Int { get }
}

extension JSONLine {
    /// The message as one line of JSON, keys sorted, newline included.
    public func jsonLine() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Reads one line; nil when it is too long or not this message.
    public static func decode(line: Data) -> Self? {
        guard line.count <= maximumLineLength else { return nil }
        return try? JSONDecoder().decode(Self.self, from: line)
    }
}
