import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// What the follow screen's footer says and sends for a poll, the "follow again" hint,
/// the poll chart, the block font and the status line read from a presenter.
final class FollowerFooterAndPartsTests: XCTestCase {
    /// A status on slide 2 of 5 of a deck the local content lacks.
    private func status(poll: PollStatus? = nil, slide: Int = 1) -> PresenterStatus {
        var status = PresenterStatus(
            deck: "deck/elsewhere", deckTitle: "Elsewhere", slide: slide, count: 5,
            title: "Question time", notes: "private", nextTitle: nil, started: 1_000_000)
        status.poll = poll
        return status
    }

    private func poll(open: Bool, answered: Int = 0) -> PollStatus {
        PollStatus(
            question: "Which?", options: ["Brand", "Trade", "Services"], open: open,
            revealed: false, counts: nil, answered: answered)
    }

    private func follower(keys: KeyBindings = .standard) -> Follower {
        Follower(
            model: PresentFixture.model, width: 80, height: 24, keys: keys, clock: { 1_000_030 })
    }

    private func footer(_ follower: Follower) -> String {
        follower.view().grid.textLines().last ?? ""
    }

    // MARK: The follower's footer and answers

    func testAFollowerAnswersAnOpenPollOnlyWithItsOptions() throws {
        var follower = follower()
        follower.receive(.live(status(poll: poll(open: false))))
        XCTAssertEqual(
            follower.footerLabel(try XCTUnwrap(follower.link.status)), "poll not open yet")
        pressKeys(&follower, "2")
        XCTAssertEqual(follower.takeOutgoing(), [], "a closed poll takes no answer")
        follower.receive(.live(status(poll: poll(open: true))))
        XCTAssertTrue(
            footer(follower).hasPrefix(" 2/5 · poll open: answer with 1-3 "), footer(follower))
        pressKeys(&follower, "0 4 9")
        XCTAssertEqual(follower.takeOutgoing(), [], "no such options")
        XCTAssertEqual(follower.answers, [:])
        pressKeys(&follower, "2 3")
        let sent = follower.takeOutgoing()
        XCTAssertEqual(
            sent.compactMap(\.answer),
            [
                .init(deck: "deck/elsewhere", slide: 1, option: 2),
                .init(deck: "deck/elsewhere", slide: 1, option: 3),
            ])
        XCTAssertEqual(follower.takeOutgoing(), [], "taken once")
        XCTAssertEqual(follower.answers, ["deck/elsewhere#1": 3], "the last answer stands")
        XCTAssertTrue(
            footer(follower).hasPrefix(" 2/5 · you answered 3; 1-3 changes it "),
            footer(follower))
    }

    func testAClosedPollSaysWhetherThisFollowerAnswered() throws {
        var follower = follower()
        follower.receive(.live(status(poll: poll(open: true))))
        pressKeys(&follower, "1")
        let closed = status(poll: poll(open: false, answered: 4))
        XCTAssertEqual(follower.footerLabel(closed), "poll closed, you answered 1")
        let elsewhere = status(poll: poll(open: false, answered: 4), slide: 2)
        XCTAssertEqual(follower.footerLabel(elsewhere), "poll closed", "another slide's poll")
        let unanswered = status(poll: poll(open: true), slide: 2)
        XCTAssertEqual(follower.footerLabel(unanswered), "poll open: answer with 1-3")
    }

    func testBlankAndDetourComeBeforeThePoll() {
        let follower = follower()
        var blank = status(poll: poll(open: true))
        blank.blank = true
        XCTAssertEqual(follower.footerLabel(blank), "blanked")
        var detour = status(poll: poll(open: true))
        detour.detour = DetourStatus(id: "case/x", title: "Almaty", links: [], note: nil)
        XCTAssertEqual(follower.footerLabel(detour), "the presenter opened Almaty, e explores it")
        XCTAssertEqual(follower.footerLabel(status()), "following, e explores")
    }

    func testWithoutAnExploreKeyTheFooterOffersNone() {
        var keys = KeyBindings.standard
        keys.follow = keys.follow.applying(["explore": []])
        let follower = follower(keys: keys)
        XCTAssertEqual(follower.footerLabel(status()), "following")
        var detour = status()
        detour.detour = DetourStatus(id: "case/x", title: "Almaty", links: [], note: nil)
        XCTAssertEqual(follower.footerLabel(detour), "the presenter opened Almaty")
    }

    func testTheFollowAgainHintSitsBottomRightOrNotAtAll() {
        let hint = RejoinHint(key: "Tab", theme: .monochrome)
        XCTAssertEqual(hint.text, " Tab follow again ")
        var grid = Grid(width: 30, height: 3)
        hint.render(in: grid.bounds, into: &grid)
        XCTAssertEqual(
            grid.textLines(), ["", "", String(repeating: " ", count: 12) + " Tab follow again"])
        XCTAssertEqual(grid[13, 2].style, PresenterTheme.monochrome.notice)
        var narrow = Grid(width: 18, height: 1)
        hint.render(in: narrow.bounds, into: &narrow)
        XCTAssertEqual(narrow.textLines(), [""], "no room: nothing drawn, nothing cut")
        var flat = Grid(width: 30, height: 1)
        hint.render(in: Rect(x: 0, y: 0, width: 30, height: 0), into: &flat)
        XCTAssertEqual(flat.textLines(), [""])
    }

    // MARK: The poll's chart

