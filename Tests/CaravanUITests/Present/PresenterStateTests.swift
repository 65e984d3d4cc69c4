import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The presenter's state after keys: typed slide numbers, the footer's questions, the
/// clock, the resume offer and polls, on a small deck written here.
final class PresenterStateTests: XCTestCase {
    private let clock = ManualClock()

    /// Four slides; the second asks "Which?" (three options), the third "Again?" (two).
    private func twoPollDeck() throws -> Deck {
        let text = Slide.Kind.text(MarkdownDocument(blocks: []))
        let which = Poll(question: "Which?", options: ["Brand", "Trade", "Services"], line: 5)
        let again = Poll(question: "Again?", options: ["Yes", "No"], line: 9)
        return Deck(
            id: try XCTUnwrap(EntityID("deck/polls")), title: "Polls",
            slides: [
                Slide(title: "Start", kind: text, line: 1),
                Slide(title: "Which", kind: text, line: 4, poll: which),
                Slide(title: "Again", kind: text, line: 8, poll: again),
                Slide(title: "End", kind: text, line: 12),
            ], path: "decks/polls.md")
    }

    private func make(
        _ deck: Deck, start: Int = 0, resume: ResumePoint? = nil,
        capabilities: Capabilities = .full
    ) -> Presenter {
        let clock = self.clock
        return Presenter(
            model: PresentFixture.model, deck: deck, width: 80, height: 24, start: start,
            resume: resume, capabilities: capabilities, clock: { clock.now })
    }

    private func vote(_ voter: String, slide: Int, _ choice: Int) -> Vote {
        Vote(voter: voter, deck: "deck/polls", slide: slide, choice: choice)
    }

    private func footerRow(_ presenter: Presenter) -> String {
        presenter.view().grid.textLines().last ?? ""
    }

    // MARK: Slide numbers

    func testATypedNumberGoesToItsSlideOrSaysHowLongTheDeckIs() throws {
        var presenter = make(try twoPollDeck())
        pressKeys(&presenter, "3")
        XCTAssertTrue(footerRow(presenter).hasPrefix(" Go to slide 3_"), footerRow(presenter))
        pressKeys(&presenter, "Enter")
        XCTAssertEqual(presenter.state.index, 2)
        pressKeys(&presenter, "9 Enter")
        XCTAssertEqual(presenter.state.index, 2)
        XCTAssertEqual(presenter.state.message, "No slide 9: the deck has 4")
        pressKeys(&presenter, "0 Enter")
        XCTAssertEqual(presenter.state.message, "No slide 0: the deck has 4")
        pressKeys(&presenter, "0 0 1 Enter")
        XCTAssertEqual(presenter.state.index, 0, "leading zeros still name slide 1")
    }

    func testATypedNumberKeepsFourDigitsAndIsEditedOrDropped() throws {
        var presenter = make(try twoPollDeck())
        pressKeys(&presenter, "1 2 3 4 5")
        XCTAssertEqual(presenter.state.typedNumber, "1234")
        pressKeys(&presenter, "Backspace Backspace Backspace")
        XCTAssertEqual(presenter.state.typedNumber, "1")
        XCTAssertEqual(presenter.state.index, 0, "Backspace edits the number, not the slide")
        pressKeys(&presenter, "Esc")
        XCTAssertEqual(presenter.state.typedNumber, "")
        XCTAssertEqual(presenter.state.index, 0)
        pressKeys(&presenter, "2 Space")
        XCTAssertEqual(presenter.state.typedNumber, "", "another key drops the number")
        XCTAssertEqual(presenter.state.index, 1, "and does what it does")
    }

    func testDigitsOfOtherScriptsAreNotSlideNumbers() throws {
        var presenter = make(try twoPollDeck())
        XCTAssertEqual(presenter.update(.key(.character("٣"))), [])
        XCTAssertEqual(presenter.update(.key(.character("３"))), [])
        XCTAssertEqual(presenter.state.typedNumber, "")
        XCTAssertEqual(presenter.state.index, 0)
    }

    // MARK: Questions

