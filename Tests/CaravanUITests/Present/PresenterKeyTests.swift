import CaravanContent
import XCTest

@testable import CaravanUI

/// The presenter's keys, one behaviour at a time, on the shipped lecture deck.
final class PresenterKeyTests: XCTestCase {
    private func lecture(width: Int = 80, height: Int = 24) throws -> Presenter {
        PresentFixture.presenter(
            try PresentFixture.deck("deck/lecture"), width: width, height: height)
    }

    func testForwardAndBackKeys() throws {
        var presenter = try lecture()
        for name in ["Space", "Right", "PgDn", "n"] {
            let before = presenter.state.index
            pressKeys(&presenter, name)
            XCTAssertEqual(presenter.state.index, before + 1, name)
        }
        for name in ["Left", "PgUp", "Backspace"] {
            let before = presenter.state.index
            pressKeys(&presenter, name)
            XCTAssertEqual(presenter.state.index, before - 1, name)
        }
        pressKeys(&presenter, "p")
        XCTAssertEqual(presenter.state.index, 1, "p pauses the clock; it moves no slide")
        pressKeys(&presenter, "Left")
        XCTAssertEqual(presenter.state.index, 0)
        pressKeys(&presenter, "Left k")
        XCTAssertEqual(presenter.state.index, 0, "no slide before the first")
    }

    func testFirstLastAndNumbers() throws {
        var presenter = try lecture()
        let count = presenter.deck.slides.count
        pressKeys(&presenter, "G")
        XCTAssertEqual(presenter.state.index, count - 1)
        pressKeys(&presenter, "Space")
        XCTAssertEqual(presenter.state.index, count - 1, "no slide after the last")
        pressKeys(&presenter, "g")
        XCTAssertEqual(presenter.state.index, 0)
        pressKeys(&presenter, "1 2")
        XCTAssertTrue(frameText(presenter).contains("Go to slide 12_"))
        pressKeys(&presenter, "Enter")
        XCTAssertEqual(presenter.state.index, 11)
        pressKeys(&presenter, "9 9 Enter")
        XCTAssertEqual(presenter.state.index, 11)
        XCTAssertTrue(frameText(presenter).contains("No slide 99"))
        pressKeys(&presenter, "3 Backspace 4 Esc")
        XCTAssertEqual(presenter.state.index, 11, "Esc cancels the number")
        XCTAssertTrue(presenter.state.typedNumber.isEmpty)
    }

    func testJAndKScrollAnOverflowingSlideBeforeMoving() throws {
        var presenter = try lecture(width: 60, height: 14)
        let index = try XCTUnwrap(
            presenter.deck.slides.indices.first { index in
                var probe = presenter
                probe.go(to: index)
                return probe.screen?.overflows ?? false
            }, "some slide overflows at 60x14")
        presenter.go(to: index)
        let maximum = try XCTUnwrap(presenter.screen?.maximumScroll)
        XCTAssertTrue(frameText(presenter).contains("more"))
        pressKeys(&presenter, "j")
        XCTAssertEqual(presenter.state.index, index)
        XCTAssertEqual(presenter.state.scroll, 1)
        pressKeys(&presenter, "Up")
        XCTAssertEqual(presenter.state.scroll, 0)
        for _ in 0..<maximum { pressKeys(&presenter, "Down") }
        XCTAssertEqual(presenter.state.scroll, maximum)
        pressKeys(&presenter, "Down")
        XCTAssertEqual(presenter.state.index, index, "Down only scrolls")
        pressKeys(&presenter, "j")
        XCTAssertEqual(presenter.state.index, index + 1, "j at the end moves on")
        XCTAssertEqual(presenter.state.scroll, 0)
        pressKeys(&presenter, "k")
        XCTAssertEqual(presenter.state.index, index)
        XCTAssertEqual(presenter.state.scroll, maximum, "k comes back to the end of the slide")
    }

    func testOverviewPicksASlide() throws {
        var presenter = try lecture()
        pressKeys(&presenter, "o")
        guard case .overview = presenter.state.mode else { return XCTFail("no overview") }
        pressKeys(&presenter, "Down Down Right Enter")
        let columns = SlideOverview(presenter.deck, selection: 0).columns(width: 80, height: 24)
        XCTAssertEqual(presenter.state.index, 2 * columns + 1)
        XCTAssertEqual(presenter.state.mode, .slide)
        pressKeys(&presenter, "o Esc")
        XCTAssertEqual(presenter.state.mode, .slide)
        XCTAssertEqual(presenter.state.index, 2 * columns + 1, "Esc keeps the slide")
    }

    func testBlankScreenReturnsOnAnyKey() throws {
        var presenter = try lecture()
        pressKeys(&presenter, "b")
        XCTAssertEqual(presenter.state.mode, .blank)
        XCTAssertTrue(presenter.status.blank)
        let text = frameText(presenter).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(text, "", "a blank screen shows nothing")
        pressKeys(&presenter, "Space")
        XCTAssertEqual(presenter.state.mode, .slide)
        XCTAssertEqual(presenter.state.index, 0, "the key that unblanks does nothing else")
    }

