import CaravanDefaultContent
import Foundation
import XCTest

@testable import CaravanContent

/// A model's search index is made when the explorer asks, after its first screen, or
/// when a search first needs it: never twice, and never before either.
final class SearchStartTests: XCTestCase {
    private static let loaded = DefaultContent.load()

    /// A model of the built-in paper whose index is read by a closure that counts its calls.
    private func model(counting reads: CallCount) -> ContentModel {
        let loaded = Self.loaded
        let entities = loaded.entities
        return ContentModel(
            sorted: entities, links: loaded.links, diagnostics: loaded.diagnostics,
            setup: loaded.setup,
            index: .archived {
                reads.add()
                return SearchIndex(entities: entities)
            })
    }

    func testAnArchivedIndexIsNotReadUntilAsked() {
        let reads = CallCount()
        let model = model(counting: reads)
        XCTAssertFalse(model.isSearchStarted)
        XCTAssertEqual(reads.value, 0)
        model.prepareSearch()
        XCTAssertTrue(model.isSearchStarted)
        XCTAssertFalse(model.search.search("almaty", limit: 5).isEmpty)
        XCTAssertEqual(reads.value, 1)
    }

    func testASearchWithNothingPreparedReadsTheIndexOnce() {
        let reads = CallCount()
        let model = model(counting: reads)
        let expected = Self.loaded.search.search("cultural park", limit: 20).map(\.id)
        XCTAssertEqual(model.search.search("cultural park", limit: 20).map(\.id), expected)
        XCTAssertEqual(model.search.search("brand", limit: 5).count, 5)
        XCTAssertEqual(reads.value, 1)
    }

    func testPreparingAndSearchingFromManyThreadsReadsTheIndexOnce() {
        let reads = CallCount()
        let model = model(counting: reads)
        DispatchQueue.concurrentPerform(iterations: 16) { round in
            if round % 2 == 0 { model.prepareSearch() }
            XCTAssertFalse(model.search.search("kazakh", limit: 3).isEmpty)
        }
        XCTAssertEqual(reads.value, 1)
    }

    func testAModelLoadedFromFilesStillSearchesWithoutBeingPrepared() {
        let model = DefaultContent.load()
        XCTAssertFalse(model.isSearchStarted)
        XCTAssertFalse(model.search.search("Confucius", limit: 3).isEmpty)
    }
}
