import Foundation
import NIOCore
import NIOEmbedded
import XCTest

@testable import CaravanServe

final class ConnectionLimiterTests: XCTestCase {
    private func limiter(sessions: Int = 10, perAddress: Int = 10, waiting: Int = 4)
        -> ConnectionLimiter
    {
        ConnectionLimiter(
            limits: .init(maxSessions: sessions, maxPerAddress: perAddress, maxWaiting: waiting))
    }

    private func admitted(_ admission: ConnectionLimiter.Admission) -> Bool {
        if case .admitted = admission { return true }
        return false
    }

    private func refusal(_ admission: ConnectionLimiter.Admission) -> ConnectionLimiter.Refusal? {
        if case .refused(let refusal) = admission { return refusal }
        return nil
    }

    func testWaitingConnectionsDoNotTakeSessions() {
        let limits = limiter(sessions: 1, waiting: 8)
        let start = NIODeadline.now()
        let waiting = (0..<3).map { _ in EmbeddedChannel() }
        for (index, channel) in waiting.enumerated() {
            XCTAssertTrue(
                admitted(limits.admit(channel, address: "10.0.0.\(index)", now: start)))
        }
        let student = EmbeddedChannel()
        XCTAssertTrue(admitted(limits.admit(student, address: "10.0.1.1", now: start)))
        XCTAssertNil(limits.loggedIn(student, address: "10.0.1.1"))
        XCTAssertEqual(limits.counts.sessions, 1)
        XCTAssertEqual(refusal(limits.admit(EmbeddedChannel(), address: "10.0.1.2")), .serverFull)
        XCTAssertEqual(limits.loggedIn(waiting[0], address: "10.0.0.0"), .serverFull)
        limits.release(student, address: "10.0.1.1")
        XCTAssertNil(limits.loggedIn(waiting[1], address: "10.0.0.1"))
    }

    func testAFullPoolMakesRoomFromTheBusiestAddress() {
        let limits = limiter(waiting: 4)
        let start = NIODeadline.now()
        let replaced = Replaced()
        let flood = (0..<4).map { _ in EmbeddedChannel() }
        for (index, channel) in flood.enumerated() {
            let now = start + .milliseconds(Int64(index))
            XCTAssertTrue(admitted(limits.admit(channel, address: "10.6.6.6", now: now)))
            limits.register(channel, onReplaced: { replaced.add(index) }, onShutdown: {})
        }
        // The pool is full; a newcomer from another address takes the flood's oldest place.
        let student = EmbeddedChannel()
        XCTAssertTrue(
            admitted(limits.admit(student, address: "10.0.0.7", now: start + .milliseconds(10))))
        XCTAssertEqual(replaced.all, [0])
        // From the flooding address, a newcomer waits until the oldest has waited long.
        XCTAssertEqual(
            refusal(limits.admit(EmbeddedChannel(), address: "10.6.6.6", now: start + .seconds(1))),
            .busy)
        XCTAssertTrue(
            admitted(limits.admit(EmbeddedChannel(), address: "10.6.6.6", now: start + .seconds(3)))
        )
        XCTAssertEqual(replaced.all, [0, 1])
        XCTAssertEqual(limits.counts.waiting, 4)
    }

    func testEvenAddressesRefuseANewcomerUntilSomeoneHasWaitedLong() {
        let limits = limiter(waiting: 4)
        let start = NIODeadline.now()
        for index in 0..<4 {
            XCTAssertTrue(
                admitted(limits.admit(EmbeddedChannel(), address: "10.0.0.\(index)", now: start)))
        }
        XCTAssertEqual(
            refusal(limits.admit(EmbeddedChannel(), address: "10.0.0.9", now: start + .seconds(1))),
            .busy)
        XCTAssertTrue(
            admitted(limits.admit(EmbeddedChannel(), address: "10.0.0.9", now: start + .seconds(2)))
        )
    }

    func testOneAddressHoldsAQuarterOfThePool() {
        let limits = limiter(waiting: 32)
        let start = NIODeadline.now()
        for index in 0..<8 {
            let now = start + .milliseconds(Int64(index))
            XCTAssertTrue(admitted(limits.admit(EmbeddedChannel(), address: "10.6.6.6", now: now)))
        }
        XCTAssertEqual(
            refusal(limits.admit(EmbeddedChannel(), address: "10.6.6.6", now: start + .seconds(1))),
            .addressBusy)
        XCTAssertTrue(
            admitted(limits.admit(EmbeddedChannel(), address: "10.6.6.6", now: start + .seconds(3)))
        )
        XCTAssertEqual(limits.counts.waiting, 8)
    }

    func testSessionsPerAddress() {
        let limits = limiter(perAddress: 1)
        let first = EmbeddedChannel()
        XCTAssertTrue(admitted(limits.admit(first, address: "10.0.0.1")))
        XCTAssertNil(limits.loggedIn(first, address: "10.0.0.1"))
        XCTAssertEqual(refusal(limits.admit(EmbeddedChannel(), address: "10.0.0.1")), .addressFull)
        XCTAssertTrue(admitted(limits.admit(EmbeddedChannel(), address: "10.0.0.2")))
    }
}

/// Which waiting connections were replaced, in order.
private final class Replaced: @unchecked Sendable {
    private let lock = NSLock()
    private var indices: [Int] = []

    func add(_ index: Int) { lock.withLock { indices.append(index) } }
    var all: [Int] { lock.withLock { indices } }
}