    func testTheQuitQuestionIsShownAndTakesACapitalY() throws {
        var presenter = make(try twoPollDeck())
        pressKeys(&presenter, "2 q")
        XCTAssertEqual(presenter.state.typedNumber, "", "q drops the number and asks")
        XCTAssertTrue(
            footerRow(presenter).contains("Quit the presentation? q or y quits"),
            footerRow(presenter))
        XCTAssertEqual(pressKeys(&presenter, "Y"), [.quit])
        XCTAssertEqual(pressKeys(&presenter, "q Esc"), [])
        XCTAssertNil(presenter.state.question)
        XCTAssertEqual(presenter.state.mode, .slide)
        XCTAssertEqual(pressKeys(&presenter, "q j"), [])
        XCTAssertEqual(presenter.state.index, 0, "the answering key does nothing else")
    }

    func testAResumeOfferIsConsumedByTheKeyThatAnswersIt() throws {
        let point = ResumePoint(slide: 2, elapsed: 40, paused: false)
        var declined = make(try twoPollDeck(), resume: point)
        pressKeys(&declined, "q")
        XCTAssertNil(declined.state.question, "q declines; it does not ask to quit")
        XCTAssertEqual(declined.state.index, 0)
        var typed = make(try twoPollDeck(), resume: point)
        pressKeys(&typed, "3")
        XCTAssertEqual(typed.state.typedNumber, "", "the digit answered the offer")
        var capital = make(try twoPollDeck(), resume: point)
        pressKeys(&capital, "Y")
        XCTAssertEqual(capital.state.index, 2)
        XCTAssertEqual(capital.state.elapsed, 40)
    }

    func testAResumePointOutsideTheDeckIsClamped() throws {
        let far = ResumePoint(slide: 99, elapsed: -30, paused: true)
        var presenter = make(try twoPollDeck(), resume: far)
        pressKeys(&presenter, "Enter")
        XCTAssertEqual(presenter.state.index, 3, "the last slide")
        XCTAssertEqual(presenter.state.elapsed, 0, "no time before the start")
        XCTAssertEqual(presenter.state.pausedAt, 0)
        XCTAssertEqual(presenter.resumePoint, ResumePoint(slide: 3, elapsed: 0, paused: true))
    }

    func testTheStartIsClampedToTheDeck() throws {
        XCTAssertEqual(make(try twoPollDeck(), start: 40).state.index, 3)
        XCTAssertEqual(make(try twoPollDeck(), start: -2).state.index, 0)
    }

    // MARK: The clock

    func testResettingAPausedClockKeepsItPausedAtZero() throws {
        var presenter = make(try twoPollDeck())
        clock.now += 90
        pressKeys(&presenter, "p")
        XCTAssertEqual(presenter.state.message, "Clock paused (p starts it again)")
        pressKeys(&presenter, "x")
        XCTAssertNil(presenter.state.message, "an unbound key clears the message")
        XCTAssertTrue(footerRow(presenter).hasPrefix(" 1/4 · clock paused "), footerRow(presenter))
        pressKeys(&presenter, "r")
        XCTAssertEqual(presenter.state.message, "Clock reset")
        XCTAssertEqual(presenter.state.pausedAt, 0)
        clock.now += 50
        _ = presenter.update(.tick)
        XCTAssertEqual(presenter.state.elapsed, 0, "still paused")
        pressKeys(&presenter, "p")
        XCTAssertEqual(presenter.state.message, "Clock running")
        pressKeys(&presenter, "x")
        XCTAssertTrue(footerRow(presenter).hasPrefix(" 1/4 "), footerRow(presenter))
        XCTAssertFalse(footerRow(presenter).contains("clock paused"), footerRow(presenter))
        clock.now += 5
        _ = presenter.update(.tick)
        XCTAssertEqual(presenter.state.elapsed, 5, "runs on from where it was reset")
    }

    func testAClockSetBackShowsZeroNotANegativeTime() throws {
        var presenter = make(try twoPollDeck())
        clock.now -= 3600
        _ = presenter.update(.tick)
        XCTAssertEqual(presenter.state.elapsed, 0)
        XCTAssertTrue(footerRow(presenter).hasSuffix("00:00"), footerRow(presenter))
    }

