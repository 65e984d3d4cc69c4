import Foundation
import XCTest

@testable import CaravanStore

/// A store with a note limit (a reader served over SSH) leaves longer notes out of
/// what it hands back, says so, and never writes over them.
final class NoteLimitStoreTests: XCTestCase {
    private let identity = "builtin-test"

    func testLongNotesAreLeftOutWithAWarningAndKeptOnDisk() throws {
        let folder = try makeTemporaryFolder(self)
        let unlimited = StateStore(contentIdentity: identity, directory: folder)
        var state = unlimited.fresh
        let long = String(repeating: "w", count: 2000)
        state.setNote(long, for: "case/almaty", now: day(0))
        state.setNote("short", for: "case/kashgar", now: day(0))
        _ = try unlimited.save(state, base: unlimited.fresh)

        var limited = StateStore(contentIdentity: identity, directory: folder)
        limited.noteByteLimit = 1024
        let (loaded, warnings) = limited.load()
        XCTAssertNil(loaded.note(for: "case/almaty"))
        XCTAssertEqual(loaded.note(for: "case/kashgar"), "short")
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(
            warnings[0].contains("case/almaty") && warnings[0].contains("1 KB"), warnings[0])

        // A save with the note left out does not delete it from the file.
        var changed = loaded
        changed.setNote("changed", for: "case/kashgar", now: day(5))
        let saved = try limited.save(changed, base: loaded)
        XCTAssertNil(saved.note(for: "case/almaty"), "a save hands back what a load would")
        XCTAssertEqual(unlimited.load().state.note(for: "case/almaty"), long)
        XCTAssertEqual(unlimited.load().state.note(for: "case/kashgar"), "changed")
    }

    func testWithoutALimitEveryNoteLoads() throws {
        let folder = try makeTemporaryFolder(self)
        let store = StateStore(contentIdentity: identity, directory: folder)
        var state = store.fresh
        state.setNote(String(repeating: "w", count: 100_000), for: "case/almaty", now: day(0))
        _ = try store.save(state, base: store.fresh)
        let (loaded, warnings) = store.load()
        XCTAssertEqual(loaded.note(for: "case/almaty")?.count, 100_000)
        XCTAssertTrue(warnings.isEmpty)
    }
}
