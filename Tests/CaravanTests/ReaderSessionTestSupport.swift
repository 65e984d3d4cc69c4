import CaravanContent
import CaravanDefaultContent
import CaravanStore
import CaravanTestSupport
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// The shipped content, loaded once for every test here.
enum ReaderFixture {
    static let model = DefaultContent.load()

    static func id(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> EntityID
    {
        try XCTUnwrap(EntityID(text), "\(text) is not an id", file: file, line: line)
    }
}

/// A ``ReaderHost`` that records each request and, for saves, how many frames had been
/// drawn when the write returned: a frame drawn later can rely on it.
struct ObservedHost: ProgramHost {
    var host: ReaderHost
    let backend: TestBackend
    private(set) var requests: [Effect] = []
    /// For each save, the frames drawn by the time it returned, and whether it wrote.
    private(set) var saves: [(framesBefore: Int, written: Bool)] = []

    init(_ host: ReaderHost, backend: TestBackend) {
        self.host = host
        self.backend = backend
    }

    mutating func perform(
        _ request: Effect, for session: ReaderSession,
        runExternal: ([String]) -> ExternalResult
    ) -> [ReaderReply] {
        requests.append(request)
        let replies = host.perform(request, for: session, runExternal: runExternal)
        if request == .save {
            let written = replies.contains {
                if case .saved = $0 { return true } else { return false }
            }
            saves.append((backend.frames.count, written))
        }
        return replies
    }
}

/// A folder of its own for each test, removed afterwards.
class ReaderSessionTestCase: XCTestCase {
    private(set) var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "caravan-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The store of this test: its state folder inside the test's folder.
    var store: StateStore {
        StateStore(contentIdentity: "test", directory: folder + "/state")
    }

    /// The session as `caravan` starts it, at an entity.
    func session(at start: String, keepsState: Bool = true, editor: Bool = false) throws
        -> ReaderSession
    {
        let explorer = Explorer(
            model: ReaderFixture.model, width: 80, height: 24, start: try ReaderFixture.id(start),
            usesExternalEditor: editor, hostWritesNotes: keepsState)
        return ReaderSession(explorer: explorer, state: store.fresh)
    }

    /// Runs a session on a backend until its script ends, with the host `caravan` uses.
    @discardableResult
    func run(
        _ session: inout ReaderSession, on backend: TestBackend, storing: Bool = true,
        editor: [String]? = nil
    ) -> (outcome: RunOutcome, host: ObservedHost) {
        let reader = ReaderHost(store: storing ? store : nil, editor: editor)
        var host = ObservedHost(reader, backend: backend)
        let outcome = ProgramRunner(backend: backend).run(&session, host: &host)
        return (outcome, host)
    }

    /// What the store holds on disk now.
    var saved: ReaderState { store.load().state }

    /// The note on disk for an entity.
    func savedNote(_ id: String) -> String? {
        saved.note(for: id)
    }

    /// The editor's file for an entity's note, as ``ReaderHost`` names it.
    func editorFile(_ id: EntityID) -> String {
        FileManager.default.temporaryDirectory.path
            + "/caravan-note-\(ProcessInfo.processInfo.processIdentifier)-\(id.slug).md"
    }

    /// The index of the first frame whose text contains `text`.
    func firstFrame(containing text: String, in backend: TestBackend) -> Int? {
        backend.frames.firstIndex { $0.grid.textLines().joined(separator: "\n").contains(text) }
    }
}

/// An editor run by the test backend: it appends `text` to the file it is given.
func appendingEditor(_ text: String, status: Int32 = 0) -> ([String]) -> ExternalResult {
    { arguments in
        guard let path = arguments.last, let handle = FileHandle(forWritingAtPath: path) else {
            return .notStarted(reason: "no file")
        }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
        return .exited(status: status)
    }
}
