import Foundation
import XCTest

@testable import CaravanStore

final class StateStoreTests: XCTestCase {
    private let identity = "paper-bian-liu-2023-1f2e3d"

    private func store(_ folder: String) -> StateStore {
        StateStore(contentIdentity: identity, directory: folder + "/caravan")
    }

    // MARK: Where the file lives

    func testPathIsInTheGivenFolder() throws {
        let folder = try makeTemporaryFolder(self)
        let store = store(folder)
        XCTAssertEqual(store.path, folder + "/caravan/state-\(identity).json")
        XCTAssertEqual(store.backupPath, store.path + ".bak")
    }

    func testDefaultFolderFollowsXDG() {
        XCTAssertEqual(
            StateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/xdg", "HOME": "/home/u"]),
            "/xdg/caravan")
        XCTAssertEqual(
            StateStore.defaultDirectory(environment: ["HOME": "/home/u"]),
            "/home/u/.local/state/caravan")
        XCTAssertEqual(
            StateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"]),
            "/home/u/.local/state/caravan", "an empty XDG_STATE_HOME is unset")
        XCTAssertEqual(
            StateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"]),
            "/home/u/.local/state/caravan", "a relative XDG_STATE_HOME is ignored")
        let store = StateStore(
            contentIdentity: "c", directory: nil, environment: ["XDG_STATE_HOME": "/xdg"])
        XCTAssertEqual(store.path, "/xdg/caravan/state-c.json")
    }

    func testIdentityIsMadeSafeForAFileName() {
        XCTAssertEqual(StateStore.fileName(for: "paper-x-12ab"), "state-paper-x-12ab.json")
        let slashes = StateStore.fileName(for: "../../etc/passwd")
        XCTAssertFalse(slashes.contains("/"), slashes)
        XCTAssertTrue(slashes.hasPrefix("state-.._.._etc_passwd-"), slashes)
        XCTAssertNotEqual(
            StateStore.fileName(for: "a/b"), StateStore.fileName(for: "a_b"),
            "identities that clean up the same still get different files")
        XCTAssertNotEqual(StateStore.fileName(for: "a/b"), StateStore.fileName(for: "a?b"))
        XCTAssertLessThan(StateStore.fileName(for: String(repeating: "x", count: 500)).count, 140)
        XCTAssertTrue(StateStore.fileName(for: "").hasPrefix("state--"))
        XCTAssertFalse(StateStore.fileName(for: "é").contains("é"))
    }

    // MARK: Loading

    func testMissingFileLoadsDefaultsWithoutWarning() throws {
        let store = store(try makeTemporaryFolder(self))
        let (state, warnings) = store.load()
        XCTAssertEqual(state, ReaderState(contentIdentity: identity))
        XCTAssertTrue(warnings.isEmpty)
    }

    func testSaveThenLoadRoundTrips() throws {
        let store = store(try makeTemporaryFolder(self))
        var state = store.fresh
        state.open(Position(id: "case/almaty", scroll: 4))
        state.setMark("a", at: Position(id: "section/4-1", scroll: 10), now: day(0))
        state.setNote("Compare with Kashgar.", for: "case/almaty", now: day(1))
        let saved = try store.save(state, base: store.fresh)
        XCTAssertEqual(saved, state)
        let (loaded, warnings) = store.load()
        XCTAssertEqual(loaded, state)
        XCTAssertTrue(warnings.isEmpty)
    }

