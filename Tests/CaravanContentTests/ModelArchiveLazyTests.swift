import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// The parts of a precompiled model read after it is opened: each entity's body and the
/// search index stay in the archive until asked for, are checked then, and when damaged
/// are never trusted, never a trap, and reported once.
final class ModelArchiveLazyTests: XCTestCase {
    private let origin = ModelArchive.Origin(program: "test 1", key: "key", stamps: [])

    private func archive(_ model: ContentModel = CourseFixtureTests.course) -> [UInt8] {
        ModelArchive.encode(model, origin: origin)
    }

    func testADamagedBodyReadsAsANoticeAndTheOthersAsWritten() throws {
        let model = CourseFixtureTests.course
        var bytes = archive(model)
        let damagedEntity = try XCTUnwrap(model.entities.first { $0.body.utf8.count > 40 })
        let at = try XCTUnwrap(bytes.firstRange(of: Array(damagedEntity.body.utf8)))
        bytes[at.lowerBound + 20] ^= 0x20
        let reports = CallCount()
        let archived = ArchiveBytes(copying: bytes) { reports.add() }
        // Bodies are not read at open: the damage is not seen yet.
        let read = try ModelArchive.decode(archived)
        XCTAssertFalse(archived.isDamaged)
        for (got, expected) in zip(read.entities, model.entities) where got.id != damagedEntity.id {
            XCTAssertEqual(got.body, expected.body, "\(got.id)")
            XCTAssertFalse(got.bodyIsDamaged)
        }
        XCTAssertFalse(archived.isDamaged)
        let damaged = try XCTUnwrap(read.entity(damagedEntity.id))
        XCTAssertEqual(damaged.body, EntityBody.damageNotice)
        XCTAssertTrue(damaged.bodyIsDamaged)
        XCTAssertTrue(archived.isDamaged)
        XCTAssertFalse(damaged.document.blocks.isEmpty, "the notice is shown as the page")
        XCTAssertEqual(damaged.body, EntityBody.damageNotice, "read again, the same")
        XCTAssertEqual(reports.value, 1, "reported once")
    }

    func testADamagedSearchIndexIsBuiltAgainFromTheEntities() throws {
        let model = CourseFixtureTests.course
        var bytes = archive(model)
        // The index is the last part: its last bytes are postings.
        bytes[bytes.count - 3] ^= 0x41
        let archived = ArchiveBytes(copying: bytes)
        let read = try ModelArchive.decode(archived)
        for query in ["pillar", "cultural", "road"] {
            XCTAssertEqual(read.search.search(query), model.search.search(query), query)
        }
        XCTAssertTrue(archived.isDamaged, "reported, so a cache is made again")
    }

    /// An entity's searchable texts are read for its snippet: damaged, the snippet is
    /// empty, the entity is still found by its words, and the damage is reported.
    func testDamagedSearchTextsGiveAnEmptySnippetAndAreReported() throws {
        let model = CourseFixtureTests.course
        let index = model.search
        var bytes = archive(model)
        let entity = try XCTUnwrap(
            model.entities.indices.first { index.fieldTexts(of: $0)[3].utf8.count > 40 })
        let text = Array(index.fieldTexts(of: entity)[3].utf8)
        let at = try XCTUnwrap(bytes.lastRange(of: text))
        XCTAssertGreaterThan(at.lowerBound, ModelArchive.headerSize + split(bytes).eager.count)
        bytes[at.lowerBound + 10] ^= 0x20
        let archived = ArchiveBytes(copying: bytes)
        let read = try ModelArchive.decode(archived).search
        XCTAssertFalse(archived.isDamaged, "texts are read when asked for")
        let other = entity == 0 ? 1 : 0
        XCTAssertEqual(read.fieldTexts(of: other), index.fieldTexts(of: other))
        XCTAssertFalse(archived.isDamaged)
        XCTAssertEqual(read.fieldTexts(of: entity), ["", "", "", ""])
        XCTAssertTrue(archived.isDamaged)
    }

