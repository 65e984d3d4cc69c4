import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// A clock a test sets by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Double = 1_000_000

    var now: Double {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

final class PresenterClassTests: XCTestCase {
    private let clock = ManualClock()

    /// A deck of three slides; the second asks "Which?" with three options.
    private func pollDeck() throws -> Deck {
        let poll = Poll(question: "Which?", options: ["Brand", "Trade", "Services"], line: 5)
        let text = Slide.Kind.text(MarkdownDocument(blocks: []))
        return Deck(
            id: try XCTUnwrap(EntityID("deck/class")), title: "Class",
            slides: [
                Slide(title: "One", kind: text, line: 1),
                Slide(title: "Vote", kind: text, line: 4, poll: poll),
                Slide(title: "Three", kind: text, line: 9),
            ], path: "decks/class.md")
    }

    private func presenter(_ deck: Deck, resume: ResumePoint? = nil) -> Presenter {
        let clock = self.clock
        return Presenter(
            model: PresentFixture.model, deck: deck, width: 80, height: 24, resume: resume,
            clock: { clock.now })
    }

    func testQuitAsksAndAnyOtherKeyGoesOn() throws {
        var presenter = presenter(try pollDeck())
        XCTAssertEqual(pressKeys(&presenter, "q"), [])
        XCTAssertEqual(presenter.state.question, .quit)
        XCTAssertEqual(pressKeys(&presenter, "Space"), [], "cancels, and does not move")
        XCTAssertEqual(presenter.state.index, 0)
        XCTAssertNil(presenter.state.question)
        XCTAssertEqual(pressKeys(&presenter, "q y"), [.quit])
        XCTAssertEqual(pressKeys(&presenter, "q Q"), [.quit])
        XCTAssertEqual(presenter.update(.interrupt), [.quit], "Ctrl-C does not ask")
    }

    func testTheClockPausesResumesAndResets() throws {
        var presenter = presenter(try pollDeck())
        clock.now += 90
        pressKeys(&presenter, "p")
        XCTAssertEqual(presenter.state.elapsed, 90)
        clock.now += 600
        pressKeys(&presenter, "j")
        XCTAssertEqual(presenter.state.elapsed, 90, "a paused clock stands still")
        XCTAssertEqual(presenter.status.pausedAt, 90)
        XCTAssertEqual(presenter.resumePoint, ResumePoint(slide: 1, elapsed: 90, paused: true))
        pressKeys(&presenter, "p")
        clock.now += 10
        _ = presenter.update(.tick)
        XCTAssertEqual(presenter.state.elapsed, 100)
        XCTAssertNil(presenter.status.pausedAt)
        pressKeys(&presenter, "r")
        XCTAssertEqual(presenter.state.elapsed, 0)
    }

    func testAResumeOfferIsAnsweredByTheFirstKey() throws {
        let point = ResumePoint(slide: 2, elapsed: 751, paused: false)
        var yes = presenter(try pollDeck(), resume: point)
        XCTAssertEqual(yes.state.question, .resume(point))
        XCTAssertTrue(screenText(yes.view()).contains("Resume at slide 3, 12:31? y/n"))
        pressKeys(&yes, "y")
        XCTAssertEqual(yes.state.index, 2)
        XCTAssertEqual(yes.state.elapsed, 751)
        var no = presenter(try pollDeck(), resume: point)
        pressKeys(&no, "n")
        XCTAssertEqual(no.state.index, 0)
        XCTAssertEqual(no.state.elapsed, 0)
        var paused = presenter(
            try pollDeck(), resume: ResumePoint(slide: 1, elapsed: 30, paused: true))
        pressKeys(&paused, "Enter")
        clock.now += 100
        XCTAssertEqual(paused.state.elapsed, 30)
    }

    func testAnswersCountOnlyOnTheOpenPollOfTheCurrentSlide() throws {
        var presenter = presenter(try pollDeck())
        let vote = { (voter: String, slide: Int, choice: Int) in
            Vote(voter: voter, deck: "deck/class", slide: slide, choice: choice)
        }
        pressKeys(&presenter, "a")
        XCTAssertEqual(presenter.state.message, "No poll on this slide")
        pressKeys(&presenter, "Space")
        presenter.receive([vote("uid:1", 1, 0)])
        XCTAssertEqual(presenter.currentPoll?.answered, 0, "not open yet")
        pressKeys(&presenter, "a")
        XCTAssertEqual(presenter.status.poll?.open, true)
        presenter.receive([
            vote("uid:1", 1, 0), vote("key:SHA256:x", 1, 2), vote("uid:1", 1, 1),
            vote("uid:2", 0, 0), Vote(voter: "uid:3", deck: "deck/other", slide: 1, choice: 0),
        ])
        XCTAssertEqual(presenter.currentPoll?.counts, [0, 1, 1])
        XCTAssertEqual(presenter.status.poll?.counts, [0, 1, 1])
        XCTAssertEqual(presenter.status.poll?.revealed, false)
        pressKeys(&presenter, "v")
        XCTAssertEqual(presenter.status.poll?.revealed, true)
        pressKeys(&presenter, "Space")
        XCTAssertEqual(presenter.state.closedPolls, 1, "leaving the slide closes its poll")
        XCTAssertNil(presenter.status.poll)
        pressKeys(&presenter, "Left")
        presenter.receive([vote("uid:4", 1, 0)])
        XCTAssertEqual(presenter.currentPoll?.counts, [0, 1, 1], "closed: no more answers")
        pressKeys(&presenter, "w")
        XCTAssertEqual(presenter.state.resultsRequests, 1)
    }

    func testADetourTellsItsTitleLinksAndTheLecturersNote() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = presenter(deck)
        let index = try XCTUnwrap(
            deck.slides.firstIndex { $0.entity?.description == "case/almaty-silk-road-brand" })
        presenter.go(to: index)
        let id = try XCTUnwrap(EntityID("case/almaty-silk-road-brand"))
        presenter.lecturerNotes = [id: "Ask who holds the mark."]
        XCTAssertNil(presenter.status.detour)
        pressKeys(&presenter, "Enter")
        let detour = try XCTUnwrap(presenter.status.detour)
        XCTAssertEqual(detour.id, "case/almaty-silk-road-brand")
        XCTAssertEqual(detour.note, "Ask who holds the mark.")
        XCTAssertFalse(detour.links.isEmpty)
        XCTAssertEqual(Set(detour.links.map(\.title)).count, detour.links.count, "each once")
        pressKeys(&presenter, "Backspace")
        XCTAssertNil(presenter.visit)
        XCTAssertNil(presenter.status.detour)
    }
}

/// A frame's text, rows joined by newlines.
func screenText(_ frame: Frame) -> String {
    frame.grid.textLines().joined(separator: "\n")
}
