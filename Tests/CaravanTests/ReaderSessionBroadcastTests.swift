import CaravanContent
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// A presentation started from the explorer (`P`) is broadcast by the host: `update`
/// asks with `.broadcast` when the presenter's status changed or answers wait, and opens
/// no socket itself.
final class ReaderSessionBroadcastTests: ReaderSessionTestCase {
    private func broadcasting(at start: String) throws -> ReaderSession {
        let explorer = Explorer(
            model: ReaderFixture.model, width: 80, height: 24, start: try ReaderFixture.id(start),
            hostWritesNotes: false)
        return ReaderSession(explorer: explorer, state: store.fresh, broadcasts: true)
    }

    private func press(_ session: inout ReaderSession, _ name: String) throws -> [Effect] {
        session.update(.key(try XCTUnwrap(Key(name: name))))
    }

    func testOnlyAChangedStatusOrWaitingAnswersAskForABroadcast() throws {
        var session = try broadcasting(at: "deck/lecture")
        XCTAssertFalse(try press(&session, "j").contains(.broadcast), "not presenting yet")
        XCTAssertTrue(try press(&session, "P").contains(.broadcast), "presenting starts")
        XCTAssertNotNil(session.presenting.presenter)
        XCTAssertTrue(try press(&session, "Right").contains(.broadcast), "the slide moved")
        XCTAssertFalse(
            session.update(.resize(width: 80, height: 24)).contains(.broadcast),
            "the same status is not handed over twice")
        XCTAssertEqual(session.update(.external), [.broadcast], "followers' answers wait")
        XCTAssertEqual(session.update(reply: .votes([])), [], "nothing new to hand over")
    }

    func testAPresentationThatEndsIsHandedOverOnceMore() throws {
        var session = try broadcasting(at: "deck/lecture")
        _ = try press(&session, "P")
        _ = try press(&session, "q")
        let effects = try press(&session, "y")
        XCTAssertNil(session.presenting.presenter, "back in the explorer")
        XCTAssertTrue(effects.contains(.broadcast), "so the host ends the broadcast")
        XCTAssertFalse(try press(&session, "j").contains(.broadcast))
    }

    func testARefusedBroadcastIsToldOnThePresentersFooter() throws {
        var session = try broadcasting(at: "deck/lecture")
        _ = try press(&session, "P")
        XCTAssertEqual(session.update(reply: .broadcastRefused("Not broadcast: no socket")), [])
        let screen = session.view().grid.textLines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Not broadcast: no socket"), screen)
    }

    func testAServedSessionNeverAsks() throws {
        let explorer = Explorer(
            model: ReaderFixture.model, width: 80, height: 24,
            start: try ReaderFixture.id("deck/lecture"), hostWritesNotes: false)
        var session = ReaderSession(explorer: explorer, state: store.fresh)
        XCTAssertFalse(try press(&session, "P").contains(.broadcast))
        XCTAssertEqual(session.update(.external), [])
    }
}
