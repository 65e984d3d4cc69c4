import CaravanContent
import XCTest

@testable import CaravanUI

/// The hints on screen are made from the keymaps, so they name the keys as bound.
final class HintTests: XCTestCase {
    private func explorer(keys: KeyBindings = .standard) -> Explorer {
        Explorer(model: TestContent.model, width: 120, height: 40, keys: keys)
    }

    private func statusLine(_ explorer: Explorer) -> String {
        render(explorer).textLines()[explorer.state.height - 1]
    }

    func testTheStatusBarNamesTheKeysAsBound() {
        XCTAssertTrue(statusLine(explorer()).hasSuffix("? help  / search  : jump  q quit"))
        var keys = KeyBindings.standard
        keys.explorer = keys.explorer.applying([
            "help": [.function(1)], "search": [.character("s")], "quit": [],
        ])
        let line = statusLine(explorer(keys: keys))
        XCTAssertTrue(line.hasSuffix("F1 help  s search  : jump"), line)
        XCTAssertFalse(line.contains("quit"), "an action without a key has no hint")
    }

    func testThePromptTitlesNameTheirKeys() {
        var keys = KeyBindings.standard
        keys.prompts = keys.prompts.applying([
            "open": [.control("o")], "close": [.control("g")], "complete": [.control("i")],
        ])
        var explorer = explorer(keys: keys)
        press(&explorer, "/")
        XCTAssertTrue(dump(render(explorer)).contains("Search — Ctrl-o opens, Ctrl-g closes"))
        press(&explorer, "Ctrl-g :")
        XCTAssertTrue(dump(render(explorer)).contains("Jump to — Ctrl-i completes, Ctrl-o opens"))
        // The rebound keys work as the titles say.
        typeText(&explorer, "atlas")
        press(&explorer, "Ctrl-o")
        XCTAssertEqual(explorer.framework?.kind, .atlas)
    }

    func testTheEditorsHintNamesItsKeys() {
        var explorer = explorer()
        press(&explorer, "a")
        XCTAssertTrue(
            dump(render(explorer)).contains("Ctrl-s saves — Esc cancels — an empty note is removed")
        )
        var keys = KeyBindings.standard
        keys.editor = keys.editor.applying(["save": [.function(2)]])
        var rebound = self.explorer(keys: keys)
        press(&rebound, "a")
        XCTAssertTrue(dump(render(rebound)).contains("F2 saves — Esc cancels"))
        typeText(&rebound, "kept")
        press(&rebound, "Ctrl-s")
        XCTAssertNotNil(rebound.state.overlay, "Ctrl-s saves no more")
        press(&rebound, "F2")
        XCTAssertNil(rebound.state.overlay)
        XCTAssertEqual(rebound.notes[rebound.state.current], "kept")
    }
}
