import CaravanContent
import XCTest

@testable import CaravanUI

/// The explorer keeps recent pages and freshly sized views so that going back, zooming or
/// reopening a view costs nothing; what it keeps must never be what the reader should not
/// see.
final class CacheTests: XCTestCase {
    private func key(_ id: String, width: Int = 80, terms: [String] = [], ascii: Bool = false)
        throws -> PageCache.Key
    {
        PageCache.Key(id: try entityID(id), width: width, terms: terms, ascii: ascii)
    }

    func testAPageIsMadeOnceAKey() throws {
        var cache = PageCache()
        var made = 0
        let make = { () -> DocumentLayout in
            made += 1
            return DocumentLayout(width: made)
        }
        let first = cache.page(for: try key("concept/soft-power"), make: make)
        let again = cache.page(for: try key("concept/soft-power"), make: make)
        XCTAssertEqual(made, 1)
        XCTAssertEqual(first.width, again.width)
        for other in [
            try key("concept/soft-power", width: 81),
            try key("concept/soft-power", terms: ["power"]),
            try key("concept/soft-power", ascii: true),
            try key("case/almaty-silk-road-brand"),
        ] {
            _ = cache.page(for: other, make: make)
        }
        XCTAssertEqual(
            made, 5, "a width, search, glyph set or entity of its own is a page of its own")
    }

    func testTheLeastRecentlyUsedPageGoesFirst() throws {
        var cache = PageCache()
        var made = 0
        let make = { () -> DocumentLayout in
            made += 1
            return DocumentLayout(width: 1)
        }
        for width in 0..<PageCache.capacity {
            _ = cache.page(for: try key("concept/soft-power", width: width), make: make)
        }
        // Using the oldest keeps it; the next new page pushes out the one after it.
        _ = cache.page(for: try key("concept/soft-power", width: 0), make: make)
        _ = cache.page(for: try key("concept/soft-power", width: 999), make: make)
        XCTAssertEqual(made, PageCache.capacity + 1)
        _ = cache.page(for: try key("concept/soft-power", width: 0), make: make)
        XCTAssertEqual(made, PageCache.capacity + 1, "width 0 was kept")
        _ = cache.page(for: try key("concept/soft-power", width: 1), make: make)
        XCTAssertEqual(made, PageCache.capacity + 2, "width 1 was the one to go")
    }

    func testAReopenedViewIsFreshAndSizedForTheScreen() {
        var cache = FreshViewCache()
        let model = TestContent.model
        var map = cache.view(
            for: FreshViewCache.Key(kind: .map, width: 100, height: 28), model: model)
        let start = map.selection
        _ = map.perform(.moveDown, count: 1)
        XCTAssertNotEqual(map.selection, start, "the view moved")
        let reopened = cache.view(
            for: FreshViewCache.Key(kind: .map, width: 100, height: 28), model: model)
        XCTAssertEqual(reopened.selection, start, "a moved copy never comes back from the cache")
        let linear = cache.view(
            for: FreshViewCache.Key(kind: .map, width: 100, height: 28, linear: true),
            model: model)
        XCTAssertTrue(linear.isLinear)
        XCTAssertFalse(reopened.isLinear)
    }

    func testTheExplorerShowsTheSearchOnTheCachedPageAndNotAfter() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let plain = explorer.page.lines.map(\.text)
        press(&explorer, "/")
        typeText(&explorer, "almaty")
        press(&explorer, "Enter")
        press(&explorer, ":")
        typeText(&explorer, "section/3-products")
        press(&explorer, "Enter")
        XCTAssertFalse(explorer.page.lines.allSatisfy { $0.spans.allSatisfy { $0.match == nil } })
        press(&explorer, "Esc")
        XCTAssertTrue(
            explorer.page.lines.allSatisfy { $0.spans.allSatisfy { $0.match == nil } },
            "ending the search drops its marks, even on a page laid out before")
        XCTAssertEqual(explorer.page.lines.map(\.text), plain)
    }

    func testAZoomLaysThePageOutAtItsNewWidthAndBack() throws {
        var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
        let narrow = explorer.page.width
        press(&explorer, "z")
        XCTAssertGreaterThan(explorer.page.width, narrow)
        press(&explorer, "z")
        XCTAssertEqual(explorer.page.width, narrow)
    }
}
