import Foundation
import XCTest

@testable import CaravanStore

/// A fresh folder under the system's temporary folder, removed when the test ends.
func makeTemporaryFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "caravan-store-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock {
        try? FileManager.default.removeItem(atPath: path)
    }
    return path
}

/// A date a whole number of seconds after `base`, so it survives the file unchanged.
func day(_ offset: Int) -> Date {
    Date(timeIntervalSince1970: 1_700_000_000 + TimeInterval(offset))
}

/// The permission bits of a file or folder.
func mode(of path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o777)
}

/// Names in a folder that look like temporary files of a state file.
func temporaryFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.contains(".tmp-") }
}

/// Errors gathered from several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var all: [any Error] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

/// A test failure injected into a write.
struct SimulatedCrash: Error, Equatable {
    var step: WriteStep
}
