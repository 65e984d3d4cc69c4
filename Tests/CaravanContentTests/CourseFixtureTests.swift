import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// The test content under `Tests/fixtures`: a course on a framework of five pillars with
/// its own words and regions, and a seminar laid on the built-in paper.
final class CourseFixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")
    static let coursePath = fixtures.appendingPathComponent("five-connectivities").path
    static let seminarPath = fixtures.appendingPathComponent("africa-seminar").path

    static let course = DefaultContent.load(sources: [.folder(coursePath)])
    static let seminar = DefaultContent.load(sources: [.folder(seminarPath)])

    func testTheCourseChecksCleanInItsOwnWords() throws {
        let model = Self.course
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertEqual(model.layers.map(\.source), [.folder(Self.coursePath)], "nothing built in")
        XCTAssertFalse(model.entities.contains { $0.location.path.hasPrefix("<built-in>") })
        XCTAssertEqual(model.vocabulary.count(5, .connotation), "5 pillars")
        XCTAssertEqual(model.vocabulary.label(.paper), "Course unit")
        XCTAssertEqual(model.vocabulary.pluralTitle(.section), "Lessons")
        XCTAssertNil(model.paper?.field("authors"), "an overview without authors")
        XCTAssertEqual(
            model.framework.connotations.map(\.code), ["P", "F", "U", "FI", "PP"],
            "five short codes, one the author's")
    }

    func testTheCourseHasItsRegionsAndACaseInSeveralCountries() throws {
        let model = Self.course
        XCTAssertEqual(
            model.regions.region(named: "Africa")?.placement,
            RegionCatalog.Placement(column: 1, row: 4))
        XCTAssertTrue(model.regions.contains("Eurasia"))
        let railway = try XCTUnwrap(model.entity(EntityID("case/addis-djibouti-railway")!))
        XCTAssertEqual(railway.string("region"), "Africa")
        XCTAssertEqual(railway.countries, ["Ethiopia", "Djibouti"])
    }

    func testTheCoursesChineseIsSearchable() throws {
        let model = Self.course
        XCTAssertEqual(
            model.search.search("意义").map(\.id.description), ["case/luban-workshop-thailand"])
        let railways = model.search.search("铁路")
        XCTAssertEqual(
            railways.first { $0.id.description == "case/china-laos-railway" }?.field, .title)
        XCTAssertGreaterThanOrEqual(railways.count, 3, "the Chinese names of two more railways")
        XCTAssertEqual(
            model.search.search("民心相通").first?.id.description,
            "connotation/people-to-people-bonds")
    }

    func testTheCaseIsGroupedByWhatItIllustratesFirstAsWritten() throws {
        let model = Self.course
        let first = model.targetsAsWritten(
            of: EntityID("case/china-laos-railway")!, by: .illustrates
        ).first
        XCTAssertEqual(first?.id.description, "mechanism/standard-gauge-lines")
    }

    func testTheSeminarSitsOnTheBuiltInPaper() throws {
        let model = Self.seminar
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertEqual(model.layers.map(\.source), [.builtin, .folder(Self.seminarPath)])
        XCTAssertTrue(model.vocabulary.isStandard, "the paper keeps its words")
        let deck = try XCTUnwrap(model.deck(EntityID("deck/africa-seminar")!))
        XCTAssertEqual(deck.slides.count, 6)
        let swahili = try XCTUnwrap(model.entity(EntityID("case/swahili-tv-dramas")!))
        XCTAssertEqual(swahili.countries, ["Tanzania", "Kenya"])
        XCTAssertTrue(model.regions.contains("Africa"))
        // The seminar's cases are joined to the paper's mechanisms.
        let shows = model.targets(of: deck.id, by: .shows).map(\.id.description)
        XCTAssertTrue(shows.contains("case/luban-workshop-djibouti"), "\(shows)")
    }
}
