import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

final class PollTallyTests: XCTestCase {
    private let poll = Poll(question: "Which?", options: ["Brand", "Trade", "Services"], line: 3)

    func testOneAnswerPerVoterChangeableWhileOpen() {
        var tally = PollTally(poll: poll)
        XCTAssertFalse(tally.record(voter: "uid:1", choice: 0), "closed polls take nothing")
        tally.isOpen = true
        XCTAssertTrue(tally.record(voter: "uid:1", choice: 0))
        XCTAssertTrue(tally.record(voter: "uid:1", choice: 0))
        XCTAssertTrue(tally.record(voter: "key:SHA256:x", choice: 2))
        XCTAssertEqual(tally.counts, [1, 0, 1])
        XCTAssertTrue(tally.record(voter: "uid:1", choice: 1))
        XCTAssertEqual(tally.counts, [0, 1, 1])
        XCTAssertEqual(tally.answered, 2)
        XCTAssertFalse(tally.record(voter: "uid:2", choice: 3), "no fourth option")
        tally.isOpen = false
        XCTAssertFalse(tally.record(voter: "uid:1", choice: 2))
        XCTAssertEqual(tally.counts, [0, 1, 1])
    }

    func testResultsAreCSVWithHostileTextQuotedAndDefused() throws {
        let hostile = Poll(
            question: "Say \"why\", then\nwhy", options: ["=HYPERLINK(\"x\")", "plain"], line: 1)
        var tally = PollTally(poll: hostile)
        tally.isOpen = true
        tally.record(voter: "a", choice: 1)
        let deck = Deck(id: try XCTUnwrap(EntityID("deck/talk")), title: "T", slides: [], path: "")
        let csv = PollResults.csv(deck: deck, tallies: [4: tally])
        XCTAssertEqual(
            csv,
            "deck,slide,question,number,option,votes,answered\r\n"
                + "deck/talk,5,\"Say \"\"why\"\", then\nwhy\",1,\"'=HYPERLINK(\"\"x\"\")\",0,1\r\n"
                + "deck/talk,5,\"Say \"\"why\"\", then\nwhy\",2,plain,1,1\r\n")
    }
}

final class FollowerConnectionTests: XCTestCase {
    private func line(_ message: FollowerMessage) -> Data { message.jsonLine() }

    private func answer(_ option: Int) -> FollowerMessage {
        FollowerMessage(answer: .init(deck: "deck/talk", slide: 2, option: option))
    }

    func testAnotherUserVotesAsTheirUserIdWhateverTheyClaim() {
        var connection = FollowerConnection(uid: 1001, isPresentingUser: false)
        var bytes = line(FollowerMessage(voter: "key:SHA256:someone-else"))
        bytes += line(answer(2))
        let (votes, hangUp) = connection.receive(bytes)
        XCTAssertFalse(hangUp)
        XCTAssertEqual(votes, [Vote(voter: "uid:1001", deck: "deck/talk", slide: 2, choice: 1)])
    }

    func testAServedSessionVotesAsTheServerNamedItOnceAndOnlyBeforeAnswering() {
        var connection = FollowerConnection(uid: 1000, isPresentingUser: true)
        var bytes = line(FollowerMessage(voter: "key:SHA256:abc"))
        bytes += line(FollowerMessage(voter: "key:SHA256:other"))
        bytes += line(answer(1))
        XCTAssertEqual(connection.receive(bytes).votes.map(\.voter), ["key:SHA256:abc"])

        var late = FollowerConnection(uid: 1000, isPresentingUser: true)
        XCTAssertEqual(late.receive(line(answer(1))).votes.map(\.voter), ["uid:1000"])
        XCTAssertEqual(
            late.receive(line(FollowerMessage(voter: "key:SHA256:abc")) + line(answer(1))).votes
                .map(\.voter), ["uid:1000"])
    }

    func testBadNamesJunkAndLongLinesAreRefused() {
        var connection = FollowerConnection(uid: 1000, isPresentingUser: true)
        let junk = Data("not json\n{\"answer\":{\"deck\":\"d\",\"slide\":0,\"option\":12}}\n".utf8)
        XCTAssertEqual(connection.receive(junk).votes, [])
        var named = FollowerConnection(uid: 1000, isPresentingUser: true)
        let spoof = line(FollowerMessage(voter: "uid:1001")) + line(answer(1))
        XCTAssertEqual(named.receive(spoof).votes.map(\.voter), ["uid:1000"])
        XCTAssertNil(FollowerMessage.validVoter("key:\u{1B}[2J"))
        XCTAssertNil(FollowerMessage.validVoter("key:a b"))
        var flood = FollowerConnection(uid: 1000, isPresentingUser: false)
        XCTAssertTrue(flood.receive(Data(repeating: 0x41, count: 2000)).hangUp)
    }

    func testLinesSplitAcrossReadsAreJoined() {
        var connection = FollowerConnection(uid: 7, isPresentingUser: false)
        let bytes = line(answer(3))
        XCTAssertEqual(connection.receive(bytes.prefix(10)).votes, [])
        XCTAssertEqual(connection.receive(bytes.dropFirst(10)).votes.map(\.choice), [2])
    }

    func testTheAudienceIsNotToldNotesOrUnrevealedCounts() {
        var status = PresenterStatus(
            deck: "deck/talk", deckTitle: "T", slide: 0, count: 2, title: "A", notes: "secret",
            nextTitle: "B", started: 0)
        status.detour = DetourStatus(id: "case/x", title: "X", links: [], note: "private")
        status.poll = PollStatus(
            question: "Q", options: ["a", "b"], open: true, revealed: false, counts: [1, 2],
            answered: 3)
        let audience = status.forAudience
        XCTAssertEqual(audience.notes, "")
        XCTAssertEqual(audience.nextTitle, "B", "the next slide's title is no secret")
        XCTAssertNil(audience.detour?.note)
        XCTAssertNil(audience.poll?.counts)
        XCTAssertEqual(audience.poll?.answered, 3)
        status.poll?.revealed = true
        XCTAssertEqual(status.forAudience.poll?.counts, [1, 2])
    }
}
