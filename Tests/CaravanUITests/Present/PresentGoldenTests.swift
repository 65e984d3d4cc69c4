import CaravanContent
import XCTest

@testable import CaravanUI

/// Golden frames of the presenter at 80x24: a cover slide, a case slide, the overview and
/// a slide that overflows. Record with `CARAVAN_RECORD=1`.
final class PresentGoldenTests: XCTestCase {
    func testTitleSlide() throws {
        let presenter = PresentFixture.presenter(try PresentFixture.deck("deck/lecture"))
        Golden.assert(frameText(presenter), named: "present-title")
    }

    func testCaseSlide() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = PresentFixture.presenter(deck)
        let index = try XCTUnwrap(
            deck.slides.firstIndex { $0.entity?.description == "case/changan-tianshan-corridor" })
        let digits = String(index + 1).map(String.init).joined(separator: " ")
        pressKeys(&presenter, digits + " Enter")
        XCTAssertEqual(presenter.state.index, index)
        Golden.assert(frameText(presenter), named: "present-case")
    }

    func testOverview() throws {
        var presenter = PresentFixture.presenter(try PresentFixture.deck("deck/lecture"))
        pressKeys(&presenter, "o Right Down")
        Golden.assert(frameText(presenter), named: "present-overview")
    }

    func testOverflowingSlide() throws {
        let deck = Deck(
            id: try XCTUnwrap(EntityID("deck/long")), title: "Long",
            slides: [
                Slide(
                    title: "A long list",
                    kind: .text(
                        MarkdownParser.parse(
                            (1...30).map {
                                "- Point number \($0) of a list too long for one screen"
                            }
                            .joined(separator: "\n"))), line: 1)
            ], path: "decks/long.md")
        var presenter = PresentFixture.presenter(deck)
        XCTAssertTrue(presenter.screen?.overflows ?? false)
        pressKeys(&presenter, "j j")
        Golden.assert(frameText(presenter), named: "present-overflow")
    }

    func testMapSlideInASCII() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = PresentFixture.presenter(
            deck, width: 100, height: 30, capabilities: .minimal)
        let index = try XCTUnwrap(deck.slides.firstIndex { $0.kind == .view(.map) })
        presenter.go(to: index)
        Golden.assert(frameText(presenter), named: "present-map-ascii")
    }

    func testMapSlide() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = PresentFixture.presenter(deck)
        let index = try XCTUnwrap(deck.slides.firstIndex { $0.kind == .view(.map) })
        presenter.go(to: index)
        XCTAssertFalse(presenter.screen?.overflows ?? true)
        Golden.assert(frameText(presenter), named: "present-map")
    }
}
