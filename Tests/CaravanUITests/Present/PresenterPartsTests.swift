import CaravanContent
import XCTest

@testable import CaravanUI

/// The presenter's parts as widgets, the overview's moves, and the explorer visited from a
/// slide or from the follow screen.
final class PresenterPartsTests: XCTestCase {
    private func lecture() throws -> Deck { try PresentFixture.deck("deck/lecture") }

    func testTheFooterShowsAPromptInsteadOfTheNumber() {
        let footer = SlideFooter(
            index: 0, count: 3, elapsed: 3725, prompt: "Go to slide 2_", theme: .monochrome,
            glyphs: .unicode)
        var grid = Grid(width: 50, height: 2)
        footer.render(in: Rect(y: 1, width: 50, height: 1), into: &grid)
        let row = grid.textLines()[1]
        XCTAssertTrue(row.hasPrefix(" Go to slide 2_ "), row)
        XCTAssertTrue(row.hasSuffix("1:02:05"), row)
        XCTAssertEqual(grid.textLines()[0], "", "only its row")
        XCTAssertEqual(grid[1, 1].style, PresenterTheme.monochrome.notice)
    }

    func testANarrowFooterDropsTheBar() {
        let footer = SlideFooter(
            index: 1, count: 2, elapsed: nil, theme: .monochrome, glyphs: .unicode)
        var grid = Grid(width: 9, height: 1)
        footer.render(in: grid.bounds, into: &grid)
        XCTAssertEqual(grid.textLines()[0], " 2/2", "no room for a bar, no clock")
    }

    func testTheOverviewMovesByCellsAndRows() {
        var overview = SlideOverview(selection: 0)
        let columns = overview.columns(width: 120, height: 40)
        XCTAssertGreaterThan(columns, 1)
        overview.move(by: columns, count: 30, width: 120, height: 40)
        XCTAssertEqual(overview.selection, columns)
        overview.move(by: -100, count: 30, width: 120, height: 40)
        XCTAssertEqual(overview.selection, 0)
        overview.move(by: 100, count: 30, width: 120, height: 40)
        XCTAssertEqual(overview.selection, 29)
        overview.move(by: 100, count: 30, width: 80, height: 12)
        XCTAssertGreaterThan(overview.scroll, 0, "a small screen scrolls to the last row")
    }

