import CaravanUI
import XCTest

@testable import CaravanConfig

final class KeyRebindingTests: XCTestCase {
    private func config(_ text: String) throws -> Config {
        try Config.parse(text, path: "/c.toml")
    }

    func testNewKeysReplaceTheDefaults() throws {
        let keymap = try config("[keys]\nquit = \"x\"\n").apply(to: .standard)
        XCTAssertEqual(keymap.action(for: .character("x")), .quit)
        XCTAssertNil(keymap.action(for: .character("q")), "the old key no longer quits")
        XCTAssertNil(keymap.action(for: .character("Q")))
        XCTAssertEqual(keymap.keys(for: .quit), [.character("x")])
    }

    func testOtherActionsKeepTheirKeys() throws {
        let keymap = try config("[keys]\nquit = \"x\"\n").apply(to: .standard)
        for action in Action.allCases where action != .quit {
            XCTAssertEqual(keymap.keys(for: action), Keymap.standard.keys(for: action), "\(action)")
        }
    }

    func testAKeyIsTakenFromItsOldAction() throws {
        let keymap = try config("[keys]\nzoom = [\"z\", \"j\"]\n").apply(to: .standard)
        XCTAssertEqual(keymap.action(for: .character("j")), .zoom)
        XCTAssertEqual(keymap.keys(for: .lineDown), [.down, .control("n"), .control("e")])
    }

    func testSwappingTwoKeys() throws {
        let keymap = try config("[keys]\nline-down = \"k\"\nline-up = \"j\"\n").apply(to: .standard)
        XCTAssertEqual(keymap.action(for: .character("k")), .lineDown)
        XCTAssertEqual(keymap.action(for: .character("j")), .lineUp)
    }

    func testHelpShowsTheNewKey() throws {
        let keymap = try config("[keys]\nquit = [\"x\", \"Ctrl-c\"]\n").apply(to: .standard)
        let lines = HelpScreen.lines(keymap: keymap)
        let quit = lines.first { $0.text == Action.quit.help }
        XCTAssertEqual(quit?.keys, "x Ctrl-c")
        let standardQuit = HelpScreen.lines(keymap: .standard).first { $0.text == Action.quit.help }
        XCTAssertEqual(standardQuit?.keys, "q Q")
    }

    func testNoKeysChangesNothing() {
        let keymap = Config().apply(to: .standard)
        XCTAssertEqual(keymap.bindings.map(\.key), Keymap.standard.bindings.map(\.key))
        XCTAssertEqual(keymap.bindings.map(\.action), Keymap.standard.bindings.map(\.action))
    }
}
