import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// The cache of content folders' models: used only while current, whole and the user's;
/// made again when stale or damaged; never in the way when it cannot be written.
final class ModelCacheTests: XCTestCase {
    private var content: TemporaryFolder!
    private var home: TemporaryFolder!
    private var cache: ModelCache!
    private var sources: [ContentSource] { [.folder(content.path)] }

    override func setUpWithError() throws {
        content = try TemporaryFolder()
        try content.write(
            "caravan.yaml", "vocabulary:\n  connotation: {singular: pillar}\n")
        try content.write(
            entityFile(
                "concepts/one.md", "id: concept/one\nkind: concept\ntitle: One\n",
                body: "See [two](concept/two).\n"))
        try content.write(
            entityFile("concepts/two.md", "id: concept/two\nkind: concept\ntitle: Two\n"))
        try backdate(content.path)
        home = try TemporaryFolder()
        cache = ModelCache(folder: home.path + "/cache/caravan", program: "caravan test")
    }

    /// Files written a minute ago, so that a cache may be made of them at once.
    private func backdate(_ path: String) throws {
        let past = Date(timeIntervalSinceNow: -60)
        let walker = FileManager.default.enumerator(atPath: path)
        var paths = [path]
        while let name = walker?.nextObject() as? String { paths.append(path + "/" + name) }
        for path in paths {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        }
    }

    private var cacheFile: String { cache.path(forKey: ModelCache.key(for: sources)) }

    private func open() -> ContentModel { DefaultContent.open(sources: sources, cache: cache) }

    func testASecondOpenReadsWhatTheFirstKept() throws {
        XCTAssertNil(cache.read(sources), "nothing kept yet")
        let first = open()
        XCTAssertEqual(first.entities.count, 2)
        let cached = try XCTUnwrap(cache.read(sources))
        XCTAssertEqual(summary(cached), summary(first))
        XCTAssertEqual(cached.vocabulary.singular(.connotation), "pillar")
        let info = try FileManager.default.attributesOfItem(atPath: cacheFile)
        XCTAssertEqual((info[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: cache.folder)
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    }

    func testADeferredOpenKeepsTheModelOnlyOnceItsWriteIsFinished() throws {
        let (model, write) = DefaultContent.openDeferringCache(sources: sources, cache: cache)
        let pending = try XCTUnwrap(write, "a model read from the files is to be kept")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFile), "nothing kept yet")
        pending.finish()
        let cached = try XCTUnwrap(cache.read(sources))
        XCTAssertEqual(summary(cached), summary(model))
        let (again, none) = DefaultContent.openDeferringCache(sources: sources, cache: cache)
        XCTAssertNil(none, "a model read from the cache is not written again")
        XCTAssertEqual(summary(again), summary(model))
        XCTAssertNil(DefaultContent.openDeferringCache(sources: sources, cache: nil).cacheWrite)
        XCTAssertNil(
            DefaultContent.openDeferringCache(sources: [.builtin], cache: cache).cacheWrite)
    }

