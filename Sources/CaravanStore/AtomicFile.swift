import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The steps of an atomic write, in order; tests stop a write at each to check that the
/// old file survives.
enum WriteStep: CaseIterable, Sendable {
    /// The temporary file exists and is empty.
    case created
    /// Every byte is written to the temporary file.
    case written
    /// The temporary file is on the disk.
    case synced
    /// The temporary file is closed and about to replace the real one.
    case beforeRename
    /// The real file is replaced; the folder is not yet synced.
    case renamed
}

/// Called before each step completes; throwing stops the write there, as a crash would.
typealias WriteFault = @Sendable (WriteStep) throws -> Void

/// Replaces a file so that a crash at any moment leaves either the old file or the new
/// one, never a mix: the bytes go to a new temporary file in the same folder, are
/// synced, and the temporary file is renamed over the real one; then the folder is
/// synced so that the rename itself survives a power cut.
public enum AtomicFile {
    /// Who may read the file written.
    public enum Access: Sendable {
        /// The owner alone (0600): reader state, notes.
        case owner
        /// As any new file the user makes, by the umask: exports and handouts to pass on.
        case umask
    }

    /// Replaces `path` with `data`, atomically: a crash leaves the old file or the new one.
    public static func write(_ data: Data, to path: String, access: Access) throws {
        try write(data, to: path, access: access, fault: nil)
    }

    /// Replaces the file at `path` with `data`, atomically (for files other than the
    /// reader's state, such as poll results). The file is private to its owner.
    public static func replace(_ data: Data, at path: String) throws {
        try write(data, to: path, access: .owner)
    }

    /// The prefix of temporary files for `path`. Hidden, so they do not clutter the
    /// folder; recognisable, so a later writer can clear those a crash left behind.
    static func temporaryPrefix(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return "." + url.lastPathComponent + ".tmp-"
    }

    static func write(
        _ data: Data, to path: String, access: Access = .owner, fault: WriteFault?
    ) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let (temporaryPath, descriptor) = try createTemporary(
            for: path, in: folder, access: access)
        var isOpen = true
        var renamed = false
        defer {
            if isOpen { close(descriptor) }
            if !renamed { unlink(temporaryPath) }
        }
        try fault?(.created)
        try writeAll(data, to: descriptor, path: temporaryPath)
        try fault?(.written)
        guard fsync(descriptor) == 0 else {
            throw StoreError(path: temporaryPath, action: "sync")
        }
        try fault?(.synced)
        isOpen = false
        guard close(descriptor) == 0 else {
            throw StoreError(path: temporaryPath, action: "close")
        }
        try fault?(.beforeRename)
        guard rename(temporaryPath, path) == 0 else {
            throw StoreError(path: path, action: "replace")
        }
        renamed = true
        try fault?(.renamed)
        try syncFolder(folder)
    }

    /// Removes temporary files of `path` that a crashed writer left. Call only while
    /// holding the lock, when no other writer can be midway.
    static func removeStaleTemporaries(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let prefix = temporaryPrefix(for: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            unlink(folder + "/" + name)
        }
    }

    private static func createTemporary(for path: String, in folder: String, access: Access)
        throws -> (path: String, descriptor: Int32)
    {
        let prefix = folder + "/" + temporaryPrefix(for: path) + String(getpid()) + "-"
        let mode: mode_t = access == .owner ? 0o600 : 0o666
        for _ in 0..<16 {
            let candidate = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor >= 0 {
                // The umask may only have narrowed the mode; make it exactly 0600.
                if access == .owner { fchmod(descriptor, 0o600) }
                return (candidate, descriptor)
            }
            guard errno == EEXIST else {
                throw StoreError(path: candidate, action: "create")
            }
        }
        throw StoreError(path: prefix, message: "cannot find a free temporary file name")
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw StoreError(path: path, action: "write")
                }
                offset += count
            }
        }
    }

    private static func syncFolder(_ folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError(path: folder, action: "open the folder") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError(path: folder, action: "sync") }
    }
}

/// `write(2)`, under a name that does not clash with ``AtomicFile/write(_:to:access:fault:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}
