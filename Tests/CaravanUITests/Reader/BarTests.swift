import CaravanContent
import XCTest

@testable import CaravanUI

/// The title bar's trail and the status bar's parts, each as room allows.
final class BarTests: XCTestCase {
    private func titleRow(_ explorer: Explorer) -> String {
        render(explorer).textLines()[0]
    }

    private func statusRow(_ explorer: Explorer) -> String {
        render(explorer).textLines()[explorer.state.height - 1]
    }

    func testTheTrailGoesThroughTheNavigatorsGroups() throws {
        let explorer = try makeExplorer(width: 120, height: 40, start: "mechanism/brand-expansion")
        let title = titleRow(explorer)
        XCTAssertTrue(title.hasPrefix(" Caravan › Framework › Economic connotation › "), title)
        XCTAssertTrue(title.hasSuffix("Brand expansion"), title)
        let grid = render(explorer)
        XCTAssertEqual(grid[0, 0].style, Theme.dark[.titleBar])
        XCTAssertEqual(grid[119, 0].style, Theme.dark[.titleBar], "the whole row is the bar")
    }

    func testASectionIsNamedByItsNumber() throws {
        let unicode = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        XCTAssertTrue(titleRow(unicode).hasSuffix("§3b"), titleRow(unicode))
        let ascii = try makeExplorer(
            width: 120, height: 40, start: "section/3-products", capabilities: .minimal)
        XCTAssertTrue(titleRow(ascii).contains(" > "), titleRow(ascii))
        XCTAssertTrue(titleRow(ascii).hasSuffix("Section 3b"), titleRow(ascii))
    }

    func testAViewNamesItselfInTheTrail() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "A")
        XCTAssertEqual(titleRow(explorer), " Caravan › Atlas of cases")
        XCTAssertTrue(statusRow(explorer).hasPrefix(" view/atlas"), statusRow(explorer))
        XCTAssertFalse(statusRow(explorer).contains("%"), "no reader position over a view")
    }

    func testANarrowScreenShortensTheTrailFromTheMiddle() throws {
        let explorer = try makeExplorer(width: 60, height: 20, start: "case/almaty-silk-road-brand")
        let title = titleRow(explorer)
        XCTAssertLessThanOrEqual(DisplayWidth.of(title), 60)
        XCTAssertTrue(title.hasPrefix(" Caravan › "), title)
        XCTAssertTrue(title.contains("…"), "something was shortened: \(title)")
    }

    func testTheStatusBarShowsACountAndTheMatchCounter() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, "1 2")
        XCTAssertTrue(statusRow(explorer).contains("count 12"), statusRow(explorer))
        press(&explorer, "Esc / a l m a t y Down Enter")
        XCTAssertTrue(statusRow(explorer).contains("match 1/"), statusRow(explorer))
        press(&explorer, "Esc")
        XCTAssertFalse(statusRow(explorer).contains("match"), "the search ended")
    }

    func testAMessageTakesThePlaceOfThePosition() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        _ = explorer.update(.message("Hello from the host"))
        let row = statusRow(explorer)
        XCTAssertTrue(row.hasPrefix(" Hello from the host"), row)
        XCTAssertFalse(row.contains("paper/"), row)
        let grid = render(explorer)
        XCTAssertEqual(grid[2, 39].style, Theme.dark[.statusMessage])
        XCTAssertTrue(row.hasSuffix("q quit"), "the hints stay when there is room")
    }

    func testTheHintsGiveWayOnANarrowScreen() throws {
        let explorer = try makeExplorer(width: 40, height: 12, start: "case/almaty-silk-road-brand")
        XCTAssertFalse(statusRow(explorer).contains("? help"), statusRow(explorer))
        XCTAssertTrue(statusRow(explorer).hasPrefix(" case/almaty-silk-road-brand"))
    }
}
