import CaravanContent
import CaravanStore
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// `ReaderSession.update` only asks: it returns `.save` and `.editNote` for the host, and
/// touches no file and starts no program itself, whatever the event.
final class ReaderSessionEffectTests: ReaderSessionTestCase {
    private var stateFolderExists: Bool {
        FileManager.default.fileExists(atPath: folder + "/state")
    }

    private func press(_ session: inout ReaderSession, _ names: String) -> [Effect] {
        names.split(separator: " ").compactMap { Key(name: String($0)) }.flatMap {
            session.update(.key($0))
        }
    }

    func testAMarkAsksForASaveAndWritesNothing() throws {
        var session = try session(at: "case/almaty-silk-road-brand")
        XCTAssertEqual(press(&session, "m a"), [.save])
        XCTAssertFalse(stateFolderExists, "update wrote nothing")
        XCTAssertEqual(press(&session, "j j"), [], "scrolling is saved on the way out only")
        XCTAssertEqual(press(&session, "q"), [.save, .quit], "the save comes before the quit")
        XCTAssertFalse(stateFolderExists)
    }

    func testTheLastChanceToSaveIsAnEffectToo() throws {
        var kept = try session(at: "case/almaty-silk-road-brand")
        XCTAssertEqual(kept.update(.terminate), [.save, .quit])
        var without = try session(at: "case/almaty-silk-road-brand", keepsState: false)
        XCTAssertEqual(without.update(.terminate), [.quit], "nothing kept, nothing to save")
        XCTAssertFalse(stateFolderExists)
    }

    func testTheBuiltInEditorsSaveWaitsForTheHostsReply() throws {
        var session = try session(at: "concept/soft-power")
        _ = press(&session, "a")
        for character in "On disk" { _ = session.update(.key(.character(character))) }
        XCTAssertEqual(press(&session, "Ctrl-s"), [.save])
        XCTAssertFalse(stateFolderExists)
        XCTAssertNotEqual(session.explorer.state.message, "Note saved", "not before the write")
        var written = session.snapshot(now: Date())
        written.setNote("On disk", for: "concept/soft-power", now: Date())
        XCTAssertEqual(session.update(reply: .saved(written)), [])
        XCTAssertEqual(session.explorer.state.message, "Note saved")
        XCTAssertNil(session.explorer.state.overlay, "the editor closes once it is written")
    }

    func testTheExternalEditorIsARequestAndAResizeIsJustASize() throws {
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        XCTAssertEqual(press(&session, "a"), [.editNote(id)])
        XCTAssertEqual(session.update(.resize(width: 100, height: 30)), [])
        XCTAssertNil(session.explorer.notes[id], "a resize is not the editor finishing")
        XCTAssertEqual(
            session.update(.externalFinished(.exited(status: 0))), [],
            "the host reads the note; the program's end alone changes nothing")
        XCTAssertEqual(
            session.update(reply: .noteEdited(NoteSave(id: id, text: "Edited"), file: "/x")),
            [.save])
        XCTAssertEqual(session.explorer.notes[id], "Edited")
        XCTAssertFalse(stateFolderExists)
    }
}
