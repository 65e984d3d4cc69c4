import CaravanContent
import XCTest

@testable import CaravanUI

/// The Links pane lists what a reader came for first (the cases that illustrate a
/// mechanism, its parent and parts), and every target once with all its relations.
final class LinksPaneOrderTests: XCTestCase {
    /// The Links pane zoomed to the full screen, its rows below the header.
    private func linksPane(_ start: String, height: Int = 60) throws -> [String] {
        var explorer = try makeExplorer(width: 120, height: height, start: start)
        press(&explorer, "l z")
        XCTAssertEqual(explorer.state.focus, .context)
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        return Array(cellText(in: rect, of: render(explorer)).dropFirst())
    }

    func testAMechanismListsItsCasesFirst() throws {
        let rows = try linksPane("mechanism/brand-expansion")
        XCTAssertEqual(
            rows.first?.trimmingCharacters(in: .whitespaces), "Illustrated by", "\(rows)")
        let cases = TestContent.model.sources(
            linkingTo: try entityID("mechanism/brand-expansion"), by: .illustrates)
        XCTAssertGreaterThan(cases.count, 2)
        for (offset, item) in cases.enumerated() {
            XCTAssertTrue(rows[1 + offset].contains(item.title.prefix(20)), rows[1 + offset])
        }
    }

    func testEachTargetIsListedOnceWithEveryRelation() throws {
        let id = try entityID("mechanism/brand-expansion")
        let model = TestContent.model
        let rows = try linksPane(id.description)
        let linked = Set(
            model.outgoing(from: id).map(\.target) + model.incoming(to: id).map(\.source))
        for target in linked {
            let title = try XCTUnwrap(model.entity(target)).displayTitle
            let hits = rows.filter { $0.contains(title.prefix(24)) }
            XCTAssertEqual(hits.count, 1, "\(title) in \(rows)")
        }
        // A concept the mechanism names as related and mentions in its text says both.
        let brand = try XCTUnwrap(model.entity(try entityID("concept/cultural-brand")))
        let row = try XCTUnwrap(rows.first { $0.contains(brand.title) })
        XCTAssertTrue(row.contains("mentions"), row)
    }

    func testAMechanismShowsItsParentBeforeOtherLinks() throws {
        let rows = try linksPane("mechanism/technology-inheritance")
        let headers = rows.filter { !$0.hasPrefix("   ") && !$0.isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let parent = try XCTUnwrap(headers.firstIndex(of: "Part of"), "\(headers)")
        XCTAssertLessThanOrEqual(parent, 1, "\(headers)")
    }
}
