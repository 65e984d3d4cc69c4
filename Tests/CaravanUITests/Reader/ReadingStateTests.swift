import CaravanContent
import XCTest

@testable import CaravanUI

/// All of the reader's state (marks, notes, what was read, the view open, history) is in
/// ExplorerState, which only `update` changes: a host gives an earlier session's reading
/// to `init` and tells of later changes with a HostEvent.
final class ReadingStateTests: XCTestCase {
    private let model = TestContent.model

    private func id(_ text: String) throws -> EntityID { try entityID(text) }

    private func record() throws -> ReadingRecord {
        ReadingRecord(
            marks: [
                "a": HistoryEntry(id: try id("case/almaty-silk-road-brand"), scroll: 3),
                "z": HistoryEntry(id: try id("concept/not-in-the-content"), scroll: 0),
            ],
            notes: [
                try id("concept/soft-power"): "Read again", try id("concept/dual-value"): "  ",
            ],
            visited: [try id("concept/soft-power")],
            history: [
                HistoryEntry(id: try id("paper/bian-liu-2023"), scroll: 0),
                HistoryEntry(id: try id("section/3-products"), scroll: 5),
            ])
    }

    func testAnEarlierSessionsReadingIsTakenAtTheStart() throws {
        let explorer = Explorer(model: model, width: 120, height: 40, reading: try record())
        let state = explorer.state
        XCTAssertEqual(state.current, try id("section/3-products"), "where the reader stopped")
        XCTAssertEqual(state.reader.offset, 5)
        XCTAssertEqual(state.history.count, 2)
        XCTAssertEqual(state.historyIndex, 1)
        XCTAssertEqual(Set(state.marks.keys), ["a"], "a mark on a missing entity is dropped")
        XCTAssertEqual(state.notes, [try id("concept/soft-power"): "Read again"], "no empty notes")
        XCTAssertTrue(state.visited.contains(try id("concept/soft-power")))
        XCTAssertTrue(state.visited.contains(state.current), "the place restored is read")
    }

    func testStartingSomewhereKeepsTheReadingButNotThePlace() throws {
        let start = try id("concept/cultural-brand")
        let explorer = Explorer(
            model: model, width: 120, height: 40, start: start, reading: try record())
        XCTAssertEqual(explorer.state.current, start)
        XCTAssertEqual(explorer.state.history.map(\.id), [start])
        XCTAssertEqual(explorer.state.marks.count, 1)
        XCTAssertEqual(explorer.state.notes.count, 1)
        let withView = Explorer(
            model: model, width: 120, height: 40, view: .matrix, reading: try record())
        XCTAssertEqual(withView.framework?.kind, .matrix, "a view asked for opens over the panes")
        XCTAssertEqual(withView.state.history.count, 1, "and the place is not restored")
    }

    func testTheHostsEventsGoThroughUpdate() throws {
        var explorer = Explorer(model: model, width: 120, height: 40)
        let current = explorer.state.current
        XCTAssertEqual(explorer.update(.note("A thought", for: current)), [])
        XCTAssertEqual(explorer.state.notes[current], "A thought")
        XCTAssertTrue(
            explorer.context.rows.contains(.note("A thought")), "the Links pane shows the note")
        _ = explorer.update(.note(" \n", for: current))
        XCTAssertNil(explorer.state.notes[current], "an empty note is removed")
        _ = explorer.update(.message("Saved elsewhere"))
        XCTAssertEqual(explorer.state.message, "Saved elsewhere")
        press(&explorer, "j")
        XCTAssertNil(explorer.state.message, "a message lasts until the next key")
        let other = try id("concept/soft-power")
        _ = explorer.update(
            .saved(
                marks: ["b": HistoryEntry(id: other, scroll: 2)], notes: [other: "From the other"]))
        XCTAssertEqual(explorer.state.marks["b"]?.id, other)
        XCTAssertEqual(explorer.state.notes, [other: "From the other"], "the saved notes replace")
    }

    func testMarksNotesVisitsAndTheViewAreState() throws {
        var explorer = Explorer(model: model, width: 120, height: 40)
        let before = explorer.state
        press(&explorer, "j m x")
        XCTAssertEqual(explorer.state.marks["x"]?.id, explorer.state.current)
        XCTAssertTrue(explorer.state.visited.contains(explorer.state.current))
        press(&explorer, "M")
        let map = explorer.state
        XCTAssertNotNil(map.view)
        XCTAssertNotEqual(map, before)
        press(&explorer, "l")
        XCTAssertNotEqual(explorer.state.view, map.view, "a move in the view changes the state")
        press(&explorer, "h")
        XCTAssertEqual(explorer.state.view, map.view, "and moving back restores it")
        press(&explorer, "Enter")
        XCTAssertNil(explorer.state.view)
        XCTAssertEqual(explorer.state.viewToReturnTo?.view, map.view)
        press(&explorer, "Backspace")
        XCTAssertEqual(explorer.state.view, map.view, "back reopens the view as it was")
        XCTAssertNil(explorer.state.viewToReturnTo)
    }

    /// What an explorer's state holds, given to a new one, brings the reader back to the
    /// same place with the same marks and notes.
    func testAReadingRoundTrips() throws {
        var first = Explorer(model: model, width: 120, height: 40)
        press(&first, "j j Enter l j Enter m q")
        _ = first.update(.note("kept", for: first.state.current))
        var history = first.state.history
        history[first.state.historyIndex].scroll = first.state.reader.offset
        let reading = ReadingRecord(
            marks: first.state.marks, notes: first.state.notes, visited: first.state.visited,
            history: Array(history.prefix(first.state.historyIndex + 1)))
        let second = Explorer(model: model, width: 120, height: 40, reading: reading)
        XCTAssertEqual(second.state.current, first.state.current)
        XCTAssertEqual(second.state.marks, first.state.marks)
        XCTAssertEqual(second.state.notes, first.state.notes)
        XCTAssertEqual(second.state.visited, first.state.visited)
        XCTAssertEqual(second.state.history.map(\.id), reading.history.map(\.id))
    }
}
