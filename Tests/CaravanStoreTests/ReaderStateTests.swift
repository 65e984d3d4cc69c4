import Foundation
import XCTest

@testable import CaravanStore

final class ReaderStateTests: XCTestCase {
    private let place = Position(id: "case/almaty", scroll: 12)

    func testFreshStateIsEmptyAndCurrent() {
        let state = ReaderState(contentIdentity: "c")
        XCTAssertEqual(state.version, ReaderState.currentVersion)
        XCTAssertNil(state.last)
        XCTAssertTrue(state.history.isEmpty)
        XCTAssertTrue(state.visited.isEmpty)
        XCTAssertTrue(state.marks.isEmpty)
        XCTAssertTrue(state.annotations.isEmpty)
    }

    func testEncodingIsStableSortedAndReadable() throws {
        var state = ReaderState(contentIdentity: "paper-1")
        state.visited = ["z/last", "a/first", "m/middle"]
        state.setMark("a", at: place, now: day(0))
        state.setNote("Compare with Kashgar.", for: "case/almaty", now: day(1))
        let first = try StateCoding.encode(state)
        let second = try StateCoding.encode(state)
        XCTAssertEqual(first, second)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains(#""visited" : ["#), text)
        XCTAssertLessThan(
            try XCTUnwrap(text.range(of: "a/first")).lowerBound,
            try XCTUnwrap(text.range(of: "z/last")).lowerBound)
        XCTAssertTrue(text.contains("2023-11-14T22:13:20.000Z"), text)
        XCTAssertTrue(text.contains("case/almaty"), "slashes are not escaped")
        XCTAssertLessThan(
            try XCTUnwrap(text.range(of: "\"annotations\"")).lowerBound,
            try XCTUnwrap(text.range(of: "\"version\"")).lowerBound, "keys are sorted")
        XCTAssertEqual(try StateCoding.decode(ReaderState.self, from: first), state)
    }

    func testMillisecondsSurviveTheFile() throws {
        var state = ReaderState(contentIdentity: "c")
        state.setNote("x", for: "a/b", now: Date(timeIntervalSince1970: 1_700_000_000.25))
        let decoded = try StateCoding.decode(ReaderState.self, from: StateCoding.encode(state))
        XCTAssertEqual(decoded.annotations["a/b"]?.updated.timeIntervalSince1970, 1_700_000_000.25)
    }

    func testDecodingFillsMissingFieldsAndAcceptsWholeSeconds() throws {
        let json = """
            {"version": 1, "contentIdentity": "c",
             "annotations": {"a/b": {"text": "hi", "updated": "2023-11-14T22:13:20Z"}}}
            """
        let state = try StateCoding.decode(ReaderState.self, from: Data(json.utf8))
        XCTAssertEqual(state.note(for: "a/b"), "hi")
        XCTAssertEqual(state.annotations["a/b"]?.updated, day(0))
        XCTAssertTrue(state.history.isEmpty)
        XCTAssertTrue(state.marks.isEmpty)
    }

    func testMarksAndNotes() {
        var state = ReaderState(contentIdentity: "c")
        state.setMark("a", at: place, now: day(0))
        XCTAssertEqual(state.mark("a"), place)
        state.removeMark("a")
        XCTAssertNil(state.mark("a"))

        state.setNote("First thought", for: "case/almaty", now: day(0))
        XCTAssertEqual(state.note(for: "case/almaty"), "First thought")
        XCTAssertEqual(state.notes.count, 1)
        state.deleteNote(for: "case/almaty", now: day(1))
        XCTAssertNil(state.note(for: "case/almaty"))
        XCTAssertTrue(state.notes.isEmpty)
        XCTAssertEqual(state.annotations["case/almaty"], Annotation(text: "", updated: day(1)))
        state.deleteNote(for: "never/noted", now: day(2))
        XCTAssertNil(state.annotations["never/noted"], "no tombstone for a note that never was")
    }

    func testOpeningRecordsHistoryVisitedAndLast() {
        var state = ReaderState(contentIdentity: "c")
        for index in 0..<(ReaderState.historyLimit + 5) {
            state.open(Position(id: "e/\(index)", scroll: index))
        }
        XCTAssertEqual(state.history.count, ReaderState.historyLimit)
        XCTAssertEqual(state.history.first?.id, "e/5")
        XCTAssertEqual(state.last, Position(id: "e/\(ReaderState.historyLimit + 4)", scroll: 204))
        XCTAssertEqual(state.visited.count, ReaderState.historyLimit + 5)
    }

    // MARK: Merging

    func testMergeKeepsBothSidesAdditions() {
        let base = ReaderState(contentIdentity: "c")
        var ours = base
        ours.setMark("a", at: place, now: day(1))
        ours.setNote("x", for: "e/x", now: day(1))
        ours.visited.insert("e/ours")
        ours.last = Position(id: "e/ours", scroll: 3)
        var theirs = base
        theirs.setMark("b", at: Position(id: "e/b"), now: day(2))
        theirs.setNote("y", for: "e/y", now: day(2))
        theirs.visited.insert("e/theirs")
        theirs.last = Position(id: "e/theirs", scroll: 9)

        let merged = ReaderState.merged(ours: ours, theirs: theirs, base: base)
        XCTAssertEqual(Set(merged.marks.keys), ["a", "b"])
        XCTAssertEqual(Set(merged.notes.keys), ["e/x", "e/y"])
        XCTAssertEqual(merged.visited, ["e/ours", "e/theirs"])
        XCTAssertEqual(merged.last, ours.last, "the last place is ours")
    }

    func testMergeNewestChangeWinsWhenBothChanged() {
        var base = ReaderState(contentIdentity: "c")
        base.setNote("old", for: "e/1", now: day(0))
        base.setMark("a", at: Position(id: "e/old"), now: day(0))
        var ours = base
        ours.setNote("ours, later", for: "e/1", now: day(5))
        ours.setMark("a", at: Position(id: "e/ours"), now: day(1))
        var theirs = base
        theirs.setNote("theirs, earlier", for: "e/1", now: day(3))
        theirs.setMark("a", at: Position(id: "e/theirs"), now: day(2))

        let merged = ReaderState.merged(ours: ours, theirs: theirs, base: base)
        XCTAssertEqual(merged.note(for: "e/1"), "ours, later")
        XCTAssertEqual(merged.mark("a")?.id, "e/theirs")
    }

    func testMergeNewerDeletionBeatsOlderEdit() {
        var base = ReaderState(contentIdentity: "c")
        base.setNote("draft", for: "e/1", now: day(0))
        var ours = base
        ours.deleteNote(for: "e/1", now: day(4))
        var theirs = base
        theirs.setNote("edited", for: "e/1", now: day(2))

        let merged = ReaderState.merged(ours: ours, theirs: theirs, base: base)
        XCTAssertNil(merged.note(for: "e/1"))
        let reversed = ReaderState.merged(ours: theirs, theirs: ours, base: base)
        XCTAssertNil(reversed.note(for: "e/1"), "the same answer from either side")
    }

    func testMergeNewerEditBeatsOlderDeletion() {
        var base = ReaderState(contentIdentity: "c")
        base.setNote("draft", for: "e/1", now: day(0))
        var ours = base
        ours.deleteNote(for: "e/1", now: day(2))
        var theirs = base
        theirs.setNote("edited", for: "e/1", now: day(4))

        let merged = ReaderState.merged(ours: ours, theirs: theirs, base: base)
        XCTAssertEqual(merged.note(for: "e/1"), "edited")
    }

    func testMergeKeepsAMarkRemovedOnOneSideRemoved() {
        var base = ReaderState(contentIdentity: "c")
        base.setMark("a", at: place, now: day(0))
        base.visited = ["e/seen"]
        var ours = base
        ours.removeMark("a")
        ours.visited = []
        let theirs = base

        let merged = ReaderState.merged(ours: ours, theirs: theirs, base: base)
        XCTAssertNil(merged.mark("a"))
        XCTAssertTrue(merged.visited.isEmpty, "what we forgot is not brought back")

        let other = ReaderState.merged(ours: theirs, theirs: ours, base: base)
        XCTAssertNil(other.mark("a"), "their removal reaches us too")
    }

    func testMergeWithEmptyBaseIsNewestWinsAndUnion() {
        var ours = ReaderState(contentIdentity: "c")
        ours.setMark("a", at: Position(id: "e/ours"), now: day(1))
        ours.visited = ["e/1"]
        var theirs = ReaderState(contentIdentity: "c")
        theirs.setMark("a", at: Position(id: "e/theirs"), now: day(2))
        theirs.visited = ["e/2"]

        let merged = ReaderState.merged(
            ours: ours, theirs: theirs, base: ReaderState(contentIdentity: "c"))
        XCTAssertEqual(merged.mark("a")?.id, "e/theirs")
        XCTAssertEqual(merged.visited, ["e/1", "e/2"])
    }

    // MARK: Entities that went away

    func testDroppingMissingEntities() {
        var state = ReaderState(contentIdentity: "c")
        state.open(Position(id: "e/kept"))
        state.open(Position(id: "e/gone"))
        state.setMark("a", at: Position(id: "e/kept"), now: day(0))
        state.setMark("b", at: Position(id: "e/gone"), now: day(0))
        state.setNote("stays", for: "e/kept", now: day(0))
        state.setNote("goes", for: "e/gone", now: day(0))
        state.setNote("", for: "e/also-gone", now: day(0))

        let store = StateStore(contentIdentity: "c", directory: "/nonexistent")
        let (result, warnings) = store.dropMissing(state, existing: ["e/kept"])
        XCTAssertNil(result.last, "the last place was on a missing entity")
        XCTAssertEqual(result.history, [Position(id: "e/kept")])
        XCTAssertEqual(result.visited, ["e/kept"])
        XCTAssertEqual(Set(result.marks.keys), ["a"])
        XCTAssertEqual(Set(result.annotations.keys), ["e/kept"])
        XCTAssertEqual(
            warnings,
            [
                "dropped 4 saved entries for entities that no longer exist "
                    + "(1 history entry, 1 visited entity, 1 mark, 1 note)"
            ])
    }

    func testDroppingNothingSaysNothing() {
        var state = ReaderState(contentIdentity: "c")
        state.open(Position(id: "e/kept"))
        let (result, warnings) = state.droppingMissing(existing: ["e/kept", "e/other"])
        XCTAssertEqual(result, state)
        XCTAssertTrue(warnings.isEmpty)
    }
}
