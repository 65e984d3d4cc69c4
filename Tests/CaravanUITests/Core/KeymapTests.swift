import XCTest

@testable import CaravanUI

/// The one keymap type every set of actions uses.
final class KeymapTests: XCTestCase {
    /// A small set of actions of the test's own, to try the keymap on.
    private enum Door: String, CaseIterable, KeyAction {
        case open
        case shut
        case knock

        static var keyTable: String { "keys.doors" }
        var help: String { "The door: \(rawValue)" }
        var group: String { self == .knock ? "Noises" : "Moving it" }
        var hint: String? { self == .knock ? nil : rawValue }
    }

    private let doors = Keymap<Door>([(.open, ["o", "Enter"]), (.shut, ["s"]), (.knock, ["k"])])

    func testLookingUpBothWays() {
        XCTAssertEqual(doors.action(for: .enter), .open)
        XCTAssertEqual(doors.action(for: .character("k")), .knock)
        XCTAssertNil(doors.action(for: .character("x")))
        XCTAssertEqual(doors.keys(for: .open), [.character("o"), .enter], "in the order bound")
    }

    func testUnknownKeyNamesAreLeftOut() {
        let keymap = Keymap<Door>([(.open, ["o", "NoSuchKey", "Ctrl-"])])
        XCTAssertEqual(keymap.keys(for: .open), [.character("o")])
    }

    func testBindingAKeyTakesItFromItsOldAction() {
        var keymap = doors
        keymap.bind(.character("o"), to: .shut)
        XCTAssertEqual(keymap.action(for: .character("o")), .shut)
        XCTAssertEqual(keymap.keys(for: .open), [.enter])
    }

    func testInputTellsActionsFromText() {
        XCTAssertEqual(doors.input(for: .character("s")), .action(.shut))
        XCTAssertEqual(doors.input(for: .character("z")), .text("z"))
        XCTAssertEqual(doors.input(for: .function(3)), .none)
        XCTAssertEqual(
            doors.input(for: .control("z")), .none, "an unbound control key types nothing")
    }

    func testReplacingGivesExactlyTheKeysGiven() {
        let replaced = doors.replacing([.open: [.character("s")], .knock: []])
        XCTAssertEqual(replaced.keys(for: .open), [.character("s")])
        XCTAssertEqual(replaced.keys(for: .shut), [], "s was given to open")
        XCTAssertEqual(replaced.keys(for: .knock), [], "an empty list unbinds")
        XCTAssertNil(replaced.action(for: .enter), "open's old keys are gone")
    }

    func testKeysTakenElsewhereInTheTableLeaveThisKeymap() {
        let replaced = doors.replacing([:], taken: [.character("k")])
        XCTAssertNil(replaced.action(for: .character("k")))
        XCTAssertEqual(replaced.keys(for: .open), doors.keys(for: .open))
    }

    func testApplyingAConfigTableGoesByName() {
        let applied = doors.applying(["shut": [.character("x")], "window": [.character("w")]])
        XCTAssertEqual(applied.keys(for: .shut), [.character("x")])
        XCTAssertNil(applied.action(for: .character("w")), "names of no action are ignored")
        XCTAssertEqual(applied.keys(for: .open), doors.keys(for: .open))
    }

    func testHelpSectionsFollowTheGroupsInTheirOrder() {
        let sections = doors.helpSections()
        XCTAssertEqual(sections.map(\.title), ["Moving it", "Noises"])
        XCTAssertEqual(
            sections[0].entries,
            [
                HelpEntry(keys: "o Enter", text: "The door: open"),
                HelpEntry(keys: "s", text: "The door: shut"),
            ])
        let unbound = doors.replacing([.shut: []]).helpSections()
        XCTAssertEqual(unbound[0].entries.map(\.text), ["The door: open"], "no key, no line")
        let given = doors.helpSections { $0 == .knock ? [.function(2)] : [] }
        XCTAssertEqual(given.map(\.title), ["Noises"])
        XCTAssertEqual(given[0].entries.first?.keys, "F2")
    }

    func testHintsNameTheFirstKey() {
        XCTAssertEqual(doors.hints([.shut, .open, .knock]), "s shut  o open", "knock has no hint")
        XCTAssertEqual(doors.hints([.open, .shut], separator: ", "), "o open, s shut")
        XCTAssertEqual(doors.replacing([.shut: []]).hints([.shut, .open]), "o open")
    }

    func testNamesComeFromRawValues() {
        XCTAssertEqual(Door.knock.name, "knock")
        XCTAssertEqual(Action.lineDown.name, "line-down")
    }
}
