import CaravanUI
import XCTest

@testable import CaravanConfig

final class KeyRebindingTests: XCTestCase {
    private func config(_ text: String) throws -> Config {
        try Config.parse(text, path: "/c.toml")
    }

    func testNewKeysReplaceTheDefaults() throws {
        let keymap = try config("[keys]\nquit = \"x\"\n").apply(to: Keymap<Action>.standard)
        XCTAssertEqual(keymap.action(for: .character("x")), .quit)
        XCTAssertNil(keymap.action(for: .character("q")), "the old key no longer quits")
        XCTAssertNil(keymap.action(for: .character("Q")))
        XCTAssertEqual(keymap.keys(for: .quit), [.character("x")])
    }

    func testOtherActionsKeepTheirKeys() throws {
        let keymap = try config("[keys]\nquit = \"x\"\n").apply(to: Keymap<Action>.standard)
        for action in Action.allCases where action != .quit {
            XCTAssertEqual(
                keymap.keys(for: action), Keymap<Action>.standard.keys(for: action), "\(action)")
        }
    }

    func testAKeyIsTakenFromItsOldAction() throws {
        let keymap = try config("[keys]\nzoom = [\"z\", \"j\"]\n").apply(
            to: Keymap<Action>.standard)
        XCTAssertEqual(keymap.action(for: .character("j")), .zoom)
        XCTAssertEqual(keymap.keys(for: .lineDown), [.down, .control("n"), .control("e")])
    }

    func testSwappingTwoKeys() throws {
        let keymap = try config("[keys]\nline-down = \"k\"\nline-up = \"j\"\n").apply(
            to: Keymap<Action>.standard)
        XCTAssertEqual(keymap.action(for: .character("k")), .lineDown)
        XCTAssertEqual(keymap.action(for: .character("j")), .lineUp)
    }

    func testHelpShowsTheNewKey() throws {
        let keymap = try config("[keys]\nquit = [\"x\", \"Ctrl-c\"]\n").apply(
            to: Keymap<Action>.standard)
        var keys = KeyBindings.standard
        keys.explorer = keymap
        let lines = HelpScreen.lines(keys.explorerHelp)
        let quit = lines.first { $0.text == Action.quit.help }
        XCTAssertEqual(quit?.keys, "x Ctrl-c")
        let standardQuit = HelpScreen.lines(KeyBindings.standard.explorerHelp).first {
            $0.text == Action.quit.help
        }
        XCTAssertEqual(standardQuit?.keys, "q Q")
    }

    func testNoKeysChangesNothing() {
        let keymap = Config().apply(to: Keymap<Action>.standard)
        XCTAssertEqual(keymap.bindings.map(\.key), Keymap<Action>.standard.bindings.map(\.key))
        XCTAssertEqual(
            keymap.bindings.map(\.action), Keymap<Action>.standard.bindings.map(\.action))
    }
}

/// Every keymap is rebound from its own table under `[keys]`.
final class KeyTableTests: XCTestCase {
    private func keys(_ text: String) throws -> KeyBindings {
        try Config.parse(text, path: "/c.toml").apply(to: KeyBindings.standard)
    }

    private func problems(_ text: String) -> [String] {
        Config.problems(in: text, path: "/c.toml").map { "\($0.line ?? 0): \($0.message)" }
    }

    func testEachTableRebindsItsOwnKeymap() throws {
        let keys = try keys(
            """
            [keys]
            framework-map = "F2"
            [keys.views]
            filter-region = "R"
            [keys.prompts]
            complete = "Ctrl-i"
            [keys.editor]
            save = "F10"
            [keys.presenter]
            next = ["x", "Space"]
            [keys.overview]
            close = "Esc"
            [keys.follow]
            explore = "F3"
            """)
        XCTAssertEqual(keys.views.keys(for: .map), [.function(2)])
        XCTAssertNil(keys.views.action(for: .character("M")))
        XCTAssertEqual(keys.framework.keys(for: .filterRegion), [.character("R")])
        XCTAssertEqual(keys.framework.keys(for: .filterConnotation), [.character("f")])
        XCTAssertEqual(keys.prompts.keys(for: .complete), [.control("i")])
        XCTAssertNil(keys.prompts.action(for: .tab), "Tab types nothing now")
        XCTAssertEqual(keys.editor.keys(for: .save), [.function(10)])
        XCTAssertEqual(keys.presenter.keys(for: .next), [.character("x"), .character(" ")])
        XCTAssertEqual(keys.overview.keys(for: .close), [.escape])
        XCTAssertEqual(keys.follow.keys(for: .explore), [.function(3)])
        // Each table leaves the others alone.
        XCTAssertEqual(keys.explorer.bindings.count, Keymap<Action>.standard.bindings.count)
    }

    func testTheSameKeyMayServeInTwoTables() throws {
        let keys = try keys("[keys]\nquit = \"x\"\n[keys.presenter]\nquit = \"x\"\n")
        XCTAssertEqual(keys.explorer.action(for: .character("x")), .quit)
        XCTAssertEqual(keys.presenter.action(for: .character("x")), .quit)
    }

    func testAKeyGivenInTheRootTableLeavesTheViewsKeymapToo() throws {
        let keys = try keys("[keys]\nzoom = \"M\"\n")
        XCTAssertEqual(keys.explorer.action(for: .character("M")), .zoom)
        XCTAssertNil(keys.views.action(for: .character("M")), "M no longer opens the map")
    }

    func testUnknownTablesAndActionsAreNamed() {
        XCTAssertEqual(
            problems("[keys.viewz]\nclose = \"q\"\n"),
            ["1: unknown table `viewz` in [keys]; did you mean `views`?"])
        XCTAssertEqual(
            problems("[keys.views]\nfilter-regoin = \"R\"\n"),
            ["2: unknown action `filter-regoin` in [keys.views]; did you mean `filter-region`?"])
        XCTAssertEqual(
            problems("[keys.presenter]\nnext = \"x\"\nprevious = \"x\"\n"),
            ["3: key `x` is given to both `next` and `previous`"])
    }
}
