import Foundation

/// The bytes of a precompiled model, kept for as long as anything reads from them: a
/// cache file mapped into memory (pages are read from the file only when touched), or a
/// copy of bytes in memory such as the built-in paper's. Shared by the entities whose
/// bodies are still in the archive and by the search index read on another thread.
///
/// A mapping stays valid when the file is replaced, since a cache is replaced by renaming
/// a new file over it: the mapped file lives on until it is unmapped.
final class ArchiveBytes: @unchecked Sendable {
    /// Read-only once made.
    let buffer: UnsafeBufferPointer<UInt8>
    private let release: Release
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var damaged = false
    private let onDamage: (@Sendable () -> Void)?

    private enum Release {
        case unmap
        case deallocate
    }

    /// A copy of `bytes`; `onDamage` runs once, when a part read later fails its check.
    init(copying bytes: [UInt8], onDamage: (@Sendable () -> Void)? = nil) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<bytes.count])
        release = .deallocate
        self.onDamage = onDamage
    }

    /// The whole of an open file, mapped private and read-only; nil when it cannot be.
    init?(mapping descriptor: Int32, size: Int, onDamage: (@Sendable () -> Void)? = nil) {
        guard size > 0,
            let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            start != MAP_FAILED
        else { return nil }
        buffer = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: size)
        release = .unmap
        self.onDamage = onDamage
    }

    deinit {
        guard let base = buffer.baseAddress else { return }
        switch release {
        case .unmap: munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        case .deallocate: UnsafeMutablePointer(mutating: base).deallocate()
        }
    }

    var count: Int { buffer.count }

    /// Whether a part read after the model was opened failed its check.
    var isDamaged: Bool {
        lock.lock()
        defer { lock.unlock() }
        return damaged
    }

    /// Says that a part failed its check: the archive is not to be read again.
    func reportDamage() {
        lock.lock()
        let first = !damaged
        damaged = true
        lock.unlock()
        if first { onDamage?() }
    }

    /// The bytes of `range`, when they still have the checksum written with them; a
    /// failed check is reported (``reportDamage()``).
    func checked(_ range: Range<Int>, checksum: UInt64) -> UnsafeBufferPointer<UInt8>? {
        guard range.lowerBound >= 0, range.upperBound <= buffer.count else {
            reportDamage()
            return nil
        }
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        guard ArchiveChecksum.of(slice) == checksum else {
            reportDamage()
            return nil
        }
        return slice
    }
}

/// A part of an archive left there until it is asked for: where it is and its checksum,
/// checked when it is read.
struct ArchivedSlice: Sendable {
    let archive: ArchiveBytes
    let range: Range<Int>
    let checksum: UInt64

    /// Calls `read` with the part's bytes when they are as written; nil (the damage
    /// reported) when they are not, or when `read` finds them wrong (returns nil).
    func withCheckedBytes<T>(_ read: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        withExtendedLifetime(archive) {
            guard let bytes = archive.checked(range, checksum: checksum) else { return nil }
            guard let value = read(bytes) else {
                archive.reportDamage()
                return nil
            }
            return value
        }
    }

    /// The part as text, when it is as written and UTF-8.
    func text() -> String? {
        withCheckedBytes(ArchiveReader.text)
    }
}
