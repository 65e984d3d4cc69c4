import Foundation
import XCTest

/// A fresh private folder, removed when the test ends.
func makeFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "caravan-serve-" + UUID().uuidString
    try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// The permission bits of a file or folder, sticky bit included; -1 when it is missing.
func mode(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
}
