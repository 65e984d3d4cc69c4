import Foundation
import XCTest

@testable import CaravanContent

/// A content file written as YAML front matter lines and a body.
func entityFile(_ path: String, _ frontMatter: String, body: String = "Body text.\n") -> SourceFile
{
    SourceFile(path: path, text: "---\n" + frontMatter + "---\n" + body)
}

/// A concept with nothing wrong in it, to mix with broken files.
func validConcept(_ path: String = "concepts/base.md", slug: String = "base") -> SourceFile {
    entityFile(
        path,
        """
        id: concept/\(slug)
        kind: concept
        title: Base \(slug)
        summary: A concept that is valid on its own.

        """)
}

/// The 1-based line and column (in characters) where `needle` first occurs in `text`.
func position(
    of needle: String, in text: String, file: StaticString = #filePath, line testLine: UInt = #line
) -> (line: Int, column: Int) {
    guard let range = text.range(of: needle) else {
        XCTFail("`\(needle)` does not occur in the fixture", file: file, line: testLine)
        return (0, 0)
    }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, before.distance(from: lineStart, to: range.lowerBound) + 1)
}

/// The text of a source file, for locating expected positions.
func text(of file: SourceFile) -> String {
    String(decoding: file.bytes, as: UTF8.self)
}

/// Loads files and returns the model, for brevity.
func load(_ files: SourceFile...) -> ContentModel {
    ContentLoader.load(files: files)
}

/// Every diagnostic on its own line, to show when an assertion fails.
func listing(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.formatted).joined(separator: "\n")
}

/// Asserts that one diagnostic matches; returns it for further checks.
@discardableResult
func assertDiagnostic(
    _ diagnostics: [Diagnostic], _ severity: Severity, path: String, line: Int,
    column: Int? = nil, message: String, suggestion: String? = nil,
    file: StaticString = #filePath, line testLine: UInt = #line
) -> Diagnostic? {
    let found = diagnostics.first {
        $0.severity == severity && $0.location.path == path && $0.location.line == line
            && (column == nil || $0.location.column == column) && $0.message.contains(message)
    }
    guard let found else {
        let place = "\(path):\(line)" + (column.map { ":\($0)" } ?? "")
        XCTFail(
            "no \(severity.rawValue) at \(place) containing «\(message)»; got:\n"
                + listing(diagnostics), file: file, line: testLine)
        return nil
    }
    if let suggestion {
        XCTAssertEqual(found.suggestion, suggestion, found.formatted, file: file, line: testLine)
    }
    return found
}

/// Asserts there are exactly `count` diagnostics, listing them when not.
func assertDiagnosticCount(
    _ diagnostics: [Diagnostic], _ count: Int, file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    XCTAssertEqual(diagnostics.count, count, listing(diagnostics), file: file, line: testLine)
}

/// A temporary folder, removed when the test ends.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-content-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file below the folder, creating folders on the way.
    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let fileURL = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: fileURL)
    }

    func write(_ file: SourceFile) throws {
        try write(file.path, bytes: file.bytes)
    }

    func symlink(_ relativePath: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: url.appendingPathComponent(relativePath).path, withDestinationPath: destination)
    }

    func makeFolder(_ relativePath: String) throws {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relativePath), withIntermediateDirectories: true)
    }
}

/// A small deterministic generator (SplitMix64), so fuzz runs repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
