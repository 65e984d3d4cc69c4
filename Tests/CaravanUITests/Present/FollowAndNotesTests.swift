import CaravanContent
import XCTest

@testable import CaravanUI

/// The notes and follow screens: what they show of a presenter's status, and that their
/// keys stay local.
final class FollowAndNotesTests: XCTestCase {
    private func status(at slide: Int) throws -> PresenterStatus {
        var presenter = PresentFixture.presenter(try PresentFixture.deck("deck/lecture"))
        presenter.go(to: slide)
        return presenter.status
    }

    func testNotesWaitThenFollow() throws {
        var notes = NotesScreen(width: 80, height: 24, clock: { 1_000_060 })
        XCTAssertTrue(
            dump(notes.view().grid).contains("Waiting for the presenter"))
        notes.receive(.live(try status(at: 3)))
        let text = dump(notes.view().grid)
        XCTAssertTrue(text.contains("Slide 4/21: Hardware and software"), text)
        XCTAssertTrue(text.contains("This is the motivation of section 1"), text)
        XCTAssertTrue(text.contains("Next: Two views of the culture industry"), text)
        XCTAssertTrue(text.contains("01:00"), text)
        notes.receive(.waiting)
        XCTAssertTrue(
            dump(notes.view().grid).contains("Waiting for the presenter"))
    }

    func testNotesKeysOnlyScrollOrQuit() throws {
        var notes = NotesScreen(width: 80, height: 10)
        notes.receive(.live(try status(at: 0)))
        XCTAssertEqual(pressKeys(&notes, "j j Space n p Right Enter"), [])
        XCTAssertEqual(pressKeys(&notes, "q"), [.quit])
    }

    func testFollowerShowsTheLiveSlide() throws {
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24)
        XCTAssertTrue(
            dump(follower.view().grid).contains("Waiting for the presenter"))
        follower.receive(.live(try status(at: 3)))
        let text = dump(follower.view().grid)
        XCTAssertTrue(text.contains("Hardware and software"), text)
        XCTAssertTrue(text.contains("4/21 · following"), text)
    }

    func testFollowerStepsIntoTheExplorerAndRejoins() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        let caseIndex = try XCTUnwrap(deck.slides.firstIndex { $0.entity?.kind == .case })
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24)
        follower.receive(.live(try status(at: caseIndex)))
        pressKeys(&follower, "e")
        XCTAssertEqual(follower.visit?.explorer.state.current, deck.slides[caseIndex].entity)
        // The talk moves on meanwhile; the explorer stays.
        follower.receive(.live(try status(at: caseIndex + 1)))
        XCTAssertNotNil(follower.visit)
        pressKeys(&follower, "f")
        XCTAssertNil(follower.visit)
        XCTAssertEqual(follower.slide?.title, deck.slides[caseIndex + 1].title)
        pressKeys(&follower, "e Esc")
        XCTAssertNil(follower.visit, "Esc rejoins too")
    }

    func testFollowerShowsTheTitleOfASlideItDoesNotHave() throws {
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24)
        var remote = try status(at: 0)
        remote.deck = "deck/elsewhere"
        remote.title = "A slide from another content"
        follower.receive(.live(remote))
        let text = dump(follower.view().grid)
        XCTAssertTrue(text.contains("A slide from another content"), text)
        XCTAssertTrue(text.contains("not in your content"), text)
    }

    func testFollowerMirrorsABlankScreen() throws {
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24)
        var remote = try status(at: 3)
        remote.blank = true
        follower.receive(.live(remote))
        let text = dump(follower.view().grid)
        XCTAssertFalse(text.contains("Hardware and software"), text)
        XCTAssertTrue(text.contains("blanked"), text)
    }
}
