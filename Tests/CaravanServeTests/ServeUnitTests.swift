import Crypto
import Foundation
import NIOSSH
import XCTest

@testable import CaravanServe

final class ListenAddressTests: XCTestCase {
    func testForms() {
        XCTAssertEqual(
            ListenAddress(parsing: "127.0.0.1:2222"), ListenAddress(host: "127.0.0.1", port: 2222))
        XCTAssertEqual(ListenAddress(parsing: ":2222"), ListenAddress(host: "0.0.0.0", port: 2222))
        XCTAssertEqual(ListenAddress(parsing: "2222"), ListenAddress(host: "0.0.0.0", port: 2222))
        XCTAssertEqual(ListenAddress(parsing: "[::1]:22"), ListenAddress(host: "::1", port: 22))
        XCTAssertEqual(ListenAddress(parsing: "[::]:0")?.description, "[::]:0")
    }

    func testRejects() {
        for text in ["", "host:", "host:65536", "host:-1", "::1:22", "[::1]", "[::1]22", "a:b"] {
            XCTAssertNil(ListenAddress(parsing: text), text)
        }
    }
}

final class AuthorizedKeysTests: XCTestCase {
    private let ed25519 = NIOSSHPrivateKey(ed25519Key: .init()).publicKey
    private let p256 = NIOSSHPrivateKey(p256Key: .init()).publicKey

    func testReadsKeysCommentsAndOptions() {
        let text = """
            # the class

            \(String(openSSHPublicKey: ed25519)) alice@laptop
            no-agent-forwarding,from="10.0.0.0/8, 192.168.0.0/16",command="echo \\"hi\\"" \(String(openSSHPublicKey: p256)) bob
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC carol
            ssh-ed25519 not-base64 dave
            nonsense
            """
        let keys = AuthorizedKeys(parsing: text)
        XCTAssertEqual(keys.keys, [ed25519, p256])
        XCTAssertEqual(keys.problems.count, 4, "\(keys.problems)")
        XCTAssertTrue(keys.problems.contains { $0.hasPrefix("line 4:") && $0.contains("command=") })
        XCTAssertTrue(keys.problems.contains { $0.hasPrefix("line 5:") && $0.contains("ssh-rsa") })
        XCTAssertTrue(keys.problems.contains { $0.hasPrefix("line 6:") })
        XCTAssertTrue(keys.problems.contains { $0.hasPrefix("line 7:") })
        XCTAssertTrue(keys.allows(p256, from: "10.1.2.3"))
        XCTAssertTrue(keys.allows(p256, from: "192.168.7.7"))
        XCTAssertFalse(keys.allows(p256, from: "172.16.0.1"))
        XCTAssertTrue(keys.allows(ed25519, from: "172.16.0.1"))
    }

    func testFileIsReadAgainWhenItChanges() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("authorized_keys").path
        try "\(String(openSSHPublicKey: ed25519))\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let file = AuthorizedKeysFile(path: path)
        _ = try file.load()
        XCTAssertTrue(file.authorizes(ed25519, from: "127.0.0.1"))
        XCTAssertFalse(file.authorizes(p256, from: "127.0.0.1"))
        try "\(String(openSSHPublicKey: p256)) bob\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        XCTAssertTrue(file.authorizes(p256, from: "127.0.0.1"))
        XCTAssertFalse(file.authorizes(ed25519, from: "127.0.0.1"))
    }
}

