/// Builds byte strings in the SSH wire format (RFC 4251 section 5).
struct SSHWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func writeUInt32(_ value: UInt32) {
        bytes += [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }

    mutating func writeString<Bytes: Collection>(_ value: Bytes) where Bytes.Element == UInt8 {
        writeUInt32(UInt32(truncatingIfNeeded: value.count))
        bytes += value
    }

    mutating func writeString(_ value: String) {
        writeString(Array(value.utf8))
    }

    mutating func writeRaw<Bytes: Collection>(_ value: Bytes) where Bytes.Element == UInt8 {
        bytes += value
    }
}

/// Reads byte strings in the SSH wire format; every read fails softly with nil.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var remaining: ArraySlice<UInt8> { bytes[min(offset, bytes.count)...] }

    mutating func readRaw(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readUInt32() -> UInt32? {
        guard let raw = readRaw(4) else { return nil }
        return raw.reduce(0) { ($0 << 8) | UInt32($1) }
    }

    mutating func readString() -> [UInt8]? {
        guard let length = readUInt32() else { return nil }
        return readRaw(Int(length))
    }

    mutating func readText() -> String? {
        readString().flatMap { String(validating: $0, as: UTF8.self) }
    }
}
