import CaravanContent
import XCTest

@testable import CaravanUI

/// Golden frames of a class: a poll's answers on the presenter, the notes and a follower;
/// a detour on the notes and a follower; a follower in the explorer. Record with
/// `CARAVAN_RECORD=1`.
final class ClassGoldenTests: XCTestCase {
    /// The lecture's last slide (its poll) open, with three answers, revealed.
    private func pollPresenter(width: Int = 80, height: Int = 24) throws -> Presenter {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = PresentFixture.presenter(deck, width: width, height: height)
        pressKeys(&presenter, "G a")
        let slide = deck.slides.count - 1
        presenter.receive([
            Vote(voter: "uid:1", deck: "deck/lecture", slide: slide, choice: 0),
            Vote(voter: "uid:2", deck: "deck/lecture", slide: slide, choice: 2),
            Vote(voter: "key:SHA256:x", deck: "deck/lecture", slide: slide, choice: 2),
        ])
        pressKeys(&presenter, "v")
        return presenter
    }

    func testThePresenterShowsThePollsAnswers() throws {
        Golden.assert(frameText(try pollPresenter()), named: "class-presenter-poll")
        Golden.assert(
            frameText(try pollPresenter(width: 120, height: 40)), named: "class-presenter-poll-120")
    }

    func testNotesShowThePollLive() throws {
        var presenter = try pollPresenter()
        pressKeys(&presenter, "v")
        var notes = NotesScreen(width: 80, height: 24, clock: { 1_000_754 })
        notes.receive(.live(presenter.status))
        Golden.assert(dump(notes.view().grid), named: "class-notes-poll")
    }

    func testAFollowerSeesRevealedAnswersAndItsOwn() throws {
        let presenter = try pollPresenter()
        var follower = Follower(
            model: PresentFixture.model, width: 80, height: 24, clock: { 1_000_754 })
        follower.receive(.live(presenter.status))
        pressKeys(&follower, "2")
        XCTAssertEqual(
            follower.takeOutgoing(),
            [FollowerMessage(answer: .init(deck: "deck/lecture", slide: 20, option: 2))])
        Golden.assert(dump(follower.view().grid), named: "class-follower-poll")
    }

    /// The presenter on the Almaty case's slide, in the explorer there.
    private func detourStatus() throws -> PresenterStatus {
        let deck = try PresentFixture.deck("deck/lecture")
        var presenter = PresentFixture.presenter(deck)
        let index = try XCTUnwrap(
            deck.slides.firstIndex { $0.entity?.description == "case/almaty-silk-road-brand" })
        presenter.go(to: index)
        presenter.lecturerNotes = [
            try XCTUnwrap(EntityID("case/almaty-silk-road-brand")):
                "Ask who holds the trademark; the paper does not say."
        ]
        pressKeys(&presenter, "Enter")
        return presenter.status
    }

    func testADetourOnTheNotesAndAFollower() throws {
        let status = try detourStatus()
        var notes = NotesScreen(width: 80, height: 24, clock: { 1_000_754 })
        notes.receive(.live(status))
        Golden.assert(dump(notes.view().grid), named: "class-notes-detour")
        var follower = Follower(
            model: PresentFixture.model, width: 80, height: 24, clock: { 1_000_754 })
        follower.receive(.live(status))
        Golden.assert(dump(follower.view().grid), named: "class-follower-detour")
        // The audience is not told the lecturer's note.
        XCTAssertNil(status.forAudience.detour?.note)
        XCTAssertNotNil(status.detour?.note)
    }

    func testAFollowerInTheExplorerIsToldHowToRejoin() throws {
        var follower = Follower(
            model: PresentFixture.model, width: 80, height: 24, clock: { 1_000_754 })
        follower.receive(.live(try detourStatus()))
        pressKeys(&follower, "e")
        XCTAssertNotNil(follower.visit)
        let text = dump(follower.view().grid)
        XCTAssertTrue(text.split(separator: "\n").last?.hasSuffix(" f follow again") ?? false, text)
        pressKeys(&follower, "f")
        XCTAssertNil(follower.visit)
    }
}
