import XCTest

@testable import CaravanUI

/// How a key reaches a framework view, as tig looks a key up: the view's own keymap
/// first, then the explorer's action for the key, if the views take it.
final class ViewKeyLookupTests: XCTestCase {
    private let standard = KeyBindings.standard.inViews

    func testAViewsOwnKeyComesBeforeTheExplorersMeaning() {
        // Esc is the views' close and the explorer's cancel, which views do not take.
        XCTAssertEqual(standard.actions(for: .escape), [.close])
        XCTAssertEqual(standard.actions(for: .character("f")), [.filterConnotation, .pageDown])
        XCTAssertEqual(standard.actions(for: .character("j")), [.moveDown])
        XCTAssertEqual(standard.actions(for: .enter), [.open])
        XCTAssertEqual(standard.actions(for: .backspace), [.close], "back closes a view")
    }

    func testAKeyTheViewsDoNotTakeAsksNothing() {
        XCTAssertEqual(standard.actions(for: .character("/")), [], "search stays the explorer's")
        XCTAssertEqual(standard.actions(for: .function(9)), [])
    }

    func testTheSameActionFromBothMapsIsAskedOnce() {
        let both = ViewKeys(
            own: Keymap<ViewAction>.standard.applying(["move-down": [.character("j")]]),
            explorer: .standard)
        XCTAssertEqual(both.actions(for: .character("j")), [.moveDown])
    }

    func testAnOwnKeyShadowsTheInheritedOneInTheKeysListed() {
        let keys = standard.keys(for: .pageDown)
        XCTAssertFalse(keys.contains(.character("f")), "f filters in the views")
        XCTAssertTrue(keys.contains(.character(" ")))
        XCTAssertEqual(standard.keys(for: .close).first, .escape, "its own key first")
        XCTAssertTrue(standard.keys(for: .close).contains(.backspace))
        XCTAssertEqual(standard.keys(for: .filterRegion), [.character("r")])
    }

    func testRebindingTheExplorerReachesTheViewsAndTheirHints() {
        let explorer = Keymap<Action>.standard.applying(["line-down": [.character("n")]])
        let keys = ViewKeys(own: .standard, explorer: explorer)
        XCTAssertEqual(keys.actions(for: .character("n")), [.moveDown])
        XCTAssertEqual(keys.actions(for: .character("j")), [], "j moves no more")
        XCTAssertEqual(keys.hints.keys[.moveDown]?.first, .character("n"))
        XCTAssertEqual(
            keys.hints.text([.filterConnotation, .open]), "f connotation  Enter open")
    }

    func testEveryViewActionHasAKeyInTheStandardKeys() {
        for action in ViewAction.allCases {
            XCTAssertFalse(standard.keys(for: action).isEmpty, "\(action)")
        }
        XCTAssertEqual(ViewHints.none.text(ViewAction.allCases, withMoves: true), "")
    }
}
