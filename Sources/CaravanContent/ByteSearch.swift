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
