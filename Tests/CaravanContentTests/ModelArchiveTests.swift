import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// The precompiled model: what is read back is what was loaded, and damaged or foreign
/// bytes are refused whole, never trusted and never a trap.
final class ModelArchiveTests: XCTestCase {
    private let origin = ModelArchive.Origin(
        program: "test 1", key: "key",
        stamps: [
            FileStamp(path: "/a", size: 3, modified: 1_700_000_000_123_456_789, isFolder: false)
        ])

    private func roundTrip(_ model: ContentModel) throws -> ContentModel {
        try ModelArchive.decode(ModelArchive.encode(model, origin: origin))
    }

    func testTheBuiltInPaperReadsBackAsLoaded() throws {
        let loaded = DefaultContent.load()
        assertSameModel(try roundTrip(loaded), loaded)
    }

    func testTheCompiledInModelIsTheBuiltInPaperAsLoaded() {
        assertSameModel(DefaultContent.precompiled, DefaultContent.load())
    }

    func testACourseInItsOwnWordsAndASeminarOnThePaperReadBack() throws {
        for model in [CourseFixtureTests.course, CourseFixtureTests.seminar] {
            assertSameModel(try roundTrip(model), model)
        }
    }

    func testBrokenContentKeepsItsDiagnosticsAndPlaceholders() throws {
        let model = ContentLoader.load(files: [
            validConcept(),
            entityFile(
                "concepts/broken.md", "id: concept/broken\nkind: concept\ntitle: [unclosed\n"),
            entityFile(
                "concepts/links.md",
                "id: concept/links\nkind: concept\ntitle: Links\nrelated: [concept/nowhere]\n"),
        ])
        XCTAssertFalse(model.diagnostics.isEmpty)
        assertSameModel(try roundTrip(model), model)
    }

    func testTheOriginReadsBack() throws {
        let bytes = ModelArchive.encode(DefaultContent.precompiled, origin: origin)
        XCTAssertEqual(try ModelArchive.origin(of: bytes), origin)
        XCTAssertThrowsError(try ModelArchive.decode(bytes) { $0.program == "test 2" })
    }

    /// Damage to the header or the eager part is refused at open; damage to a lazy part
    /// (a body, the index) is found when that part is read, and reported.
    func testDamagedBytesAreRefusedOrReported() throws {
        let bytes = ModelArchive.encode(DefaultContent.precompiled, origin: origin)
        XCTAssertNoThrow(try ModelArchive.decode(bytes))
        var cases: [(String, [UInt8])] = [
            ("empty", []), ("header only", Array(bytes.prefix(32))),
            ("truncated", Array(bytes.dropLast(100))), ("one byte short", Array(bytes.dropLast())),
            ("a byte more", bytes + [0]),
        ]
        var wrongMagic = bytes
        wrongMagic[0] ^= 0xFF
        cases.append(("wrong magic", wrongMagic))
        var foreignVersion = bytes
        foreignVersion[8] &+= 1
        cases.append(("another format version", foreignVersion))
        for (name, damaged) in cases {
            XCTAssertThrowsError(try ModelArchive.decode(damaged), name)
        }
        let lazyStart = ModelArchive.headerSize + split(bytes).eager.count
        for offset in stride(from: 16, to: bytes.count, by: max(1, bytes.count / 97)) {
            var flipped = bytes
            flipped[offset] ^= 0x5A
            let archive = ArchiveBytes(copying: flipped)
            if offset < lazyStart {
                XCTAssertThrowsError(try ModelArchive.decode(archive), "flipped at \(offset)")
                continue
            }
            let model = try ModelArchive.decode(archive)
            _ = model.entities.map(\.body)
            _ = model.entities.indices.map(model.search.fieldTexts(of:))
            XCTAssertTrue(archive.isDamaged, "flipped at \(offset), in a lazy part")
        }
    }

