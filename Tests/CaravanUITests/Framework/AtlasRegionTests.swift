import CaravanContent
import XCTest

@testable import CaravanUI

/// How the atlas groups a region's cases: those under the region itself first, then one
/// group per country in natural order, every case exactly once.
final class AtlasRegionTests: XCTestCase {
    private let index = FrameworkIndex(model: FrameworkFixture.model)

    private func study(_ name: String, countries: [String]) throws -> FrameworkIndex.CaseStudy {
        FrameworkIndex.CaseStudy(
            id: try FrameworkFixture.id("case/\(name)"), title: name, summary: "",
            region: "Europe", countries: countries, illustrates: [], connotations: [])
    }

    func testEveryCaseIsInItsRegionOnce() {
        let regions = AtlasRegion.regions(of: index)
        XCTAssertEqual(regions.map(\.name), index.regions)
        for region in regions {
            let expected = index.cases.filter { $0.region == region.name }.map(\.id)
            XCTAssertEqual(region.cases.count, expected.count, region.name)
            XCTAssertEqual(Set(region.cases.map(\.id)), Set(expected), region.name)
            XCTAssertFalse(region.groups.contains { $0.cases.isEmpty }, "no empty group")
        }
    }

    func testCasesUnderTheRegionComeFirstAndCountriesFollowInOrder() {
        for region in AtlasRegion.regions(of: index) {
            let unlabelled = region.groups.indices.filter { region.groups[$0].label == nil }
            XCTAssertTrue(unlabelled == [] || unlabelled == [0], region.name)
            for group in region.groups {
                if let label = group.label {
                    XCTAssertTrue(group.cases.allSatisfy { $0.countries == [label] }, label)
                } else {
                    XCTAssertTrue(group.cases.allSatisfy { $0.countries.count != 1 })
                }
            }
            let labels = region.groups.compactMap(\.label)
            XCTAssertEqual(labels, labels.sorted(by: NaturalOrder.precedes), region.name)
            XCTAssertEqual(Set(labels).count, labels.count, "one group per country")
        }
    }

    func testOnlyACaseInSeveralCountriesShowsThemInBrackets() throws {
        XCTAssertNil(AtlasRegion.countryLine(of: try study("none", countries: [])))
        XCTAssertNil(AtlasRegion.countryLine(of: try study("one", countries: ["Finland"])))
        XCTAssertEqual(
            AtlasRegion.countryLine(of: try study("two", countries: ["Finland", "Sweden"])),
            "(Finland, Sweden)")
    }
}
