import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The lookup folds every title when a name is first looked up, not when the explorer
/// opens; whichever thread asks first, every caller sees the same entries.
final class LookupOnFirstUseTests: XCTestCase {
    func testLookupsStartedTogetherOnSeveralThreadsAgree() {
        let lookup = EntityLookup(model: TestContent.model)
        let queries = ["almaty", "4.2", "H1", "kazakh", "paper", "文化", "", "zzzz"]
        let expected = queries.map { EntityLookup(model: TestContent.model).rank($0, limit: 50) }
        let results = ResultsBox(count: queries.count * 4)
        DispatchQueue.concurrentPerform(iterations: queries.count * 4) { index in
            results.set(index, lookup.rank(queries[index % queries.count], limit: 50))
        }
        for index in 0..<queries.count * 4 {
            XCTAssertEqual(
                results.get(index), expected[index % queries.count], queries[index % queries.count])
        }
        XCTAssertFalse(expected[0].isEmpty, "almaty names an entity")
    }

    func testTheFirstLookupSeesTheModelTheLookupWasMadeFrom() {
        let lookup = EntityLookup(model: TestContent.model)
        XCTAssertEqual(lookup.resolve("4.2"), EntityLookup(model: TestContent.model).resolve("4.2"))
        guard case .found(let id) = lookup.resolve("4.2") else {
            return XCTFail("section 4.2 resolves")
        }
        XCTAssertEqual(TestContent.model.entity(id)?.number, "4.2")
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[EntityID]]

    init(count: Int) { values = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [EntityID]) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> [EntityID] {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
