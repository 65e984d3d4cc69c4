import CaravanContent
import XCTest

@testable import CaravanUI

/// The breadcrumb uses the width it has; the navigator's group counts count entities.
final class ChromeTests: XCTestCase {
    func testTheBreadcrumbShowsWholeTitlesWhenThereIsRoom() throws {
        let explorer = try makeExplorer(
            width: 200, height: 40, start: "case/kazakhstan-oil-joint-ventures")
        let title = try XCTUnwrap(explorer.model.entity(explorer.state.current)).title
        let bar = render(explorer).textLines()[0]
        XCTAssertTrue(bar.contains(title), bar)
        XCTAssertFalse(bar.contains("…"), bar)

        let paper = try makeExplorer(width: 200, height: 40)
        let paperTitle = try XCTUnwrap(paper.model.paper).title
        XCTAssertTrue(render(paper).textLines()[0].contains(paperTitle))
    }

    func testANarrowBreadcrumbStillEndsWithWhereYouAre() throws {
        let explorer = try makeExplorer(
            width: 60, height: 24, start: "case/kazakhstan-oil-joint-ventures")
        let bar = render(explorer).textLines()[0].trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(bar.hasPrefix("Caravan"), bar)
        XCTAssertTrue(bar.contains("…"), bar)
        XCTAssertLessThanOrEqual(DisplayWidth.of(bar), 59)
    }

    func testGroupCountsCountTheEntitiesInTheGroup() throws {
        let explorer = try makeExplorer(width: 120, height: 80)
        let text = try navigatorText(explorer)
        let cases = explorer.model.entities(of: .case).count
        XCTAssertTrue(text.contains("Cases (\(cases))"), text)
        let concepts = explorer.model.entities(of: .concept).count
        XCTAssertTrue(text.contains("Concepts (\(concepts))"), text)
    }
}
