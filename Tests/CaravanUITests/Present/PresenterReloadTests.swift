import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The content read again while presenting (`caravan present --watch`).
final class PresenterReloadTests: XCTestCase {
    private func course(replacing old: String = "", with new: String = "", in file: String = "")
        throws -> ContentModel
    {
        try ReloadTests.course(replacing: old, with: new, in: file)
    }

    private func presenter(at slide: Int) throws -> Presenter {
        let model = try course()
        let deck = try XCTUnwrap(model.deck(EntityID("deck/first-session")!))
        return Presenter(model: model, deck: deck, width: 80, height: 24, start: slide)
    }

    private func text(_ presenter: Presenter) -> String {
        presenter.view().grid.textLines().joined(separator: "\n")
    }

    func testTheSlideStaysAndShowsTheNewText() throws {
        var presenter = try presenter(at: 2)
        presenter.reload(
            try course(
                replacing: "most often photographed", with: "most often on maps",
                in: "pillars/facilities-connectivity.md"))
        XCTAssertEqual(presenter.state.index, 2)
        XCTAssertTrue(text(presenter).contains("most often on maps"), text(presenter))
        XCTAssertNil(presenter.state.message)
    }

    func testFewerSlidesLeaveThePresenterOnTheLast() throws {
        var presenter = try presenter(at: 4)
        let shorter = try course(
            replacing: "\n---\n## For next week", with: "\n\n## For next week",
            in: "decks/first-session.md")
        presenter.reload(shorter)
        XCTAssertEqual(presenter.deck.slides.count, 4)
        XCTAssertEqual(presenter.state.index, 3)
    }

    func testContentWithErrorsIsNotPresentedAndTheFooterSaysWhy() throws {
        var presenter = try presenter(at: 2)
        let before = text(presenter)
        presenter.reload(
            try course(replacing: "order: 3", with: "order: [3", in: "pillars/unimpeded-trade.md"))
        let message = try XCTUnwrap(presenter.state.message)
        XCTAssertTrue(message.hasPrefix("pillars/unimpeded-trade.md:7:"), message)
        XCTAssertEqual(presenter.state.index, 2)
        let footer = text(presenter).components(separatedBy: "\n").last ?? ""
        XCTAssertTrue(footer.contains("unimpeded-trade.md:7:"), footer)
        XCTAssertEqual(
            before.components(separatedBy: "\n").dropLast(),
            text(presenter).components(separatedBy: "\n").dropLast(), "the slide as it was")
    }
}
