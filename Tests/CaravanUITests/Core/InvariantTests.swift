import CaravanContent
import XCTest

@testable import CaravanUI

/// Long runs of random actions, from a fixed seed, against what must always hold: a
/// selection on a row and in sight, an editor's cursor on its text, a keymap with one
/// action a key, a view's selection among its items.
final class InvariantTests: XCTestCase {
    /// SplitMix64: the same numbers on every machine, for runs that can be repeated.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testAListsSelectionStaysOnARowAndInSight() {
        var random = Seeded(state: 1)
        var list = ScrollState()
        var total = 50
        var visible = 10
        for step in 0..<5000 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: total = Int.random(in: 0..<200, using: &random)
            case 1: visible = Int.random(in: 1..<40, using: &random)
            default: break
            }
            let motion = Motion.allCases.randomElement(using: &random) ?? .lineDown
            let count = Int.random(in: 1..<20, using: &random)
            list.move(
                motion, count: count, paging: .list(visible: visible), visible: visible,
                total: total)
            XCTAssertTrue(
                (0..<max(1, total)).contains(list.selection), "step \(step): \(list) of \(total)")
            XCTAssertLessThanOrEqual(
                list.offset, ScrollState.maximumOffset(visible: visible, total: total),
                "step \(step)")
            if total > 0 {
                XCTAssertTrue(
                    (list.offset..<(list.offset + visible)).contains(list.selection), "step \(step)"
                )
            }
        }
    }

    func testTheEditorsCursorStaysOnItsText() {
        var random = Seeded(state: 2)
        var editor = NoteEditor(text: "some\nlines of\n\ntext")
        let characters: [Character] = ["a", " ", "é", "\u{301}", "文", "x"]
        for step in 0..<5000 {
            if Bool.random(using: &random) {
                let action = EditorAction.allCases.randomElement(using: &random) ?? .left
                _ = editor.perform(action)
            } else {
                let character = characters.randomElement(using: &random) ?? "a"
                _ = editor.handle(.character(character))
            }
            XCTAssertTrue(editor.lines.indices.contains(editor.row), "step \(step)")
            XCTAssertTrue(
                (0...editor.lines[editor.row].count).contains(editor.column), "step \(step)")
            XCTAssertFalse(editor.lines.isEmpty)
        }
    }

    func testReplacingKeysKeepsOneActionAKey() {
        var random = Seeded(state: 3)
        var keymap = Keymap<Action>.standard
        let keys = Keymap<Action>.standard.bindings.map(\.key) + [.function(9), .control("o")]
        for step in 0..<500 {
            let action = Action.allCases.randomElement(using: &random) ?? .quit
            let given = (0..<Int.random(in: 0..<3, using: &random)).compactMap { _ in
                keys.randomElement(using: &random)
            }
            keymap = keymap.replacing([action: given])
            let bound = keymap.bindings.map(\.key)
            XCTAssertEqual(Set(bound).count, bound.count, "step \(step): a key bound twice")
            XCTAssertEqual(Set(keymap.keys(for: action)), Set(given), "step \(step)")
        }
    }

    func testEveryViewKeepsItsSelectionAmongItsItems() {
        var random = Seeded(state: 4)
        for kind in FrameworkViewKind.allCases {
            var view = FrameworkFixture.screen(kind, width: 100, height: 30)
            for step in 0..<600 {
                if Int.random(in: 0..<50, using: &random) == 0 {
                    view.resize(
                        width: Int.random(in: 20..<200, using: &random),
                        height: Int.random(in: 6..<60, using: &random))
                }
                let action = ViewAction.allCases.randomElement(using: &random) ?? .moveDown
                let outcome = view.perform(action, count: Int.random(in: 1..<4, using: &random))
                if case .open(let id) = outcome {
                    XCTAssertEqual(id, view.selection, "\(kind) opens what it selects")
                }
                if let selection = view.selection {
                    XCTAssertNotNil(
                        FrameworkFixture.model.entity(selection), "\(kind) step \(step)")
                }
            }
        }
    }

    func testEveryStateTheExplorerReachesDraws() {
        var random = Seeded(state: 5)
        var explorer = Explorer(model: TestContent.model, width: 100, height: 30)
        let keys =
            Keymap<Action>.standard.bindings.map(\.key).filter { $0 != .character("q") }
            + [.character("M"), .character("X"), .character("A"), .escape]
        for step in 0..<1500 {
            let key = keys.randomElement(using: &random) ?? .down
            _ = explorer.update(.key(key))
            if case .editor? = explorer.state.overlay { _ = explorer.update(.key(.escape)) }
            XCTAssertTrue(TestContent.model.contains(explorer.state.current), "step \(step)")
            XCTAssertTrue(explorer.state.history.indices.contains(explorer.state.historyIndex))
            if step % 50 == 0 {
                let frame = explorer.view()
                XCTAssertEqual(frame.grid.width, 100)
            }
        }
    }
}
