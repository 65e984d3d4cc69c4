import XCTest

@testable import CaravanUI

/// Every keymap together: its config tables, a config's changes, the help made from them.
final class KeyBindingsTests: XCTestCase {
    func testEveryTableIsListedOnceWithItsActions() {
        let names = KeyBindings.tables.map(\.name)
        XCTAssertEqual(
            names,
            [
                "keys", "keys.views", "keys.prompts", "keys.editor", "keys.presenter",
                "keys.overview", "keys.follow",
            ])
        let root = KeyBindings.tables[0].actions
        XCTAssertTrue(root.contains("line-down"))
        XCTAssertTrue(root.contains("framework-map"), "opening a view is an explorer key")
        XCTAssertEqual(Set(root).count, root.count, "no name twice in [keys]")
    }

    func testAChangeReachesOnlyItsTable() {
        let changed = KeyBindings.standard.applying([
            "keys.presenter": ["next": [.character("x")]],
            "keys": ["zoom": [.character("Z")]],
        ])
        XCTAssertEqual(changed.presenter.keys(for: .next), [.character("x")])
        XCTAssertEqual(changed.explorer.keys(for: .zoom), [.character("Z")])
        XCTAssertEqual(
            changed.overview.bindings.count, Keymap<OverviewAction>.standard.bindings.count)
        XCTAssertEqual(changed.explorer.action(for: .character("z")), nil)
    }

    func testAKeyGivenToAnExplorerActionLeavesTheViewKeys() {
        let changed = KeyBindings.standard.applying(["keys": ["zoom": [.character("X")]]])
        XCTAssertEqual(changed.explorer.action(for: .character("X")), .zoom)
        XCTAssertNil(changed.views.action(for: .character("X")), "X no longer opens the matrix")
        let moved = KeyBindings.standard.applying(["keys": ["case-matrix": [.character("x")]]])
        XCTAssertEqual(moved.views.keys(for: .matrix), [.character("x")])
        XCTAssertEqual(moved.explorer.bindings.count, Keymap<Action>.standard.bindings.count)
    }

    func testABindingIsFoundByTableAndName() {
        let keys = KeyBindings.standard
        XCTAssertEqual(keys.binding(table: "keys", action: "quit")?.keys, ["q", "Q"])
        XCTAssertEqual(keys.binding(table: "keys", action: "atlas")?.group, "Seeing the framework")
        XCTAssertEqual(keys.binding(table: "keys.views", action: "move-up")?.keys, [])
        XCTAssertEqual(keys.binding(table: "keys.follow", action: "explore")?.keys, ["e", "Enter"])
        XCTAssertNil(keys.binding(table: "keys.views", action: "quit"))
        XCTAssertNil(keys.binding(table: "keys.nothing", action: "quit"))
    }

    func testTheHelpListsEveryKeymapInOrder() {
        let titles = KeyBindings.standard.explorerHelp.map(\.title)
        XCTAssertEqual(
            titles,
            [
                "Moving", "Panes", "Links and history", "Finding", "Marks and notes", "General",
                "Seeing the framework", "In the framework views", "In prompts",
                "In the note editor", "Counts",
            ])
        let reference = KeyBindings.standard.reference.map(\.title)
        XCTAssertEqual(
            Array(reference.suffix(3)),
            ["Presenting", "In the slide overview", "Following a talk"])
    }

    func testTheHelpShowsTheKeysAsBound() {
        let changed = KeyBindings.standard.applying([
            "keys.views": ["filter-region": [.function(6)]]
        ])
        let views = changed.explorerHelp.first { $0.title == "In the framework views" }
        let region = views?.entries.first { $0.text == ViewAction.filterRegion.help }
        XCTAssertEqual(region?.keys, "F6")
        let lines = HelpScreen.lines(changed.explorerHelp)
        XCTAssertEqual(lines.first, HelpLine(keys: "", text: "Moving", isHeading: true))
        XCTAssertEqual(lines.filter(\.isHeading).count, changed.explorerHelp.count)
        XCTAssertEqual(
            lines.filter { $0.keys.isEmpty && $0.text.isEmpty }.count,
            changed.explorerHelp.count - 1, "a blank line between sections")
    }

    func testTheFollowSectionNamesTheExplorersScrollingKeys() {
        let follow = KeyBindings.standard.reference.last
        XCTAssertEqual(follow?.entries.first?.keys, "e Enter")
        XCTAssertTrue(follow?.entries.contains { $0.keys.hasPrefix("j Down") } == true)
        let changed = KeyBindings.standard.applying(["keys": ["quit": [.character("x")]]])
        XCTAssertTrue(changed.reference.last?.entries.contains { $0.keys == "x" } == true)
    }

    func testViewHintsNameTheFirstKeyOfEach() {
        let hints = KeyBindings.standard.inViews.hints
        XCTAssertEqual(
            hints.text([.filterConnotation, .filterRegion, .open]),
            "f connotation  r region  Enter open")
        XCTAssertEqual(hints.text([.moveUp, .first]), "", "moves have no hint of their own")
        var keys = hints.keys
        keys[.open] = []
        XCTAssertEqual(ViewHints(keys: keys).text([.open, .close]), "Esc back", "no key, no hint")
    }

    func testPresenterHelpPutsGoingByNumberBeforeHelpAndQuit() {
        let section = Keymap<PresenterAction>.standard.helpSection
        XCTAssertEqual(section.title, "Presenting")
        XCTAssertEqual(section.entries.suffix(3).map(\.keys), ["1-9 Enter", "?", "q"])
    }
}
