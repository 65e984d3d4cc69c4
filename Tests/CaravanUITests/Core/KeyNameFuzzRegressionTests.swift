import XCTest

@testable import CaravanUI

/// Found by the key decoder's fuzz target (Fuzz/Sources/FuzzKeyDecoder): a key typed as
/// an invisible character, U+206C, was named `<U+206C>`, which did not read back as a
/// key, and a soft hyphen was named by an empty string.
final class KeyNameFuzzRegressionTests: XCTestCase {
    func testInvisibleCharactersReadBackFromTheirNames() {
        for value in [
            0x206C, 0x00AD, 0x200B, 0x202E, 0x2028, 0xFEFF, 0x0085, 0x009B, 0x007F, 0xE0001,
        ] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let key = Key.character(Character(scalar))
            XCTAssertEqual(key.name, Sanitizer.marker(for: scalar))
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
    }

    func testEveryDecodableCharacterReadsBackFromItsName() {
        // The decoder turns C0 controls and DEL into control keys, so characters start at space.
        for value in 0x20...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let key = Key.character(Character(scalar))
            XCTAssertEqual(Key(name: key.name), key, "U+\(String(value, radix: 16))")
        }
    }

    func testMarkersThatNameNoInvisibleCharacterAreNotKeys() {
        XCTAssertNil(Key(name: "<U+>"))
        XCTAssertNil(Key(name: "<U+ZZZZ>"))
        XCTAssertNil(Key(name: "<U+D800>"))
        XCTAssertNil(Key(name: "<U+110000>"))
        XCTAssertNil(Key(name: "<U+206c>"), "markers are written in capitals")
    }

    func testVisibleNamesAreUnchanged() {
        XCTAssertEqual(Key.character("j").name, "j")
        XCTAssertEqual(Key.character("文").name, "文")
        XCTAssertEqual(Key.character(" ").name, "Space")
        XCTAssertEqual(Key.control("a").name, "Ctrl-a")
    }
}