    func testEnterExploresTheSlidesEntityAndBackspaceReturns() throws {
        var presenter = try lecture()
        let deck = presenter.deck
        let index = try XCTUnwrap(deck.slides.firstIndex { $0.entity?.kind == .case })
        presenter.go(to: index)
        pressKeys(&presenter, "Enter")
        let visit = try XCTUnwrap(presenter.visit)
        XCTAssertEqual(visit.explorer.state.current, deck.slides[index].entity)
        XCTAssertTrue(frameText(presenter).contains("Caravan"), "the explorer is on screen")
        // Keys go to the explorer: moving in it does not change the slide.
        pressKeys(&presenter, "j j Tab")
        XCTAssertEqual(presenter.state.index, index)
        pressKeys(&presenter, "Backspace")
        XCTAssertNil(presenter.visit)
        XCTAssertEqual(presenter.state.index, index)
    }

    func testBackspaceAfterFollowingALinkStaysInTheExplorer() throws {
        var presenter = try lecture()
        let index = try XCTUnwrap(presenter.deck.slides.firstIndex { $0.entity?.kind == .case })
        presenter.go(to: index)
        pressKeys(&presenter, "Enter Tab Enter")
        let visit = try XCTUnwrap(presenter.visit)
        XCTAssertEqual(visit.explorer.state.historyIndex, 1)
        pressKeys(&presenter, "Backspace")
        XCTAssertNotNil(presenter.visit, "back in the explorer's history first")
        pressKeys(&presenter, "Esc")
        XCTAssertNil(presenter.visit, "Esc returns to the slide")
        XCTAssertEqual(presenter.state.index, index)
    }

    func testQuitInTheExplorerOnlyLeavesIt() throws {
        var presenter = try lecture()
        let index = try XCTUnwrap(presenter.deck.slides.firstIndex { $0.entity != nil })
        presenter.go(to: index)
        pressKeys(&presenter, "Enter")
        XCTAssertEqual(pressKeys(&presenter, "q"), [])
        XCTAssertNil(presenter.visit)
        XCTAssertEqual(pressKeys(&presenter, "q"), [], "q on a slide asks first")
        XCTAssertEqual(pressKeys(&presenter, "q"), [.quit])
    }

    func testEnterOnASlideWithoutEntitiesSaysSo() throws {
        var presenter = try lecture()
        pressKeys(&presenter, "Enter")
        XCTAssertNil(presenter.visit)
        XCTAssertTrue(frameText(presenter).contains("Nothing to explore"))
    }

    func testHelpListsTheKeys() throws {
        var presenter = try lecture()
        pressKeys(&presenter, "?")
        let text = frameText(presenter)
        for needle in ["Space Right PgDn n", "overview", "blank the screen", "1-9 Enter"] {
            XCTAssertTrue(text.contains(needle), needle + "\n" + text)
        }
        pressKeys(&presenter, "x")
        XCTAssertEqual(presenter.state.mode, .slide)
    }

    func testTheClockTicks() throws {
        var presenter = try lecture()
        XCTAssertTrue(frameText(presenter).contains("00:00"))
        _ = presenter.update(.tick)
        XCTAssertTrue(frameText(presenter).contains("12:34"))
        XCTAssertEqual(SlideFooter.clock(3725), "1:02:05")
    }

    func testStatusNamesTheSlideItsNotesAndTheNext() throws {
        var presenter = try lecture()
        pressKeys(&presenter, "Space")
        let status = presenter.status
        XCTAssertEqual(status.deck, "deck/lecture")
        XCTAssertEqual(status.slide, 1)
        XCTAssertEqual(status.count, presenter.deck.slides.count)
        XCTAssertEqual(status.title, "Plan for today")
        XCTAssertEqual(status.nextTitle, presenter.deck.slides[2].title)
        XCTAssertFalse(status.notes.isEmpty)
        let line = status.jsonLine()
        XCTAssertEqual(line.last, 0x0A)
        XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "one line, whatever the notes hold")
        XCTAssertEqual(PresenterStatus.decode(line: line.dropLast()), status)
    }

    func testEveryScreenSizeDrawsWithoutTrapping() throws {
        var presenter = try lecture()
        for (width, height) in [(0, 0), (1, 1), (10, 3), (39, 11), (200, 60)] {
            _ = presenter.update(.resize(width: width, height: height))
            for index in presenter.deck.slides.indices {
                presenter.go(to: index)
                let grid = presenter.view().grid
                XCTAssertEqual(grid.width, width)
                XCTAssertEqual(grid.height, height)
            }
            pressKeys(&presenter, "o")
            _ = presenter.view()
            pressKeys(&presenter, "Esc")
        }
    }
}