final class HostKeyTests: XCTestCase {
    func testPrivateKeyFileRoundTrips() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHPrivateKeyFile.encodeEd25519(key, comment: "test")
        XCTAssertTrue(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 70 })
        let decoded = try OpenSSHPrivateKeyFile.decodeEd25519(text)
        XCTAssertEqual(decoded.rawRepresentation, key.rawRepresentation)
    }

    func testRejectsDamagedAndEncryptedKeys() {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHPrivateKeyFile.encodeEd25519(key, comment: "test")
        XCTAssertThrowsError(try OpenSSHPrivateKeyFile.decodeEd25519("hello"))
        XCTAssertThrowsError(
            try OpenSSHPrivateKeyFile.decodeEd25519(text.replacingOccurrences(of: "A", with: "B")))
        // "none" cipher name replaced by "aes256-ctr" makes it a passphrase-protected file.
        var bytes = [UInt8](Data(base64Encoded: body(of: text)) ?? Data())
        bytes.replaceSubrange(15..<23, with: [0, 0, 0, 10] + Array("aes256-ctr".utf8))
        let encrypted =
            "-----BEGIN OPENSSH PRIVATE KEY-----\n\(Data(bytes).base64EncodedString())\n-----END OPENSSH PRIVATE KEY-----\n"
        XCTAssertThrowsError(try OpenSSHPrivateKeyFile.decodeEd25519(encrypted)) { error in
            XCTAssertTrue("\(error)".contains("passphrase"), "\(error)")
        }
    }

    func testCreatesOnceThenReloads() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/caravan/host_ed25519").path
        let first = try HostKey.loadOrCreate(at: path)
        let second = try HostKey.loadOrCreate(at: path)
        XCTAssertTrue(first.created)
        XCTAssertFalse(second.created)
        XCTAssertEqual(first.fingerprint, second.fingerprint)
        XCTAssertTrue(first.fingerprint.hasPrefix("SHA256:"))
        XCTAssertFalse(first.fingerprint.contains("="))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let folderMode =
            try FileManager.default.attributesOfItem(
                atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        XCTAssertEqual(folderMode, 0o700)
    }

    func testExistingFoldersKeepTheirModes() throws {
        let shared = try makeFolder(self)
        chmod(shared, 0o1777)
        _ = try HostKey.loadOrCreate(at: shared + "/new/host_ed25519")
        XCTAssertEqual(mode(shared), 0o1777)
        XCTAssertEqual(mode(shared + "/new"), 0o700)
        XCTAssertEqual(mode(shared + "/new/host_ed25519"), 0o600)
        chmod(shared, 0o755)
        _ = try HostKey.loadOrCreate(at: shared + "/here_ed25519")
        XCTAssertEqual(mode(shared), 0o755)
    }

    func testFingerprintMatchesOpenSSH() throws {
        // `ssh-keygen -l` prints this fingerprint for this key.
        let key = try NIOSSHPublicKey(
            openSSHPublicKey:
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGQ8Cp3ACpD5kNfBgk6V6GqWcvHd4J4fKc8wXKYkqGN2")
        XCTAssertEqual(
            KeyFingerprint.sha256(of: key), "SHA256:jEl90ib2xvPbURu8AAvaQ9KG6Mjqv/JtbIE40bECfS8")
    }

    private func body(of text: String) -> String {
        text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    }
}

final class ChildCommandTests: XCTestCase {
    func testExploresServedWithTheReadersOwnState() {
        let arguments = ChildCommand.arguments(
            contentFolder: "/srv/content", stateFolder: "/var/lib/caravan/readers/abc",
            environment: ["XDG_RUNTIME_DIR": "/run/user/1"], presenterIsLive: { _ in false })
        XCTAssertEqual(
            arguments,
            [
                "explore", "--served", "--state-dir", "/var/lib/caravan/readers/abc", "--content",
                "/srv/content",
            ])
        XCTAssertEqual(
            ChildCommand.arguments(
                contentFolder: nil, stateFolder: nil, environment: [:],
                presenterIsLive: { _ in false }),
            ["explore", "--served", "--no-state"])
    }

