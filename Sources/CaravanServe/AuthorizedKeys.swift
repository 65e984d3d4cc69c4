import Foundation
import NIOConcurrencyHelpers
import NIOSSH

/// The public keys of an OpenSSH authorized-keys file.
public struct AuthorizedKeys: Sendable {
    /// The keys that may log in.
    public var keys: Set<NIOSSHPublicKey>
    /// One line for each entry that was skipped or only partly understood.
    public var problems: [String]

    /// Key types NIOSSH can check signatures of.
    static let supportedTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    ]

    /// Parses the file's text: one key a line, `#` comments, optional leading options.
    public init(parsing text: String) {
        keys = []
        problems = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = index + 1
            let fields = Self.fields(of: line)
            guard let typeIndex = fields.firstIndex(where: Self.looksLikeKeyType) else {
                problems.append("line \(number): no key type found")
                continue
            }
            let type = fields[typeIndex]
            guard Self.supportedTypes.contains(type) else {
                problems.append(
                    "line \(number): \(type) keys are not supported (use ssh-ed25519 or ecdsa)")
                continue
            }
            guard typeIndex + 1 < fields.count else {
                problems.append("line \(number): the key's base64 is missing")
                continue
            }
            do {
                keys.insert(
                    try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[typeIndex + 1])"))
            } catch {
                problems.append("line \(number): the \(type) key cannot be read")
                continue
            }
            if typeIndex > 0 {
                problems.append("line \(number): key options are ignored")
            }
        }
    }

    /// Splits on blanks outside double quotes, as options like `from="a b"` need.
    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                current.append(character)
                quoted.toggle()
            } else if (character == " " || character == "\t") && !quoted {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    private static func looksLikeKeyType(_ field: String) -> Bool {
        supportedTypes.contains(field) || field.hasPrefix("ssh-") || field.hasPrefix("ecdsa-")
            || field.hasPrefix("sk-")
    }
}

/// An authorized-keys file that is read again whenever it changes, so keys can
/// be added or removed while the server runs.
final class AuthorizedKeysFile: Sendable {
    let path: String
    private let state = NIOLockedValueBox(Snapshot(stamp: nil, keys: []))

    private struct Snapshot {
        var stamp: FileStamp?
        var keys: Set<NIOSSHPublicKey>
    }

    private struct FileStamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int
        var modifiedNanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modified = info.st_mtimespec.tv_sec
                modifiedNanoseconds = info.st_mtimespec.tv_nsec
            #else
                modified = info.st_mtim.tv_sec
                modifiedNanoseconds = info.st_mtim.tv_nsec
            #endif
        }
    }

    init(path: String) {
        self.path = path
    }

    /// Reads the file now; the error says why it could not be read.
    @discardableResult
    func load() throws(ServeError) -> AuthorizedKeys {
        let stamp = FileStamp(path: path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            state.withLockedValue { $0 = Snapshot(stamp: stamp, keys: []) }
            throw ServeError(
                "cannot read the authorized keys \(path): \(error.localizedDescription)")
        }
        let parsed = AuthorizedKeys(parsing: text)
        state.withLockedValue { $0 = Snapshot(stamp: stamp, keys: parsed.keys) }
        return parsed
    }

    /// Whether `key` may log in, reading the file again first if it changed.
    func authorizes(_ key: NIOSSHPublicKey) -> Bool {
        let stamp = FileStamp(path: path)
        let changed = state.withLockedValue { $0.stamp != stamp }
        if changed {
            do {
                let parsed = try load()
                ServeLog.line(
                    "\(ServeLog.timestamp()) authorized keys reloaded: \(parsed.keys.count) keys")
                for problem in parsed.problems { ServeLog.line("  \(path): \(problem)") }
            } catch {
                ServeLog.line("\(ServeLog.timestamp()) \(error.message)")
            }
        }
        return state.withLockedValue { $0.keys.contains(key) }
    }
}
