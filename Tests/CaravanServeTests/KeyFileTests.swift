import Foundation
import NIOSSH
import XCTest

@testable import CaravanServe

/// Reading the authorized-keys file: options, `from=`, bad lines, file safety.
final class KeyOptionTests: XCTestCase {
    private let key = String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: .init()).publicKey)

    private func parse(_ line: String) -> AuthorizedKeys {
        AuthorizedKeys(parsing: line + "\n")
    }

    func testFromIsHonoured() throws {
        let keys = parse(#"from="10.9.9.9" \#(key) far"#)
        let only = try XCTUnwrap(keys.keys.first)
        XCTAssertFalse(keys.allows(only, from: "127.0.0.1"))
        XCTAssertTrue(keys.allows(only, from: "10.9.9.9"))
        XCTAssertTrue(keys.problems.isEmpty, "\(keys.problems)")
    }

    func testTheSameKeyOnTwoLinesMayComeFromEither() throws {
        let keys = AuthorizedKeys(
            parsing: "from=\"10.0.0.1\" \(key)\nfrom=\"10.0.0.2\" \(key)\n")
        let only = try XCTUnwrap(keys.keys.first)
        XCTAssertTrue(keys.allows(only, from: "10.0.0.1"))
        XCTAssertTrue(keys.allows(only, from: "10.0.0.2"))
        XCTAssertFalse(keys.allows(only, from: "10.0.0.3"))
    }

    func testLinesWhoseOptionsCannotBeKeptAreSkippedWithTheReason() {
        let cases = [
            (#"no-pty \#(key)"#, "no-pty"),
            (#"restrict \#(key)"#, "no-pty"),
            (#"cert-authority \#(key)"#, "certificates"),
            (#"expiry-time="20300101" \#(key)"#, "expiry-time"),
            (#"frobnicate \#(key)"#, "unknown option 'frobnicate'"),
            (#"from="10.0.0.0/33" \#(key)"#, "10.0.0.0/33"),
            (#"from="" \#(key)"#, "empty pattern"),
            (#"from="10.0.0.1",from="10.0.0.2" \#(key)"#, "more than one from="),
        ]
        for (line, reason) in cases {
            let keys = parse(line)
            XCTAssertTrue(keys.keys.isEmpty, line)
            XCTAssertEqual(keys.problems.count, 1, line)
            XCTAssertTrue(
                keys.problems.first?.contains(reason) == true
                    && keys.problems.first?.hasSuffix("skipped") == true,
                "\(line): \(keys.problems)")
        }
        // A quote left open takes the rest of the line, key and all.
        let unclosed = parse(#"from="10.0.0.1 \#(key)"#)
        XCTAssertTrue(unclosed.keys.isEmpty)
        XCTAssertEqual(unclosed.problems, ["line 1: no key type found"])
        XCTAssertEqual(parse(#"restrict,pty \#(key)"#).keys.count, 1)
        XCTAssertEqual(parse(#"no-port-forwarding,no-X11-forwarding \#(key)"#).problems, [])
    }

    func testHostNamesAreNamedAndNeverMatch() throws {
        let keys = parse(#"from="*.example.com,10.0.0.1" \#(key)"#)
        let only = try XCTUnwrap(keys.keys.first)
        XCTAssertTrue(keys.problems.first?.contains("*.example.com") == true, "\(keys.problems)")
        XCTAssertTrue(keys.allows(only, from: "10.0.0.1"))
        XCTAssertFalse(keys.allows(only, from: "10.0.0.2"))
    }

    func testALineThatIsNotUTF8SkipsOnlyItself() {
        var bytes = Array("# caf".utf8) + [0xE9] + Array("\n\(key)\n".utf8)
        bytes += [0xFF, 0xFE, 0x0A]
        let keys = AuthorizedKeys(parsing: bytes)
        XCTAssertEqual(keys.keys.count, 1)
        XCTAssertEqual(
            keys.problems, ["line 1: not UTF-8 text; skipped", "line 3: not UTF-8 text; skipped"])
    }
}

final class AddressPatternTests: XCTestCase {
    private func list(_ text: String) throws -> AddressPatternList {
        try AddressPatternList.parse(text).get()
    }

    func testWildcardsBlocksAndNegation() throws {
        let patterns = try list("192.168.1.*,!192.168.1.13,10.0.0.0/8,2001:db8::/32,127.0.0.?")
        for allowed in ["192.168.1.7", "10.200.3.4", "2001:db8::1", "127.0.0.5", "::ffff:10.1.1.1"]
        {
            XCTAssertTrue(patterns.allows(allowed), allowed)
        }
        for denied in ["192.168.1.13", "192.168.2.1", "11.0.0.1", "2001:db9::1", "127.0.0.10"] {
            XCTAssertFalse(patterns.allows(denied), denied)
        }
    }

    func testOnlyNegationsAllowNothing() throws {
        XCTAssertFalse(try list("!10.0.0.1").allows("10.0.0.2"))
    }

    func testABlockNeedsAValidPrefix() {
        for text in ["10.0.0.0/", "10.0.0.0/-1", "::/129", "x/8"] {
            if case .success = AddressPatternList.parse(text) { XCTFail(text) }
        }
    }
}

final class AuthorizedKeysFileSafetyTests: XCTestCase {
    private let alice = NIOSSHPrivateKey(ed25519Key: .init()).publicKey
    private let mallory = NIOSSHPrivateKey(ed25519Key: .init()).publicKey

    /// A private keys file listing alice, in a folder of its own.
    private func keysFile() throws -> (folder: String, path: String) {
        let folder = try makeFolder(self)
        let path = folder + "/authorized_keys"
        try "\(String(openSSHPublicKey: alice))\n".write(
            toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        return (folder, path)
    }

    func testAFileOrFolderOthersCanWriteIsRefused() throws {
        let (folder, path) = try keysFile()
        chmod(path, 0o620)
        XCTAssertThrowsError(try AuthorizedKeysFile(path: path).load()) { error in
            XCTAssertTrue("\(error)".contains("is writable by others (mode 620)"), "\(error)")
        }
        chmod(path, 0o600)
        chmod(folder, 0o777)
        XCTAssertThrowsError(try AuthorizedKeysFile(path: path).load()) { error in
            XCTAssertTrue("\(error)".contains("the folder \(folder)"), "\(error)")
        }
        chmod(folder, 0o1777)
        XCTAssertNoThrow(try AuthorizedKeysFile(path: path).load(), "a sticky folder is safe")
        chmod(folder, 0o700)
    }

    func testAReloadThatFailsKeepsTheLastGoodKeys() throws {
        let (_, path) = try keysFile()
        let file = AuthorizedKeysFile(path: path)
        _ = try file.load()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\(String(openSSHPublicKey: mallory))\n".utf8))
        handle.closeFile()
        chmod(path, 0o666)
        XCTAssertFalse(file.authorizes(mallory, from: "127.0.0.1"))
        XCTAssertTrue(file.authorizes(alice, from: "127.0.0.1"))
        try FileManager.default.removeItem(atPath: path)
        XCTAssertTrue(file.authorizes(alice, from: "127.0.0.1"), "a missing file keeps the keys")
    }
}
