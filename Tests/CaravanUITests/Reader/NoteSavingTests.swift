import CaravanContent
import XCTest

@testable import CaravanUI

/// "Note saved" is said only once the host has written the note; until then, and when
/// the write fails, the text stays in the editor.
final class NoteSavingTests: XCTestCase {
    private func editing(_ text: String, hostWrites: Bool) throws -> Explorer {
        var explorer = Explorer(
            model: TestContent.model, width: 80, height: 24,
            start: try entityID("concept/soft-power"), hostWritesNotes: hostWrites)
        press(&explorer, "a")
        typeText(&explorer, text)
        XCTAssertEqual(press(&explorer, "Ctrl-s"), hostWrites ? [.save] : [])
        return explorer
    }

    private func isEditing(_ explorer: Explorer) -> Bool {
        if case .editor? = explorer.state.overlay { return true }
        return false
    }

    func testTheEditorWaitsForTheHostToWrite() throws {
        var explorer = try editing("Compare with the five links", hostWrites: true)
        XCTAssertTrue(isEditing(explorer), "the editor stays open until the note is written")
        XCTAssertNotEqual(explorer.state.message, "Note saved")
        let note = try XCTUnwrap(explorer.takeNoteToSave())
        XCTAssertEqual(note.text, "Compare with the five links")
        XCTAssertNil(explorer.takeNoteToSave(), "taken once")

        _ = explorer.update(.note(note.text, for: note.id))
        _ = explorer.update(.noteWritten(note))
        XCTAssertFalse(isEditing(explorer))
        XCTAssertEqual(explorer.state.message, "Note saved")
    }

    func testAFailedWriteKeepsTheTextInTheEditor() throws {
        var explorer = try editing("Do not lose this", hostWrites: true)
        let note = try XCTUnwrap(explorer.takeNoteToSave())
        _ = explorer.update(.noteNotWritten(note, reason: "the disk is full"))
        XCTAssertTrue(isEditing(explorer))
        guard case .editor(let editor, _)? = explorer.state.overlay else {
            return XCTFail("no editor")
        }
        XCTAssertEqual(editor.text, "Do not lose this")
        XCTAssertTrue(explorer.state.message?.contains("not saved") ?? false)
        XCTAssertTrue(dump(render(explorer)).contains("Do not lose this"))
        // Ctrl-S hands it over again.
        press(&explorer, "Ctrl-s")
        XCTAssertEqual(explorer.takeNoteToSave()?.text, "Do not lose this")
    }

    func testWithAnExternalEditorTheAnnotateKeyAsksTheHost() throws {
        var explorer = Explorer(
            model: TestContent.model, width: 120, height: 40,
            start: try entityID("concept/soft-power"), usesExternalEditor: true)
        XCTAssertEqual(press(&explorer, "a"), [.editNote(try entityID("concept/soft-power"))])
        XCTAssertNil(explorer.state.overlay, "no built-in editor opens")
        // The host's answer is a note set on the entity; the Links pane shows it.
        _ = explorer.update(.note("From the editor", for: try entityID("concept/soft-power")))
        XCTAssertTrue(dump(render(explorer)).contains("From the editor"))
    }

    func testWithoutAHostTheNoteIsKeptForTheSessionOnly() throws {
        let explorer = try editing("Only for now", hostWrites: false)
        XCTAssertFalse(isEditing(explorer))
        XCTAssertEqual(explorer.notes[try entityID("concept/soft-power")], "Only for now")
        XCTAssertEqual(explorer.state.message, "Note kept for this session, not on disk")
    }
}
