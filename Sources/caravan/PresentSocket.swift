import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// connect(2), named apart from `PresentSocket.connect(to:)`.
private func systemConnect(_ socket: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t)
    -> Int32
{
    connect(socket, address, length)
}

/// Who may follow a presentation: the sockets' permissions and the peer check.
enum Audience: String, ExpressibleByArgument, CaseIterable {
    /// Only the presenting user (socket 0600 in a 0700 folder).
    case owner
    /// Also members of the presenter's group (0660 in a 0750 folder).
    case group
    /// Every user of the machine (0666 in a 0755 folder).
    case all

    var socketMode: mode_t {
        switch self {
        case .owner: 0o600
        case .group: 0o660
        case .all: 0o666
        }
    }

    var folderMode: mode_t {
        switch self {
        case .owner: 0o700
        case .group: 0o750
        case .all: 0o755
        }
    }
}

/// A problem with the presentation socket, said in one line.
struct PresentSocketError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where presentation sockets live, and the checks made before trusting a folder.
///
/// - owner: `$XDG_RUNTIME_DIR/caravan/` (or `/tmp/caravan-UID/` without one), mode 0700;
/// - group and all: `/tmp/caravan-UID-group/` (0750) and `/tmp/caravan-UID-all/` (0755),
///   since a runtime folder is private to its user.
///
/// A folder is used only when it is a real folder (not a symbolic link) owned by the
/// presenting user; the socket is `present.sock`, or `present-NAME.sock` for `--session NAME`.
enum PresentSocket {
    static func folder(for audience: Audience, uid: uid_t) -> String {
        switch audience {
        case .owner:
            if uid == getuid(),
                let runtime = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"],
                runtime.hasPrefix("/"), isFolder(runtime, ownedBy: uid)
            {
                return (runtime.hasSuffix("/") ? runtime : runtime + "/") + "caravan"
            }
            return "/tmp/caravan-\(uid)"
        case .group: return "/tmp/caravan-\(uid)-group"
        case .all: return "/tmp/caravan-\(uid)-all"
        }
    }

    static func fileName(session: String?) -> String {
        session.map { "present-\($0).sock" } ?? "present.sock"
    }

    /// Session names are short words: letters, digits, `.`, `_` and `-`.
    static func validate(session: String?) throws {
        guard let session else { return }
        let allowed = session.unicodeScalars.allSatisfy {
            $0.isASCII
                && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
        }
        guard allowed, (1...40).contains(session.count), !session.hasPrefix(".") else {
            throw ValidationError("a session name is 1 to 40 letters, digits, '.', '_' or '-'")
        }
    }

    /// The user id of a user name or number.
    static func userID(_ name: String) throws -> uid_t {
        if let number = UInt32(name) { return number }
        guard let entry = getpwnam(name) else { throw ValidationError("no user named '\(name)'") }
        return entry.pointee.pw_uid
    }

    /// The sockets a follower of `uid` tries, in order: private, group, all.
    static func candidates(session: String?, uid: uid_t) -> [String] {
        Audience.allCases.map { folder(for: $0, uid: uid) + "/" + fileName(session: session) }
    }

    /// For `follow --auto`: any presentation socket of `uid`, the default session first,
    /// then the most recently started.
    static func anySocket(uid: uid_t) -> [String] {
        var found: [(path: String, time: Int)] = []
        for audience in Audience.allCases {
            let folder = folder(for: audience, uid: uid)
            guard isFolder(folder, ownedBy: uid),
                let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
            else { continue }
            for name in names where name.hasPrefix("present") && name.hasSuffix(".sock") {
                var info = stat()
                let path = folder + "/" + name
                guard lstat(path, &info) == 0 else { continue }
                #if canImport(Glibc)
                    let time = Int(info.st_mtim.tv_sec)
                #else
                    let time = Int(info.st_mtimespec.tv_sec)
                #endif
                found.append((path, name == "present.sock" ? Int.max : time))
            }
        }
        return found.sorted { $0.time > $1.time }.map(\.path)
    }

    // MARK: Folders

    /// Whether `path` is a folder (not a link to one) owned by `uid`.
    static func isFolder(_ path: String, ownedBy uid: uid_t) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == uid
    }

    /// Creates the folder with `mode`, or checks the one there: a real folder owned by us,
    /// given exactly `mode` (so a folder left from a wider audience is narrowed again).
    static func prepareFolder(_ path: String, mode: mode_t) throws {
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw PresentSocketError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw PresentSocketError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw PresentSocketError(
                "refusing to use \(path): it is not a folder (a symbolic link?)")
        }
        guard info.st_uid == geteuid() else {
            throw PresentSocketError("refusing to use \(path): it belongs to another user")
        }
        if info.st_mode & 0o7777 != mode, chmod(path, mode) != 0 {
            throw PresentSocketError("cannot set the permissions of \(path)")
        }
    }

    // MARK: Sockets

    static func address(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw PresentSocketError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            buffer[bytes.count] = 0
        }
        return address
    }

    static func makeSocket() -> Int32 {
        #if canImport(Glibc)
            return socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            return socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
    }

    /// Connects to a socket; the descriptor, or nil with `errno` set.
    static func connect(to path: String) -> Int32? {
        guard var address = try? address(path) else { return nil }
        let descriptor = makeSocket()
        guard descriptor >= 0 else { return nil }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result == 0 { return descriptor }
        let saved = errno
        close(descriptor)
        errno = saved
        return nil
    }

    /// Whether `path` is a socket owned by `uid` (a follower's check before connecting).
    static func isSocket(_ path: String, ownedBy uid: uid_t) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK && info.st_uid == uid
    }

    // MARK: Peers

    /// The user and group of the process at the other end of a connected socket.
    static func peer(of descriptor: Int32) -> (uid: uid_t, gid: gid_t)? {
        #if canImport(Glibc)
            // struct ucred { pid_t pid; uid_t uid; gid_t gid; }, which Glibc does not export.
            var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
            var length = socklen_t(MemoryLayout.size(ofValue: credentials))
            guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
                length == socklen_t(MemoryLayout.size(ofValue: credentials))
            else { return nil }
            return (credentials.uid, credentials.gid)
        #else
            var uid = uid_t()
            var gid = gid_t()
            guard getpeereid(descriptor, &uid, &gid) == 0 else { return nil }
            return (uid, gid)
        #endif
    }

    /// Whether a peer may follow: our own user always; for `group`, a user whose group is
    /// ours or who is listed as a member of it; for `all`, anyone.
    static func admits(_ peer: (uid: uid_t, gid: gid_t), audience: Audience) -> Bool {
        if peer.uid == geteuid() { return true }
        switch audience {
        case .owner: return false
        case .all: return true
        case .group:
            let ours = getegid()
            if peer.gid == ours { return true }
            guard let user = getpwuid(peer.uid), let group = getgrgid(ours),
                var member = group.pointee.gr_mem
            else { return false }
            let name = String(cString: user.pointee.pw_name)
            while let entry = member.pointee {
                if String(cString: entry) == name { return true }
                member += 1
            }
            return false
        }
    }
}
