import CaravanContent
import XCTest

@testable import CaravanUI

/// Every message and hint that names a key names it as the keymap binds it, so a rebound
/// key is what the screen tells the reader to press, and an unbound one is not offered.
final class KeyNamingTests: XCTestCase {
    /// The standard keys with some tables changed, as a config file would.
    private func keys(_ changes: [String: [String: [Key]]]) -> KeyBindings {
        KeyBindings.standard.applying(changes)
    }

    private func explorer(
        _ keys: KeyBindings, width: Int = 100, height: Int = 30, start: String? = nil,
        hostWritesNotes: Bool = false
    ) throws -> Explorer {
        Explorer(
            model: TestContent.model, width: width, height: height,
            start: try start.map { try entityID($0) }, keys: keys,
            hostWritesNotes: hostWritesNotes)
    }

    private func statusLine(_ explorer: Explorer) -> String {
        dump(render(explorer)).components(separatedBy: "\n").last ?? ""
    }

    func testAnUnboundKeyPointsAtTheHelpKeyAsBound() throws {
        var standard = try explorer(.standard)
        press(&standard, "F9")
        XCTAssertEqual(standard.state.message, "F9 is not bound; press ? for help")
        var rebound = try explorer(keys(["keys": ["help": [.function(1)]]]))
        press(&rebound, "?")
        XCTAssertEqual(rebound.state.message, "? is not bound; press F1 for help")
        XCTAssertTrue(statusLine(rebound).contains("press F1 for help"))
        press(&rebound, "F1")
        guard case .help? = rebound.state.overlay else { return XCTFail("F1 opens the help") }
        var none = try explorer(keys(["keys": ["help": []]]))
        press(&none, "?")
        XCTAssertEqual(none.state.message, "? is not bound", "no help key is offered")
    }

    func testEnterWithoutALinkNamesTheNextLinkKey() throws {
        var standard = try explorer(.standard, start: "section/3-products")
        press(&standard, "Enter")
        XCTAssertEqual(standard.state.message, "No link selected: Tab selects the next link")
        var rebound = try explorer(
            keys(["keys": ["next-link": [.character("L")]]]), start: "section/3-products")
        press(&rebound, "Enter")
        XCTAssertEqual(rebound.state.message, "No link selected: L selects the next link")
        press(&rebound, "L")
        XCTAssertNotNil(rebound.state.selectedLink, "the key it names selects a link")
    }

    func testANoteThatFailsToSaveNamesTheEditorsKeys() throws {
        let changed = keys(["keys.editor": ["save": [.function(2)], "cancel": [.control("g")]]])
        var explorer = try explorer(
            changed, start: "concept/soft-power", hostWritesNotes: true)
        press(&explorer, "a")
        typeText(&explorer, "Kept")
        XCTAssertEqual(press(&explorer, "Ctrl-s"), [], "Ctrl-S saves no longer")
        XCTAssertEqual(press(&explorer, "F2"), [.save])
        let note = try XCTUnwrap(explorer.takeNoteToSave())
        _ = explorer.update(.noteNotWritten(note, reason: "the disk is full"))
        XCTAssertEqual(
            explorer.state.message,
            "Note not saved: the disk is full. F2 tries again, Ctrl-g gives it up")
        let hint = dump(render(explorer))
        XCTAssertTrue(hint.contains("F2 saves"), "the editor's own hint follows the keys too")
        press(&explorer, "Ctrl-g")
        XCTAssertNil(explorer.state.overlay, "the key named gives it up")
    }

    func testTheTooSmallNoticeNamesTheQuitKey() throws {
        var standard = try explorer(.standard, width: 30, height: 10)
        XCTAssertTrue(dump(render(standard)).contains("q quits"))
        var rebound = try explorer(
            keys(["keys": ["quit": [.character("x")]]]), width: 30, height: 10)
        let text = dump(render(rebound))
        XCTAssertTrue(text.contains("x quits"), text)
        XCTAssertFalse(text.contains("q quits"))
        XCTAssertEqual(press(&rebound, "x"), [.quit])
        XCTAssertEqual(press(&standard, "q"), [.quit])
        let none = try explorer(keys(["keys": ["quit": []]]), width: 30, height: 10)
        XCTAssertFalse(dump(render(none)).contains("quits"), "nothing to offer")
    }

    func testTheStatusHintsFollowTheKeys() throws {
        let rebound = try explorer(
            keys(["keys": ["help": [.function(1)], "search": [.control("f")]]]))
        let status = statusLine(rebound)
        XCTAssertTrue(status.contains("F1 help"), status)
        XCTAssertTrue(status.contains("Ctrl-f search"), status)
        XCTAssertFalse(status.contains("? help"), status)
    }

    func testTheHelpListsARebindingInEveryTable() throws {
        var explorer = try explorer(
            keys([
                "keys": ["zoom": [.character("Z")]],
                "keys.views": ["filter-region": [.character("R")]],
                "keys.prompts": ["complete": [.control("i")]],
                "keys.editor": ["indent": [.function(4)]],
            ]), height: 200)
        press(&explorer, "?")
        let lines = dump(render(explorer)).components(separatedBy: "\n")
        func line(_ help: String) -> String? { lines.first { $0.contains(help) } }
        XCTAssertTrue(line(Action.zoom.help)?.contains("Z") == true)
        XCTAssertTrue(line(ViewAction.filterRegion.help)?.contains(" R ") == true)
        XCTAssertTrue(line(PromptAction.complete.help)?.contains("Ctrl-i") == true)
        XCTAssertTrue(line(EditorAction.indent.help)?.contains("F4") == true)
        XCTAssertFalse(line(EditorAction.indent.help)?.contains("Tab") == true)
    }

    func testTheNotesScreenNamesItsScrollKey() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        let longest = try XCTUnwrap(
            deck.slides.indices.max { deck.slides[$0].notes.count < deck.slides[$1].notes.count })
        var presenter = PresentFixture.presenter(deck)
        presenter.go(to: longest)
        let keymap = Keymap<Action>.standard.applying(["line-down": [.character("J")]])
        var notes = NotesScreen(width: 80, height: 10, keymap: keymap)
        notes.receive(.live(presenter.status))
        let text = dump(notes.view().grid)
        XCTAssertTrue(text.contains("more (J)"), text)
        XCTAssertFalse(text.contains("more (j)"))
    }
}
