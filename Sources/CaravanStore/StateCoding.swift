import Foundation

/// How a state file is written: JSON with sorted keys, ISO 8601 dates with
/// milliseconds, so the same state always gives the same bytes and a person can read
/// it.
enum StateCoding {
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(fractional))
        }
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: fractional) { return date }
            // Hand-edited files may leave out the fraction.
            return try Date(text, strategy: whole)
        }
        return try decoder.decode(type, from: data)
    }

    /// The date as the file shows it.
    static func format(_ date: Date) -> String {
        date.formatted(fractional)
    }
}
