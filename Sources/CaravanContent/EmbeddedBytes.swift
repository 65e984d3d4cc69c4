/// Bytes carried in a Swift string literal, so that a generated source file can compile
/// binary data into the program: printable ASCII stands for itself (but `"` and `\`), any
/// other byte b is the character U+0100 + b, two bytes of UTF-8. Text-heavy data grows
/// by about a tenth, and reading it back is one pass with no table.
public enum EmbeddedBytes {
    /// The inside of a string literal holding `bytes`.
    public static func literal(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if isPlain(byte) {
                out.append(byte)
            } else {
                let scalar = 0x100 + UInt32(byte)
                out.append(0xC0 | UInt8(scalar >> 6))
                out.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes a literal made by ``literal(_:)`` holds; nil when it is not of that form.
    public static func bytes(_ literal: StaticString) -> [UInt8]? {
        guard literal.hasPointerRepresentation else { return nil }
        return bytes(
            UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Decoded into storage of the literal's size (never smaller than what it holds), in
    /// one pass; this runs on every start, for a model of about a megabyte.
    public static func bytes(_ encoded: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: encoded.count) { buffer, count in
            var index = 0
            var written = 0
            while index < encoded.count {
                let lead = encoded[index]
                if lead < 0x80 {
                    buffer[written] = lead
                    written += 1
                    index += 1
                    continue
                }
                guard (0xC4...0xC7).contains(lead), index + 1 < encoded.count,
                    encoded[index + 1] & 0xC0 == 0x80
                else {
                    valid = false
                    break
                }
                let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(encoded[index + 1] & 0x3F)
                buffer[written] = UInt8(truncatingIfNeeded: scalar - 0x100)
                written += 1
                index += 2
            }
            count = written
        }
        return valid ? out : nil
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
}
