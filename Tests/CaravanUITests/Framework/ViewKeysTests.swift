import XCTest

@testable import CaravanUI

/// How keys reach a framework view over the explorer: the view's own keys first, then the
/// explorer's moving keys, which the view takes as moves; the rest stay the explorer's.
final class ViewKeysTests: XCTestCase {
    private func explorer(view: String, keys: KeyBindings = .standard) throws -> Explorer {
        var explorer = Explorer(model: TestContent.model, width: 120, height: 40, keys: keys)
        press(&explorer, view)
        XCTAssertNotNil(explorer.framework, "\(view) opened no view")
        return explorer
    }

    private func matrix(_ explorer: Explorer) -> MatrixScreen? {
        explorer.framework as? MatrixScreen
    }

    /// A key the view has no use for used to reach the panes hidden under it: `d` in the
    /// map moved the navigator, so the reader showed another entity once the map closed.
    func testPaneKeysDoNothingUnderAView() throws {
        var explorer = try explorer(view: "M")
        let before = explorer.state
        press(&explorer, "d u z w o O C")
        XCTAssertEqual(explorer.state.current, before.current)
        XCTAssertEqual(explorer.state.navigator, before.navigator)
        XCTAssertEqual(explorer.state.collapsed, before.collapsed)
        XCTAssertEqual(explorer.state.zoomed, before.zoomed)
        XCTAssertEqual(explorer.state.focus, before.focus)
        XCTAssertEqual(explorer.framework?.kind, .map, "the map is still open")
    }

    func testTheExplorersKeysStillWorkOverAView() throws {
        var explorer = try explorer(view: "X")
        press(&explorer, "?")
        XCTAssertEqual(explorer.state.overlay, .help(scroll: 0))
        press(&explorer, "Esc")
        XCTAssertEqual(press(&explorer, "q"), [.quit], "q quits over a view as anywhere")
        press(&explorer, "A")
        XCTAssertEqual(explorer.framework?.kind, .atlas, "another view's key opens it")
    }

    func testTheViewsOwnKeysComeFirst() throws {
        var explorer = try explorer(view: "X")
        press(&explorer, "f")
        XCTAssertNotNil(matrix(explorer)?.connotationFilter, "f filters the matrix")
        // In the map f is no filter: it is the explorer's page-down, which pages the map.
        var map = try self.explorer(view: "M")
        let before = map.state
        let selection = map.framework?.selection
        press(&map, "f")
        XCTAssertNotEqual(map.framework?.selection, selection)
        XCTAssertEqual(map.state.navigator, before.navigator, "the hidden navigator did not page")
        press(&map, "b")
        XCTAssertEqual(map.framework?.selection, selection, "and back up")
    }

    func testRebindingAnExplorerMoveMovesTheViewsToo() throws {
        var keys = KeyBindings.standard
        keys.explorer = keys.explorer.applying(["line-down": [.character("J")]])
        var explorer = try explorer(view: "X", keys: keys)
        let first = matrix(explorer)?.selection
        press(&explorer, "j")
        XCTAssertEqual(matrix(explorer)?.selection, first, "j moves no more")
        press(&explorer, "J")
        XCTAssertNotEqual(matrix(explorer)?.selection, first)
    }

    func testRebindingAViewsOwnKey() throws {
        var keys = KeyBindings.standard
        keys.framework = keys.framework.applying(["filter-region": [.character("R")]])
        var explorer = try explorer(view: "X", keys: keys)
        press(&explorer, "r")
        XCTAssertNil(matrix(explorer)?.regionFilter)
        press(&explorer, "R")
        XCTAssertNotNil(matrix(explorer)?.regionFilter)
        XCTAssertTrue(dump(render(explorer)).contains("R region"), "the hint names the new key")
    }

    func testTheMoveHintFollowsTheKeys() {
        XCTAssertEqual(
            KeyBindings.standard.inViews.hints.text([.open, .close], withMoves: true),
            "arrows/hjkl move  Enter open  Esc back")
        var keys = KeyBindings.standard
        keys.explorer = keys.explorer.applying(["focus-left": [.character("a"), .left]])
        XCTAssertEqual(
            keys.inViews.hints.text([.open], withMoves: true), "arrows/ajkl move  Enter open")
        keys.explorer = keys.explorer.applying(["focus-left": [.character("a")]])
        XCTAssertEqual(
            keys.inViews.hints.text([], withMoves: true), "ajkl move", "no Left: no arrows")
        XCTAssertEqual(ViewHints.none.text([.open, .close], withMoves: true), "")
    }

    func testAViewsKeysListTheInheritedOnesAfterItsOwn() {
        let keys = KeyBindings.standard.inViews
        XCTAssertEqual(keys.keys(for: .close), [.escape, .backspace, .character("[")])
        XCTAssertFalse(
            keys.keys(for: .pageDown).contains(.character("f")),
            "f is the matrix's filter, so it is not listed as paging")
        XCTAssertEqual(keys.keys(for: .filterRegion), [.character("r")])
        XCTAssertEqual(keys.actions(for: .character("f")), [.filterConnotation, .pageDown])
        XCTAssertEqual(keys.actions(for: .character("/")), [], "search is the explorer's")
    }

    func testACountRepeatsAViewsMoveOnly() throws {
        var explorer = try explorer(view: "X")
        press(&explorer, "3 j")
        let third = matrix(explorer)?.rowIDs.dropFirst(3).first
        XCTAssertEqual(matrix(explorer)?.selection, third)
        press(&explorer, "5 g")
        XCTAssertEqual(matrix(explorer)?.selection, matrix(explorer)?.rowIDs.first)
    }

    /// A view action a view has no use for is left to the explorer; every action must be
    /// taken by some view, or its key would do nothing anywhere.
    func testEveryViewActionIsTakenBySomeView() {
        for action in ViewAction.allCases {
            let takers = FrameworkViewKind.allCases.filter { kind in
                var view = FrameworkFixture.screen(kind, width: 120, height: 40)
                // From the second item, so that moves back have somewhere to go.
                _ = view.perform(.next)
                return view.perform(action) != .ignored
            }
            XCTAssertFalse(takers.isEmpty, "no view takes \(action)")
        }
    }
}
