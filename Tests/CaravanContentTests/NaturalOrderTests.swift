import CaravanDefaultContent
import Foundation
import XCTest

@testable import CaravanContent

/// Titles sort as people read them, without the locale's collation tables.
final class NaturalOrderTests: XCTestCase {
    func testNumbersSortByValueAndLettersIgnoreCase() {
        let sorted = [
            "Path 10", "path 2", "Beta", "alpha", "Path 1", "“Silk Road” brand", "10 ways",
        ]
        .sorted(by: NaturalOrder.precedes)
        XCTAssertEqual(
            sorted,
            ["“Silk Road” brand", "10 ways", "alpha", "Beta", "Path 1", "path 2", "Path 10"])
    }

    func testTheOrderIsTotalAndRepeatable() {
        let titles = ["file7", "file007", "File7", "file07", "file 7", "file7a", "file", ""]
        let expected = titles.sorted(by: NaturalOrder.precedes)
        var random = SplitMix64(seed: 7)
        for _ in 0..<50 {
            XCTAssertEqual(
                titles.shuffled(using: &random).sorted(by: NaturalOrder.precedes), expected)
        }
        for (a, b) in zip(expected, expected.dropFirst()) {
            XCTAssertTrue(NaturalOrder.precedes(a, b), "\(a) before \(b)")
            XCTAssertFalse(NaturalOrder.precedes(b, a), "\(b) not before \(a)")
        }
        XCTAssertEqual(expected.first, "")
        XCTAssertEqual(Array(expected[1...2]), ["file", "file 7"])
    }

    /// The default content's titles keep the order the locale's collation gave them.
    func testTheDefaultContentTitlesSortAsTheyDidBefore() {
        let titles = DefaultContent.load().entities.map(\.title)
        for a in titles {
            for b in titles where a != b && a.lowercased() != b.lowercased() {
                XCTAssertEqual(
                    NaturalOrder.precedes(a, b), a.localizedStandardCompare(b) == .orderedAscending,
                    "\(a) | \(b)")
            }
        }
    }
}