    func testAChangedFileMakesTheCacheStale() throws {
        _ = open()
        // The same size, another time: only the time tells.
        try content.write(
            entityFile("concepts/two.md", "id: concept/two\nkind: concept\ntitle: Owt\n"))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -30)],
            ofItemAtPath: content.path + "/concepts/two.md")
        XCTAssertNil(cache.read(sources))
        let reopened = open()
        XCTAssertEqual(reopened.entity(EntityID("concept/two")!)?.title, "Owt")
        XCTAssertEqual(cache.read(sources)?.entity(EntityID("concept/two")!)?.title, "Owt")
    }

    func testAnAddedFileOrAChangedManifestMakesTheCacheStale() throws {
        _ = open()
        try content.write(
            entityFile("concepts/three.md", "id: concept/three\nkind: concept\ntitle: Three\n"))
        XCTAssertNil(cache.read(sources), "the folder's time changed")
        try backdate(content.path)
        XCTAssertEqual(open().entities.count, 3)
        XCTAssertNotNil(cache.read(sources))
        try content.write("caravan.yaml", "vocabulary:\n  connotation: {singular: pillar}\n\n")
        XCTAssertNil(cache.read(sources))
    }

    func testAFileChangedJustNowIsNotKept() throws {
        try content.write(
            entityFile("concepts/two.md", "id: concept/two\nkind: concept\ntitle: Two\n"))
        XCTAssertEqual(open().entities.count, 2)
        XCTAssertNil(cache.read(sources), "a change within the clock's tick could go unseen")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFile))
    }

    func testADamagedCacheIsIgnoredAndMadeAgain() throws {
        let expected = summary(open())
        let good = try XCTUnwrap(FileManager.default.contents(atPath: cacheFile))
        var damages: [(String, Data)] = [
            ("truncated", good.prefix(good.count / 2)), ("empty", Data()),
            ("wrong magic", Data("NOTAMODEL".utf8) + good.dropFirst(9)),
        ]
        var flipped = good
        flipped[ModelArchive.headerSize + 8] ^= 0x01
        damages.append(("a flipped bit where it is read at open", flipped))
        var version = good
        version[8] &+= 1
        damages.append(("another format", version))
        for (name, bytes) in damages {
            try bytes.write(to: URL(fileURLWithPath: cacheFile))
            XCTAssertNil(cache.read(sources), name)
            XCTAssertEqual(summary(open()), expected, name)
            XCTAssertEqual(
                FileManager.default.contents(atPath: cacheFile), good, "\(name): made again")
        }
    }

    /// A body is read from the mapped file when first asked for: damaged by then, it
    /// reads as a notice, and the file is removed so the next open makes it again.
    func testABodyDamagedAfterOpenReadsAsANoticeAndTheCacheIsMadeAgain() throws {
        let body = "See [two](concept/two).\n"
        let one = EntityID("concept/one")!
        _ = open()
        let mapped = try XCTUnwrap(cache.read(sources))
        let good = try XCTUnwrap(FileManager.default.contents(atPath: cacheFile))
        let at = try XCTUnwrap([UInt8](good).firstRange(of: Array(body.utf8)))
        // Written in place, as a failing disk or another program could: the mapping sees it.
        let file = try XCTUnwrap(FileHandle(forWritingAtPath: cacheFile))
        try file.seek(toOffset: UInt64(at.lowerBound + 5))
        try file.write(contentsOf: Data("X".utf8))
        try file.close()
        XCTAssertEqual(mapped.entity(one)?.body, EntityBody.damageNotice)
        XCTAssertEqual(mapped.entity(EntityID("concept/two")!)?.title, "Two")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFile), "removed")
        XCTAssertEqual(open().entity(one)?.body, body, "read from the files again")
        XCTAssertEqual(cache.read(sources)?.entity(one)?.body, body, "and kept again")
    }

    /// A cache is replaced by renaming a new file over it: a model mapped from the old one
    /// goes on reading its bodies from it, whole, and leaves the new one alone.
    func testACacheReplacedWhileMappedStillReadsAsMapped() throws {
        let one = EntityID("concept/one")!
        _ = open()
        let mapped = try XCTUnwrap(cache.read(sources))
        try content.write(
            entityFile(
                "concepts/one.md", "id: concept/one\nkind: concept\ntitle: One\n",
                body: "Now [two](concept/two) is read differently.\n"))
        try backdate(content.path)
        XCTAssertNil(cache.read(sources), "stale")
        XCTAssertEqual(open().entity(one)?.body, "Now [two](concept/two) is read differently.\n")
        let replaced = try XCTUnwrap(cache.read(sources))
        XCTAssertEqual(mapped.entity(one)?.body, "See [two](concept/two).\n")
        XCTAssertEqual(mapped.entity(one)?.bodyIsDamaged, false)
        XCTAssertEqual(mapped.search.search("see").first?.id, one)
        XCTAssertEqual(
            replaced.entity(one)?.body, "Now [two](concept/two) is read differently.\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile))
    }

    func testAnotherProgramsCacheIsNotRead() throws {
        let expected = summary(open())
        let other = ModelCache(folder: cache.folder, program: "caravan other build")
        XCTAssertNil(other.read(sources))
        XCTAssertNotNil(cache.read(sources))
        // The other build reads the files and keeps its own model in the same place.
        XCTAssertEqual(summary(DefaultContent.open(sources: sources, cache: other)), expected)
        XCTAssertNotNil(other.read(sources), "made again by the program that opened it")
        XCTAssertNil(cache.read(sources))
    }

    func testACacheOthersCanWriteIsNotRead() throws {
        _ = open()
        chmod(cacheFile, 0o666)
        XCTAssertNil(cache.read(sources), "a file others may write")
        chmod(cacheFile, 0o600)
        XCTAssertNotNil(cache.read(sources))
        chmod(cache.folder, 0o777)
        XCTAssertNil(cache.read(sources), "a folder others may write in")
        chmod(cache.folder, 0o700)
        let link = cacheFile + ".link"
        try FileManager.default.moveItem(atPath: cacheFile, toPath: link)
        try FileManager.default.createSymbolicLink(atPath: cacheFile, withDestinationPath: link)
        XCTAssertNil(cache.read(sources), "a link, which could lead anywhere")
    }

    func testACacheFolderThatCannotBeWrittenOnlyMeansNoCache() throws {
        // A read-only file system: even root cannot write there.
        let readOnly = ModelCache(folder: "/proc/self/caravan-cache", program: "caravan test")
        let model = DefaultContent.open(sources: sources, cache: readOnly)
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertEqual(model.entities.count, 2)
        XCTAssertNil(readOnly.read(sources))
        // A folder the user cannot write to, where permissions bind.
        if geteuid() != 0 {
            try FileManager.default.createDirectory(
                atPath: cache.folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o500])
            XCTAssertEqual(open().entities.count, 2)
            XCTAssertNil(cache.read(sources))
        }
    }

    /// Writers at once, each renaming a whole file into place, and readers meanwhile:
    /// whatever file a reader finds is whole.
    func testConcurrentWritersLeaveAWholeCacheOrNone() throws {
        let model = open()
        try FileManager.default.removeItem(atPath: cacheFile)
        let path = cacheFile
        let cache = self.cache!
        let sources = self.sources
        let torn = ResultSlots<Bool>(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { round in
            if round % 2 == 0 {
                cache.write(model, sources: sources, readStart: Date())
                torn.set(round, false)
            } else {
                var sawTorn = false
                for _ in 0..<20 {
                    guard let bytes = FileManager.default.contents(atPath: path) else { continue }
                    if (try? ModelArchive.decode([UInt8](bytes))) == nil { sawTorn = true }
                }
                torn.set(round, sawTorn)
            }
        }
        XCTAssertEqual(torn.collect(), Array(repeating: false, count: 16))
        XCTAssertNotNil(cache.read(sources))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
        XCTAssertEqual(left.count, 1, "no temporary file left behind: \(left)")
    }
}