    func testDamagedFileIsKeptAsBackupAndDefaultsLoad() throws {
        let store = store(try makeTemporaryFolder(self))
        _ = try store.save(store.fresh, base: store.fresh)
        let damaged = Data(#"{"version": 1, "contentIdentity": "#.utf8)
        try damaged.write(to: URL(fileURLWithPath: store.path))

        let (state, warnings) = store.load()
        XCTAssertEqual(state, store.fresh)
        XCTAssertEqual(
            warnings,
            ["state file was damaged; kept it as \(store.backupPath) and started fresh"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.backupPath)), damaged)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))

        // Loading again is quiet: the damage was dealt with.
        XCTAssertTrue(store.load().warnings.isEmpty)
    }

    func testWrongShapesCountAsDamage() throws {
        let store = store(try makeTemporaryFolder(self))
        try store.prepareDirectory()
        let shapes = [
            "", "null", "[]", "not json", #"{"version": "1"}"#,
            #"{"version": 1}"#,
            #"{"version": 1, "contentIdentity": "\#(identity)", "marks": {"a": 3}}"#,
            "\u{FF}\u{FE}",
        ]
        for shape in shapes {
            try Data(shape.utf8).write(to: URL(fileURLWithPath: store.path))
            let (state, warnings) = store.load()
            XCTAssertEqual(state, store.fresh, shape)
            XCTAssertEqual(warnings.count, 1, shape)
            XCTAssertTrue(warnings.first?.hasPrefix("state file was damaged") ?? false, shape)
        }
    }

    func testNewDamageReplacesAnOlderBackup() throws {
        let store = store(try makeTemporaryFolder(self))
        try store.prepareDirectory()
        try Data("first".utf8).write(to: URL(fileURLWithPath: store.path))
        _ = store.load()
        try Data("second".utf8).write(to: URL(fileURLWithPath: store.path))
        _ = store.load()
        XCTAssertEqual(
            try String(contentsOfFile: store.backupPath, encoding: .utf8), "second")
    }

    func testUnknownVersionIsKeptAsBackup() throws {
        let store = store(try makeTemporaryFolder(self))
        try store.prepareDirectory()
        let future = #"{"version": 7, "contentIdentity": "\#(identity)", "marks": {}}"#
        try Data(future.utf8).write(to: URL(fileURLWithPath: store.path))

        let (state, warnings) = store.load()
        XCTAssertEqual(state, store.fresh)
        XCTAssertEqual(
            warnings,
            [
                "state file has version 7, which this caravan does not read; "
                    + "kept it as \(store.backupPath) and started fresh"
            ])
        XCTAssertEqual(try String(contentsOfFile: store.backupPath, encoding: .utf8), future)
    }

    func testFileOfOtherContentIsKeptAsBackup() throws {
        let store = store(try makeTemporaryFolder(self))
        try store.prepareDirectory()
        let other = #"{"version": 1, "contentIdentity": "someone-else"}"#
        try Data(other.utf8).write(to: URL(fileURLWithPath: store.path))
        let (state, warnings) = store.load()
        XCTAssertEqual(state, store.fresh)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.contains("other content (someone-else)") ?? false)
    }

    func testSavingOverADamagedFileKeepsItAside() throws {
        let store = store(try makeTemporaryFolder(self))
        try store.prepareDirectory()
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.path))
        var state = store.fresh
        state.setMark("a", at: Position(id: "e/1"), now: day(0))
        _ = try store.save(state, base: store.fresh)
        XCTAssertEqual(store.load().state, state)
        XCTAssertEqual(try String(contentsOfFile: store.backupPath, encoding: .utf8), "garbage")
    }

    // MARK: Permissions

    func testFolderIsCreatedPrivate() throws {
        let folder = try makeTemporaryFolder(self)
        let store = StateStore(contentIdentity: identity, directory: folder + "/state/caravan")
        _ = try store.save(store.fresh, base: store.fresh)
        XCTAssertEqual(mode(of: folder + "/state/caravan"), 0o700)
        XCTAssertEqual(mode(of: folder + "/state"), 0o700, "missing parents are private too")
    }

    func testLooseFolderIsMadePrivate() throws {
        let folder = try makeTemporaryFolder(self)
        let store = store(folder)
        XCTAssertEqual(mkdir(store.directory, 0o755), 0)
        XCTAssertEqual(chmod(store.directory, 0o755), 0)
        _ = try store.save(store.fresh, base: store.fresh)
        XCTAssertEqual(mode(of: store.directory), 0o700)
    }

    func testFileIsPrivateWhateverTheUmask() throws {
        let store = store(try makeTemporaryFolder(self))
        let old = umask(0)
        defer { umask(old) }
        _ = try store.save(store.fresh, base: store.fresh)
        XCTAssertEqual(mode(of: store.path), 0o600)
        XCTAssertEqual(mode(of: store.lockPath), 0o600)
    }

    func testFolderThatIsAFileIsAnError() throws {
        let folder = try makeTemporaryFolder(self)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/caravan", contents: Data()))
        let store = store(folder)
        XCTAssertThrowsError(try store.save(store.fresh, base: store.fresh)) { error in
            XCTAssertTrue("\(error)".contains("is not a folder"), "\(error)")
        }
    }

    // MARK: Two explorers at once

    func testTwoInstancesKeepEachOthersMarksAndNotes() throws {
        let folder = try makeTemporaryFolder(self)
        let storeA = store(folder)
        let storeB = store(folder)
        var (stateA, _) = storeA.load()
        var (stateB, _) = storeB.load()
        let baseA = stateA
        let baseB = stateB

        stateA.setMark("a", at: Position(id: "case/almaty", scroll: 3), now: day(1))
        stateA.setNote("x", for: "case/almaty", now: day(1))
        stateB.setMark("b", at: Position(id: "section/4-1", scroll: 7), now: day(2))
        stateB.setNote("y", for: "section/4-1", now: day(2))

        _ = try storeA.save(stateA, base: baseA)
        let savedB = try storeB.save(stateB, base: baseB)

        let onDisk = storeA.load().state
        XCTAssertEqual(onDisk, savedB)
        XCTAssertEqual(Set(onDisk.marks.keys), ["a", "b"])
        XCTAssertEqual(onDisk.note(for: "case/almaty"), "x")
        XCTAssertEqual(onDisk.note(for: "section/4-1"), "y")
    }

    func testANewerDeletionStaysDeleted() throws {
        let folder = try makeTemporaryFolder(self)
        let storeA = store(folder)
        let storeB = store(folder)
        var seed = storeA.fresh
        seed.setNote("draft", for: "case/almaty", now: day(0))
        let shared = try storeA.save(seed, base: storeA.fresh)

        var stateA = shared
        stateA.deleteNote(for: "case/almaty", now: day(5))
        var stateB = shared
        stateB.setNote("edited earlier", for: "case/almaty", now: day(3))
        stateB.setMark("b", at: Position(id: "e/b"), now: day(3))

        _ = try storeA.save(stateA, base: shared)
        let merged = try storeB.save(stateB, base: shared)
        XCTAssertNil(merged.note(for: "case/almaty"), "B's older edit does not undo A's deletion")
        XCTAssertNotNil(merged.mark("b"))
        XCTAssertEqual(storeA.load().state.annotations["case/almaty"]?.isDeleted, true)
    }

    func testSavingTwiceFromTheSameBaseKeepsTheNewBase() throws {
        let store = store(try makeTemporaryFolder(self))
        var base = store.fresh
        var state = base
        state.setMark("a", at: Position(id: "e/1"), now: day(0))
        base = try store.save(state, base: base)
        state = base
        state.removeMark("a")
        base = try store.save(state, base: base)
        XCTAssertNil(store.load().state.mark("a"), "a removal since the last save is kept")
    }

    func testConcurrentSavesFromTwoThreadsLoseNothing() throws {
        let folder = try makeTemporaryFolder(self)
        let store = store(folder)
        let failures = ErrorBox()
        let rounds = 20
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            // Each thread is an explorer of its own with its own base.
            var base = store.load().state
            for round in 0..<rounds {
                var state = base
                let name = "w\(worker)-\(round)"
                state.setMark(name, at: Position(id: "e/\(name)"), now: day(round))
                state.setNote("note \(name)", for: "e/\(name)", now: day(round))
                state.visited.insert("e/\(name)")
                do {
                    base = try store.save(state, base: base)
                } catch {
                    failures.append(error)
                }
            }
        }
        XCTAssertTrue(failures.all.isEmpty, "\(failures.all)")
        let (final, warnings) = store.load()
        XCTAssertTrue(warnings.isEmpty)
        XCTAssertEqual(final.marks.count, 2 * rounds)
        XCTAssertEqual(final.notes.count, 2 * rounds)
        XCTAssertEqual(final.visited.count, 2 * rounds)
        XCTAssertTrue(temporaryFiles(in: store.directory).isEmpty)
    }

    func testConcurrentSavesFromSeparateStoresLoseNothing() throws {
        let folder = try makeTemporaryFolder(self)
        let failures = ErrorBox()
        let workers = 4
        let rounds = 10
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let mine = StateStore(contentIdentity: "paper-bian-liu-2023-1f2e3d", directory: folder)
            var base = mine.load().state
            for round in 0..<rounds {
                var state = base
                state.setNote("\(worker)/\(round)", for: "e/\(worker)-\(round)", now: day(round))
                do {
                    base = try mine.save(state, base: base)
                } catch {
                    failures.append(error)
                }
            }
        }
        XCTAssertTrue(failures.all.isEmpty, "\(failures.all)")
        let final = StateStore(contentIdentity: identity, directory: folder).load().state
        XCTAssertEqual(final.notes.count, workers * rounds)
    }
}