    func testTheClockShowsHoursAfterAnHour() {
        XCTAssertEqual(SlideFooter.clock(0), "00:00")
        XCTAssertEqual(SlideFooter.clock(59), "00:59")
        XCTAssertEqual(SlideFooter.clock(3599), "59:59")
        XCTAssertEqual(SlideFooter.clock(3600), "1:00:00")
        XCTAssertEqual(SlideFooter.clock(36_061), "10:01:01")
        XCTAssertEqual(SlideFooter.clock(-5), "00:00")
        XCTAssertEqual(
            ResumePoint(slide: 0, elapsed: 3725, paused: true).summary,
            "slide 1, 1:02:05 (clock paused)")
    }

    // MARK: Polls

    func testThePollFooterNamesItsStateAndKeys() throws {
        var presenter = make(try twoPollDeck())
        XCTAssertNil(presenter.footerLabel, "no poll, clock running: nothing to say")
        pressKeys(&presenter, "Space")
        XCTAssertEqual(presenter.footerLabel, "poll (a opens it)")
        pressKeys(&presenter, "a")
        XCTAssertEqual(presenter.state.message, "Poll open: followers answer with 1-3")
        XCTAssertEqual(presenter.footerLabel, "poll open · 0 answered (a closes, v shows)")
        presenter.receive([vote("uid:1", slide: 1, 2)])
        pressKeys(&presenter, "v")
        XCTAssertEqual(presenter.footerLabel, "poll open · 1 answered (a closes, v hides)")
        pressKeys(&presenter, "a")
        XCTAssertEqual(presenter.state.message, "Poll closed: 1 answered")
        XCTAssertEqual(presenter.footerLabel, "poll closed · 1 answered (a reopens)")
        pressKeys(&presenter, "p")
        XCTAssertEqual(
            presenter.footerLabel, "poll closed · 1 answered (a reopens) · clock paused")
    }

    func testThePollFooterUsesASCIIWithoutUnicode() throws {
        var presenter = make(try twoPollDeck(), start: 1, capabilities: .minimal)
        pressKeys(&presenter, "a p")
        XCTAssertEqual(
            presenter.footerLabel, "poll open - 0 answered (a closes, v shows) - clock paused")
    }

    func testAReopenedPollKeepsItsAnswersAndCountsEachClosing() throws {
        var presenter = make(try twoPollDeck(), start: 1)
        pressKeys(&presenter, "a")
        presenter.receive([vote("uid:1", slide: 1, 0), vote("uid:2", slide: 1, 0)])
        pressKeys(&presenter, "a a")
        presenter.receive([vote("uid:3", slide: 1, 1)])
        XCTAssertEqual(presenter.currentPoll?.counts, [2, 1, 0])
        pressKeys(&presenter, "a")
        XCTAssertEqual(presenter.state.closedPolls, 2)
        pressKeys(&presenter, "Space")
        XCTAssertEqual(presenter.state.closedPolls, 2, "leaving a closed poll closes nothing")
    }

    func testAnswersOutOfRangeOrForAnotherSlideAreDropped() throws {
        var presenter = make(try twoPollDeck(), start: 1)
        pressKeys(&presenter, "a")
        presenter.receive([
            vote("uid:1", slide: 1, 3), vote("uid:2", slide: 1, -1), vote("uid:3", slide: 2, 0),
        ])
        XCTAssertEqual(presenter.currentPoll?.answered, 0)
        pressKeys(&presenter, "Space")
        XCTAssertNil(presenter.tallies[2], "the next slide's poll was never asked")
        XCTAssertEqual(presenter.currentPoll?.counts, [0, 0])
        pressKeys(&presenter, "Space")
        presenter.receive([vote("uid:1", slide: 3, 0)])
        XCTAssertEqual(presenter.tallies.keys.sorted(), [1], "a slide without a poll takes none")
    }

    func testGoingToTheSameSlideKeepsItsPollOpen() throws {
        var presenter = make(try twoPollDeck(), start: 1)
        pressKeys(&presenter, "a o Enter")
        XCTAssertEqual(presenter.currentPoll?.isOpen, true, "the overview picked this slide")
        pressKeys(&presenter, "2 Enter")
        XCTAssertEqual(presenter.currentPoll?.isOpen, true)
        pressKeys(&presenter, "G")
        XCTAssertEqual(presenter.tallies[1]?.isOpen, false, "End left the slide")
        XCTAssertEqual(presenter.state.closedPolls, 1)
    }

