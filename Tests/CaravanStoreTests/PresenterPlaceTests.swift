import Foundation
import XCTest

@testable import CaravanStore

final class PresenterPlaceTests: XCTestCase {
    private func store(_ folder: String) -> StateStore {
        StateStore(contentIdentity: "paper-x", directory: folder + "/caravan")
    }

    func testAPlaceIsSavedAndLoadedWithTheRestOfTheState() throws {
        let store = store(try makeTemporaryFolder(self))
        var state = store.fresh
        state.setPlace(
            PresenterPlace(slide: 6, elapsed: 751, paused: true, updated: day(0)),
            in: "deck/lecture")
        _ = try store.save(state, base: store.fresh)
        let loaded = store.load().state
        XCTAssertEqual(loaded.place(in: "deck/lecture")?.slide, 6)
        XCTAssertEqual(loaded.place(in: "deck/lecture")?.elapsed, 751)
        XCTAssertEqual(loaded.place(in: "deck/lecture")?.paused, true)
        XCTAssertNil(loaded.place(in: "deck/other"))
        XCTAssertEqual(loaded.place(in: "deck/lecture")?.summary, "slide 7, 12:31 (clock paused)")
    }

    func testAStateWithoutPlacesWritesNoKeyForThem() throws {
        let folder = try makeTemporaryFolder(self)
        let store = store(folder)
        var state = store.fresh
        state.open(Position(id: "case/a"))
        _ = try store.save(state, base: store.fresh)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        XCTAssertFalse(text.contains("presentations"), text)
    }

    func testTwoPresentersOfDifferentDecksKeepBoth() throws {
        let folder = try makeTemporaryFolder(self)
        let (storeA, storeB) = (store(folder), store(folder))
        var stateA = storeA.load().state
        var stateB = storeB.load().state
        let (baseA, baseB) = (stateA, stateB)
        stateA.setPlace(
            PresenterPlace(slide: 2, elapsed: 60, paused: false, updated: day(1)), in: "deck/a")
        stateB.setPlace(
            PresenterPlace(slide: 4, elapsed: 90, paused: false, updated: day(2)), in: "deck/b")
        _ = try storeA.save(stateA, base: baseA)
        _ = try storeB.save(stateB, base: baseB)
        let onDisk = storeA.load().state
        XCTAssertEqual(onDisk.place(in: "deck/a")?.slide, 2)
        XCTAssertEqual(onDisk.place(in: "deck/b")?.slide, 4)
    }

    func testNegativeNumbersFromAFileAreClamped() throws {
        let json = #"{"slide": -3, "elapsed": -10, "updated": "2026-01-01T00:00:00.000Z"}"#
        let place = try StateCoding.decode(PresenterPlace.self, from: Data(json.utf8))
        XCTAssertEqual(place.slide, 0)
        XCTAssertEqual(place.elapsed, 0)
        XCTAssertFalse(place.paused)
    }
}
