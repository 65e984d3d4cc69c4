import CaravanTerminal
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The inotify watcher behind `--watch`: what counts as a change, and folders below.
final class FolderWatcherTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "caravan-watch-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: folder + "/cases", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ path: String, _ text: String = "text\n") {
        XCTAssertTrue(
            FileManager.default.createFile(atPath: folder + path, contents: Data(text.utf8)))
    }

    /// Whether the descriptor becomes readable within a short time, and then what
    /// draining it says.
    private func changed(_ watcher: FolderWatcher, within milliseconds: Int32 = 500) -> Bool {
        var descriptor = pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) == 1 else { return false }
        return watcher.drain()
    }

    func testWritingAFileInAFolderBelowIsAChange() throws {
        let watcher = try FolderWatcher(folders: [folder])
        XCTAssertEqual(watcher.watchedFolders, [folder, folder + "/cases"])
        XCTAssertFalse(changed(watcher, within: 50), "nothing happened yet")
        write("/cases/a.md")
        XCTAssertTrue(changed(watcher))
        XCTAssertFalse(changed(watcher, within: 50), "drained")
    }

    func testEditorsScratchFilesAndHiddenFilesAreNotChanges() throws {
        let watcher = try FolderWatcher(folders: [folder])
        write("/.a.md.swp")
        write("/a.md~")
        write("/4913")
        write("/.hidden.md")
        XCTAssertFalse(changed(watcher, within: 100))
    }

    func testAFolderMadeLaterIsWatchedToo() throws {
        let watcher = try FolderWatcher(folders: [folder])
        try FileManager.default.createDirectory(
            atPath: folder + "/decks", withIntermediateDirectories: false)
        XCTAssertTrue(changed(watcher), "a new folder is a change")
        XCTAssertTrue(watcher.watchedFolders.contains(folder + "/decks"))
        write("/decks/talk.md")
        XCTAssertTrue(changed(watcher))
    }

    func testAFileReplacedByRenameIsAChange() throws {
        write("/a.md")
        let watcher = try FolderWatcher(folders: [folder])
        write("/cases/new.tmp")
        _ = changed(watcher)
        XCTAssertEqual(rename(folder + "/cases/new.tmp", folder + "/a.md"), 0)
        XCTAssertTrue(changed(watcher))
    }

    func testASingleFileIsWatchedAloneInItsFolder() throws {
        write("/deck.md")
        let watcher = try FolderWatcher(folders: [], files: [folder + "/deck.md"])
        write("/other.md")
        XCTAssertFalse(changed(watcher, within: 100), "another file in the folder")
        write("/deck.md", "changed\n")
        XCTAssertTrue(changed(watcher))
    }

    func testAMissingFolderIsAClearError() {
        XCTAssertThrowsError(try FolderWatcher(folders: [folder + "/missing"])) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot watch \(folder)/missing: "), "\(error)")
        }
    }
}
