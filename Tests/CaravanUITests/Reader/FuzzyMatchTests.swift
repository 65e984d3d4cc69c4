import CaravanContent
import XCTest

@testable import CaravanUI

/// The jump prompt's fuzzy matching: what matches at all, and what ranks first.
final class FuzzyMatchTests: XCTestCase {
    private func id(_ text: String) throws -> EntityID { try entityID(text) }

    func testEveryCharacterMustAppearInOrder() {
        XCTAssertNotNil(FuzzyMatch.score("slk", "Silk Road"))
        XCTAssertNil(FuzzyMatch.score("kls", "Silk Road"), "the same letters out of order")
        XCTAssertNil(FuzzyMatch.score("silkk", "Silk Road"), "one k is not two")
        XCTAssertNil(FuzzyMatch.score("x", "Silk Road"))
    }

    func testCaseAccentsAndSpacesInTheQueryDoNotMatter() throws {
        let plain = try XCTUnwrap(FuzzyMatch.score("almaty", "Almaty brand"))
        XCTAssertEqual(FuzzyMatch.score("ALMATY", "Almaty brand"), plain)
        XCTAssertEqual(FuzzyMatch.score("al maty", "Almaty brand"), plain, "spaces are dropped")
        XCTAssertNotNil(FuzzyMatch.score("sao", "São Paulo"), "accents fold")
        XCTAssertNotNil(FuzzyMatch.score("cafe", "CAFÉ"))
    }

    func testAnEmptyQueryMatchesEverythingEqually() {
        XCTAssertEqual(FuzzyMatch.score("", "anything"), 0)
        XCTAssertEqual(FuzzyMatch.score("   ", "anything"), 0)
    }

    func testWordStartsRunsAndTheStartRankHigher() throws {
        // The same letters at the start of words beat them scattered inside words.
        let starts = try XCTUnwrap(FuzzyMatch.score("sr", "Silk Road"))
        let inside = try XCTUnwrap(FuzzyMatch.score("sr", "mushrooms"))
        XCTAssertGreaterThan(starts, inside)
        // Letters in a row beat the same letters apart, in texts of the same length.
        let run = try XCTUnwrap(FuzzyMatch.score("ab", "xxabxx"))
        let apart = try XCTUnwrap(FuzzyMatch.score("ab", "xaxxbx"))
        XCTAssertGreaterThan(run, apart)
        // At the very start beats at a later word's start.
        let first = try XCTUnwrap(FuzzyMatch.score("b", "brand x"))
        let later = try XCTUnwrap(FuzzyMatch.score("b", "x brand"))
        XCTAssertGreaterThan(first, later)
    }

    func testShorterTextsRankHigherForTheSameMatch() throws {
        let short = try XCTUnwrap(FuzzyMatch.score("silk", "Silk"))
        let long = try XCTUnwrap(
            FuzzyMatch.score("silk", "Silk and a great many other words after it"))
        XCTAssertGreaterThan(short, long)
    }

    func testRankingKeepsTheBestOfTitleAndIdThenTheOrderGiven() throws {
        let candidates = [
            (try id("case/almaty-silk-road-brand"), "The Almaty brand"),
            (try id("concept/soft-power"), "Soft power"),
            (try id("case/kashgar"), "A market town"),
        ]
        XCTAssertEqual(
            FuzzyMatch.rank("kashgar", among: candidates, limit: 5), [try id("case/kashgar")],
            "found by its id when the title does not match")
        XCTAssertEqual(
            FuzzyMatch.rank("soft", among: candidates, limit: 5), [try id("concept/soft-power")])
        let withA = FuzzyMatch.rank("a", among: candidates, limit: 5)
        XCTAssertEqual(
            Set(withA), [try id("case/almaty-silk-road-brand"), try id("case/kashgar")],
            "soft power has no a in its title or id")
        XCTAssertEqual(FuzzyMatch.rank("a", among: candidates, limit: 1).count, 1)
    }

    func testAnEmptyQueryKeepsTheOrderGivenUpToTheLimit() throws {
        let candidates = try ["case/a", "case/b", "case/c"].map { (try id($0), $0) }
        XCTAssertEqual(
            FuzzyMatch.rank(" ", among: candidates, limit: 2), candidates.prefix(2).map(\.0))
    }

    func testEqualScoresKeepTheOrderGiven() throws {
        let candidates = try ["case/one", "case/two"].map { (try id($0), "same title") }
        XCTAssertEqual(
            FuzzyMatch.rank("same", among: candidates, limit: 5), candidates.map(\.0))
        XCTAssertEqual(
            FuzzyMatch.rank("same", among: candidates.reversed(), limit: 5),
            candidates.reversed().map(\.0))
    }
}
