import Foundation
import XCTest

@testable import CaravanStore

/// A crash at any step of a write leaves the old file or the new one, both valid.
final class AtomicWriteTests: XCTestCase {
    private func states(_ store: StateStore) -> (old: ReaderState, new: ReaderState) {
        var old = store.fresh
        old.setMark("a", at: Position(id: "e/old"), now: day(0))
        var new = old
        new.setMark("b", at: Position(id: "e/new"), now: day(1))
        new.setNote(String(repeating: "long note ", count: 10_000), for: "e/new", now: day(1))
        return (old, new)
    }

    func testInterruptedBeforeTheRenameLeavesTheOldFile() throws {
        let steps: [WriteStep] = [.created, .written, .synced, .beforeRename]
        for step in steps {
            let folder = try makeTemporaryFolder(self)
            var store = StateStore(contentIdentity: "c", directory: folder)
            let (old, new) = states(store)
            let base = try store.save(old, base: store.fresh)
            let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: store.path))

            store.writeFault = { current in
                if current == step { throw SimulatedCrash(step: current) }
            }
            XCTAssertThrowsError(try store.save(new, base: base), "\(step)") { error in
                XCTAssertEqual(error as? SimulatedCrash, SimulatedCrash(step: step))
            }
            XCTAssertEqual(
                try Data(contentsOf: URL(fileURLWithPath: store.path)), bytesBefore, "\(step)")
            let (loaded, warnings) = store.load()
            XCTAssertEqual(loaded, old, "\(step)")
            XCTAssertTrue(warnings.isEmpty, "\(step)")
            XCTAssertEqual(temporaryFiles(in: folder), [], "\(step)")

            store.writeFault = nil
            XCTAssertEqual(try store.save(new, base: base), new, "a later save works (\(step))")
            XCTAssertEqual(store.load().state, new)
        }
    }

    func testInterruptedAfterTheRenameLeavesTheNewFile() throws {
        let folder = try makeTemporaryFolder(self)
        var store = StateStore(contentIdentity: "c", directory: folder)
        let (old, new) = states(store)
        let base = try store.save(old, base: store.fresh)
        store.writeFault = { step in
            if step == .renamed { throw SimulatedCrash(step: step) }
        }
        XCTAssertThrowsError(try store.save(new, base: base))
        let (loaded, warnings) = store.load()
        XCTAssertEqual(loaded, new)
        XCTAssertTrue(warnings.isEmpty)
        XCTAssertEqual(temporaryFiles(in: folder), [])
    }

    func testEveryStepIsReachedInOrder() throws {
        let folder = try makeTemporaryFolder(self)
        var store = StateStore(contentIdentity: "c", directory: folder)
        let seen = StepLog()
        store.writeFault = { step in seen.append(step) }
        _ = try store.save(store.fresh, base: store.fresh)
        XCTAssertEqual(seen.steps, WriteStep.allCases)
    }

    func testTemporaryFilesLeftByACrashAreHarmless() throws {
        let folder = try makeTemporaryFolder(self)
        let store = StateStore(contentIdentity: "c", directory: folder)
        let (old, new) = states(store)
        let base = try store.save(old, base: store.fresh)
        // What a writer killed halfway leaves: a partial temporary file.
        let stale = folder + "/" + AtomicFile.temporaryPrefix(for: store.path) + "999-zz"
        try Data(#"{"version": 1, "contentIdent"#.utf8).write(to: URL(fileURLWithPath: stale))

        XCTAssertEqual(store.load().state, old)
        XCTAssertTrue(store.load().warnings.isEmpty)
        _ = try store.save(new, base: base)
        XCTAssertEqual(store.load().state, new)
        XCTAssertEqual(temporaryFiles(in: folder), [], "the next save clears it")
    }

    /// Reader state is the owner's alone whatever the umask; an export is made as any
    /// new file the user makes, since it is meant to be passed on.
    func testAccessDecidesTheModeOfTheFileWritten() throws {
        let folder = try makeTemporaryFolder(self)
        let previous = umask(0o022)
        defer { umask(previous) }
        for (access, mode) in [(AtomicFile.Access.owner, 0o600), (.umask, 0o644)] {
            let path = folder + "/\(access).txt"
            try AtomicFile.write(Data("old".utf8), to: path, access: access)
            try AtomicFile.write(Data("new".utf8), to: path, access: access)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            XCTAssertEqual(
                (attributes[.posixPermissions] as? NSNumber)?.intValue, mode, "\(access)")
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        }
        XCTAssertEqual(temporaryFiles(in: folder), [])
    }

    func testNoPartialFileIsEverVisibleToAReader() throws {
        let folder = try makeTemporaryFolder(self)
        let store = StateStore(contentIdentity: "c", directory: folder)
        let (old, new) = states(store)
        let first = try store.save(old, base: store.fresh)
        let failures = ErrorBox()
        let done = DoneFlag()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            if worker == 0 {
                var base = first
                for round in 0..<30 {
                    var state = round.isMultiple(of: 2) ? new : old
                    state.setMark("r", at: Position(id: "e/\(round)"), now: day(round))
                    do { base = try store.save(state, base: base) } catch { failures.append(error) }
                }
                done.set()
            } else {
                while !done.isSet {
                    if case .invalid(let problem) = store.read() {
                        failures.append(StoreError(path: store.path, message: "\(problem)"))
                    }
                }
            }
        }
        XCTAssertTrue(failures.all.isEmpty, "\(failures.all)")
    }
}

/// Steps seen by a write hook.
private final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [WriteStep] = []

    func append(_ step: WriteStep) {
        lock.lock()
        log.append(step)
        lock.unlock()
    }

    var steps: [WriteStep] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }
}

/// A flag one thread sets and another polls.
private final class DoneFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
