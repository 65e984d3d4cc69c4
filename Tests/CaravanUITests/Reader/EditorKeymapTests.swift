import XCTest

@testable import CaravanUI

/// The note editor takes ``EditorAction``s through its keymap: a rebound key acts, an
/// unbound one types itself if it is a character, and nothing else is typed.
final class EditorKeymapTests: XCTestCase {
    private let rebound = Keymap<EditorAction>.standard.applying([
        "save": [.function(2)],
        "new-line": [.control("j")],
        "indent": [],
    ])

    func testEveryActionHasAKeyAndAHelpLine() {
        for action in EditorAction.allCases {
            XCTAssertFalse(
                Keymap<EditorAction>.standard.keys(for: action).isEmpty, "\(action) has no key")
            XCTAssertFalse(action.help.isEmpty)
            XCTAssertEqual(action.group, "In the note editor")
        }
        XCTAssertEqual(EditorAction.keyTable, "keys.editor")
        XCTAssertEqual(
            Keymap<EditorAction>.standard.hints([.save, .cancel]), "Ctrl-s saves  Esc cancels")
    }

    func testAReboundKeySavesAndTheOldOneNoLonger() {
        var editor = NoteEditor(text: "kept")
        XCTAssertEqual(editor.handle(.control("s"), keymap: rebound), .editing)
        XCTAssertEqual(editor.text, "kept", "Ctrl-S is not a character: nothing is typed")
        XCTAssertEqual(editor.handle(.function(2), keymap: rebound), .save("kept"))
    }

    func testAnUnboundCharacterTypesItself() {
        var editor = NoteEditor(text: "")
        _ = editor.handle(.character("a"), keymap: rebound)
        XCTAssertEqual(editor.handle(.tab, keymap: rebound), .editing)
        XCTAssertEqual(editor.text, "a", "Tab has no action now and types nothing")
        _ = editor.handle(.control("j"), keymap: rebound)
        _ = editor.handle(.character("b"), keymap: rebound)
        XCTAssertEqual(editor.lines, ["a", "b"], "Ctrl-J breaks the line")
        _ = editor.handle(.enter, keymap: rebound)
        XCTAssertEqual(editor.lines, ["a", "b"], "Enter breaks it no longer")
    }

    func testACharacterBoundToAnActionIsNotTyped() {
        let keymap = Keymap<EditorAction>.standard.applying(["line-start": [.character("^")]])
        var editor = NoteEditor(text: "abc")
        _ = editor.handle(.character("^"), keymap: keymap)
        XCTAssertEqual(editor.column, 0)
        XCTAssertEqual(editor.text, "abc")
        _ = editor.handle(.character("x"), keymap: keymap)
        XCTAssertEqual(editor.text, "xabc")
    }

    func testTheActionsMoveAndEditAsTheirHelpSays() {
        var editor = NoteEditor(text: "one\ntwo")
        XCTAssertEqual(editor.perform(.lineStart), .editing)
        XCTAssertEqual(editor.column, 0)
        _ = editor.perform(.deleteBackward)
        XCTAssertEqual(editor.lines, ["onetwo"], "at a line's start it joins the line above")
        XCTAssertEqual(editor.column, 3)
        _ = editor.perform(.newLine)
        _ = editor.perform(.up)
        _ = editor.perform(.lineEnd)
        _ = editor.perform(.deleteForward)
        XCTAssertEqual(editor.lines, ["onetwo"], "at a line's end it joins the line below")
        _ = editor.perform(.indent)
        XCTAssertEqual(editor.text, "one    two")
        _ = editor.perform(.right)
        XCTAssertEqual(editor.column, 8)
        XCTAssertEqual(editor.perform(.cancel), .cancel)
        XCTAssertEqual(editor.perform(.save), .save("one    two"))
    }

    func testMovingPastTheEdgesWrapsOrStops() {
        var editor = NoteEditor(text: "ab\ncd")
        _ = editor.perform(.lineStart)
        _ = editor.perform(.left)
        XCTAssertEqual([editor.row, editor.column], [0, 2], "left at a start goes up a line")
        _ = editor.perform(.right)
        XCTAssertEqual([editor.row, editor.column], [1, 0], "right at an end goes down")
        _ = editor.perform(.down)
        XCTAssertEqual(editor.row, 1, "no line below")
        _ = editor.perform(.up)
        _ = editor.perform(.up)
        XCTAssertEqual(editor.row, 0, "no line above")
    }
}
