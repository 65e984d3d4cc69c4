import Foundation
import XCTest

/// Golden files: expected text dumps of frames, kept in `Tests/CaravanUITests/Golden`.
///
/// Run with `CARAVAN_RECORD=1` to write (or rewrite) them; then look at every
/// changed file before committing it.
enum Golden {
    /// The folder of golden files, found from this file's place in the repository.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    /// Whether this run records golden files instead of comparing with them.
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CARAVAN_RECORD"] == "1"
    }

    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name + ".txt")
    }

    /// Compares `text` with the golden file `name`, or records it.
    static func assert(
        _ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = url(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true)
                try Data((text + "\n").utf8).write(to: url)
            } catch {
                XCTFail("could not record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail(
                "golden file \(url.path) is missing; record it with "
                    + "`CARAVAN_RECORD=1 swift test --filter CaravanUITests`, "
                    + "then check what it shows", file: file, line: line)
            return
        }
        var expected = String(decoding: data, as: UTF8.self)
        if expected.hasSuffix("\n") { expected.removeLast() }
        guard expected != text else { return }
        XCTFail(
            "frame differs from \(url.lastPathComponent) "
                + difference(expected: expected, actual: text)
                + "\nRe-record with CARAVAN_RECORD=1 if the change is intended.\nActual frame:\n"
                + text, file: file, line: line)
    }

    /// Where two dumps first differ, for the failure message.
    static func difference(expected: String, actual: String) -> String {
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "(no line)"
            let got = index < actualLines.count ? actualLines[index] : "(no line)"
            if want != got {
                return "at line \(index + 1):\n  expected: «\(want)»\n  actual:   «\(got)»"
            }
        }
        return "(no difference found)"
    }
}
