import Foundation
import XCTest

@testable import CaravanContent

/// Feeds the loader random, mutated and hostile input. It must never trap, and every
/// diagnostic must point into the file it is about. Seeded, so every run is the same.
final class FuzzTests: XCTestCase {
    /// Text that tends to break YAML or Markdown parsers, for splicing into files.
    private static let hazards: [String] = [
        "[", "]", "{", "}", "[[[[", "}}}}", "\t", "\t\t- ", "&a ", "*a", "&a [*a, *a]", "<<: *a\n",
        "!!binary ", "!!python/object:x ", "!<tag:x> ", "? ", ": ", "- ", "---\n", "...\n", "|\n",
        ">-\n",
        "\"", "'", "\\", "#", "%YAML 1.2\n", "%TAG ! x\n", "\r", "\r\n", "\n", "\u{FEFF}",
        "\u{1B}[31m",
        "\u{202E}", "e\u{301}", "𝔘𝔫𝔦", "\u{7F}", "[@", "[@zhao2019]", "](case/",
        "[x](case/almaty-brand)",
        "```\n", "~~~", "    ", "> ", "1. ", "<!--", "<div>", "&amp;", "1:2:3:4:5:6:7:8:9:10:11:12",
        "0x7FFFFFFFFFFFFFFFF", "99999999999999999999", "-0", ".nan", "~", "null", "yes",
        "2023-02-30",
        "id: case/x\n", "kind: case\n", "parent: section/1-introduction\n",
        "discussed-in: [paper/silk-road]\n",
    ]

    private var rng = SplitMix64(seed: 0xC0FF_EE00_1234_5678)

    // MARK: Invariants

    private struct Stats {
        var loads = 0
        var diagnostics = 0
        var entities = 0
    }

    private var stats = Stats()

