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

extension Array where Element == UInt8 {
    /// The offsets just after each line feed, with 0 first: where each line starts.
    /// Found with `memchr`, as the loader does this for every body with links.
    var lineStarts: [Int] {
        var starts = [0]
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count,
                let found = memchr(base + offset, 0x0A, buffer.count - offset)
            {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        return starts
    }
}
