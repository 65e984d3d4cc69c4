import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key, kept in an OpenSSH private key file so that
/// `ssh-keygen -l -f` shows the same fingerprint as `caravan serve`.
public struct HostKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    /// Whether this start created the key.
    public let created: Bool

    /// The key as NIOSSH takes it.
    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }

    /// `SHA256:...`, as OpenSSH prints it.
    public var fingerprint: String { KeyFingerprint.sha256(of: sshKey.publicKey) }

    /// Loads the key at `path`, or creates one there (file 0600, and any missing
    /// folder 0700; folders that exist are left as they are) when there is no file yet.
    public static func loadOrCreate(at path: String) throws(ServeError) -> HostKey {
        if FileManager.default.fileExists(atPath: path) {
            return HostKey(privateKey: try load(from: path), created: false)
        }
        let key = Curve25519.Signing.PrivateKey()
        try save(key, to: path)
        return HostKey(privateKey: key, created: true)
    }

    static func load(from path: String) throws(ServeError) -> Curve25519.Signing.PrivateKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServeError("cannot read the host key \(path): \(error.localizedDescription)")
        }
        if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
            as? Int, mode & 0o077 != 0
        {
            ServeLog.line(
                "warning: the host key \(path) can be read by others; run chmod 600 on it")
        }
        do {
            return try OpenSSHPrivateKeyFile.decodeEd25519(text)
        } catch {
            throw ServeError("cannot use the host key \(path): \(error.message)")
        }
    }

    static func save(_ key: Curve25519.Signing.PrivateKey, to path: String) throws(ServeError) {
        let folder = (path as NSString).deletingLastPathComponent
        try createPrivateFolders(folder)
        var info = stat()
        if stat(folder, &info) == 0, info.st_mode & 0o022 != 0, info.st_mode & S_ISVTX == 0 {
            ServeLog.line(
                "warning: \(folder) is writable by others, who could replace the host key")
        }
        let comment = "caravan-serve@\(ProcessInfo.processInfo.hostName)"
        let privateText = OpenSSHPrivateKeyFile.encodeEd25519(key, comment: comment)
        let publicText =
            String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: key).publicKey) + " \(comment)\n"
        try PrivateFile.write(privateText, to: path, mode: 0o600)
        try PrivateFile.write(publicText, to: path + ".pub", mode: 0o644)
    }

    /// Creates each missing folder of `folder`, readable by the owner only. A folder
    /// that already exists keeps its permissions: it may be shared (/tmp, a course
    /// folder, the current folder), and it is not ours to narrow.
    static func createPrivateFolders(_ folder: String) throws(ServeError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw ServeError("cannot create \(current): \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// SHA-256 fingerprints of public keys in OpenSSH's form.
public enum KeyFingerprint {
    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key's wire format.
    public static func sha256(of key: NIOSSHPublicKey) -> String {
        let parts = String(openSSHPublicKey: key).split(separator: " ")
        guard parts.count >= 2, let wire = Data(base64Encoded: String(parts[1])) else {
            return "SHA256:?"
        }
        return sha256(ofWireFormat: Array(wire))
    }

    static func sha256(ofWireFormat wire: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: wire)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}

/// Writes a file readable only as `mode` allows: a temporary file in the same
/// folder, fsync, rename.
enum PrivateFile {
    static func write(_ text: String, to path: String, mode: mode_t) throws(ServeError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw ServeError("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress, $0.count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += result
        }
        if failure == 0, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw ServeError("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }
}
