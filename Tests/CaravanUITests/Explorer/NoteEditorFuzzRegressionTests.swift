import XCTest

@testable import CaravanUI

/// Found by the key decoder's fuzz target (Fuzz/Sources/FuzzKeyDecoder): a combining
/// mark typed in the note editor joined the letter before it, the line became shorter
/// than the cursor's column, and the next key trapped.
final class NoteEditorFuzzRegressionTests: XCTestCase {
    private func type(_ keys: [Key], into editor: inout NoteEditor) {
        for key in keys {
            XCTAssertEqual(editor.handle(key), .editing)
            XCTAssertLessThanOrEqual(
                editor.column, editor.lines[editor.row].count, "after \(key.name)")
        }
    }

    func testACombiningMarkAfterALetterKeepsTheCursorOnTheLine() {
        var editor = NoteEditor(text: "")
        type(
            [.character("m"), .character("a"), .character("\u{827}"), .character("a")],
            into: &editor)
        XCTAssertEqual(editor.text, "ma\u{827}a")
        XCTAssertEqual(editor.column, 3)
    }

    func testTheFuzzersKeysThroughTheExplorer() throws {
        // The crashing input, decoded: open the note editor and type.
        var explorer = try makeExplorer(width: 80, height: 24)
        let keys: [Key] = [
            .character("a"), .character("h"), .character("i"), .character("G"), .character("m"),
            .character("a"), .character("\u{827}"), .character("a"),
        ]
        for key in keys {
            _ = explorer.update(.key(key))
            _ = explorer.view()
        }
    }

    func testEditingAroundJoinedCharactersNeverTraps() {
        let marks: [Character] = ["\u{301}", "\u{827}", "\u{200D}", "\u{FE0F}", "\u{1F3FD}"]
        let moves: [Key] = [
            .left, .right, .home, .end, .backspace, .delete, .enter, .up, .down, .tab,
        ]
        var editor = NoteEditor(text: "é\nab")
        for round in 0..<200 {
            let key: Key =
                round % 3 == 0
                ? .character(marks[round % marks.count])
                : round % 3 == 1 ? .character("x") : moves[round % moves.count]
            type([key], into: &editor)
        }
    }
}
