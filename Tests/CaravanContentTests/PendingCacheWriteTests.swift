import Foundation
import XCTest

@testable import CaravanContent

/// A cache write put off until its owner starts or finishes it: done once, whichever
/// comes first and however often, and over when `finish` returns.
final class PendingCacheWriteTests: XCTestCase {
    /// Counts the writes, each held until `gate` opens.
    private final class Recorder: @unchecked Sendable {
        let gate = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var writes = 0
        private var threads: [Bool] = []

        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return writes
        }

        var onMainThread: [Bool] {
            lock.lock()
            defer { lock.unlock() }
            return threads
        }

        func write() {
            gate.wait()
            lock.lock()
            writes += 1
            threads.append(Thread.isMainThread)
            lock.unlock()
        }
    }

    func testNothingIsWrittenUntilAsked() {
        let recorder = Recorder()
        let pending = PendingCacheWrite { recorder.write() }
        recorder.gate.signal()
        XCTAssertFalse(pending.isDone)
        XCTAssertEqual(recorder.count, 0)
    }

    func testFinishingWhatWasNeverStartedWritesHere() {
        let recorder = Recorder()
        let pending = PendingCacheWrite { recorder.write() }
        recorder.gate.signal()
        pending.finish()
        XCTAssertTrue(pending.isDone)
        XCTAssertEqual(recorder.onMainThread, [Thread.isMainThread])
        pending.finish()
        pending.start()
        XCTAssertEqual(recorder.count, 1, "written once")
    }

    func testFinishWaitsForAStartedWriteAndItRunsOnce() {
        let recorder = Recorder()
        let pending = PendingCacheWrite { recorder.write() }
        pending.start()
        pending.start()
        XCTAssertFalse(pending.isDone, "held at the gate")
        DispatchQueue.global().async { recorder.gate.signal() }
        pending.finish()
        XCTAssertTrue(pending.isDone)
        XCTAssertEqual(recorder.count, 1)
        XCTAssertEqual(
            recorder.onMainThread, [false], "started writes run on a thread of their own")
    }

    func testFinishedFromManyThreadsItIsWrittenOnce() {
        let recorder = Recorder()
        let pending = PendingCacheWrite { recorder.write() }
        recorder.gate.signal()
        DispatchQueue.concurrentPerform(iterations: 8) { turn in
            if turn.isMultiple(of: 2) { pending.start() }
            pending.finish()
            XCTAssertTrue(pending.isDone)
        }
        XCTAssertEqual(recorder.count, 1)
    }
}