    /// Loads `files` and checks what must hold whatever the input.
    private func check(
        _ files: [SourceFile], exportJSON: Bool = false, file: StaticString = #filePath,
        line testLine: UInt = #line
    ) {
        let model = ContentLoader.load(files: files)
        stats.loads += 1
        stats.diagnostics += model.diagnostics.count
        stats.entities += model.entities.count
        var lineCounts: [String: Int] = [:]
        for source in files {
            // Lines as the loader counts them: one more than the line feeds.
            lineCounts[source.path] = source.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        for diagnostic in model.diagnostics {
            let location = diagnostic.location
            guard let lines = lineCounts[location.path] else {
                XCTFail(
                    "diagnostic for a path not loaded: \(diagnostic.formatted)", file: file,
                    line: testLine)
                continue
            }
            if location.line < 1 || location.column < 1 || location.line > lines {
                XCTFail(
                    "diagnostic outside its file of \(lines) lines: \(diagnostic.formatted)",
                    file: file,
                    line: testLine)
            }
            if diagnostic.message.isEmpty {
                XCTFail("empty message: \(diagnostic.formatted)", file: file, line: testLine)
            }
        }
        let locations = model.diagnostics.map(\.location)
        if locations != locations.sorted() {
            XCTFail("diagnostics not sorted", file: file, line: testLine)
        }
        for link in model.links where !model.contains(link.source) || !model.contains(link.target) {
            XCTFail("link between unknown entities: \(link)", file: file, line: testLine)
        }
        for entity in model.entities where lineCounts[entity.location.path] == nil {
            XCTFail("entity from a path not loaded: \(entity.id)", file: file, line: testLine)
        }
        if exportJSON {
            do {
                let data = try JSONExport.data(for: model)
                _ = try JSONSerialization.jsonObject(with: data)
            } catch {
                XCTFail("export failed: \(error)", file: file, line: testLine)
            }
            _ = model.search.search("a")
            _ = model.search.search("almaty brand ")
        }
    }

    // MARK: Generators

    private func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &rng)
    }

    private func randomBytes(maximumLength: Int) -> [UInt8] {
        let length = int(0...maximumLength)
        switch int(0...2) {
        case 0:
            return (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1:
            let alphabet = Array("abc:-[]{}&*!|>#'\" \n\t\r@/().`".utf8)
            return (0..<length).map { _ in alphabet[int(0...(alphabet.count - 1))] }
        default:
            var bytes = Array("---\n".utf8)
            while bytes.count < length {
                bytes += Array(Self.hazards[int(0...(Self.hazards.count - 1))].utf8)
            }
            return bytes
        }
    }

    private func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0..<int(1...8) {
            let position = bytes.isEmpty ? 0 : int(0...bytes.count)
            switch int(0...6) {
            case 0 where position < bytes.count:  // flip a bit
                bytes[position] ^= UInt8(1) << UInt8(int(0...7))
            case 1 where position < bytes.count:  // any byte
                bytes[position] = UInt8(truncatingIfNeeded: rng.next())
            case 2:  // insert bytes
                bytes.insert(
                    contentsOf: (0..<int(1...4)).map { _ in UInt8(truncatingIfNeeded: rng.next()) },
                    at: position)
            case 3:  // insert a hazard
                bytes.insert(
                    contentsOf: Array(Self.hazards[int(0...(Self.hazards.count - 1))].utf8),
                    at: position)
            case 4 where position < bytes.count:  // delete a run
                bytes.removeSubrange(position..<min(bytes.count, position + int(1...16)))
            case 5 where position < bytes.count:  // duplicate a run
                let run = bytes[position..<min(bytes.count, position + int(1...32))]
                bytes.insert(contentsOf: run, at: position)
            case 6:  // truncate
                bytes.removeSubrange(position...)
            default:
                break
            }
        }
        return bytes
    }

    // MARK: Tests

    func testRandomBytes() {
        for index in 0..<2_000 {
            check([SourceFile(path: "random\(index).md", bytes: randomBytes(maximumLength: 400))])
        }
        XCTAssertEqual(stats.loads, 2_000)
        // Random bytes are almost never content: nearly every input must be reported.
        XCTAssertGreaterThan(stats.diagnostics, 1_800)
    }

    func testMutatedValidFiles() {
        let originals = Fixture.files
        for index in 0..<3_000 {
            let original = originals[index % originals.count]
            let mutated = SourceFile(path: original.path, bytes: mutate(original.bytes))
            check([mutated], exportJSON: index % 50 == 0)
        }
        XCTAssertEqual(stats.loads, 3_000)
        XCTAssertGreaterThan(stats.diagnostics, 0)
        XCTAssertGreaterThan(stats.entities, 0)
    }

    func testTruncationAndDeletionAtEveryPosition() {
        // The café file has multi-byte characters; the Almaty file has fences, a fenced code block
        // and citations, so the cuts fall in every kind of place.
        for original in [Fixture.cafe, Fixture.almaty] {
            for end in 0...original.bytes.count {
                check([SourceFile(path: original.path, bytes: Array(original.bytes[..<end]))])
            }
            for position in original.bytes.indices {
                var bytes = original.bytes
                bytes.remove(at: position)
                check([SourceFile(path: original.path, bytes: bytes)])
            }
        }
        let expected = 2 * (Fixture.cafe.bytes.count + Fixture.almaty.bytes.count) + 2
        XCTAssertEqual(stats.loads, expected)
    }

    func testMutatedFilesTogether() {
        // Several mutated files at once, with the valid ones: duplicates and cross-file links.
        for _ in 0..<60 {
            var files = Fixture.files
            for original in Fixture.files where int(0...2) == 0 {
                files.append(
                    SourceFile(path: "mutated/" + original.path, bytes: mutate(original.bytes)))
            }
            files.shuffle(using: &rng)
            check(files, exportJSON: true)
        }
        XCTAssertEqual(stats.loads, 60)
        XCTAssertGreaterThanOrEqual(stats.entities, 60 * Fixture.files.count)
    }

    func testHostileYAML() {
        let depth = 10_000
        let values: [String] = [
            String(repeating: "[", count: depth),
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
            String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth),
            String(repeating: "{", count: depth),
            "&a [*a, *a]",
            "[&a x, *a, *b]",
            "*undefined",
            "!!binary not-base64",
            "!!int not-a-number",
            "!!float 1e99999",
            "!!timestamp 2023-99-99",
            "1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1",
            "-1:1:1:1:1:1:1:1:1:1:1:1:1",
            "0b" + String(repeating: "1", count: 200),
            "0x" + String(repeating: "F", count: 200),
            String(repeating: "9", count: 400),
            String(repeating: "x", count: 300_000),
            "\"" + String(repeating: "\\u0041", count: 10_000) + "\"",
            "\"unterminated",
            "'unterminated",
            "|\n" + String(repeating: "  line\n", count: 5_000),
            "[a, b",
            "{a: b",
            "a: b: c",
            "- a\n- b",
            "\t tab",
        ]
        var snippets = values.flatMap { value in
            ["title: \(value)\n", "x-extra: \(value)\n", "order: \(value)\n", "tags: \(value)\n"]
        }
        snippets += [
            String(repeating: "- ", count: depth) + "x\n",
            (0..<depth).map { String(repeating: " ", count: $0 % 200) + "k\($0):" }.joined(
                separator: "\n") + "\n",
            (0..<10_000).map { "x-field-\($0): \($0)" }.joined(separator: "\n") + "\n",
            String(repeating: "k", count: 100_000) + ": v\n",
            "? [complex, key]\n: value\n",
            "[a, b]: c\n",
            "x-a: &a [1, 2]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "x-c: [*b, *b, *b, *b, *b, *b, *b, *b]\n",
            "x-a: &a {k: v}\n<<: *a\n",
            "%YAML 1.1\n",
            "--- !tag\n",
            "\u{FEFF}x-bom: 1\n",
            "title: a\ntitle: b\n",
            "kind: [case]\n",
            "id: {a: b}\n",
            "region: [Europe]\n",
            "illustrates: {a: b}\n",
            "figures: [[1], {}, x, {label: [a], value: {b: c}, section: [d]}]\n",
            "quotes: [{text: [a]}, {text: " + String(repeating: "word ", count: 5_000) + "}]\n",
        ]
        for (index, snippet) in snippets.enumerated() {
            let base =
                "id: case/hostile\nkind: case\nregion: Global\n"
                + "illustrates: concept/cultural-brand\n"
            // As an extra field at the end, and replacing the whole front matter.
            check([entityFile("hostile\(index)a.md", base + snippet)] + Fixture.files)
            check([SourceFile(path: "hostile\(index)b.md", text: "---\n" + snippet + "---\nBody\n")]
            )
        }
        XCTAssertEqual(stats.loads, snippets.count * 2)
    }

    func testHostileMarkdown() {
        let depth = 10_000
        let bodies: [String] = [
            String(repeating: ">", count: depth) + " deep [x](case/almaty-brand)\n",
            String(repeating: "> ", count: depth) + "deep\n",
            String(repeating: "- ", count: depth) + "item\n",
            String(repeating: "1. ", count: depth) + "item\n",
            (0..<2_000).map { String(repeating: "  ", count: $0) + "- item [@zhao2019]" }.joined(
                separator: "\n"),
            String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth),
            String(repeating: "_a ", count: depth),
            String(repeating: "[", count: depth) + "x"
                + String(repeating: "](case/x)", count: depth),
            String(repeating: "[@", count: depth),
            String(repeating: "](", count: depth),
            String(repeating: "`", count: depth) + "code",
            String(repeating: "<div>", count: depth),
            String(repeating: "[x](case/almaty-brand)", count: 5_000),
            String(repeating: "[@zhao2019; ", count: 5_000) + "]",
            String(repeating: "x", count: 500_000),
            "```\n" + String(repeating: "[x](case/nope)\n", count: 2_000),
            String(repeating: "\n", count: 50_000) + "[x](case/nope)",
            String(repeating: "\r\n", count: 1_000) + "[x](case/nope)\r",
            "\u{1B}]0;title\u{07}\u{1B}[2J [x](case/almaty-brand)",
            "[x](<case/almaty-brand>) [y](case/almaty-brand \"title\") [z]: case/almaty-brand\n[z]",
        ]
        for (index, body) in bodies.enumerated() {
            let file = entityFile(
                "cases/hostile\(index).md",
                "id: case/hostile\(index)\nkind: case\ntitle: H\nregion: Global\n"
                    + "illustrates: concept/cultural-brand\n",
                body: body)
            check([file] + Fixture.files, exportJSON: index % 4 == 0)
        }
        XCTAssertEqual(stats.loads, bodies.count)
    }

    func testLoadingIsDeterministic() {
        var inputs: [[SourceFile]] = []
        for index in 0..<40 {
            let original = Fixture.files[index % Fixture.files.count]
            inputs.append(
                [SourceFile(path: original.path, bytes: mutate(original.bytes))] + Fixture.files)
        }
        for files in inputs {
            let first = ContentLoader.load(files: files)
            let second = ContentLoader.load(files: files)
            XCTAssertEqual(first.diagnostics, second.diagnostics)
            XCTAssertEqual(first.entities.map(\.id), second.entities.map(\.id))
            XCTAssertEqual(first.links, second.links)
        }
    }

    func testGeneratorIsSeeded() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = (0..<5).map { _ in first.next() }
        XCTAssertEqual(a, (0..<5).map { _ in second.next() })
        XCTAssertEqual(Set(a).count, 5)
        // The reference first output of SplitMix64 for seed 0.
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual(zero.next(), 0xE220_A839_7B1D_CDAF)
    }
}
