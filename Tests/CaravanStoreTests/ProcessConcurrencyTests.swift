import Foundation
import XCTest

@testable import CaravanStore

/// Two processes saving the same state file at once: this test runs itself twice more,
/// each copy as a worker that only saves when `CARAVAN_STORE_WORKER` is set.
final class ProcessConcurrencyTests: XCTestCase {
    private static let rounds = 20

    func testConcurrentSavesFromTwoProcessesLoseNothing() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CARAVAN_STORE_WORKER"] == nil else { return }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0])
        guard executable.path.hasSuffix(".xctest"),
            FileManager.default.isExecutableFile(atPath: executable.path)
        else {
            throw XCTSkip("the test bundle cannot be run as a program here")
        }
        let folder = try makeTemporaryFolder(self)
        let workers = (0..<2).map { index -> Process in
            let process = Process()
            process.executableURL = executable
            process.arguments = ["CaravanStoreTests.ProcessConcurrencyTests/testWorker"]
            var childEnvironment = environment
            childEnvironment["CARAVAN_STORE_WORKER"] = "\(index)"
            childEnvironment["CARAVAN_STORE_FOLDER"] = folder
            process.environment = childEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for worker in workers { try worker.run() }
        for worker in workers {
            worker.waitUntilExit()
            XCTAssertEqual(worker.terminationStatus, 0)
        }
        let (state, warnings) = StateStore(contentIdentity: "shared", directory: folder).load()
        XCTAssertTrue(warnings.isEmpty)
        XCTAssertEqual(state.marks.count, 2 * Self.rounds)
        XCTAssertEqual(state.notes.count, 2 * Self.rounds)
        XCTAssertEqual(temporaryFiles(in: folder), [])
    }

    /// One worker's saves; does nothing in an ordinary run.
    func testWorker() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let worker = environment["CARAVAN_STORE_WORKER"],
            let folder = environment["CARAVAN_STORE_FOLDER"]
        else { return }
        let store = StateStore(contentIdentity: "shared", directory: folder)
        var base = store.load().state
        for round in 0..<Self.rounds {
            var state = base
            let name = "p\(worker)-\(round)"
            state.setMark(name, at: Position(id: "e/\(name)"), now: day(round))
            state.setNote("note \(name)", for: "e/\(name)", now: day(round))
            base = try store.save(state, base: base)
        }
    }
}
