import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The course fixture (`Tests/fixtures/five-connectivities`) in the explorer's views and
/// chrome: five pillars, its own words and regions, Chinese names and a case titled in
/// Chinese.
final class CourseViewsTests: XCTestCase {
    static var model: ContentModel { CourseContentTests.model }

    private func explorer(width: Int, height: Int, start: String? = nil) throws -> Explorer {
        XCTAssertEqual(Self.model.diagnostics.map(\.formatted), [], "the course checks clean")
        return Explorer(
            model: Self.model, width: width, height: height,
            start: try start.map { try XCTUnwrap(EntityID($0)) })
    }

    func testTheNavigatorAndTitleBarUseTheCoursesWords() throws {
        let explorer = try explorer(width: 120, height: 40)
        let text = dump(render(explorer))
        XCTAssertTrue(text.contains("The course unit (4)"), text)
        XCTAssertTrue(text.contains("Caravan › The course unit ›"), text)
        XCTAssertFalse(text.contains("The paper"), text)
        XCTAssertFalse(text.lowercased().contains("connotation "), text)
    }

    func testTheStatusLineNamesTheKindInTheCoursesWords() throws {
        let explorer = try explorer(width: 120, height: 40, start: "connotation/unimpeded-trade")
        let status = render(explorer).textLines().last ?? ""
        XCTAssertTrue(status.hasPrefix(" Pillar · connotation/unimpeded-trade "), status)
    }

    func testTheMapAt80x24ShowsAllFivePillarsInTheCoursesWords() throws {
        var explorer = try explorer(width: 80, height: 24)
        explorer.showFramework(.map)
        let text = dump(render(explorer))
        XCTAssertTrue(text.contains("5 pillars, 7 action areas, 7 cases"), text)
        for title in ["Policy", "Facilities", "Unimpeded", "Financial", "People-to-"] {
            XCTAssertTrue(text.contains(title), "\(title) on the first screen:\n\(text)")
        }
        Golden.assert(text, named: "course-map-80x24")
    }

    func testTheMatrixSpeaksOfPillars() throws {
        var explorer = try explorer(width: 120, height: 40)
        explorer.showFramework(.matrix)
        let text = dump(render(explorer))
        XCTAssertTrue(text.contains("all pillars"), text)
        XCTAssertTrue(text.contains("cases that illustrate the pillar itself"), text)
        XCTAssertFalse(text.contains("connotation"), text)
    }

    func testTheAtlasPlacesAfricaWhereTheCourseSays() throws {
        var explorer = try explorer(width: 120, height: 40)
        explorer.showFramework(.atlas)
        let lines = render(explorer).textLines()
        let africa = try XCTUnwrap(lines.firstIndex { $0.contains(" Africa (2) ") })
        let eurasia = try XCTUnwrap(lines.firstIndex { $0.contains(" Eurasia (1) ") })
        let x = { (line: String, name: String) in
            line.distance(from: line.startIndex, to: line.range(of: name)!.lowerBound)
        }
        XCTAssertLessThan(
            x(lines[africa], " Africa ("), x(lines[eurasia], " Eurasia ("), "west of Eurasia")
        XCTAssertTrue(lines.contains { $0.contains("(Ethiopia, Djibouti)") })
        XCTAssertFalse(lines.contains { $0.contains("│ Ethiopia, Djibouti") }, "no list heading")
        Golden.assert(lines.joined(separator: "\n"), named: "course-atlas-120x40")
    }

    func testTheAtlasAsTextBreaksLinesOnlyBetweenWords() {
        let text = FrameworkViewKind.atlas.plainText(model: Self.model, width: 100)
        var words: Set<String> = ["Atlas", "cases", "in", "regions"]
        for entity in Self.model.entities(of: .case) {
            let fields = [entity.title, entity.string("region") ?? ""] + entity.countries
            for field in fields {
                words.formUnion(field.split { !$0.isLetter }.map(String.init))
            }
        }
        for line in text.split(separator: "\n") {
            for word in line.split(whereSeparator: { !$0.isLetter }) {
                XCTAssertTrue(words.contains(String(word)), "«\(word)» is cut in: \(line)")
            }
        }
    }

    /// What the explorer opens after typing `text` at a prompt (`/` or `:`) and Enter.
    private func opened(by prompt: String, _ text: String) throws -> EntityID {
        var explorer = try explorer(width: 120, height: 40)
        press(&explorer, prompt)
        typeText(&explorer, text)
        press(&explorer, "Enter")
        return explorer.state.current
    }

    func testSearchFindsAnyPartOfChineseText() throws {
        XCTAssertEqual(try opened(by: "/", "意义"), EntityID("case/luban-workshop-thailand"))
        XCTAssertEqual(try opened(by: "/", "中老"), EntityID("case/china-laos-railway"))
    }

    func testJumpFindsAPillarByItsChineseName() throws {
        XCTAssertEqual(
            try opened(by: ":", "民心相通"), EntityID("connotation/people-to-people-bonds"))
    }

    func testTheReadersHeaderShowsTheNamesBesideTheTitleWhereTheyFit() throws {
        let wide = render(
            try explorer(width: 120, height: 40, start: "connotation/unimpeded-trade"))
        XCTAssertTrue(wide.textLines()[1].contains("─ Unimpeded trade 贸易畅通 ─"), wide.textLines()[1])
        let narrow = render(try explorer(width: 80, height: 24, start: "paper/five-connectivities"))
        XCTAssertFalse(narrow.textLines()[1].contains("五通"), "the title is cut: no room")
    }

    func testGoldenStartScreens() throws {
        Golden.assert(
            dump(render(try explorer(width: 80, height: 24))), named: "course-start-80x24")
        Golden.assert(
            dump(render(try explorer(width: 120, height: 40, start: "case/china-laos-railway"))),
            named: "course-case-120x40")
    }
}
