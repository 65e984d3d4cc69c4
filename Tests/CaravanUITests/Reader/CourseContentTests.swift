import CaravanContent
import XCTest

@testable import CaravanUI

/// A course on another framework (`Tests/fixtures/five-connectivities`): its own words on
/// pages and in plain text, its cases grouped as written, its Chinese names found by the
/// jump prompt.
final class CourseContentTests: XCTestCase {
    static let model: ContentModel = ContentLoader.load(
        folder: TestContent.repository.appendingPathComponent("Tests/fixtures/five-connectivities")
            .path)

    func testTheFixtureLoadsClean() {
        XCTAssertEqual(Self.model.diagnostics.map(\.formatted), [])
    }

    /// 中老铁路 illustrates `[standard-gauge-lines, freight-corridors]`: it belongs with
    /// facilities, the first written, though freight corridors comes first by title.
    func testTheNavigatorGroupsACaseByWhatItIllustratesFirstAsWritten() throws {
        let tree = NavigatorTree(model: Self.model)
        let cases = try XCTUnwrap(tree.roots.first { $0.key == "group:cases" })
        let group = try XCTUnwrap(
            cases.children.first { group in
                group.children.contains { $0.key == "case/china-laos-railway" }
            })
        XCTAssertEqual(group.item, .group("Facilities connectivity"))
    }

    func testJumpingByAChineseNameOrCode() throws {
        let lookup = EntityLookup(model: Self.model)
        for (typed, id) in [
            ("民心相通", "connotation/people-to-people-bonds"),
            ("沟通", "connotation/policy-coordination"),
            ("中老", "case/china-laos-railway"),
            ("PP", "connotation/people-to-people-bonds"),
            ("FI1", "mechanism/multilateral-banks"),
            ("F1a", "mechanism/standard-gauge-lines"),
        ] {
            XCTAssertEqual(lookup.resolve(typed), .found(try entityID(id)), typed)
        }
    }

    func testPagesAndPlainTextUseTheCoursesWords() throws {
        let plain = PlainText(model: Self.model, width: 80)
        let pillar = try XCTUnwrap(
            Self.model.entity(try entityID("connotation/policy-coordination")))
        let page = plain.entity(pillar).split(separator: "\n").map(String.init)
        XCTAssertEqual(page.prefix(3), ["# Policy coordination", "Pillar", "Names: 政策沟通 (zh)"])
        XCTAssertTrue(
            page.contains(
                "- action areas: mechanism/intergovernmental-agreements Intergovernmental agreements"
            ),
            page.joined(separator: "\n"))
        let lesson = try XCTUnwrap(Self.model.entity(try entityID("section/1-why")))
        XCTAssertTrue(plain.entity(lesson).contains("\nLesson 1"))
        let read = plain.readAll()
        for heading in ["# Lessons", "# Pillars", "# Action areas", "# Cases"] {
            XCTAssertTrue(read.contains("\n" + heading + "\n"), heading)
        }
        XCTAssertFalse(read.contains("# Connotations"))
    }

    func testTheBuiltInPaperKeepsItsWords() throws {
        let plain = PlainText(model: TestContent.model, width: 80)
        let connotation = try XCTUnwrap(
            TestContent.model.entity(try entityID("connotation/economic")))
        XCTAssertTrue(plain.entity(connotation).hasPrefix("# Economic connotation\nConnotation\n"))
        XCTAssertTrue(plain.readAll().contains("\n# Connotations\n"))
    }
}
