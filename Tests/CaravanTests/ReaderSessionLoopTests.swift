import CaravanContent
import CaravanStore
import CaravanTestSupport
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// The explorer session as `caravan` runs it, through the real loop on a test backend:
/// notes in the user's editor, saving, quitting, signals and presenting.
final class ReaderSessionLoopTests: ReaderSessionTestCase {
    // MARK: The editor round trip

    func testANoteFromTheEditorIsOnDiskBeforeTheStatusSaysSo() throws {
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        var given: [String] = []
        var permissions: Int?
        backend.external = { arguments in
            given = arguments
            let info = try? FileManager.default.attributesOfItem(atPath: arguments.last ?? "")
            permissions = (info?[.posixPermissions] as? NSNumber)?.intValue
            return appendingEditor("Written in the editor\n")(arguments)
        }
        let (_, host) = run(&session, on: backend, editor: ["my-editor", "--wait"])

        XCTAssertEqual(given, ["my-editor", "--wait", editorFile(id)])
        XCTAssertEqual(permissions, 0o600, "the note's file is the reader's alone")
        XCTAssertEqual(savedNote("concept/soft-power"), "Written in the editor\n")
        XCTAssertEqual(session.explorer.notes[id], "Written in the editor\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: editorFile(id)), "removed once saved")
        let shown = try XCTUnwrap(firstFrame(containing: "Note saved", in: backend))
        let write = try XCTUnwrap(host.saves.first { $0.written })
        XCTAssertGreaterThanOrEqual(shown, write.framesBefore, "said only after the write")
    }

    func testAnEditorThatCannotStartRingsAndChangesNothing() throws {
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        backend.external = { _ in .notStarted(reason: "No such file or directory") }
        run(&session, on: backend, editor: ["no-such-editor"])

        XCTAssertTrue(backend.calls.contains(.bell))
        XCTAssertTrue(
            backend.statusLine.contains("Cannot start the editor 'no-such-editor'"),
            backend.statusLine)
        XCTAssertNil(firstFrame(containing: "Note saved", in: backend))
        XCTAssertNil(session.explorer.notes[id])
        XCTAssertNil(savedNote("concept/soft-power"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: editorFile(id)))
    }

    func testAnEditorThatFailsLeavesTheNoteAndKeepsWhatWasTyped() throws {
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        backend.external = appendingEditor("Half a thought", status: 1)
        run(&session, on: backend, editor: ["vi"])
        defer { try? FileManager.default.removeItem(atPath: editorFile(id)) }

        XCTAssertNil(session.explorer.notes[id], "a failing editor changes nothing")
        XCTAssertNil(savedNote("concept/soft-power"))
        XCTAssertTrue(
            backend.statusLine.contains("Note not changed: 'vi' exited with status 1"),
            backend.statusLine)
        let kept = try String(contentsOfFile: editorFile(id), encoding: .utf8)
        XCTAssertEqual(kept, "Half a thought", "what was typed is not lost")
    }

    func testAnEditorAbandonedUnchangedLeavesNoFile() throws {
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        backend.external = { _ in .killed(signal: 9) }
        run(&session, on: backend, editor: ["vi"])

        XCTAssertTrue(backend.statusLine.contains("'vi' was ended by signal 9"), backend.statusLine)
        XCTAssertFalse(backend.statusLine.contains("Your text is in"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: editorFile(id)))
    }

    func testAnEditedNoteTheDiskRefusesStaysInItsFile() throws {
        // A file where the state folder should be: every save fails.
        FileManager.default.createFile(atPath: folder + "/state", contents: Data("x".utf8))
        var session = try session(at: "concept/soft-power", editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(width: 250, height: 24, script: TestBackend.keys("a"))
        backend.external = appendingEditor("Do not lose this")
        run(&session, on: backend, editor: ["vi"])
        defer { try? FileManager.default.removeItem(atPath: editorFile(id)) }

        let shown = try XCTUnwrap(firstFrame(containing: "Note not saved:", in: backend))
        let status = backend.frames[shown].grid.textLines().last ?? ""
        XCTAssertTrue(status.contains("Your text is in \(editorFile(id))"), status)
        XCTAssertNil(session.explorer.notes[id], "the note is as it was on disk")
        let kept = try String(contentsOfFile: editorFile(id), encoding: .utf8)
        XCTAssertEqual(kept, "Do not lose this")
    }

    func testWithoutStateAnEditedNoteIsKeptForTheSession() throws {
        var session = try session(at: "concept/soft-power", keepsState: false, editor: true)
        let id = try ReaderFixture.id("concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        backend.external = appendingEditor("Only for now")
        let (_, host) = run(&session, on: backend, storing: false, editor: ["vi"])

        XCTAssertEqual(session.explorer.notes[id], "Only for now")
        XCTAssertTrue(backend.statusLine.contains("Note kept for this session, not on disk"))
        XCTAssertFalse(host.requests.contains(.save), "nothing is kept, so nothing is saved")
        XCTAssertFalse(FileManager.default.fileExists(atPath: editorFile(id)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state"))
    }

    func testWithoutAnEditorNothingIsEverStarted() throws {
        // As in a served session: the built-in editor, and a host with no editor.
        var session = try session(at: "concept/soft-power")
        let backend = TestBackend(script: TestBackend.keys("a"))
        let (_, host) = run(&session, on: backend, editor: nil)
        XCTAssertTrue(backend.screen.contains("Note on"), "the built-in editor opens")
        XCTAssertFalse(host.requests.contains { if case .editNote = $0 { true } else { false } })
        XCTAssertFalse(backend.calls.contains { if case .runExternal = $0 { true } else { false } })

        var reader = ReaderHost(store: nil, editor: nil)
        let id = try ReaderFixture.id("concept/soft-power")
        let replies = reader.perform(.editNote(id), for: session) { _ in
            XCTFail("no program may start without an editor")
            return .exited(status: 0)
        }
        XCTAssertTrue(replies.isEmpty)
    }

    // MARK: The built-in editor

    func testCtrlSWaitsForTheDiskAndAFailedWriteKeepsTheText() throws {
        let blocker = folder + "/state"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        var session = try session(at: "concept/soft-power")
        let script: [TestBackend.Step] =
            TestBackend.keys("a") + TestBackend.text("Do not lose this")
            + TestBackend.keys("Ctrl-s")
            + [.outside { try? FileManager.default.removeItem(atPath: blocker) }]
            + TestBackend.keys("Ctrl-s")
        let backend = TestBackend(script: script)
        let (_, host) = run(&session, on: backend)

        XCTAssertEqual(host.saves.map(\.written).prefix(2), [false, true])
        let failed = try XCTUnwrap(firstFrame(containing: "Note not saved", in: backend))
        let failedScreen = backend.frames[failed].grid.textLines().joined(separator: "\n")
        XCTAssertTrue(failedScreen.contains("Do not lose this"), "the text stays in the editor")
        XCTAssertTrue(failedScreen.contains("Note on"))
        let shown = try XCTUnwrap(firstFrame(containing: "Note saved", in: backend))
        XCTAssertGreaterThan(shown, failed)
        XCTAssertGreaterThanOrEqual(shown, host.saves[1].framesBefore)
        XCTAssertEqual(savedNote("concept/soft-power"), "Do not lose this")
    }
}
