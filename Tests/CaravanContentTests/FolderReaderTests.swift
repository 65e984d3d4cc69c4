import Foundation
import XCTest

@testable import CaravanContent

/// Reading a content folder from disk: what is read, what is refused and how it is named.
final class FolderReaderTests: XCTestCase {
    private let concept = "---\nid: concept/a\nkind: concept\ntitle: A\n---\nBody.\n"

    func testReadsMarkdownBelowTheFolderSkippingHiddenAndOtherFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("paper.md", concept)
        try folder.write("sections/deep/er/1.md", concept)
        try folder.write(".hidden.md", concept)
        try folder.write(".git/config.md", concept)
        try folder.write("sections/.draft/x.md", concept)
        try folder.write("notes.txt", "not content")
        try folder.write("README.markdown", "not content either")
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "content")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(
            result.files.map(\.path), ["content/paper.md", "content/sections/deep/er/1.md"])
        XCTAssertEqual(result.files.first?.bytes, Array(concept.utf8))
    }

    func testDisplayPrefixDefaultsToTheFolderAndDotMeansRelative() throws {
        let folder = try TemporaryFolder()
        try folder.write("cases/x.md", concept)
        XCTAssertEqual(
            ContentFolderReader.read(folder: folder.path).files.map(\.path),
            [folder.path + "/cases/x.md"])
        XCTAssertEqual(
            ContentFolderReader.read(folder: folder.path, displayPrefix: ".").files.map(\.path),
            ["cases/x.md"])
        XCTAssertEqual(
            ContentFolderReader.read(folder: folder.path, displayPrefix: "c/").files.map(\.path),
            ["c/cases/x.md"])
    }

    func testMissingFolder() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/nowhere"
        let result = ContentFolderReader.read(folder: missing, displayPrefix: "nowhere")
        XCTAssertEqual(
            result.diagnostics,
            [Diagnostic(.error, "content folder not found", at: SourceLocation(path: "nowhere"))])
        // A file is not a folder either.
        try folder.write("file.md", concept)
        let file = ContentFolderReader.read(folder: folder.path + "/file.md", displayPrefix: "f")
        XCTAssertEqual(file.diagnostics.map(\.message), ["content folder not found"])
        XCTAssertTrue(file.files.isEmpty)
    }

    func testOversizedFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let limit = ContentFolderReader.maximumFileSize
        XCTAssertEqual(limit, 1_048_576)
        // Exactly at the limit is fine; one byte more is not.
        let header = Array("---\nid: concept/big\nkind: concept\ntitle: Big\n---\n".utf8)
        let atLimit = header + [UInt8](repeating: UInt8(ascii: "a"), count: limit - header.count)
        try folder.write("fits.md", bytes: atLimit)
        try folder.write("big.md", bytes: atLimit + [UInt8(ascii: "a")])
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.files.map(\.path), ["c/fits.md"])
        XCTAssertEqual(result.files.first?.bytes.count, limit)
        assertDiagnosticCount(result.diagnostics, 1)
        assertDiagnostic(
            result.diagnostics, .error, path: "c/big.md", line: 1, column: 1,
            message: "file is larger than 1024 KiB; not read")
    }

    /// A dangling symbolic link can't be opened even by root, unlike a file with mode 000.
    func testUnreadableFileViaDanglingLink() throws {
        let folder = try TemporaryFolder()
        try folder.symlink("broken.md", to: "missing.md")
        try folder.write("ok.md", concept)
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.files.map(\.path), ["c/ok.md"])
        assertDiagnosticCount(result.diagnostics, 1)
        assertDiagnostic(
            result.diagnostics, .error, path: "c/broken.md", line: 1, column: 1,
            message: "cannot read file: permission denied or unreadable")
    }

    func testUnreadableFileViaPermissions() throws {
        try XCTSkipIf(
            getuid() == 0, "root reads files whatever their mode; see the dangling-link test")
        let folder = try TemporaryFolder()
        try folder.write("locked.md", concept)
        let path = folder.path + "/locked.md"
        XCTAssertEqual(chmod(path, 0), 0)
        defer { chmod(path, 0o644) }
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        assertDiagnosticCount(result.diagnostics, 1)
        assertDiagnostic(
            result.diagnostics, .error, path: "c/locked.md", line: 1, message: "cannot read file")
    }

    func testUnreadableSubfolder() throws {
        try XCTSkipIf(getuid() == 0, "root lists folders whatever their mode")
        let folder = try TemporaryFolder()
        try folder.write("locked/a.md", concept)
        let path = folder.path + "/locked"
        XCTAssertEqual(chmod(path, 0), 0)
        defer { chmod(path, 0o755) }
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        assertDiagnostic(
            result.diagnostics, .error, path: "c/locked", line: 1,
            message: "cannot read folder: permission denied or unreadable")
    }

    func testFolderNamedLikeAFileIsWalked() throws {
        let folder = try TemporaryFolder()
        try folder.write("broken.md/inner.md", concept)
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.files.map(\.path), ["c/broken.md/inner.md"])
    }

    /// A FIFO blocks whoever opens it until a writer comes; it must be refused, not opened.
    func testFIFOIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path + "/pipe.md"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        try folder.write("ok.md", concept)
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let path = folder.path
        DispatchQueue.global().async {
            box.set(ContentFolderReader.read(folder: path, displayPrefix: "c"))
            done.signal()
        }
        guard done.wait(timeout: .now() + 5) == .success else {
            // Release the reader stuck in open(2) before failing.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            return XCTFail("reading a folder with a FIFO in it blocked")
        }
        let result = try XCTUnwrap(box.get())
        XCTAssertEqual(result.files.map(\.path), ["c/ok.md"])
        assertDiagnosticCount(result.diagnostics, 1)
        assertDiagnostic(
            result.diagnostics, .error, path: "c/pipe.md", line: 1, column: 1,
            message: "not a regular file; not read")
    }

    func testSymbolicLinkLeadingOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.md", concept)
        try outside.write("folder/x.md", concept)
        try outside.write("notes.txt", "text")
        let folder = try TemporaryFolder()
        try folder.write("ok.md", concept)
        try folder.symlink("escape.md", to: outside.path + "/secret.md")
        try folder.symlink("relative.md", to: "../" + outside.url.lastPathComponent + "/secret.md")
        try folder.symlink("linked-folder", to: outside.path + "/folder")
        try folder.symlink("notes.txt", to: outside.path + "/notes.txt")  // not content: ignored
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.files.map(\.path), ["c/ok.md"])
        assertDiagnosticCount(result.diagnostics, 3)
        for path in ["c/escape.md", "c/linked-folder", "c/relative.md"] {
            assertDiagnostic(
                result.diagnostics, .error, path: path, line: 1, column: 1,
                message: "symbolic link leads outside the content folder; not read")
        }
    }

    func testSymbolicLinksInsideTheFolderAreFollowedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("real/a.md", concept)
        try folder.symlink("alias.md", to: "real/a.md")
        try folder.symlink("mirror", to: "real")  // read where it really is, not twice
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.files.map(\.path), ["c/alias.md", "c/real/a.md"])
    }

    func testFolderReachedThroughALinkIsReadNormally() throws {
        let holder = try TemporaryFolder()
        try holder.write("content/a.md", concept)
        try holder.symlink("link", to: holder.path + "/content")
        let result = ContentFolderReader.read(folder: holder.path + "/link", displayPrefix: "c")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.files.map(\.path), ["c/a.md"])
    }

    func testFoldersNestedTooDeeply() throws {
        let folder = try TemporaryFolder()
        let deep = Array(repeating: "d", count: 33).joined(separator: "/")
        try folder.write(deep + "/a.md", concept)
        try folder.write("shallow.md", concept)
        let result = ContentFolderReader.read(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(result.files.map(\.path), ["c/shallow.md"])
        let expectedPath = "c/" + Array(repeating: "d", count: 32).joined(separator: "/")
        assertDiagnosticCount(result.diagnostics, 1)
        assertDiagnostic(
            result.diagnostics, .error, path: expectedPath, line: 1,
            message: "folders nested too deeply")
    }

    func testBrokenFolderYieldsOneDiagnosticPerProblemInOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "paper.md", "---\nid: paper/p\nkind: paper\ntitle: P\nauthors: [{name: A}]\n---\n")
        try folder.write("a-yaml.md", "---\nid: concept/a\nkind: concept\ntitle: one: two\n---\n")
        try folder.write(
            "b/missing-title.md", "---\nid: concept/b\nkind: concept\nrelated: paper/p\n---\n")
        try folder.write("c-utf8.md", bytes: Array("---\nid: concept/c\n".utf8) + [0xFF])
        try folder.write(
            "d-link.md",
            "---\nid: concept/d\nkind: concept\ntitle: D\nrelated: [paper/q]\n---\nText\n")
        try folder.write(
            "e-big.md",
            bytes: [UInt8](repeating: 0x20, count: ContentFolderReader.maximumFileSize + 1))
        try folder.write("f-empty.md", "")
        try folder.write("g-binary.md", bytes: [0x2D, 0x00])
        let outside = try TemporaryFolder()
        try outside.write("x.md", concept)
        try folder.symlink("h-outside.md", to: outside.path + "/x.md")

        let model = ContentLoader.load(folder: folder.path, displayPrefix: "c")
        XCTAssertEqual(
            model.diagnostics.map {
                "\($0.location.path):\($0.location.line):\($0.severity.rawValue)"
            },
            [
                "c/a-yaml.md:4:error",
                "c/b/missing-title.md:1:error",
                "c/c-utf8.md:3:error",
                "c/d-link.md:1:warning",
                "c/d-link.md:5:error",
                "c/e-big.md:1:error",
                "c/f-empty.md:1:error",
                "c/g-binary.md:1:error",
                "c/h-outside.md:1:error",
            ],
            listing(model.diagnostics))
        assertDiagnostic(
            model.diagnostics, .error, path: "c/d-link.md", line: 5, message: "link to `paper/q`")
        assertDiagnostic(
            model.diagnostics, .warning, path: "c/d-link.md", line: 1, message: "is an orphan")
        assertDiagnostic(
            model.diagnostics, .error, path: "c/e-big.md", line: 1, message: "larger than 1024 KiB")
        // Files whose problems still leave an id and a kind yield entities; files whose
        // front matter is broken but names an id yield placeholders. All are marked broken
        // but the one with no error (its warning does not count).
        XCTAssertEqual(
            model.entities.map(\.id.description),
            ["paper/p", "concept/b", "concept/c", "concept/d", "concept/a"])
        XCTAssertEqual(
            model.entities.filter { model.isBroken($0.id) }.map(\.id.description),
            ["concept/b", "concept/c", "concept/d", "concept/a"])
    }
}

/// Carries a reader result out of a background queue.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ContentFolderReader.Result?

    func set(_ result: ContentFolderReader.Result) {
        lock.lock()
        value = result
        lock.unlock()
    }

    func get() -> ContentFolderReader.Result? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
