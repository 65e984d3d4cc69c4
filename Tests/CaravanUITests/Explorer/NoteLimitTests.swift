import XCTest

@testable import CaravanUI

/// A note holds at most `NoteEditor.maximumBytes`: typing or pasting past it is
/// refused, the editor says so, and every edit keeps the count exact.
final class NoteLimitTests: XCTestCase {
    func testTypingStopsAtTheLimitAndSaysSo() {
        var editor = NoteEditor(text: "")
        for _ in 0..<(NoteEditor.maximumBytes + 500) {
            _ = editor.handle(.character("x"))
        }
        XCTAssertEqual(editor.text.utf8.count, NoteEditor.maximumBytes)
        XCTAssertTrue(editor.isFull)
        XCTAssertEqual(editor.handle(.backspace), .editing)
        XCTAssertFalse(editor.isFull, "deleting makes room again")
        _ = editor.handle(.character("é"))
        XCTAssertTrue(editor.isFull, "a two-byte letter does not fit in one byte")
        _ = editor.handle(.character("y"))
        XCTAssertEqual(editor.text.utf8.count, NoteEditor.maximumBytes)
        XCTAssertEqual(editor.handle(.control("s")), .save(editor.text))
    }

    func testLineBreaksAndTabsCountToo() {
        let nearlyFull = String(repeating: "a", count: NoteEditor.maximumBytes - 1)
        var editor = NoteEditor(text: nearlyFull)
        _ = editor.handle(.tab)
        XCTAssertTrue(editor.isFull)
        _ = editor.handle(.enter)
        XCTAssertFalse(editor.isFull)
        XCTAssertEqual(editor.lines.count, 2)
        _ = editor.handle(.enter)
        XCTAssertTrue(editor.isFull)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, String(nearlyFull.dropLast()))
    }

    func testDeletingAcrossLinesKeepsTheCountExact() {
        var editor = NoteEditor(text: "ab\nçd\n文")
        for key: Key in [.up, .home, .delete, .end, .delete, .up, .end, .backspace] {
            _ = editor.handle(key)
        }
        let before = editor.text.utf8.count
        let room = NoteEditor.maximumBytes - before
        for _ in 0..<room { _ = editor.handle(.character("z")) }
        XCTAssertFalse(editor.isFull)
        _ = editor.handle(.character("z"))
        XCTAssertTrue(editor.isFull)
        XCTAssertEqual(editor.text.utf8.count, NoteEditor.maximumBytes)
    }

    func testAnOverlongNoteCanStillBeShortened() {
        var editor = NoteEditor(text: String(repeating: "n", count: NoteEditor.maximumBytes + 10))
        _ = editor.handle(.character("x"))
        XCTAssertTrue(editor.isFull)
        for _ in 0..<11 { _ = editor.handle(.backspace) }
        _ = editor.handle(.character("x"))
        XCTAssertFalse(editor.isFull)
        XCTAssertEqual(editor.text.utf8.count, NoteEditor.maximumBytes)
    }

    func testTheFullEditorShowsTheLimit() throws {
        var explorer = try makeExplorer(width: 100, height: 30)
        _ = explorer.update(.key(.character("a")))
        for _ in 0..<(NoteEditor.maximumBytes + 1) { _ = explorer.update(.key(.character("q"))) }
        let text = explorer.view().grid.textLines().joined(separator: "\n")
        XCTAssertTrue(text.contains("The note is full: notes hold up to 16 KB"), text)
        _ = explorer.update(.key(.control("s")))
        XCTAssertEqual(
            explorer.notes[explorer.state.current]?.utf8.count, NoteEditor.maximumBytes)
    }
}