    func testFollowsWhileAPresenterAnswers() {
        var asked: [String] = []
        let arguments = ChildCommand.arguments(
            contentFolder: nil, stateFolder: "/s", environment: ["XDG_RUNTIME_DIR": "/run/user/1"],
            presenterIsLive: {
                asked.append($0)
                return true
            })
        XCTAssertEqual(arguments, ["follow", "--auto", "--served"])
        XCTAssertEqual(asked, ["/run/user/1/caravan/present.sock"])
        XCTAssertEqual(
            ChildCommand.arguments(
                contentFolder: "/srv/content", stateFolder: nil, environment: [:],
                presenterIsLive: { _ in true }),
            ["follow", "--auto", "--served", "--content", "/srv/content"])
        XCTAssertEqual(
            ChildCommand.arguments(
                contentFolder: nil, stateFolder: nil, voter: "key:SHA256:abc", environment: [:],
                presenterIsLive: { _ in true }),
            ["follow", "--auto", "--served", "--voter", "key:SHA256:abc"])
        XCTAssertEqual(
            ChildCommand.presentSocketPath(environment: [:]),
            "/tmp/caravan-\(getuid())/present.sock")
    }
}

final class VoterTests: XCTestCase {
    func testAListedKeyVotesAsItsFingerprintAndAnOpenLoginAsItsConnection() {
        XCTAssertEqual(
            Voter.name(fingerprint: "SHA256:abc", open: false, connection: 4), "key:SHA256:abc")
        XCTAssertEqual(
            Voter.name(fingerprint: "SHA256:abc", open: true, connection: 4), "open:\(getpid())-4")
        XCTAssertEqual(
            Voter.name(fingerprint: nil, open: true, connection: 5), "open:\(getpid())-5")
        XCTAssertNotEqual(Voter.nextConnection(), Voter.nextConnection())
    }
}

final class SessionEnvironmentTests: XCTestCase {
    func testKeepsOnlyWhatASessionNeeds() {
        let environment = SessionEnvironment.build(
            server: [
                "PATH": "/bin", "HOME": "/home/t", "SECRET_TOKEN": "x", "SSH_AUTH_SOCK": "/s",
            ],
            requestedTerm: "xterm\u{1b}]0;evil", clientVariables: ["COLORTERM": "truecolor"])
        XCTAssertEqual(environment["PATH"], "/bin")
        XCTAssertEqual(environment["HOME"], "/home/t")
        XCTAssertNil(environment["SECRET_TOKEN"])
        XCTAssertNil(environment["SSH_AUTH_SOCK"])
        XCTAssertEqual(environment["COLORTERM"], "truecolor")
        XCTAssertEqual(environment["SWIFT_BACKTRACE"], "enable=no")
        XCTAssertNotEqual(environment["TERM"], "xterm\u{1b}]0;evil")
        XCTAssertNotNil(environment["LANG"])
    }

    func testAcceptsOnlyLocaleAndColourVariables() {
        XCTAssertTrue(SessionEnvironment.accepts(name: "LANG", value: "en_GB.UTF-8"))
        XCTAssertFalse(SessionEnvironment.accepts(name: "LD_PRELOAD", value: "/tmp/x.so"))
        XCTAssertFalse(SessionEnvironment.accepts(name: "LANG", value: "en$(reboot)"))
    }

    func testUnknownTerminalFallsBack() {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-terminfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(
            at: folder.appendingPathComponent("x"), withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: folder.appendingPathComponent("x/xterm").path, contents: Data())
        XCTAssertEqual(TerminalType.resolve("xterm", searchPath: [folder.path]), "xterm")
        XCTAssertEqual(TerminalType.resolve("xterm-kitty", searchPath: [folder.path]), "xterm")
        XCTAssertEqual(TerminalType.resolve("", searchPath: [folder.path]), "xterm")
    }

    func testDotsAreNoTerminalType() throws {
        let folder = try makeFolder(self)
        try FileManager.default.createDirectory(
            atPath: folder + "/x", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/x/xterm", contents: Data()))
        for name in [".", "..", "x/../x", ""] {
            XCTAssertEqual(TerminalType.resolve(name, searchPath: [folder]), "xterm", name)
        }
    }
}