    func testTheOverviewShowsWholeTitlesWithFewerColumnsWhenTheyAreLong() throws {
        let deck = try lecture()
        let longest = try XCTUnwrap(deck.slides.map(\.title).max { $0.count < $1.count })
        XCTAssertGreaterThan(longest.count, 26)
        for (width, height) in [(80, 24), (120, 40)] {
            let overview = SlideOverview(deck, selection: deck.slides.count - 1)
            var grid = Grid(width: width, height: height)
            var shown = overview
            for index in deck.slides.indices {
                shown.selection = index
                shown.reveal(width: width, height: height)
                grid = Grid(width: width, height: height)
                shown.widget(deck, theme: .monochrome, glyphs: .unicode)
                    .render(in: grid.bounds, into: &grid)
                // A title may wrap: compare with runs of spaces and line ends made one space.
                let words = { (text: String) in
                    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
                let text = words(grid.textLines().joined(separator: " "))
                XCTAssertTrue(
                    text.contains(words(deck.slides[index].title)),
                    "«\(deck.slides[index].title)» at \(width)")
            }
            XCTAssertEqual(overview.columns(width: width, height: height), 1)
        }
        let short = SlideOverview(selection: 0, titles: ["A short title"])
        XCTAssertEqual(short.columns(width: 120, height: 40), 3, "short titles share a row")
    }

    func testTheOverviewDrawsEverySlideWithTheSelectionHighlighted() throws {
        let deck = try lecture()
        var grid = Grid(width: 120, height: 40)
        SlideOverview(selection: 2).widget(deck, theme: .highContrast, glyphs: .ascii)
            .render(in: grid.bounds, into: &grid)
        let text = dump(grid)
        XCTAssertTrue(text.contains("\(deck.title): \(deck.slides.count) slides"), text)
        let third = try XCTUnwrap(firstRow(containing: " 3  ", in: grid))
        let x = try XCTUnwrap(column(of: " 3  ", row: third.y, in: grid))
        XCTAssertEqual(grid[x + 1, third.y].style, PresenterTheme.highContrast.selection)
    }

    func testTheSlideIsPlacedFromItsAreasCorner() throws {
        let deck = try lecture()
        let slide = try XCTUnwrap(deck.slides.first)
        let screen = SlideScreen(
            slide: slide, model: PresentFixture.model, width: 60, height: 20, unicode: false)
        var grid = Grid(width: 70, height: 25)
        screen.widget(scroll: 0, theme: .monochrome)
            .render(in: Rect(x: 10, y: 5, width: 60, height: 20), into: &grid)
        let lines = grid.textLines()
        XCTAssertTrue(lines[0..<5].allSatisfy(\.isEmpty), "nothing above the area")
        XCTAssertTrue(
            lines.allSatisfy { $0.prefix(10).allSatisfy { $0 == " " } }, "nothing left of it")
        XCTAssertTrue(lines.contains { !$0.isEmpty }, "the slide is drawn")
    }

    func testAVisitLeavesOnEscOnlyWithoutASearch() throws {
        let target = try entityID("concept/soft-power")
        var visit = ExplorerVisit(
            model: PresentFixture.model, start: target, width: 80, height: 24,
            capabilities: .full)
        _ = visit.update(.key(.character("/")))
        XCTAssertFalse(visit.update(.key(.escape)).leaves, "Esc closes the prompt first")
        _ = visit.update(.key(.character("/")))
        for character in "power" { _ = visit.update(.key(.character(character))) }
        _ = visit.update(.key(.enter))
        XCTAssertFalse(visit.explorer.state.searchTerms.isEmpty)
        XCTAssertFalse(visit.update(.key(.escape)).leaves, "Esc ends the search first")
        XCTAssertTrue(visit.update(.key(.escape)).leaves)
    }

    func testAVisitLeavesOnQuitOrBackAtTheStartButNotOnInterrupt() throws {
        let target = try entityID("concept/soft-power")
        var visit = ExplorerVisit(
            model: PresentFixture.model, start: target, width: 80, height: 24,
            capabilities: .minimal, leaveKeys: [.character("f")])
        XCTAssertEqual(visit.explorer.theme.name, "monochrome", "no colours, no colour theme")
        let quit = visit.update(.key(.character("q")))
        XCTAssertTrue(quit.leaves)
        XCTAssertEqual(quit.effects, [], "q leaves the visit, not the program")
        XCTAssertEqual(visit.update(.interrupt).effects, [.quit])
        XCTAssertFalse(visit.update(.interrupt).leaves)
        XCTAssertTrue(visit.update(.key(.character("f"))).leaves)
        XCTAssertTrue(visit.update(.key(.backspace)).leaves, "back at the start of history")
        XCTAssertFalse(visit.update(.tick).leaves)
    }

    func testPresentingFromTheExplorerComesBackToIt() throws {
        var host = PresentingExplorer(
            explorer: try makeExplorer(width: 80, height: 24, start: "case/almaty-silk-road-brand"))
        let effects = pressKeys(&host, "P")
        XCTAssertNotNil(host.presenter)
        XCTAssertEqual(effects, [.ticks(every: 1000)])
        let back = pressKeys(&host, "q q")
        XCTAssertNil(host.presenter)
        XCTAssertEqual(back, [.ticks(every: nil)], "the clock stops")
        XCTAssertEqual(host.explorer.state.current, try entityID("case/almaty-silk-road-brand"))
        pressKeys(&host, "P")
        XCTAssertEqual(host.update(.interrupt), [.quit], "Ctrl-C quits even while presenting")
    }
}
