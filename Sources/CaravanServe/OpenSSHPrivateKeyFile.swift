import Crypto
import Foundation

/// The unencrypted `openssh-key-v1` private key format, for Ed25519 keys.
enum OpenSSHPrivateKeyFile {
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    private static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let keyType = "ssh-ed25519"

    static func encodeEd25519(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicBytes = Array(key.publicKey.rawRepresentation)
        var publicBlob = SSHWireWriter()
        publicBlob.writeString(keyType)
        publicBlob.writeString(publicBytes)

        var check = UInt32(0)
        withUnsafeMutableBytes(of: &check) { buffer in
            for index in buffer.indices { buffer[index] = UInt8.random(in: 0...255) }
        }
        var secret = SSHWireWriter()
        secret.writeUInt32(check)
        secret.writeUInt32(check)
        secret.writeString(keyType)
        secret.writeString(publicBytes)
        secret.writeString(Array(key.rawRepresentation) + publicBytes)
        secret.writeString(comment)
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.writeRaw([pad])
            pad += 1
        }

        var file = SSHWireWriter()
        file.writeRaw(magic)
        file.writeString("none")
        file.writeString("none")
        file.writeString([UInt8]())
        file.writeUInt32(1)
        file.writeString(publicBlob.bytes)
        file.writeString(secret.bytes)

        let base64 = Data(file.bytes).base64EncodedString()
        var lines = [begin]
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    static func decodeEd25519(_ text: String) throws(ServeError) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end),
            first < last
        else {
            throw ServeError("not an OpenSSH private key file")
        }
        let body = lines[(first + 1)..<last].joined()
        guard let data = Data(base64Encoded: body) else {
            throw ServeError("the key file's base64 is damaged")
        }
        var reader = SSHWireReader(Array(data))
        guard reader.readRaw(magic.count) == magic else {
            throw ServeError("not an openssh-key-v1 file")
        }
        guard let cipher = reader.readText(), let kdf = reader.readText(),
            reader.readString() != nil, let count = reader.readUInt32(),
            reader.readString() != nil, let secretBytes = reader.readString()
        else {
            throw ServeError("the key file is truncated")
        }
        guard cipher == "none", kdf == "none" else {
            throw ServeError("the key is protected by a passphrase; a server key needs none")
        }
        guard count == 1 else { throw ServeError("the file holds \(count) keys, not one") }
        var secret = SSHWireReader(secretBytes)
        guard let check1 = secret.readUInt32(), let check2 = secret.readUInt32(), check1 == check2,
            let type = secret.readText()
        else {
            throw ServeError("the key file's private part is damaged")
        }
        guard type == keyType else {
            throw ServeError("the key is \(type); caravan serve needs an ssh-ed25519 key")
        }
        guard let publicBytes = secret.readString(), let privateBytes = secret.readString(),
            privateBytes.count == 64, publicBytes.count == 32
        else {
            throw ServeError("the key file's Ed25519 key is damaged")
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: privateBytes.prefix(32))
        } catch {
            throw ServeError("the key file's Ed25519 key is damaged")
        }
        guard Array(key.publicKey.rawRepresentation) == publicBytes else {
            throw ServeError("the key file's public and private halves do not match")
        }
        return key
    }
}
