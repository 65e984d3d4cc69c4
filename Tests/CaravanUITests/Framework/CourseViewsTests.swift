import CaravanContent
import XCTest

@testable import CaravanUI

/// The map, the matrix and the atlas over content on another framework (the course in
/// `Tests/fixtures/five-connectivities`): its pillars and action areas with their codes,
/// its own regions, its cases, all drawn and reachable as the paper's are.
final class CourseViewsTests: XCTestCase {
    private typealias Fixture = FrameworkFixture
    private var model: ContentModel { CourseContentTests.model }
    private var index: FrameworkIndex { FrameworkIndex(model: model) }

    private func text(_ kind: FrameworkViewKind, width: Int = 120, height: Int = 40) -> String {
        let view = Fixture.screen(kind, model: model, width: width, height: height)
        return Fixture.dump(Fixture.grid(view, width: width, height: height))
    }

    func testTheCourseHasAFrameworkToShow() {
        XCTAssertEqual(index.connotations.count, 5, "five pillars")
        XCTAssertEqual(index.cases.count, 7)
        XCTAssertTrue(index.connotations.contains { $0.code == "PP" })
    }

    func testTheMapShowsEveryPillarAndActionAreaByCode() {
        let map = text(.map)
        for connotation in index.connotations {
            XCTAssertTrue(map.contains(connotation.code + " "), "\(connotation.code) in:\n\(map)")
            for mechanism in connotation.mechanisms {
                XCTAssertTrue(map.contains(mechanism.code), "\(mechanism.code) in:\n\(map)")
            }
        }
        XCTAssertFalse(map.contains("no connotations"), map)
    }

    func testTheMatrixHasAColumnGroupAPillarAndARowACase() {
        let matrix = text(.matrix)
        XCTAssertTrue(matrix.contains("Case matrix: 7 cases"), matrix)
        for connotation in index.connotations {
            XCTAssertTrue(
                matrix.contains(" \(connotation.code) "), "\(connotation.code):\n\(matrix)")
        }
        for title in ["Addis Ababa", "Asian Infrastructure", "中老铁路", "Luban Workshop"] {
            XCTAssertTrue(matrix.contains(title), "\(title) in:\n\(matrix)")
        }
    }

    func testTheAtlasGroupsTheCasesByTheCoursesRegions() {
        let atlas = text(.atlas)
        XCTAssertTrue(atlas.contains("Atlas: 7 cases"), atlas)
        for region in ["Africa", "Eurasia", "Southeast Asia"] {
            XCTAssertTrue(atlas.contains(region), "\(region) in:\n\(atlas)")
        }
        XCTAssertEqual(
            Set(index.regions), ["Africa", "China", "Eurasia", "Global", "Southeast Asia"])
    }

    /// Every item `.next` reaches from `.first`, until it stops moving.
    private func reachable(_ kind: FrameworkViewKind) -> Set<EntityID> {
        var view = Fixture.screen(kind, model: model, width: 120, height: 40)
        _ = view.perform(.first)
        var seen: Set<EntityID> = []
        for _ in 0..<100 {
            if let selection = view.selection { seen.insert(selection) }
            guard view.perform(.next) == .handled else { break }
        }
        return seen
    }

    func testEveryCaseCanBeReachedInTheMatrixAndTheAtlas() {
        let cases = Set(model.entities(of: .case).map(\.id))
        XCTAssertEqual(reachable(.matrix).intersection(cases), cases, "the matrix")
        XCTAssertEqual(reachable(.atlas).intersection(cases), cases, "the atlas")
    }

    func testEveryPillarAndActionAreaCanBeReachedOnTheMap() {
        let framework = Set(index.connotations.flatMap { [$0.id] + $0.mechanisms.map(\.id) })
        XCTAssertEqual(reachable(.map).intersection(framework), framework)
    }

    func testThePlainViewsKeepToTheirWidth() {
        for kind in FrameworkViewKind.allCases {
            let plain = kind.plainText(model: model, width: 60)
            for line in plain.components(separatedBy: "\n") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), 60, "\(kind): «\(line)»")
            }
            XCTAssertFalse(plain.isEmpty, "\(kind)")
        }
        XCTAssertTrue(FrameworkViewKind.map.plainText(model: model, width: 60).contains("PP"))
    }

    func testTheExplorerOpensEachViewAndACaseFromTheMatrix() throws {
        var explorer = Explorer(model: model, width: 120, height: 40)
        for (key, kind) in [("M", FrameworkViewKind.map), ("X", .matrix), ("A", .atlas)] {
            press(&explorer, key)
            XCTAssertEqual(explorer.framework?.kind, kind)
        }
        press(&explorer, "X")
        let selected = try XCTUnwrap(explorer.framework?.selection)
        press(&explorer, "Enter")
        XCTAssertNil(explorer.framework)
        XCTAssertEqual(explorer.state.current, selected)
        XCTAssertEqual(selected.kind, .case)
    }

    func testTheLinearMapListsTheCourseForAScreenReader() {
        var view = FrameworkViewKind.map.makeView(model: model, linear: true)
        view.resize(width: 80, height: 200)
        XCTAssertTrue(view.isLinear)
        let text = Fixture.dump(Fixture.grid(view, width: 80, height: 200, capabilities: .minimal))
        for connotation in index.connotations {
            XCTAssertTrue(text.contains(connotation.title), connotation.title)
        }
        XCTAssertFalse(text.contains("┌"), "no box drawing read aloud")
    }
}