    func testARevealedPollIsDrawnOverTheSlideEvenBeforeItOpens() throws {
        var presenter = make(try twoPollDeck(), start: 2)
        pressKeys(&presenter, "v")
        XCTAssertEqual(presenter.status.poll?.revealed, true)
        XCTAssertEqual(presenter.status.poll?.open, false)
        XCTAssertEqual(presenter.footerLabel, "poll (a opens it)")
        let text = dump(presenter.view().grid)
        XCTAssertTrue(text.contains("Poll: Again?"), text)
        XCTAssertTrue(text.contains("closed · 0 answered"), text)
        pressKeys(&presenter, "v")
        XCTAssertFalse(dump(presenter.view().grid).contains("Poll: Again?"))
    }

    func testWritingResultsNeedsAPollAndTheCSVHasEveryPollAsked() throws {
        let deck = try twoPollDeck()
        var presenter = make(deck)
        pressKeys(&presenter, "w")
        XCTAssertEqual(presenter.state.message, "No poll has been asked yet")
        XCTAssertEqual(presenter.state.resultsRequests, 0)
        pressKeys(&presenter, "Space a")
        presenter.receive([vote("uid:1", slide: 1, 1)])
        pressKeys(&presenter, "Space a")
        presenter.receive([vote("uid:1", slide: 2, 0), vote("uid:2", slide: 2, 0)])
        pressKeys(&presenter, "w w")
        XCTAssertEqual(presenter.state.resultsRequests, 2)
        XCTAssertEqual(
            PollResults.csv(deck: deck, tallies: presenter.tallies),
            PollResults.header + "\r\n" + "deck/polls,2,Which?,1,Brand,0,1\r\n"
                + "deck/polls,2,Which?,2,Trade,1,1\r\n" + "deck/polls,2,Which?,3,Services,0,1\r\n"
                + "deck/polls,3,Again?,1,Yes,2,2\r\n" + "deck/polls,3,Again?,2,No,0,2\r\n")
    }

    func testCSVFieldsThatASpreadsheetWouldReadAsFormulasAreText() {
        XCTAssertEqual(PollResults.field("plain"), "plain")
        XCTAssertEqual(PollResults.field(""), "")
        XCTAssertEqual(PollResults.field("+1"), "'+1")
        XCTAssertEqual(PollResults.field("-1"), "'-1")
        XCTAssertEqual(PollResults.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(PollResults.field("\tx"), "'\tx")
        XCTAssertEqual(PollResults.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(PollResults.field("a,b"), "\"a,b\"")
        XCTAssertEqual(PollResults.field("a\nb"), "\"a\nb\"", "a lone line feed is quoted")
        XCTAssertEqual(PollResults.field("a\rb"), "\"a\rb\"")
        XCTAssertEqual(PollResults.field("\r\nx"), "\"'\r\nx\"")
        XCTAssertEqual(PollResults.field("1+1"), "1+1", "only a leading sign")
        XCTAssertEqual(PollResults.field("文化"), "文化")
    }

    // MARK: Status

    func testTheStatusTellsABlankScreenAndTheLastSlideHasNoNext() throws {
        var presenter = make(try twoPollDeck(), start: 3)
        XCTAssertNil(presenter.status.nextTitle)
        XCTAssertEqual(presenter.status.title, "End")
        pressKeys(&presenter, "b")
        XCTAssertTrue(presenter.status.blank)
        XCTAssertEqual(
            dump(presenter.view().grid).trimmingCharacters(in: .whitespacesAndNewlines), "")
        pressKeys(&presenter, "x")
        XCTAssertFalse(presenter.status.blank)
        XCTAssertEqual(presenter.state.index, 3, "the key only brought the slide back")
    }

    func testADeckWithoutSlidesIsShownAndNoKeyTraps() throws {
        let empty = Deck(
            id: try XCTUnwrap(EntityID("deck/empty")), title: "Empty", slides: [], path: "")
        var presenter = make(empty)
        XCTAssertTrue(dump(presenter.view().grid).contains("This deck has no slides"))
        pressKeys(&presenter, "Space k j G g Down Up a v w o Enter Esc 1 Enter Enter")
        XCTAssertEqual(presenter.state.index, 0)
        XCTAssertEqual(presenter.status.count, 0)
        XCTAssertEqual(presenter.status.title, "Empty")
        XCTAssertNil(presenter.status.poll)
    }
}
