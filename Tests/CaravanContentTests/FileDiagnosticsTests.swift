import XCTest

@testable import CaravanContent

/// Problems found within one file: bytes, front matter, YAML, fields and ids.
final class FileDiagnosticsTests: XCTestCase {
    // MARK: Bytes

    func testEmptyFile() {
        let model = load(SourceFile(path: "empty.md", bytes: []))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "empty.md", line: 1, column: 1,
            message: "file is empty")
        XCTAssertTrue(model.entities.isEmpty)
    }

    func testBinaryFileReportsTheFirstNulByte() {
        let bytes = Array("---\nid: concept/x\nkind: con".utf8) + [0, 1, 2] + Array("cept\n".utf8)
        let model = load(SourceFile(path: "blob.md", bytes: bytes))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "blob.md", line: 3, column: 10,
            message: "binary file (contains a NUL byte); content files must be text")
        XCTAssertTrue(model.entities.isEmpty)
    }

    func testInvalidUTF8ReportsLineAndColumnOfTheBadByte() {
        // "é" before the bad byte is one column, not two bytes.
        let bytes =
            Array("---\nid: concept/x\nkind: concept\ntitle: café ".utf8) + [0xC3, 0x28]
            + Array("\n---\n".utf8)
        let model = load(SourceFile(path: "latin1.md", bytes: bytes))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "latin1.md", line: 4, column: 13,
            message: "invalid UTF-8 (byte 0xc3)")
    }

    func testInvalidUTF8Variants() {
        let cases: [(bytes: [UInt8], line: Int, column: Int, byte: String)] = [
            ([0xFF], 1, 1, "0xff"),  // never valid
            (Array("ab\n".utf8) + [0x80], 2, 1, "0x80"),  // lone continuation byte
            (Array("x".utf8) + [0xC0, 0xAF], 1, 2, "0xc0"),  // overlong
            (Array("xy".utf8) + [0xED, 0xA0, 0x80], 1, 3, "0xed"),  // surrogate
            (Array("abc".utf8) + [0xE2, 0x82], 1, 4, "0xe2"),  // cut short at the end
            ([0xF4, 0x90, 0x80, 0x80], 1, 1, "0xf4"),  // beyond U+10FFFF
        ]
        for (index, item) in cases.enumerated() {
            let path = "bad\(index).md"
            let model = load(SourceFile(path: path, bytes: item.bytes))
            assertDiagnosticCount(model.diagnostics, 1)
            assertDiagnostic(
                model.diagnostics, .error, path: path, line: item.line, column: item.column,
                message: "invalid UTF-8 (byte \(item.byte))")
        }
    }

    func testByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let text =
            "---\r\nid: concept/x\r\nkind: concept\r\ntitle: X\r\n---\r\n"
            + "See [y](concept/missing).\r\n"
        let model = load(SourceFile(path: "crlf.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        assertDiagnosticCount(model.diagnostics, 1)
        // The only problem is the broken link, on the body's first line (6), column 9.
        assertDiagnostic(
            model.diagnostics, .error, path: "crlf.md", line: 6, column: 9,
            message: "link to `concept/missing`, which does not exist")
        XCTAssertEqual(try XCTUnwrap(model.entities.first).title, "X")
    }

    func testWindowsLineEndingsKeepYAMLLinesRight() {
        let text = "---\r\nid: concept/x\r\nkind: concept\r\ntitle: one: two\r\n---\r\n"
        let model = load(SourceFile(path: "crlf.md", text: text))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "crlf.md", line: 4, column: 11,
            message: "malformed YAML: mapping values are not allowed")
    }

    // MARK: Front matter

    func testMissingFrontMatter() {
        for (path, text) in [
            ("heading.md", "# Just a heading\n\nid: concept/x\n"),
            ("late.md", "\n---\nid: concept/x\nkind: concept\ntitle: X\n---\n"),
        ] {
            let model = load(SourceFile(path: path, text: text))
            assertDiagnosticCount(model.diagnostics, 1)
            assertDiagnostic(
                model.diagnostics, .error, path: path, line: 1, column: 1,
                message: "missing front matter: the file must start with a `---` line")
        }
    }

    func testFrontMatterNeverClosed() {
        let model = load(
            SourceFile(path: "open.md", text: "---\nid: concept/x\nkind: concept\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "open.md", line: 1, column: 1,
            message: "front matter is never closed")
    }

    func testFrontMatterMayCloseWithDots() {
        let model = load(
            SourceFile(
                path: "dots.md", text: "---\nid: concept/x\nkind: concept\ntitle: X\n...\nBody\n"))
        assertDiagnosticCount(model.diagnostics, 0)
        XCTAssertEqual(model.entities.first?.body, "Body\n")
        XCTAssertEqual(model.entities.first?.bodyLine, 6)
    }

    func testEmptyFrontMatter() {
        let model = load(SourceFile(path: "bare.md", text: "---\n---\nBody\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "bare.md", line: 1,
            message: "front matter is empty: `id`, `kind` and `title` are required")
    }

    func testFrontMatterThatIsNotAMapping() {
        let model = load(SourceFile(path: "list.md", text: "---\n- id\n- kind\n---\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "list.md", line: 2, column: 1,
            message: "front matter must be a mapping of `field: value` lines")
    }

    // MARK: YAML

    func testMalformedYAMLIsReportedAtTheFileLine() {
        // YAML line 3 is file line 4: the opening `---` counts.
        let file = entityFile(
            "colon.md",
            """
            id: concept/x
            kind: concept
            title: one: two

            """)
        let model = load(file)
        let expected = position(of: ": two", in: text(of: file))
        XCTAssertEqual(expected.line, 4)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "colon.md", line: 4, column: expected.column,
            message: "malformed YAML: mapping values are not allowed")
    }

    func testTabIndentationIsMalformedYAML() {
        let model = load(
            SourceFile(path: "tab.md", text: "---\nid: concept/x\nkind: concept\n\ttitle: X\n---\n")
        )
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "tab.md", line: 4, column: 1, message: "malformed YAML"
        )
    }

    func testUnbalancedBracketIsReportedInsideTheFrontMatter() throws {
        let model = load(
            SourceFile(
                path: "bracket.md",
                text: "---\nid: concept/x\nkind: concept\ntags: [one, two\ntitle: X\n---\nBody\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        let diagnostic = try XCTUnwrap(model.diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.message.hasPrefix("malformed YAML: "), diagnostic.formatted)
        // libyaml notices on the line after the open bracket; either way within lines 4...5.
        XCTAssertTrue((4...5).contains(diagnostic.location.line), diagnostic.formatted)
    }

    func testUndefinedAliasIsMalformedYAML() {
        let model = load(
            SourceFile(
                path: "alias.md",
                text: "---\nid: concept/x\nkind: concept\ntitle: X\nx-a: &a [*a, *a]\n---\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "alias.md", line: 5,
            message: "malformed YAML: found undefined alias")
    }

    func testFieldWrittenTwice() {
        let model = load(
            SourceFile(
                path: "twice.md",
                text: "---\nid: concept/x\nkind: concept\ntitle: X\ntitle: Y\n---\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        let diagnostic = assertDiagnostic(
            model.diagnostics, .error, path: "twice.md", line: 4,
            message: "field written twice: title")
        XCTAssertNotNil(diagnostic)
    }

    func testAliasBombIsCutShort() throws {
        var yaml = "id: concept/x\nkind: concept\ntitle: X\nx-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f"][index - 1]
            let items = Array(repeating: "*" + previous, count: 9).joined(separator: ", ")
            yaml += "x-\(name): &\(name) [\(items)]\n"
        }
        let model = load(entityFile("bomb.md", yaml))
        assertDiagnosticCount(model.diagnostics, 1)
        let diagnostic = try XCTUnwrap(model.diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.path, "bomb.md")
        XCTAssertEqual(diagnostic.message, "front matter is too large or too deeply aliased")
        // Somewhere among the aliasing lines (file lines 5 to 11).
        XCTAssertTrue((5...11).contains(diagnostic.location.line), diagnostic.formatted)
        XCTAssertEqual(model.entities.count, 1)
    }

    // MARK: Required fields

    func testMissingID() {
        let model = load(entityFile("noid.md", "kind: concept\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "noid.md", line: 1, column: 1,
            message: "missing required field `id` (e.g. `id: concept/a-short-name`)")
        XCTAssertTrue(model.entities.isEmpty)
    }

    func testMissingKind() throws {
        let model = load(entityFile("nokind.md", "id: concept/x\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "nokind.md", line: 1, column: 1,
            message: "missing required field `kind`")
        // The id names the entity: it is kept to be read, marked broken.
        XCTAssertEqual(model.entities.map(\.id.description), ["concept/x"])
        XCTAssertTrue(model.isBroken(try XCTUnwrap(EntityID("concept/x"))))
    }

    func testMissingKindAndIDAreBothReported() {
        let model = load(entityFile("nothing.md", "title: X\n"))
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "nothing.md", line: 1,
            message: "missing required field `kind`")
        assertDiagnostic(
            model.diagnostics, .error, path: "nothing.md", line: 1,
            message: "missing required field `id`")
    }

    func testMissingKindAndTitleAreBothReported() {
        let model = load(entityFile("idonly.md", "id: concept/x\n"))
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "idonly.md", line: 1,
            message: "missing required field `kind`")
        assertDiagnostic(
            model.diagnostics, .error, path: "idonly.md", line: 1,
            message: "missing required field `title`")
    }

    func testMissingOrBlankTitle() {
        let missing = load(entityFile("notitle.md", "id: concept/x\nkind: concept\n"))
        assertDiagnosticCount(missing.diagnostics, 1)
        assertDiagnostic(
            missing.diagnostics, .error, path: "notitle.md", line: 1, column: 1,
            message: "missing required field `title`")

        let blank = load(entityFile("blank.md", "id: concept/x\nkind: concept\ntitle: '   '\n"))
        assertDiagnosticCount(blank.diagnostics, 1)
        assertDiagnostic(
            blank.diagnostics, .error, path: "blank.md", line: 4, column: 8,
            message: "missing required field `title`")
    }

    func testKindSpecificRequiredFields() {
        let cases: [(kind: String, fields: String, missing: [String])] = [
            ("paper", "", []),
            ("section", "", ["number"]),
            ("connotation", "", ["field", "lever"]),
            ("case", "", ["region", "illustrates"]),
            ("case", "region: Global\n", ["illustrates"]),
            ("reference", "authors: [\"A, B.\"]\n", ["year"]),
            ("path", "", ["steps"]),
        ]
        for item in cases {
            let path = "\(item.kind)-\(item.missing.joined(separator: "-")).md"
            let model = load(
                entityFile(path, "id: \(item.kind)/x\nkind: \(item.kind)\ntitle: X\n" + item.fields)
            )
            assertDiagnosticCount(model.diagnostics, item.missing.count)
            for field in item.missing {
                assertDiagnostic(
                    model.diagnostics, .error, path: path, line: 1, column: 1,
                    message: "missing required field `\(field)` for a \(item.kind)")
            }
        }
    }

    func testMechanismNeedsAConnotationOrAParent() {
        let model = load(entityFile("mech.md", "id: mechanism/x\nkind: mechanism\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "mech.md", line: 1,
            message: "a mechanism needs a `connotation` or a `parent` mechanism")
    }

    func testKindsWithoutRequiredFieldsLoadBare() {
        for kind in ["concept", "deck"] {
            let model = load(entityFile("\(kind).md", "id: \(kind)/x\nkind: \(kind)\ntitle: X\n"))
            assertDiagnosticCount(model.diagnostics, 0)
            XCTAssertEqual(model.entities.count, 1)
        }
    }

    // MARK: Kinds, fields, ids

    func testUnknownKindWithSuggestion() throws {
        let model = load(entityFile("kind.md", "id: case/x\nkind: caes\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        let diagnostic = try XCTUnwrap(
            assertDiagnostic(
                model.diagnostics, .error, path: "kind.md", line: 3, column: 7,
                message:
                    "unknown kind `caes`; kinds are paper, section, connotation, mechanism, case",
                suggestion: "did you mean `case`?"))
        XCTAssertEqual(
            diagnostic.formatted,
            "kind.md:3:7: error: unknown kind `caes`; kinds are paper, section, connotation, "
                + "mechanism, case, concept, reference, path, deck (did you mean `case`?)")
    }

    func testUnknownKindWithoutAnythingClose() {
        let model = load(entityFile("kind.md", "id: widget/x\nkind: widget\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "kind.md", line: 3, message: "unknown kind `widget`")
        XCTAssertNil(model.diagnostics.first?.suggestion)
    }

    func testUnknownFieldWithSuggestion() {
        let file = entityFile(
            "typo.md",
            """
            id: case/x
            kind: case
            title: X
            region: Global
            illustrates: [concept/base]
            ilustrates: [concept/base]

            """)
        let model = load(file, validConcept())
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "typo.md", line: 7, column: 1,
            message: "unknown field `ilustrates` for a case",
            suggestion: "did you mean `illustrates`?")
    }

    func testFieldOfAnotherKindIsUnknown() {
        let model = load(
            entityFile("concept.md", "id: concept/x\nkind: concept\ntitle: X\nregion: Global\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "concept.md", line: 5, column: 1,
            message: "unknown field `region` for a concept")
    }

    func testUnknownFieldFarFromAnyKnownHasNoSuggestion() {
        let model = load(
            entityFile("far.md", "id: concept/x\nkind: concept\ntitle: X\nwhatsoever: 1\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "far.md", line: 5,
            message: "unknown field `whatsoever`")
        XCTAssertNil(model.diagnostics.first?.suggestion)
    }

    func testExtensionFieldsAreAllowedAndKept() throws {
        let model = load(
            entityFile(
                "ext.md",
                "id: concept/x\nkind: concept\ntitle: X\n"
                    + "x-anything: {nested: [1, {deep: true}]}\nx-: empty name\n"
            ))
        assertDiagnosticCount(model.diagnostics, 0)
        let entity = try XCTUnwrap(model.entities.first)
        XCTAssertEqual(
            entity.field("x-anything"),
            .map([
                (
                    key: "nested",
                    value: .list([.integer(1), .map([(key: "deep", value: .bool(true))])])
                )
            ]))
    }

    func testIDNotMatchingKind() throws {
        let model = load(entityFile("mismatch.md", "id: case/foo\nkind: concept\ntitle: X\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "mismatch.md", line: 2, column: 5,
            message: "id `case/foo` does not match kind `concept`",
            suggestion: "did you mean `concept/foo`?")
        // Kept under the id it is written with, marked broken.
        XCTAssertEqual(model.entities.map(\.id.description), ["case/foo"])
        XCTAssertEqual(model.diagnostics(for: try XCTUnwrap(EntityID("case/foo"))).count, 1)
    }

    func testBadSlugs() {
        for slug in [
            "Bad_Slug", "-leading", "trailing-", "", "a b", "café",
            String(repeating: "a", count: 101),
        ] {
            let model = load(
                entityFile("slug.md", "id: \"concept/\(slug)\"\nkind: concept\ntitle: X\n"))
            assertDiagnosticCount(model.diagnostics, 1)
            assertDiagnostic(
                model.diagnostics, .error, path: "slug.md", line: 2, column: 5,
                message:
                    "id `concept/\(slug)`: after the slash use lower-case letters, digits "
                    + "and hyphens"
            )
            XCTAssertTrue(model.entities.isEmpty, slug)
        }
    }

    func testIDWithoutSlashOrWithUnknownKind() {
        let bare = load(entityFile("bare.md", "id: almaty\nkind: concept\ntitle: X\n"))
        assertDiagnosticCount(bare.diagnostics, 1)
        assertDiagnostic(
            bare.diagnostics, .error, path: "bare.md", line: 2, column: 5,
            message: "id `almaty` must be `concept/a-short-name`",
            suggestion: "did you mean `concept/almaty`?")

        let unknown = load(entityFile("unknown.md", "id: caze/almaty\nkind: concept\ntitle: X\n"))
        assertDiagnosticCount(unknown.diagnostics, 1)
        assertDiagnostic(
            unknown.diagnostics, .error, path: "unknown.md", line: 2, column: 5,
            message: "id `caze/almaty` has unknown kind `caze`",
            suggestion: "did you mean `concept/almaty`?")

        let list = load(entityFile("list.md", "id: [concept/x]\nkind: concept\ntitle: X\n"))
        assertDiagnosticCount(list.diagnostics, 1)
        assertDiagnostic(
            list.diagnostics, .error, path: "list.md", line: 2, column: 5,
            message: "`id` must be text such as `concept/a-short-name`")
    }

    // MARK: Field shapes

    func testLongQuoteIsAWarning() {
        let thirteen = "one two three four five six seven eight nine ten eleven twelve thirteen"
        let twelve = "one two three four five six seven eight nine ten eleven twelve"
        let file = entityFile(
            "quotes.md",
            """
            id: section/1-x
            kind: section
            title: X
            number: "1"
            quotes:
              - text: "\(twelve)"
              - text: "\(thirteen)"
                note: too long

            """)
        let model = load(file)
        assertDiagnosticCount(model.diagnostics, 1)
        let expected = position(of: "\"\(thirteen)", in: text(of: file))
        assertDiagnostic(
            model.diagnostics, .warning, path: "quotes.md", line: expected.line,
            column: expected.column,
            message: "quote of 13 words; quote short phrases")
        XCTAssertEqual(model.errors.count, 0)
        XCTAssertEqual(model.entities.count, 1)
    }

    func testDateFormat() {
        let file = entityFile(
            "dates.md",
            """
            id: paper/p
            kind: paper
            title: P
            authors: [{name: A}]
            received: 2023-1-5
            accepted: 5 March 2023
            published: 2023-03-05

            """)
        let model = load(file)
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "dates.md", line: 6, column: 11,
            message: "`received` must be a date written YYYY-MM-DD")
        assertDiagnostic(
            model.diagnostics, .error, path: "dates.md", line: 7, column: 11,
            message: "`accepted` must be a date written YYYY-MM-DD")
    }

    func testDatesMustExistInTheCalendar() {
        for (date, valid) in [
            ("2023-13-01", false), ("2023-00-10", false), ("2023-04-31", false),
            ("2023-02-29", false),
            ("2024-02-29", true), ("2023-12-31", true), ("2023-01-00", false),
            ("1900-02-29", false),
            ("2000-02-29", true),
        ] {
            let model = load(
                entityFile(
                    "date.md",
                    "id: paper/p\nkind: paper\ntitle: P\nauthors: [{name: A}]\nreceived: \(date)\n")
            )
            XCTAssertEqual(
                model.diagnostics.isEmpty, valid, "\(date): " + listing(model.diagnostics))
            if !valid {
                assertDiagnostic(
                    model.diagnostics, .error, path: "date.md", line: 6, column: 11,
                    message: "`received` must be a date written YYYY-MM-DD")
            }
        }
    }

    func testWronglyShapedFields() {
        let file = entityFile(
            "shapes.md",
            """
            id: reference/r
            kind: reference
            title: R
            authors: Zhao, Y.
            year: nineteen
            tags: [ok, [nested]]
            venue: [a, b]
            related: [{not: an id}]

            """)
        let model = load(file)
        let source = text(of: file)
        let authors = position(of: "Zhao, Y.", in: source)
        let year = position(of: "nineteen", in: source)
        let nested = position(of: "[nested]", in: source)
        let venue = position(of: "[a, b]", in: source)
        let related = position(of: "{not", in: source)
        assertDiagnostic(
            model.diagnostics, .error, path: "shapes.md", line: authors.line,
            column: authors.column,
            message: "`authors` must be a list of text items")
        assertDiagnostic(
            model.diagnostics, .error, path: "shapes.md", line: year.line, column: year.column,
            message: "`year` must be a whole number")
        assertDiagnostic(
            model.diagnostics, .error, path: "shapes.md", line: nested.line, column: nested.column,
            message: "`tags` items must be text")
        assertDiagnostic(
            model.diagnostics, .error, path: "shapes.md", line: venue.line, column: venue.column,
            message: "`venue` must be text")
        assertDiagnostic(
            model.diagnostics, .error, path: "shapes.md", line: related.line,
            column: related.column,
            message: "`related` must list ids")
        assertDiagnosticCount(model.diagnostics, 5)
    }

    func testRecordFields() {
        let file = entityFile(
            "records.md",
            """
            id: case/x
            kind: case
            title: X
            region: Global
            illustrates: concept/base
            figures:
              - label: Count
                value: "3"
              - lable: Typo
                value: "4"
                section: [section/a, section/b]
              - just text
            x-end: true

            """)
        let model = load(file, validConcept())
        let source = text(of: file)
        let firstEntry = position(of: "label: Count", in: source)
        let typo = position(of: "lable", in: source)
        let sectionList = position(of: "[section/a", in: source)
        let plain = position(of: "just text", in: source)
        assertDiagnostic(
            model.diagnostics, .error, path: "records.md", line: firstEntry.line,
            column: firstEntry.column,
            message: "`figures` entry is missing `section`")
        assertDiagnostic(
            model.diagnostics, .error, path: "records.md", line: typo.line, column: typo.column,
            message: "unknown key `lable` in `figures`", suggestion: "did you mean `label`?")
        assertDiagnostic(
            model.diagnostics, .error, path: "records.md", line: typo.line,
            message: "`figures` entry is missing `label`")
        assertDiagnostic(
            model.diagnostics, .error, path: "records.md", line: sectionList.line,
            column: sectionList.column,
            message: "`section` in `figures` must be one id")
        assertDiagnostic(
            model.diagnostics, .error, path: "records.md", line: plain.line, column: plain.column,
            message: "each `figures` entry needs `label`, `value`, `section`")
        assertDiagnosticCount(model.diagnostics, 5)
    }

    func testParentMustBeOneID() {
        let file = entityFile(
            "parent.md",
            "id: section/1-x\nkind: section\ntitle: X\nnumber: \"1\"\nparent: [paper/a, paper/b]\n")
        let model = load(file)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "parent.md", line: 6, column: 9,
            message: "`parent` must be one id")
    }

    func testEveryProblemInAFileIsReportedTogether() {
        let file = entityFile(
            "many.md",
            """
            id: case/x
            kind: case
            title: X
            regoin: Global
            year: 2020
            country: [[Kazakhstan]]

            """)
        let model = load(file)
        assertDiagnostic(
            model.diagnostics, .error, path: "many.md", line: 1,
            message: "missing required field `region`")
        assertDiagnostic(
            model.diagnostics, .error, path: "many.md", line: 1,
            message: "missing required field `illustrates`")
        assertDiagnostic(
            model.diagnostics, .error, path: "many.md", line: 5, message: "unknown field `regoin`",
            suggestion: "did you mean `region`?")
        assertDiagnostic(
            model.diagnostics, .error, path: "many.md", line: 6, message: "unknown field `year`")
        assertDiagnostic(
            model.diagnostics, .error, path: "many.md", line: 7,
            message: "`country` items must be text")
        assertDiagnosticCount(model.diagnostics, 5)
        let locations = model.diagnostics.map(\.location)
        XCTAssertEqual(locations, locations.sorted())
    }

    func testAFileWithABadIDStillHasItsOtherFieldsChecked() {
        let model = load(
            entityFile(
                "badid.md", "id: case/Bad\nkind: case\ntitle: X\nregion: Global\nilustrates: x\n"))
        assertDiagnostic(
            model.diagnostics, .error, path: "badid.md", line: 2, message: "id `case/Bad`")
        assertDiagnostic(
            model.diagnostics, .error, path: "badid.md", line: 1,
            message: "missing required field `illustrates`")
        assertDiagnostic(
            model.diagnostics, .error, path: "badid.md", line: 6,
            message: "unknown field `ilustrates`")
        assertDiagnosticCount(model.diagnostics, 3)
        XCTAssertTrue(model.entities.isEmpty)
        XCTAssertTrue(model.links.isEmpty)
    }

    func testMissingIDStillReportsAMissingTitle() {
        let model = load(entityFile("bare.md", "kind: concept\n"))
        assertDiagnostic(
            model.diagnostics, .error, path: "bare.md", line: 1,
            message: "missing required field `id`")
        assertDiagnostic(
            model.diagnostics, .error, path: "bare.md", line: 1,
            message: "missing required field `title`")
        assertDiagnosticCount(model.diagnostics, 2)
    }
}
