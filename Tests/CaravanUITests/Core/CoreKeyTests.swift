import XCTest

@testable import CaravanUI

final class CoreKeyTests: XCTestCase {
    private let allNamedKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab,
        .backspace, .delete, .escape, .insert,
    ]

    func testNamesFromTheKeymapConvention() {
        XCTAssertEqual(Key.character("j").name, "j")
        XCTAssertEqual(Key.character("J").name, "J")
        XCTAssertEqual(Key.up.name, "Up")
        XCTAssertEqual(Key.pageDown.name, "PgDn")
        XCTAssertEqual(Key.pageUp.name, "PgUp")
        XCTAssertEqual(Key.control("d").name, "Ctrl-d")
        XCTAssertEqual(Key.backTab.name, "S-Tab")
        XCTAssertEqual(Key.enter.name, "Enter")
        XCTAssertEqual(Key.escape.name, "Esc")
        XCTAssertEqual(Key.character(" ").name, "Space")
        XCTAssertEqual(Key.function(5).name, "F5")
    }

    func testEveryKeyRoundTrips() {
        var keys = allNamedKeys
        keys += "abcxyzABCXYZ0129/?!.,;:'\"[]{}()<>-_=+*&^%$#@~`|\\éж中😀".map { Key.character($0) }
        keys += "abcdefghijklmnopqrstuvwxyz\\]^_ ".map { Key.control($0) }
        keys += (1...63).map { Key.function($0) }
        keys.append(.character(" "))
        for key in keys {
            XCTAssertEqual(Key(name: key.name), key, "\(key) named \(key.name)")
        }
    }

    func testNamesAreDistinct() {
        var keys = allNamedKeys
        keys += "abcABC ".map { Key.character($0) }
        keys += "abc ".map { Key.control($0) }
        keys += (1...12).map { Key.function($0) }
        XCTAssertEqual(Set(keys.map(\.name)).count, keys.count)
    }

    func testAliasesAndCase() {
        XCTAssertEqual(Key(name: "PageDown"), .pageDown)
        XCTAssertEqual(Key(name: "pgdn"), .pageDown)
        XCTAssertEqual(Key(name: "Escape"), .escape)
        XCTAssertEqual(Key(name: "ESC"), .escape)
        XCTAssertEqual(Key(name: "Return"), .enter)
        XCTAssertEqual(Key(name: "Shift-Tab"), .backTab)
        XCTAssertEqual(Key(name: "BS"), .backspace)
        XCTAssertEqual(Key(name: "Delete"), .delete)
        XCTAssertEqual(Key(name: "space"), .character(" "))
        XCTAssertEqual(Key(name: "f12"), .function(12))
    }

    func testControlSpellings() {
        XCTAssertEqual(Key(name: "Ctrl-d"), .control("d"))
        XCTAssertEqual(Key(name: "Ctrl-D"), .control("d"))
        XCTAssertEqual(Key(name: "C-d"), .control("d"))
        XCTAssertEqual(Key(name: "^D"), .control("d"))
        XCTAssertEqual(Key(name: "Ctrl-Space"), .control(" "))
        XCTAssertEqual(Key.ctrl("D"), .control("d"))
    }

    func testSingleCharactersAreCaseSensitive() {
        XCTAssertEqual(Key(name: "n"), .character("n"))
        XCTAssertEqual(Key(name: "N"), .character("N"))
        XCTAssertEqual(Key(name: "F"), .character("F"), "a lone F is a letter, not a function key")
        XCTAssertEqual(Key(name: "^"), .character("^"))
    }

    func testInvalidNamesAreRejected() {
        for name in ["", "Upp", "F0", "F64", "F01", "Ctrl-", "Ctrl-ab", "C-中", "Hyper-x", "jj"] {
            XCTAssertNil(Key(name: name), name)
        }
    }

    func testControlCharacterNamesAreVisible() {
        XCTAssertEqual(Key.character("\u{1B}").name, "^[")
        XCTAssertTrue(Sanitizer.isVisible(Key.character("\u{9B}").name))
    }
}
