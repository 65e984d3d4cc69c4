import Foundation

extension String {
    /// Whether the text's UTF-8 holds `byte`, searched with `memchr` where the text is
    /// stored in one piece (a native string always is).
    func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { buffer in
            guard let start = buffer.baseAddress else { return false }
            return memchr(start, Int32(byte), buffer.count) != nil
        }
        return found ?? utf8.contains(byte)
    }
}

extension Substring.UTF8View {
    /// Whether every byte is ASCII other than a carriage return: text in which every
    /// character is one byte. Read from the stored bytes where it can be.
    var isASCIIWithoutCarriageReturns: Bool {
        func check<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }
        return withContiguousStorageIfAvailable { check($0) } ?? check(self)
    }
}
