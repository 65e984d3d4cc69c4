import CaravanContent
import XCTest

@testable import CaravanUI

/// The problems list's actions, and finding an entity by what a reader types.
final class ProblemAndLookupTests: XCTestCase {
    private let broken = BrokenContentTests.model

    func testTheProblemsListTakesTheExplorersMoves() {
        var list = ProblemList()
        let count = broken.problems.all.count
        XCTAssertGreaterThan(count, 1)
        XCTAssertEqual(list.perform(.nextLink, model: broken, height: 24), .handled)
        XCTAssertEqual(list.selection, 1, "Tab steps as through links")
        XCTAssertEqual(list.perform(.previousLink, model: broken, height: 24), .handled)
        XCTAssertEqual(list.selection, 0)
        _ = list.perform(.bottom, model: broken, height: 24)
        XCTAssertEqual(list.selection, count - 1)
        XCTAssertEqual(list.perform(.zoom, model: broken, height: 24), .ignored)
        XCTAssertEqual(list.perform(nil, model: broken, height: 24), .ignored)
        for closing in [Action.quit, .problems, .cancel] {
            XCTAssertEqual(list.perform(closing, model: broken, height: 24), .close)
        }
    }

    func testEnterOpensTheEntityOfTheProblemsFile() throws {
        var list = ProblemList()
        let problems = broken.problems.all
        let index = try XCTUnwrap(
            problems.firstIndex { broken.entity(inFile: $0.location.path) != nil })
        _ = list.perform(.top, model: broken, height: 24)
        for _ in 0..<index { _ = list.perform(.lineDown, model: broken, height: 24) }
        let expected = try XCTUnwrap(broken.entity(inFile: problems[index].location.path))
        XCTAssertEqual(list.perform(.open, model: broken, height: 24), .open(expected.id))
        XCTAssertNil(list.notice)
    }

    func testTheListShowsAsManyProblemsAsFit() {
        XCTAssertEqual(ProblemList.slots(height: 24), 9)
        XCTAssertEqual(ProblemList.slots(height: 12), 3)
        XCTAssertEqual(ProblemList.slots(height: 2), 1, "always one")
    }

    // MARK: Lookup

    private let lookup = EntityLookup(model: TestContent.model)

    func testResolvingFindsTheOneExactMatch() throws {
        XCTAssertEqual(lookup.resolve("3b"), .found(try entityID("section/3-products")))
        XCTAssertEqual(lookup.resolve("E2"), .found(try entityID("mechanism/brand-expansion")))
        XCTAssertEqual(
            lookup.resolve("case/almaty-silk-road-brand"),
            .found(try entityID("case/almaty-silk-road-brand")))
        XCTAssertEqual(
            lookup.resolve("almaty-silk-road-brand"),
            .found(try entityID("case/almaty-silk-road-brand")), "the id's tail")
    }

    func testResolvingSaysWhenSeveralFitOrNone() {
        guard case .ambiguous(let several) = lookup.resolve("cultural") else {
            return XCTFail("several titles start with cultural")
        }
        XCTAssertGreaterThan(several.count, 1)
        guard case .notFound(let closest) = lookup.resolve("xqzxqzxqz") else {
            return XCTFail("nothing is called that")
        }
        XCTAssertLessThanOrEqual(closest.count, 3)
    }

    func testMatchesRankExactThenPrefixThenWords() throws {
        let matches = lookup.matches("brand")
        XCTAssertFalse(matches.isEmpty)
        let tiers = matches.map(\.tier)
        XCTAssertEqual(tiers, tiers.sorted(), "better tiers first")
        XCTAssertEqual(lookup.rank("", limit: 5).count, 5, "an empty query lists in reading order")
        XCTAssertTrue(EntityLookup.hasWord(startingWith: "road", in: "the silk road brand"))
        XCTAssertFalse(EntityLookup.hasWord(startingWith: "oad", in: "the silk road brand"))
        XCTAssertEqual(lookup.codes[try entityID("connotation/humanistic")], "H")
    }
}
