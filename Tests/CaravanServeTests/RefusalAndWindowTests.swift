import Foundation
import NIOCore
import NIOSSH
import XCTest

@testable import CaravanServe

/// What clients are told when turned away, and how window changes are paced.
final class RefusalAndWindowTests: XCTestCase {
    func testTheDisconnectPacketIsAnSSHBinaryPacket() {
        let packet = RefusalHandler.disconnectPacket(reason: 12, message: "the server is full")
        XCTAssertEqual(packet.count % 8, 0)
        var reader = SSHWireReader(packet)
        let length = reader.readUInt32()
        XCTAssertEqual(Int(length ?? 0), packet.count - 4)
        let padding = Int(reader.readRaw(1)?.first ?? 0)
        XCTAssertGreaterThanOrEqual(padding, 4)
        XCTAssertEqual(reader.readRaw(1), [1])
        XCTAssertEqual(reader.readUInt32(), 12)
        XCTAssertEqual(
            reader.readString().map { String(decoding: $0, as: UTF8.self) }, "the server is full")
        XCTAssertEqual(reader.readString(), [])
        XCTAssertEqual(reader.remaining.count, padding)
    }

    func testUnreadableRequestsAreExplained() {
        let text = ConnectionErrorHandler.describe(
            type: .invalidPacketFormat, text: "NIOSSHError.invalidPacketFormat")
        XCTAssertTrue(text.contains("~B"), text)
        XCTAssertEqual(
            ConnectionErrorHandler.describe(
                type: .protocolViolation, text: "NIOSSHError.protocolViolation: Version SSH-1.5"),
            "SSH error: protocolViolation: Version SSH-1.5")
    }

    func testWindowChangesAreAppliedOnceAFrame() {
        var resizes = ResizeCoalescer()
        let start = NIODeadline.now()
        let interval = TimeAmount.milliseconds(50)
        XCTAssertEqual(
            resizes.request(columns: 80, rows: 24, now: start, interval: interval), .applyNow)
        XCTAssertEqual(resizes.take(now: start).map { [$0.columns, $0.rows] }, [80, 24])
        let soon = start + .milliseconds(10)
        XCTAssertEqual(
            resizes.request(columns: 100, rows: 30, now: soon, interval: interval),
            .applyAt(start + interval))
        XCTAssertEqual(
            resizes.request(columns: 120, rows: 40, now: soon, interval: interval),
            .alreadyScheduled)
        XCTAssertEqual(
            resizes.take(now: start + interval).map { [$0.columns, $0.rows] }, [120, 40])
        XCTAssertNil(resizes.take(now: start + interval))
    }
}
