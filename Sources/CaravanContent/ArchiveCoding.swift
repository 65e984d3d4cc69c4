/// The primitives of the precompiled model's binary form: unsigned numbers as LEB128
/// varints, signed ones zigzagged, text as a length and UTF-8 bytes.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

    mutating func signed(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Why archived bytes were refused. A reader only ever says that they were: a damaged or
/// foreign archive is rebuilt from the sources, never mended.
struct ArchiveError: Error, Equatable {
    var reason: String
}

/// Reads what ``ArchiveWriter`` wrote, checking every length and offset against the
/// bytes there are: a truncated or hostile archive throws, it never traps.
struct ArchiveReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int

    /// Reads `bytes`, which must outlive the reader.
    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(max(0, offset), bytes.count)
    }

    var remaining: Int { bytes.count - offset }
    /// Where the bytes read end, counted as offsets are.
    var end: Int { bytes.count }
    var isAtEnd: Bool { offset == bytes.count }

    static func fail(_ reason: String) -> ArchiveError { ArchiveError(reason: reason) }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.fail("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Self.fail("not a flag")
        }
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift != 63 || next <= 1 else { throw Self.fail("number too large") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A count of things that follow, each at least `minimumSize` bytes long: a count the
    /// remaining bytes could not hold is refused before anything is reserved for it.
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(remaining / max(1, minimumSize)) else {
            throw Self.fail("count past the end")
        }
        return Int(value)
    }

    /// A number that is not a count (a line, an index checked by the caller).
    mutating func natural() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int32.max) else { throw Self.fail("number too large") }
        return Int(value)
    }

    mutating func signed() throws -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        return Int(value)
    }

    mutating func fixed64() throws -> UInt64 {
        guard remaining >= 8 else { throw Self.fail("ends early") }
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(bytes[offset + index]) << UInt64(index * 8)
        }
        offset += 8
        return value
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    mutating func string() throws -> String {
        let length = try count()
        let slice = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
        guard let text = Self.text(slice) else { throw Self.fail("text is not UTF-8") }
        offset += length
        return text
    }

    /// `bytes` as text when they are UTF-8, else nil. Decoded, then compared with what
    /// was decoded, since decoding mends invalid UTF-8 (with U+FFFD): the same in one pass
    /// and a compare as `String(validating:as:)`, which is generic and looked up type
    /// metadata on every call, a tenth of a cached open.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { $0.elementsEqual(bytes) }
        return same ? text : nil
    }

    /// `length` raw bytes, checked to be there.
    mutating func raw(_ length: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard length >= 0, length <= remaining else { throw Self.fail("ends early") }
        defer { offset += length }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(minimumSize: Int = 1, _ read: (inout ArchiveReader) throws -> T)
        throws -> [T]
    {
        let count = try count(minimumSize: minimumSize)
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// One of a type's cases by its place in `allCases`.
    mutating func oneOf<T: CaseIterable>(_ type: T.Type) throws -> T {
        let all = Array(T.allCases)
        let index = Int(try byte())
        guard index < all.count else { throw Self.fail("unknown \(T.self)") }
        return all[index]
    }
}

/// A 64-bit checksum of bytes, four lanes at a time so that checking a large cache
/// costs little next to reading it. Catches damage, not forgery: a cache is trusted
/// only as far as its owner and permissions say (``ModelCache``).
enum ArchiveChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, 1, 0)
        let words = bytes.count / 32
        if let base = bytes.baseAddress, words > 0 {
            let raw = UnsafeRawPointer(base)
            for block in 0..<words {
                let at = block * 32
                lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                lanes.2 = round(
                    lanes.2, raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
                lanes.3 = round(
                    lanes.3, raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            }
        }
        var hash =
            rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12)
            &+ rotate(lanes.3, 18)
        hash ^= UInt64(bytes.count) &* prime1
        for index in (words * 32)..<bytes.count {
            hash = rotate(hash ^ (UInt64(bytes[index]) &* prime2), 11) &* prime1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        return hash
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0) }
    }

    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        rotate(lane &+ input &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ by: UInt64) -> UInt64 {
        (value << by) | (value >> (64 - by))
    }
}