    /// Bytes that pass the checksum but say nonsense (as a hostile writer could make):
    /// refused or read, never a trap.
    func testNonsenseWithARightChecksumNeverTraps() throws {
        let (eager, lazy) = split(ModelArchive.encode(CourseFixtureTests.course, origin: origin))
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var changed = (eager: eager, lazy: lazy)
            for _ in 0..<(1 + round % 8) {
                let at = Int.random(in: 0..<(eager.count + lazy.count), using: &random)
                let value = UInt8.random(in: 0...255, using: &random)
                if at < eager.count {
                    changed.eager[at] = value
                } else {
                    changed.lazy[at - eager.count] = value
                }
            }
            if round % 3 == 0 {
                changed.eager = Array(changed.eager.prefix(Int.random(in: 0..<eager.count)))
            }
            if let model = try? ModelArchive.decode(seal(eager: changed.eager, lazy: changed.lazy))
            {
                _ = model.search.search("pillar")
                _ = model.entities.map(\.document)
            }
        }
    }

    func testEmbeddedBytesKeepEveryByte() {
        let bytes = (0...255).map(UInt8.init) + Array("plain text \"quoted\" \\".utf8)
        let literal = EmbeddedBytes.literal(bytes)
        XCTAssertFalse(literal.contains("\""), "no quote to end the literal")
        XCTAssertFalse(literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" })
        let encoded = Array(literal.utf8)
        XCTAssertEqual(encoded.withUnsafeBufferPointer(EmbeddedBytes.bytes), bytes)
        XCTAssertNil([0xC3, 0x28].withUnsafeBufferPointer(EmbeddedBytes.bytes))
        XCTAssertNil([0xC4].withUnsafeBufferPointer(EmbeddedBytes.bytes), "cut in half")
    }

    func testTheEmbeddedFilesAreTheContentFolder() throws {
        let files = DefaultContent.files
        XCTAssertEqual(files.count, DefaultContent.precompiled.entities.count)
        XCTAssertEqual(try ModelArchive.decodeFiles(ModelArchive.encode(files: files)), files)
        XCTAssertThrowsError(try ModelArchive.decodeFiles([5, 1]))
    }
}

/// Fails at the first line where two models' summaries differ, and says which.
func assertSameModel(
    _ got: ContentModel, _ expected: ContentModel, _ name: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    let (a, b) = (summary(got), summary(expected))
    for (index, pair) in zip(a, b).enumerated() where pair.0 != pair.1 {
        let same = zip(pair.0, pair.1).prefix { $0 == $1 }.count
        let (got, expected) = (
            pair.0.dropFirst(max(0, same - 80)), pair.1.dropFirst(max(0, same - 80))
        )
        XCTFail(
            "\(name) line \(index):\n  got      \(got.prefix(300))\n  expected \(expected.prefix(300))",
            file: file, line: line)
        return
    }
    XCTAssertEqual(a.count, b.count, "\(name) lines", file: file, line: line)
    // Compared as values: their descriptions list dictionaries in hash order.
    XCTAssertEqual(got.layers, expected.layers, "\(name) layers", file: file, line: line)
    XCTAssertEqual(got.framework, expected.framework, "\(name) framework", file: file, line: line)
    XCTAssertEqual(
        got.vocabulary, expected.vocabulary, "\(name) vocabulary", file: file, line: line)
}

/// Everything a reader sees of a model, as text to compare.
func summary(_ model: ContentModel) -> [String] {
    var lines: [String] = []
    for entity in model.entities {
        lines.append(
            "\(entity.id) \(entity.title) \(entity.summary ?? "-") \(entity.order ?? -1) "
                + "\(entity.location.path):\(entity.location.line) \(entity.bodyLine)")
        lines.append(entity.fields.map { "\($0.key)=\($0.value)" }.joined(separator: ";"))
        lines.append(entity.body)
        lines.append(String(describing: entity.document.blocks))
        lines += model.outgoing(from: entity.id).map {
            "\($0.type) \($0.target) \($0.location)"
        }
        lines += model.incoming(to: entity.id).map { "<- \($0.type) \($0.source)" }
    }
    lines += model.diagnostics.map(\.formatted)
    lines += EntityKind.allCases.map {
        "\(model.vocabulary.term(for: $0)) \(model.vocabulary.requiredFields(of: $0))"
    }
    lines += model.regions.regions.map { "\($0)" }
    lines += model.layers.map { "\($0.source) \($0.displayPath) \($0.realPath ?? "-")" }
    for query in ["cultural", "brand", "silk road", "almaty", "产业", "zzz"] {
        lines += model.search.search(query, limit: 20).map {
            "\(query): \($0.id) \($0.field) \($0.score) \($0.snippet.text) \($0.snippet.matches)"
        }
    }
    return lines
}