    func testTextIsReadOnlyWhenItIsUTF8() {
        let valid = ["", "plain", "文化产业 · é", "\u{FFFD} written as such", "\u{10FFFF}"]
        for text in valid {
            let read = Array(text.utf8).withUnsafeBufferPointer(ArchiveReader.text)
            XCTAssertEqual(read, text)
        }
        let invalid: [[UInt8]] = [
            [0xFF], [0x61, 0xC3], [0xC3, 0x28], [0xE6, 0x96], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], Array("ok".utf8) + [0x80],
        ]
        for bytes in invalid {
            XCTAssertNil(bytes.withUnsafeBufferPointer(ArchiveReader.text), "\(bytes)")
        }
    }

    func testPartsOutsideTheArchiveAreRefusedAtOpen() throws {
        let model = CourseFixtureTests.course
        let good = try sealed(model, lazy: Array(repeating: 0x61, count: 64)) { _ in
            ArchivePart(
                offset: 0, length: 64,
                checksum: ArchiveChecksum.of(Array(repeating: 0x61, count: 64)))
        }
        XCTAssertNoThrow(try ModelArchive.decode(good), "the same with parts that fit")
        let outside: [(String, (Int) -> ArchivePart)] = [
            ("past the end", { _ in ArchivePart(offset: 70, length: 1, checksum: 0) }),
            ("running past the end", { _ in ArchivePart(offset: 60, length: 5, checksum: 0) }),
            (
                "a length wrapping around",
                { _ in ArchivePart(offset: 8, length: Int.max, checksum: 0) }
            ),
            (
                "one body outside",
                {
                    $0 == 3
                        ? ArchivePart(offset: 1 << 40, length: 0, checksum: 0)
                        : ArchivePart(offset: 0, length: 0, checksum: 0)
                }
            ),
        ]
        for (name, part) in outside {
            let bytes = try sealed(model, lazy: Array(repeating: 0x61, count: 64), part: part)
            XCTAssertThrowsError(try ModelArchive.decode(bytes), name)
        }
    }

    /// An archive of `model` whose entities' bodies and index are the parts `part` gives
    /// (by entity number; the index is last), in lazy parts `lazy`.
    private func sealed(
        _ model: ContentModel, lazy: [UInt8], part: (Int) -> ArchivePart
    ) throws -> [UInt8] {
        var eager = ArchiveWriter()
        eager.count(lazy.count)
        eager.string(origin.program)
        eager.string(origin.key)
        eager.array(origin.stamps) { $0.stamp($1) }
        eager.model(model, bodies: model.entities.indices.map(part))
        eager.part(part(model.entities.count))
        return seal(eager: eager.bytes, lazy: lazy)
    }
}

/// An archive of these parts, with a header that fits them.
func seal(eager: [UInt8], lazy: [UInt8]) -> [UInt8] {
    var writer = ArchiveWriter()
    writer.append(ModelArchive.magic)
    writer.append([UInt8(ModelArchive.formatVersion), 0, 0, 0, 0, 0, 0, 0])
    writer.fixed64(UInt64(eager.count))
    writer.fixed64(ArchiveChecksum.of(eager))
    writer.append(eager)
    writer.append(lazy)
    return writer.bytes
}

/// An archive's eager part (after its header) and its lazy parts.
func split(_ archive: [UInt8]) -> (eager: [UInt8], lazy: [UInt8]) {
    var length = 0
    for index in 0..<8 { length |= Int(archive[16 + index]) << (index * 8) }
    let end = ModelArchive.headerSize + length
    return (Array(archive[ModelArchive.headerSize..<end]), Array(archive[end...]))
}

extension Array where Element == UInt8 {
    /// Where `needle` last occurs.
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        let reversed = Array(self.reversed())
        return reversed.firstRange(of: needle.reversed()).map {
            (count - $0.upperBound)..<(count - $0.lowerBound)
        }
    }

    /// Where `needle` first occurs.
    func firstRange(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        for start in 0...(count - needle.count)
        where self[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}

/// A count kept from any thread.
final class CallCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
