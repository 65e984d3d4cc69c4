import Foundation
import NIOConcurrencyHelpers
import NIOSSH

/// An authorized-keys file that is read again whenever it changes, so keys can
/// be added or removed while the server runs.
///
/// The file is trusted only as OpenSSH's StrictModes trusts it: the file and every
/// folder above it must belong to the serving user or root and must not be
/// writable by others (a folder with the sticky bit, such as /tmp, is fine: others
/// cannot replace what is in it). A reload that fails (the file gone, unreadable or
/// open to others) keeps the keys read last, and says why in the log.
final class AuthorizedKeysFile: Sendable {
    let path: String
    private let state = NIOLockedValueBox(Snapshot(stamp: nil, keys: AuthorizedKeys(parsing: "")))

    private struct Snapshot {
        var stamp: FileStamp?
        var keys: AuthorizedKeys
    }

    /// What tells that the file, or its folder, changed: a chmod changes the
    /// status-change time, an edit the modification time, a rename the inode.
    private struct FileStamp: Equatable {
        var file: [Int]
        var folder: [Int]

        init?(path: String) {
            guard let file = Self.fields(path) else { return nil }
            self.file = file
            folder = Self.fields((path as NSString).deletingLastPathComponent) ?? []
        }

        private static func fields(_ path: String) -> [Int]? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            #if canImport(Darwin)
                let times = [info.st_mtimespec, info.st_ctimespec]
            #else
                let times = [info.st_mtim, info.st_ctim]
            #endif
            return [
                Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(info.st_mode),
                Int(info.st_uid),
            ] + times.flatMap { [Int($0.tv_sec), Int($0.tv_nsec)] }
        }
    }

    init(path: String) {
        self.path = path
    }

    /// Reads the file now and makes its keys the ones used; the error says why it
    /// could not be read, and the keys read before stay.
    @discardableResult
    func load() throws(ServeError) -> AuthorizedKeys {
        let stamp = FileStamp(path: path)
        defer { state.withLockedValue { $0.stamp = stamp } }
        if let unsafe = Self.unsafeReason(path: path) {
            throw ServeError("\(unsafe); anyone on this machine could add a key")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServeError("cannot read the authorized keys \(path): \(Self.readFailure(path))")
        }
        let parsed = AuthorizedKeys(parsing: [UInt8](data))
        state.withLockedValue { $0.keys = parsed }
        return parsed
    }

    /// Whether `key` may log in from `address`, reading the file again first if it changed.
    func authorizes(_ key: NIOSSHPublicKey, from address: String) -> Bool {
        let stamp = FileStamp(path: path)
        let changed = state.withLockedValue { $0.stamp != stamp }
        if changed {
            do {
                let parsed = try load()
                ServeLog.line(
                    "\(ServeLog.timestamp()) authorized keys reloaded: \(parsed.keys.count) keys")
                for problem in parsed.problems { ServeLog.line("  \(path): \(problem)") }
            } catch {
                let kept = state.withLockedValue { $0.keys.keys.count }
                ServeLog.line(
                    "\(ServeLog.timestamp()) \(error.message); keeping the \(kept) keys read before"
                )
            }
        }
        return state.withLockedValue { $0.keys.allows(key, from: address) }
    }

    /// Why the file cannot be trusted, or nil when it can: it, or a folder above
    /// it, belongs to someone else or can be written by others.
    static func unsafeReason(path: String, user: uid_t = geteuid()) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }  // reading will say why
        let real = String(cString: resolved)
        free(resolved)
        var current = real
        var isFile = true
        while true {
            var info = stat()
            guard stat(current, &info) == 0 else {
                return "cannot check \(current): \(String(cString: strerror(errno)))"
            }
            let what = isFile ? "the authorized keys \(current)" : "the folder \(current)"
            let mode = String(info.st_mode & 0o7777, radix: 8)
            if info.st_uid != 0 && info.st_uid != user {
                return "\(what) belongs to another user (uid \(info.st_uid))"
            }
            let sticky = !isFile && info.st_mode & S_ISVTX != 0
            if info.st_mode & 0o022 != 0 && !sticky {
                return "\(what) is writable by others (mode \(mode)); run chmod go-w on it"
            }
            if current == "/" { return nil }
            current = (current as NSString).deletingLastPathComponent
            isFile = false
        }
    }

    private static func readFailure(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) != 0 { return String(cString: strerror(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return "it is a folder" }
        return access(path, R_OK) == 0 ? "cannot be read" : String(cString: strerror(errno))
    }
}
