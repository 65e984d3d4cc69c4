import CaravanContent
import XCTest

@testable import CaravanUI

/// History (back, forward, counts, its limit) and marks (set, jump, the way back).
final class HistoryAndMarkTests: XCTestCase {
    private let model = TestContent.model

    /// An explorer that has opened `ids` in turn from the paper.
    private func visited(_ ids: [String]) throws -> Explorer {
        var explorer = Explorer(model: model, width: 120, height: 40)
        for id in ids {
            press(&explorer, ":")
            typeText(&explorer, id)
            press(&explorer, "Enter")
            XCTAssertEqual(explorer.state.current, try entityID(id))
        }
        return explorer
    }

    private let path = ["concept/soft-power", "concept/dual-value", "case/almaty-silk-road-brand"]

    func testACountGoesBackSeveralPlaces() throws {
        var explorer = try visited(path)
        XCTAssertEqual(explorer.state.history.count, 4)
        press(&explorer, "2 Backspace")
        XCTAssertEqual(explorer.state.current, try entityID(path[0]))
        press(&explorer, "9 ]")
        XCTAssertEqual(explorer.state.current, try entityID(path[2]), "no further than the end")
        press(&explorer, "]")
        XCTAssertEqual(explorer.state.message, "At the end of history")
    }

    func testOpeningFromTheMiddleDropsWhatCameAfter() throws {
        var explorer = try visited(path)
        press(&explorer, "Backspace Backspace")
        press(&explorer, ":")
        typeText(&explorer, "concept/cultural-brand")
        press(&explorer, "Enter")
        XCTAssertEqual(
            explorer.state.history.map(\.id.description),
            ["paper/bian-liu-2023", path[0], "concept/cultural-brand"])
        press(&explorer, "]")
        XCTAssertEqual(explorer.state.message, "At the end of history")
    }

    func testHistoryKeepsTheLastFiveHundredPlaces() throws {
        var explorer = Explorer(model: model, width: 120, height: 40)
        let ids = model.entities.map(\.id)
        for step in 0..<520 {
            explorer.open(ids[step % ids.count], pushing: true)
            if step % ids.count == 0 { explorer.open(ids[1], pushing: true) }
        }
        XCTAssertEqual(explorer.state.history.count, 500)
        XCTAssertEqual(explorer.state.historyIndex, 499)
        XCTAssertEqual(explorer.state.history.last?.id, explorer.state.current)
    }

    func testAMarkReturnsToItsPlaceAndQuoteGoesBack() throws {
        var explorer = try visited([path[0]])
        press(&explorer, "3 j m s")
        XCTAssertEqual(explorer.state.message, "Mark s set")
        let scroll = explorer.state.reader.offset
        press(&explorer, ":")
        typeText(&explorer, path[2])
        press(&explorer, "Enter ' s")
        XCTAssertEqual(explorer.state.current, try entityID(path[0]))
        XCTAssertEqual(explorer.state.reader.offset, scroll, "at the line it was set on")
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "' '")
        XCTAssertEqual(explorer.state.current, try entityID(path[2]), "'' goes back")
    }

    func testMarksAreLettersAndMustExist() throws {
        var explorer = try visited([path[0]])
        press(&explorer, "m 5")
        XCTAssertEqual(explorer.state.message, "No mark: marks are letters")
        XCTAssertTrue(explorer.state.marks.isEmpty)
        press(&explorer, "m Enter")
        XCTAssertEqual(explorer.state.message, "No mark: marks are letters")
        press(&explorer, "' k")
        XCTAssertEqual(explorer.state.message, "No mark k")
        XCTAssertEqual(explorer.state.current, try entityID(path[0]))
    }

    func testJumpingToAMarkClosesAView() throws {
        var explorer = try visited([path[0]])
        press(&explorer, "m a M")
        XCTAssertNotNil(explorer.framework)
        press(&explorer, "' a")
        XCTAssertNil(explorer.framework)
        XCTAssertEqual(explorer.state.current, try entityID(path[0]))
    }
}