    func testThePollSummaryCountsAnswersInWords() {
        var poll = poll(open: true, answered: 1)
        XCTAssertEqual(
            PollResultsView(poll: poll, theme: .monochrome, glyphs: .unicode).summary,
            "open · 1 answered")
        poll.open = false
        poll.answered = 0
        XCTAssertEqual(
            PollResultsView(poll: poll, theme: .monochrome, glyphs: .ascii).summary,
            "closed - 0 answered")
    }

    func testBarsAreAsLongAsTheirShareAndCountsAlignRight() {
        let poll = PollStatus(
            question: "Q", options: ["A", "BB", "C"], open: true, revealed: true,
            counts: [2, 1, 0], answered: 3)
        var grid = Grid(width: 40, height: 5)
        PollResultsView(poll: poll, theme: .monochrome, glyphs: .ascii)
            .render(in: grid.bounds, into: &grid)
        let lines = grid.textLines()
        XCTAssertEqual(
            lines[0], "Poll: Q" + String(repeating: " ", count: 16) + "open - 3 answered")
        XCTAssertEqual(lines[1], "")
        // Number (4), label (2 + 2), bar (40 - 4 - 4 - 3 - 1 = 28), count right-aligned.
        XCTAssertEqual(lines[2], " 1  A   " + String(repeating: "#", count: 28) + "  2")
        XCTAssertEqual(
            lines[3],
            " 2  BB  " + String(repeating: "#", count: 14) + String(repeating: " ", count: 16) + "1"
        )
        XCTAssertEqual(lines[4], " 3  C   " + String(repeating: " ", count: 30) + "0")
    }

    func testUnrevealedCountsDrawNoBarsAndATinyAreaNothing() {
        let poll = PollStatus(
            question: "Q", options: ["A", "B"], open: true, revealed: false, counts: nil,
            answered: 7)
        var grid = Grid(width: 40, height: 4)
        PollResultsView(poll: poll, theme: .monochrome, glyphs: .ascii)
            .render(in: grid.bounds, into: &grid)
        XCTAssertEqual(Array(grid.textLines()[2...]), [" 1  A", " 2  B"])
        var tiny = Grid(width: 8, height: 4)
        PollResultsView(poll: poll, theme: .monochrome, glyphs: .ascii)
            .render(in: tiny.bounds, into: &tiny)
        XCTAssertTrue(tiny.textLines().allSatisfy(\.isEmpty))
        var short = Grid(width: 40, height: 3)
        PollResultsView(poll: poll, theme: .monochrome, glyphs: .ascii)
            .render(in: short.bounds, into: &short)
        XCTAssertEqual(short.textLines()[2], " 1  A", "options past the area are left out")
    }

    // MARK: The block font

    func testALetterIsItsBitmapInHalfBlocksOrHashes() {
        XCTAssertEqual(BlockFont.render("I", unicode: true), ["▀█▀", " █ ", "▀▀▀"])
        XCTAssertEqual(
            BlockFont.render("I", unicode: false), ["###", " # ", " # ", " # ", "###"])
        XCTAssertEqual(BlockFont.render(".", unicode: true), [" ", " ", "▀"])
    }

    func testLettersAreSetOneColumnApartAndUnknownOnesLeftOut() {
        XCTAssertEqual(BlockFont.render("LI", unicode: false)[4], "### ###")
        XCTAssertEqual(
            BlockFont.render("L\u{1B}é文I", unicode: false), BlockFont.render("LI", unicode: false))
        XCTAssertEqual(BlockFont.render("", unicode: true), ["", "", ""])
        XCTAssertEqual(BlockFont.render("?!", unicode: false)[0], "### #")
        XCTAssertEqual(BlockFont.render("II", unicode: true).map(\.count), [7, 7, 7])
    }

    func testEveryGlyphIsFiveEqualRowsOfPixels() {
        XCTAssertEqual(BlockFont.characters, Set(BlockFont.glyphs.keys))
        for (character, rows) in BlockFont.glyphs {
            XCTAssertEqual(rows.count, 5, "\(character)")
            XCTAssertEqual(Set(rows.map(\.count)).count, 1, "\(character) is ragged")
            XCTAssertTrue(rows.allSatisfy { $0.allSatisfy { "#.".contains($0) } }, "\(character)")
        }
        XCTAssertFalse(BlockFont.characters.contains("a"), "capitals only")
    }

    // MARK: The status line

    func testAStatusLineIsSortedJSONAndUnknownFieldsAreIgnored() throws {
        var status = status(poll: poll(open: true, answered: 2))
        status.pausedAt = 61
        let line = status.jsonLine()
        XCTAssertEqual(line.last, 0x0A)
        XCTAssertTrue(String(decoding: line, as: UTF8.self).hasPrefix("{\"blank\":false,"))
        XCTAssertEqual(PresenterStatus.decode(line: line.dropLast()), status)
        XCTAssertEqual(status.elapsed(now: 2_000_000), 61, "paused: the clock stands")
        let future = Data(
            (#"{"deck":"d","deckTitle":"D","slide":0,"count":1,"title":"T","notes":"","#
                + #""started":5,"blank":true,"laser":{"x":3}}"#).utf8)
        let read = try XCTUnwrap(PresenterStatus.decode(line: future))
        XCTAssertTrue(read.blank)
        XCTAssertNil(read.nextTitle)
        XCTAssertEqual(read.elapsed(now: 3), 0, "never negative")
        XCTAssertNil(PresenterStatus.decode(line: Data("{\"deck\":1}".utf8)))
        var long = Data("{\"notes\":\"".utf8)
        long.append(Data(repeating: 0x61, count: PresenterStatus.maximumLineLength))
        XCTAssertNil(PresenterStatus.decode(line: long))
    }
}
