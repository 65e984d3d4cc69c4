import CaravanContent
import XCTest

@testable import CaravanUI

/// Starting a presentation from the explorer and coming back.
final class PresentingExplorerTests: XCTestCase {
    func testPresentsFromTheSlideShowingTheEntityBeingRead() throws {
        let explorer = try makeExplorer(
            width: 100, height: 30, start: "case/almaty-silk-road-brand")
        var program = PresentingExplorer(explorer: explorer)
        // Presenting asks for a clock tick a second, and gives it back afterwards.
        XCTAssertEqual(pressKeys(&program, "P"), [.ticks(every: 1000)])
        let presenter = try XCTUnwrap(program.presenter)
        XCTAssertEqual(presenter.deck.id.description, "deck/lecture")
        XCTAssertEqual(presenter.slide?.entity?.description, "case/almaty-silk-road-brand")
        // q, answered with q, ends the presentation, not the program.
        XCTAssertEqual(pressKeys(&program, "Space q q"), [.ticks(every: nil)])
        XCTAssertNil(program.presenter)
        XCTAssertEqual(program.explorer.state.current.description, "case/almaty-silk-road-brand")
        XCTAssertEqual(pressKeys(&program, "q"), [.quit])
    }

    func testThePresentKeyIsARequestNamingTheEntityBeingRead() throws {
        var explorer = try makeExplorer(width: 80, height: 24, start: "case/almaty-silk-road-brand")
        XCTAssertEqual(
            press(&explorer, "P"), [.present(from: try entityID("case/almaty-silk-road-brand"))])
    }

    func testResizesWhilePresentingReachTheExplorer() throws {
        let explorer = try makeExplorer(width: 80, height: 24, start: "deck/lecture")
        var program = PresentingExplorer(explorer: explorer)
        pressKeys(&program, "P")
        _ = program.update(.resize(width: 120, height: 40))
        XCTAssertEqual(program.presenter?.state.width, 120)
        XCTAssertEqual(program.explorer.state.width, 120)
        XCTAssertEqual(program.explorer.paneLayout.panes.count, 3, "laid out for the new size")
        pressKeys(&program, "q y")
        XCTAssertNil(program.presenter)
        XCTAssertEqual(program.explorer.state.height, 40)
    }

    func testWithoutADeckPresentingRingsTheBell() throws {
        let model = ContentModel(entities: [], links: [], diagnostics: [])
        var program = PresentingExplorer(explorer: Explorer(model: model, width: 80, height: 24))
        XCTAssertEqual(pressKeys(&program, "P"), [.bell])
        XCTAssertNil(program.presenter)
    }

    func testPresentsTheDeckBeingReadFromItsStart() throws {
        let explorer = try makeExplorer(width: 80, height: 24, start: "deck/lecture")
        var program = PresentingExplorer(explorer: explorer)
        pressKeys(&program, "P")
        XCTAssertEqual(program.presenter?.state.index, 0)
        XCTAssertEqual(program.update(.interrupt), [.quit])
    }
}
