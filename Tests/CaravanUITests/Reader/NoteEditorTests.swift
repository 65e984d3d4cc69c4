import XCTest

@testable import CaravanUI

/// The built-in note editor: each of its actions, and the keys that reach them.
final class NoteEditorTests: XCTestCase {
    @discardableResult
    private func press(_ editor: inout NoteEditor, _ keys: String) -> [NoteEditor.Outcome] {
        keys.split(separator: " ").compactMap { Key(name: String($0)) }.map { editor.handle($0) }
    }

    private func type(_ editor: inout NoteEditor, _ text: String) {
        for character in text { _ = editor.handle(.character(character)) }
    }

    func testItOpensWithTheCursorAtTheEnd() {
        let editor = NoteEditor(text: "first\nsecond line")
        XCTAssertEqual(editor.lines, ["first", "second line"])
        XCTAssertEqual(editor.row, 1)
        XCTAssertEqual(editor.column, 11)
        XCTAssertEqual(NoteEditor(text: "").lines, [""])
    }

    func testEnterBreaksTheLineAtTheCursor() {
        var editor = NoteEditor(text: "silkroad")
        press(&editor, "Left Left Left Left Enter")
        XCTAssertEqual(editor.lines, ["silk", "road"])
        XCTAssertEqual(editor.row, 1)
        XCTAssertEqual(editor.column, 0)
        XCTAssertEqual(editor.text, "silk\nroad")
    }

    func testBackspaceAndDeleteJoinLines() {
        var editor = NoteEditor(text: "silk\nroad")
        press(&editor, "Home Backspace")
        XCTAssertEqual(editor.lines, ["silkroad"], "Backspace at a line's start joins it up")
        XCTAssertEqual(editor.column, 4)
        press(&editor, "Enter Up End Del")
        XCTAssertEqual(editor.lines, ["silkroad"], "Delete at a line's end joins the next")
        press(&editor, "Home Del Backspace")
        XCTAssertEqual(editor.text, "ilkroad", "nothing before the start to delete")
    }

    func testMovesWrapAtLineEndsAndKeepTheColumnInShortLines() {
        var editor = NoteEditor(text: "a long line\nab\nanother long one")
        press(&editor, "Up")
        XCTAssertEqual(editor.row, 1)
        XCTAssertEqual(editor.column, 2, "clamped to the shorter line")
        press(&editor, "Right")
        XCTAssertEqual(editor.row, 2)
        XCTAssertEqual(editor.column, 0, "past a line's end to the next line's start")
        press(&editor, "Left")
        XCTAssertEqual(editor.row, 1)
        XCTAssertEqual(editor.column, 2)
        press(&editor, "Up Up Up Ctrl-a")
        XCTAssertEqual(editor.row, 0)
        XCTAssertEqual(editor.column, 0)
        press(&editor, "Ctrl-e")
        XCTAssertEqual(editor.column, 11)
        press(&editor, "Down Down Down End")
        XCTAssertEqual(editor.row, 2)
        XCTAssertEqual(editor.column, 16)
    }

    func testTypingInsertsAtTheCursorAndTabIndents() {
        var editor = NoteEditor(text: "road")
        press(&editor, "Home")
        type(&editor, "silk ")
        press(&editor, "Tab")
        XCTAssertEqual(editor.text, "silk     road")
        XCTAssertEqual(editor.column, 9)
    }

    func testSaveAndCancelAreOutcomes() {
        var editor = NoteEditor(text: "kept")
        XCTAssertEqual(press(&editor, "Ctrl-s"), [.save("kept")])
        XCTAssertEqual(press(&editor, "Ctrl-x"), [.save("kept")], "Ctrl-X saves too")
        XCTAssertEqual(press(&editor, "Esc"), [.cancel])
        XCTAssertEqual(
            press(&editor, "F5 Ctrl-b"), [.editing, .editing], "unbound keys do nothing")
        XCTAssertEqual(editor.text, "kept")
    }

    func testTheKeymapDecidesWhatAKeyDoes() {
        var keymap = Keymap<EditorAction>.standard
        keymap = keymap.applying(["save": [.function(2)], "new-line": [.control("j")]])
        var editor = NoteEditor(text: "ab")
        XCTAssertEqual(editor.handle(.control("s"), keymap: keymap), .editing)
        XCTAssertEqual(editor.handle(.control("j"), keymap: keymap), .editing)
        XCTAssertEqual(editor.lines, ["ab", ""])
        XCTAssertEqual(editor.handle(.function(2), keymap: keymap), .save("ab\n"))
        XCTAssertEqual(editor.handle(.enter, keymap: keymap), .editing, "Enter is unbound now")
        XCTAssertEqual(editor.lines, ["ab", ""])
    }

    func testAVeryLongNoteStopsGrowing() {
        var editor = NoteEditor(text: String(repeating: "x", count: 20_000))
        type(&editor, "yz")
        XCTAssertEqual(editor.text.count, 20_000)
        XCTAssertEqual(editor.perform(.indent), .editing, "an action still works")
    }
}
