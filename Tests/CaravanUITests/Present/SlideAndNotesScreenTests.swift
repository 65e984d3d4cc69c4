import CaravanContent
import XCTest

@testable import CaravanUI

/// A slide laid out for a screen, the presenter's scroll and messages, and what the notes
/// screen shows of the presenter.
final class SlideAndNotesScreenTests: XCTestCase {
    private func lecture() throws -> Deck { try PresentFixture.deck("deck/lecture") }

    private func status(at slide: Int) throws -> PresenterStatus {
        var presenter = PresentFixture.presenter(try lecture())
        presenter.go(to: slide)
        return presenter.status
    }

    func testACoverSlideSitsInTheMiddle() throws {
        let deck = try lecture()
        let cover = try XCTUnwrap(deck.slides.first { $0.style == .cover })
        let screen = SlideScreen(
            slide: cover, model: PresentFixture.model, width: 100, height: 30, unicode: true)
        XCTAssertTrue(screen.centred)
        XCTAssertGreaterThan(screen.titleTop, SlideGeometry(width: 100, height: 30).topMargin)
        XCTAssertFalse(screen.overflows)
    }

    func testAnOverflowingSlideShowsWhereMoreIs() throws {
        let deck = try lecture()
        var found: (SlideScreen, Int)?
        for slide in deck.slides {
            let screen = SlideScreen(
                slide: slide, model: PresentFixture.model, width: 60, height: 14, unicode: true)
            if screen.overflows {
                found = (screen, screen.maximumScroll)
                break
            }
        }
        let (screen, maximum) = try XCTUnwrap(found, "a slide overflows at 60x14")
        func text(_ scroll: Int) -> String {
            var grid = Grid(width: 60, height: 14)
            screen.widget(scroll: scroll, theme: .monochrome).render(in: grid.bounds, into: &grid)
            return dump(grid)
        }
        XCTAssertTrue(text(0).contains("↓ more"))
        XCTAssertFalse(text(0).contains("↑ more"))
        XCTAssertTrue(text(maximum).contains("↑ more"))
        XCTAssertFalse(text(maximum).contains("↓ more"))
        XCTAssertEqual(text(maximum + 50), text(maximum), "scrolled no further than the end")
    }

    func testScrollDownAndUpStayOnTheSlide() throws {
        var presenter = PresentFixture.presenter(try lecture(), width: 60, height: 14)
        let index = try XCTUnwrap(
            presenter.deck.slides.indices.first { index in
                var probe = presenter
                probe.go(to: index)
                return probe.screen?.overflows ?? false
            })
        presenter.go(to: index)
        let maximum = try XCTUnwrap(presenter.screen?.maximumScroll)
        for _ in 0..<(maximum + 3) { pressKeys(&presenter, "Down") }
        XCTAssertEqual(presenter.state.scroll, maximum)
        XCTAssertEqual(presenter.state.index, index, "Down does not leave the slide")
        for _ in 0..<(maximum + 3) { pressKeys(&presenter, "Up") }
        XCTAssertEqual(presenter.state.scroll, 0)
        XCTAssertEqual(presenter.state.index, index)
    }

    func testAMessageLastsUntilTheNextKey() throws {
        var presenter = PresentFixture.presenter(try lecture())
        let index = try XCTUnwrap(
            presenter.deck.slides.indices.first { index in
                let slide = presenter.deck.slides[index]
                return slide.entity == nil
                    && !slide.textLinks.contains(where: PresentFixture.model.contains)
            })
        presenter.go(to: index)
        pressKeys(&presenter, "Enter")
        XCTAssertTrue(frameText(presenter).contains("Nothing to explore on this slide"))
        pressKeys(&presenter, "?")
        XCTAssertFalse(frameText(presenter).contains("Nothing to explore"))
        XCTAssertTrue(frameText(presenter).contains("Keys"))
        pressKeys(&presenter, "x")
        XCTAssertEqual(presenter.state.mode, .slide, "any key leaves the help")
    }

    func testTheNotesScreenShowsTheSlideTheNextAndABlankScreen() throws {
        var notes = NotesScreen(width: 80, height: 24, clock: { 1_000_000 })
        let deck = try lecture()
        var status = try status(at: deck.slides.count - 1)
        notes.receive(.live(status))
        var text = dump(notes.view().grid)
        XCTAssertTrue(text.contains("Last slide"), text)
        XCTAssertTrue(text.contains("Slide \(deck.slides.count)/\(deck.slides.count)"))
        status.blank = true
        notes.receive(.live(status))
        text = dump(notes.view().grid)
        XCTAssertTrue(text.contains("(screen blanked)"), text)
        XCTAssertTrue(text.contains("following"))
    }

    func testANewSlideStartsItsNotesFromTheTop() throws {
        var notes = NotesScreen(width: 80, height: 10)
        let deck = try lecture()
        let longest = try XCTUnwrap(
            deck.slides.indices.max { deck.slides[$0].notes.count < deck.slides[$1].notes.count })
        notes.receive(.live(try status(at: longest)))
        pressKeys(&notes, "j j")
        XCTAssertEqual(notes.scroll, 2)
        XCTAssertTrue(dump(notes.view().grid).contains("more (j)"))
        notes.receive(.live(try status(at: longest)))
        XCTAssertEqual(notes.scroll, 2, "the same slide keeps its place")
        notes.receive(.live(try status(at: (longest + 1) % deck.slides.count)))
        XCTAssertEqual(notes.scroll, 0)
    }
}
