import CaravanContent
import XCTest

@testable import CaravanUI

/// The presenter, its overview, the notes screen and the follower take actions from their
/// keymaps, so rebinding reaches them all.
final class PresenterRebindingTests: XCTestCase {
    private func presenter(keys: KeyBindings) throws -> Presenter {
        Presenter(
            model: PresentFixture.model, deck: try PresentFixture.deck("deck/lecture"),
            width: 80, height: 24, keys: keys, clock: { 1_000_000 })
    }

    private func status(at slide: Int) throws -> PresenterStatus {
        var presenter = PresentFixture.presenter(try PresentFixture.deck("deck/lecture"))
        presenter.go(to: slide)
        return presenter.status
    }

    func testPresenterKeysAreRebound() throws {
        var keys = KeyBindings.standard
        keys.presenter = keys.presenter.applying(["next": [.character("x")]])
        var presenter = try presenter(keys: keys)
        pressKeys(&presenter, "Space n")
        XCTAssertEqual(presenter.state.index, 0, "the old keys no longer move")
        pressKeys(&presenter, "x x")
        XCTAssertEqual(presenter.state.index, 2)
        pressKeys(&presenter, "?")
        XCTAssertTrue(frameText(presenter).contains("x"), "the help shows the new key")
        XCTAssertFalse(frameText(presenter).contains("Space Right"))
    }

    func testTheOverviewTakesItsOwnActions() throws {
        var keys = KeyBindings.standard
        keys.overview = keys.overview.applying(["right": [.character("d")], "open": [.tab]])
        var presenter = try presenter(keys: keys)
        pressKeys(&presenter, "o l d d Enter")
        guard case .overview(let overview) = presenter.state.mode else {
            return XCTFail("l or Enter left the overview")
        }
        XCTAssertEqual(overview.selection, 2)
        pressKeys(&presenter, "Tab")
        XCTAssertEqual(presenter.state.mode, .slide)
        XCTAssertEqual(presenter.state.index, 2)
    }

    func testTheOverviewsLastGoesToTheLastSlide() throws {
        var presenter = try presenter(keys: .standard)
        pressKeys(&presenter, "o G Enter")
        XCTAssertEqual(presenter.state.index, presenter.deck.slides.count - 1)
        pressKeys(&presenter, "o g q")
        XCTAssertEqual(presenter.state.mode, .slide, "q closes the overview without choosing")
        XCTAssertEqual(presenter.state.index, presenter.deck.slides.count - 1)
    }

    func testTheExplorerFromASlideKeepsTheKeys() throws {
        var keys = KeyBindings.standard
        keys.explorer = keys.explorer.applying(["back": [.character("B")]])
        var presenter = try presenter(keys: keys)
        let deck = presenter.deck
        let index = try XCTUnwrap(deck.slides.firstIndex { $0.entity != nil })
        presenter.go(to: index)
        pressKeys(&presenter, "Enter")
        XCTAssertNotNil(presenter.visit)
        pressKeys(&presenter, "Backspace")
        XCTAssertNotNil(presenter.visit, "Backspace is no longer back")
        pressKeys(&presenter, "B")
        XCTAssertNil(presenter.visit, "the rebound back key leaves at the start of history")
    }

    /// The notes scroll with the explorer's moving keys: a page keeps a line of the last
    /// one in sight, and the end is the last screenful.
    func testNotesScrollWithTheExplorersMoves() throws {
        var notes = NotesScreen(width: 80, height: 10)
        let deck = try PresentFixture.deck("deck/lecture")
        let longest = try XCTUnwrap(
            deck.slides.indices.max { deck.slides[$0].notes.count < deck.slides[$1].notes.count })
        notes.receive(.live(try status(at: longest)))
        pressKeys(&notes, "j")
        XCTAssertEqual(notes.scroll, 1)
        pressKeys(&notes, "G")
        let bottom = notes.scroll
        XCTAssertGreaterThan(bottom, 1)
        pressKeys(&notes, "Ctrl-n")
        XCTAssertEqual(notes.scroll, bottom, "no scrolling past the end")
        pressKeys(&notes, "g")
        XCTAssertEqual(notes.scroll, 0)
        var keymap = Keymap<Action>.standard
        keymap = keymap.applying(["line-down": [.character("J")], "quit": [.character("x")]])
        var rebound = NotesScreen(width: 80, height: 10, keymap: keymap)
        rebound.receive(.live(try status(at: longest)))
        XCTAssertEqual(pressKeys(&rebound, "j q"), [])
        XCTAssertEqual(rebound.scroll, 0)
        pressKeys(&rebound, "J")
        XCTAssertEqual(rebound.scroll, 1)
        XCTAssertEqual(pressKeys(&rebound, "x"), [.quit])
    }

    func testTheFollowersKeysAreRebound() throws {
        let deck = try PresentFixture.deck("deck/lecture")
        let caseIndex = try XCTUnwrap(deck.slides.firstIndex { $0.entity?.kind == .case })
        var keys = KeyBindings.standard
        keys.follow = keys.follow.applying(["explore": [.character("x")], "rejoin": [.tab]])
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24, keys: keys)
        follower.receive(.live(try status(at: caseIndex)))
        pressKeys(&follower, "e")
        XCTAssertNil(follower.visit, "e no longer explores")
        pressKeys(&follower, "x")
        XCTAssertNotNil(follower.visit)
        pressKeys(&follower, "f")
        XCTAssertNotNil(follower.visit, "f no longer rejoins")
        pressKeys(&follower, "Tab")
        XCTAssertNil(follower.visit)
    }
}
