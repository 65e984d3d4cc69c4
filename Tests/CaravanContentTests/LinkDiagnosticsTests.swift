import XCTest

@testable import CaravanContent

/// Problems found across files: duplicate ids, broken and mistyped links, loops, orphans.
final class LinkDiagnosticsTests: XCTestCase {
    /// The valid fixture plus extra files, which link to `concept/cultural-brand` so no orphans.
    private func withFixture(_ files: SourceFile...) -> ContentModel {
        ContentLoader.load(files: Fixture.files + files)
    }

    private func concept(_ path: String, slug: String, body: String = "Body.\n")
        -> SourceFile
    {
        entityFile(
            path,
            "id: concept/\(slug)\nkind: concept\ntitle: \(slug)\n"
                + "related: [concept/cultural-brand]\n",
            body: body)
    }

    // MARK: Duplicate ids

    func testDuplicateIDIsReportedOnTheSecondFileNamingTheFirst() throws {
        let first = entityFile("a.md", "id: concept/dup\nkind: concept\ntitle: First\n")
        let second = entityFile(
            "b.md", "title: Second\nkind: concept\nid: concept/dup\nrelated: [concept/other]\n")
        let other = entityFile(
            "c.md", "id: concept/other\nkind: concept\ntitle: Other\nrelated: concept/dup\n")
        let model = load(first, second, other)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "b.md", line: 4, column: 1,
            message: "duplicate id `concept/dup`; first defined at a.md:2")
        let kept = try XCTUnwrap(model.entity(try XCTUnwrap(EntityID("concept/dup"))))
        XCTAssertEqual(kept.title, "First")
        // The second file's links are dropped with it.
        XCTAssertEqual(model.links.map(\.source.description), ["concept/other"])
    }

    func testEveryFurtherDuplicateIsReported() {
        let files = ["a.md", "b.md", "c.md"].map {
            entityFile($0, "id: concept/dup\nkind: concept\ntitle: \($0)\n")
        }
        let model = ContentLoader.load(files: files)
        assertDiagnosticCount(model.diagnostics, 2)
        for path in ["b.md", "c.md"] {
            assertDiagnostic(
                model.diagnostics, .error, path: path, line: 2, column: 1,
                message: "duplicate id `concept/dup`; first defined at a.md:2")
        }
        XCTAssertEqual(model.entities.count, 1)
    }

    // MARK: Broken links

    func testLinkToAMissingIDSuggestsTheClosest() {
        let broken = entityFile(
            "concepts/broken.md",
            "id: concept/broken\nkind: concept\ntitle: Broken\n"
                + "related: [concept/cultural-brand, case/almaty-brnd]\n"
        )
        let model = withFixture(broken)
        let expected = position(of: "case/almaty-brnd", in: text(of: broken))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/broken.md", line: expected.line,
            column: expected.column, message: "link to `case/almaty-brnd`, which does not exist",
            suggestion: "did you mean `case/almaty-brand`?")
        XCTAssertEqual(
            model.diagnostics.first?.formatted,
            "concepts/broken.md:5:35: error: link to `case/almaty-brnd`, which does not exist "
                + "(did you mean `case/almaty-brand`?)")
    }

    func testBodyLinkToAMissingID() {
        let broken = concept(
            "concepts/body.md", slug: "body",
            body:
                "First line.\nSee [the brand](case/almaty-bran) and "
                + "[far](concept/zzzzzzzzzzzzzz).\n"
        )
        let model = withFixture(broken)
        let source = text(of: broken)
        let near = position(of: "case/almaty-bran)", in: source)
        let far = position(of: "concept/zzzz", in: source)
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/body.md", line: near.line,
            column: near.column,
            message: "link to `case/almaty-bran`, which does not exist",
            suggestion: "did you mean `case/almaty-brand`?")
        let distant = assertDiagnostic(
            model.diagnostics, .error, path: "concepts/body.md", line: far.line, column: far.column,
            message: "link to `concept/zzzzzzzzzzzzzz`, which does not exist")
        XCTAssertNil(distant?.suggestion)
    }

    func testLinksInListsAndLazyLinesAreChecked() {
        // Indented four spaces, but inside a list item or a paragraph: text, not code.
        let body = """
            1. First
                - nested [x](case/nope-one)

            A paragraph
                continued [y](case/nope-two)

                indented code [z](case/in-code)
            """
        let model = withFixture(concept("concepts/lists.md", slug: "lists", body: body))
        let source = body
        let first = position(of: "case/nope-one", in: source)
        let second = position(of: "case/nope-two", in: source)
        assertDiagnosticCount(model.diagnostics, 2)
        // The body starts on file line 7.
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/lists.md", line: first.line + 6,
            column: first.column, message: "link to `case/nope-one`")
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/lists.md", line: second.line + 6,
            column: second.column, message: "link to `case/nope-two`")
    }

    func testLinksInQuotedFencesAreSkipped() {
        let body = "> ```\n> [x](case/in-fence)\n> ```\n\n<div>\n[y](case/in-html)\n</div>\n"
        let model = withFixture(
            concept("concepts/quoted.md", slug: "quoted", body: body))
        assertDiagnosticCount(model.diagnostics, 0)
    }

    func testLinkWithUnknownKindOrNotAnID() {
        let file = entityFile(
            "concepts/odd.md",
            """
            id: concept/odd
            kind: concept
            title: Odd
            related: [concept/cultural-brand, caze/almaty-brand, Almaty brand]

            """)
        let model = withFixture(file)
        let source = text(of: file)
        let caze = position(of: "caze/", in: source)
        let words = position(of: "Almaty brand]", in: source)
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/odd.md", line: caze.line,
            column: caze.column,
            message: "link to `caze/almaty-brand`: unknown kind `caze`",
            suggestion: "did you mean `case/almaty-brand`?")
        let notAnID = assertDiagnostic(
            model.diagnostics, .error, path: "concepts/odd.md", line: words.line,
            column: words.column,
            message: "`Almaty brand` is not an id; ids look like `case/almaty-silk-road-brand`")
        XCTAssertNil(notAnID?.suggestion)
    }

    func testCitationOfAnUnknownKey() {
        let file = concept(
            "concepts/cites.md", slug: "cites",
            body: "As shown [@zhao2091, p. 3], and [@nobody-at-all-here].\n")
        let model = withFixture(file)
        let source = text(of: file)
        let near = position(of: "[@zhao2091", in: source)
        let far = position(of: "[@nobody", in: source)
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "concepts/cites.md", line: near.line,
            column: near.column,
            message: "citation `@zhao2091` names no reference",
            suggestion: "did you mean `@zhao2019`?")
        let unknown = assertDiagnostic(
            model.diagnostics, .error, path: "concepts/cites.md", line: far.line,
            column: far.column,
            message: "citation `@nobody-at-all-here` names no reference")
        XCTAssertNil(unknown?.suggestion)
    }

    func testCitationKeyUsedTwice() {
        let first = entityFile(
            "references/a.md",
            "id: reference/a\nkind: reference\ntitle: A\nkey: same\nauthors: [A]\nyear: 2000\n")
        let second = entityFile(
            "references/b.md",
            "id: reference/b\nkind: reference\ntitle: B\nauthors: [B]\nyear: 2001\nkey: same\n")
        let model = load(first, second)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "references/b.md", line: 7, column: 1,
            message: "citation key `same` is also used by `reference/a`")
    }

    // MARK: Link kinds

    func testLinkOfTheWrongKind() throws {
        let file = entityFile(
            "cases/wrong.md",
            """
            id: case/wrong
            kind: case
            title: Wrong
            region: Global
            illustrates: [concept/cultural-brand, reference/zhao2019]
            cites: [concept/cultural-brand]
            figures:
              - label: L
                value: "1"
                section: concept/cultural-brand
            discussed-in: [case/almaty-brand]

            """)
        let model = withFixture(file)
        let source = text(of: file)
        let illustrates = position(of: "reference/zhao2019", in: source)
        let cites = position(of: "[concept/cultural-brand]", in: source)
        let figure = position(of: "section: concept", in: source)
        let discussed = position(of: "case/almaty-brand]", in: source)
        assertDiagnosticCount(model.diagnostics, 4)
        assertDiagnostic(
            model.diagnostics, .error, path: "cases/wrong.md", line: illustrates.line,
            column: illustrates.column,
            message:
                "`illustrates` must point to a connotation or mechanism or concept, "
                + "not to `reference/zhao2019`"
        )
        assertDiagnostic(
            model.diagnostics, .error, path: "cases/wrong.md", line: cites.line,
            column: cites.column + 1,
            message: "`cites` must point to a reference, not to `concept/cultural-brand`")
        assertDiagnostic(
            model.diagnostics, .error, path: "cases/wrong.md", line: figure.line,
            column: figure.column + 9,
            message: "must point to a section, not to `concept/cultural-brand`")
        assertDiagnostic(
            model.diagnostics, .error, path: "cases/wrong.md", line: discussed.line,
            column: discussed.column,
            message: "`discussed-in` must name a section, not `case/almaty-brand`")
        // Only the well-typed link survives.
        let wrong = try XCTUnwrap(EntityID("case/wrong"))
        XCTAssertEqual(
            model.outgoing(from: wrong).map(\.target.description), ["concept/cultural-brand"])
    }

    func testParentConnotationAndDiscussesKinds() {
        let mechanism = entityFile(
            "framework/bad.md",
            "id: mechanism/bad\nkind: mechanism\ntitle: Bad\n"
                + "connotation: mechanism/brand-expansion\n"
                + "related: [concept/cultural-brand]\n")
        let section = entityFile(
            "sections/9-bad.md",
            "id: section/9-bad\nkind: section\ntitle: Bad\nnumber: \"9\"\n"
                + "parent: case/almaty-brand\n"
                + "discusses: [paper/silk-road]\nrelated: [concept/cultural-brand]\n")
        let model = withFixture(mechanism, section)
        assertDiagnosticCount(model.diagnostics, 3)
        assertDiagnostic(
            model.diagnostics, .error, path: "framework/bad.md", line: 5, column: 14,
            message: "must point to a connotation, not to `mechanism/brand-expansion`")
        assertDiagnostic(
            model.diagnostics, .error, path: "sections/9-bad.md", line: 6, column: 9,
            message: "must point to a paper or section or mechanism, not to `case/almaty-brand`")
        assertDiagnostic(
            model.diagnostics, .error, path: "sections/9-bad.md", line: 7, column: 13,
            message: "must point to a section or connotation or mechanism or case or concept "
                + "or reference or path or deck, not to `paper/silk-road`")
    }

    // MARK: Loops

    private func section(_ slug: String, parent: String, path: String? = nil) -> SourceFile {
        entityFile(
            path ?? "sections/\(slug).md",
            "id: section/\(slug)\nkind: section\ntitle: \(slug)\nnumber: \"1\"\nparent: \(parent)\n"
        )
    }

    func testParentChainThatLoops() {
        let a = section("a", parent: "section/b")
        let b = section("b", parent: "section/a")
        // c hangs below the loop: the loop is reported once, not again for c.
        let c = section("c", parent: "section/a")
        let model = load(a, b, c)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "sections/b.md", line: 6, column: 9,
            message: "`parent` chain loops: section/a → section/b → section/a")
    }

    func testLongerLoopIsReportedOnce() {
        let model = load(
            section("a", parent: "section/b"), section("b", parent: "section/c"),
            section("c", parent: "section/a"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "sections/c.md", line: 6, column: 9,
            message: "`parent` chain loops: section/a → section/b → section/c → section/a")
    }

    func testSelfParentIsALoop() {
        let model = load(section("a", parent: "section/a"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "sections/a.md", line: 6, column: 9,
            message: "`parent` chain loops: section/a → section/a")
        XCTAssertTrue(model.links.isEmpty)
    }

    func testMechanismParentLoop() {
        let one = entityFile(
            "m1.md", "id: mechanism/one\nkind: mechanism\ntitle: One\nparent: mechanism/two\n")
        let two = entityFile(
            "m2.md", "id: mechanism/two\nkind: mechanism\ntitle: Two\nparent: mechanism/one\n")
        let model = load(one, two)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .error, path: "m2.md", line: 5, column: 9,
            message: "`parent` chain loops: mechanism/one → mechanism/two → mechanism/one")
    }

    func testOtherSelfLinksAreWarnings() {
        let model = load(
            entityFile(
                "self.md", "id: concept/me\nkind: concept\ntitle: Me\nrelated: [concept/me]\n"))
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .warning, path: "self.md", line: 5, column: 11,
            message: "`concept/me` links to itself")
        XCTAssertTrue(model.links.isEmpty)
    }

    // MARK: Orphans and regions

    func testOrphanIsAWarningWhenThereIsAPaper() {
        let lonely = entityFile(
            "concepts/lonely.md", "id: concept/lonely\nkind: concept\ntitle: Lonely\n")
        let model = withFixture(lonely)
        assertDiagnosticCount(model.diagnostics, 1)
        assertDiagnostic(
            model.diagnostics, .warning, path: "concepts/lonely.md", line: 1, column: 1,
            message: "`concept/lonely` is an orphan: no chain of links joins it to the paper")
        XCTAssertEqual(model.errors.count, 0)
        XCTAssertEqual(model.warnings.count, 1)

        // Without a paper nothing is an orphan.
        XCTAssertEqual(load(lonely).diagnostics, [])
    }

    func testAMentionIsEnoughToJoinThePaper() {
        let lonely = entityFile(
            "concepts/lonely.md", "id: concept/lonely\nkind: concept\ntitle: Lonely\n")
        let mentioning = entityFile(
            "concepts/mentioner.md",
            "id: concept/mentioner\nkind: concept\ntitle: M\nrelated: concept/cultural-brand\n",
            body: "See [the lonely one](concept/lonely).\n")
        assertDiagnosticCount(withFixture(lonely, mentioning).diagnostics, 0)
    }

    func testUnknownRegion() {
        let near = entityFile(
            "cases/near.md",
            "id: case/near\nkind: case\ntitle: Near\nregion: central asia\n"
                + "illustrates: concept/cultural-brand\n"
        )
        let far = entityFile(
            "cases/far.md",
            "id: case/far\nkind: case\ntitle: Far\nillustrates: concept/cultural-brand\n"
                + "region: Atlantis\n"
        )
        let model = withFixture(near, far)
        assertDiagnosticCount(model.diagnostics, 2)
        assertDiagnostic(
            model.diagnostics, .error, path: "cases/near.md", line: 5, column: 1,
            message:
                "unknown region `central asia`; regions are Central Asia, West Asia, South Asia, "
                + "Southeast Asia, East Asia, Europe, Latin America, China, Global",
            suggestion: "did you mean `Central Asia`?")
        let atlantis = assertDiagnostic(
            model.diagnostics, .error, path: "cases/far.md", line: 6, column: 1,
            message: "unknown region `Atlantis`")
        XCTAssertNil(atlantis?.suggestion)
    }

    func testEveryRegionIsAccepted() {
        let files = Region.allCases.enumerated().map { index, region in
            entityFile(
                "cases/c\(index).md",
                "id: case/c\(index)\nkind: case\ntitle: C\nregion: \(region.rawValue)\n"
                    + "illustrates: concept/cultural-brand\n")
        }
        XCTAssertEqual(ContentLoader.load(files: Fixture.files + files).diagnostics, [])
    }

    // MARK: Everything at once

    func testAllProblemsAreReportedTogetherAndSorted() {
        let broken = [
            SourceFile(path: "z-empty.md", bytes: []),
            entityFile("c-kind.md", "id: case/x\nkind: caes\ntitle: X\n"),
            entityFile(
                "a-link.md", "id: concept/a\nkind: concept\ntitle: A\nrelated: [concept/nope]\n"),
            SourceFile(path: "b-open.md", text: "---\nid: concept/b\n"),
            entityFile(
                "a-link2.md", "id: concept/a2\nkind: concept\ntitle: A\nilustrates: x\n",
                body: "[@nobody]\n"),
        ]
        let model = ContentLoader.load(files: broken.reversed())
        let summary = model.diagnostics.map { "\($0.location.path):\($0.location.line)" }
        XCTAssertEqual(
            summary,
            [
                "a-link.md:5", "a-link2.md:5", "a-link2.md:7", "b-open.md:1", "c-kind.md:3",
                "z-empty.md:1",
            ],
            listing(model.diagnostics))
        XCTAssertTrue(model.diagnostics.allSatisfy { $0.severity == .error })
        let locations = model.diagnostics.map(\.location)
        XCTAssertEqual(locations, locations.sorted())
    }

    func testDiagnosticsPassedInAreKeptAndSorted() {
        let given = Diagnostic(.error, "from the reader", at: SourceLocation(path: "a.md", line: 3))
        let model = ContentLoader.load(
            files: [entityFile("b.md", "id: concept/b\nkind: concept\ntitle: B\nbad: 1\n")],
            diagnostics: [given])
        XCTAssertEqual(model.diagnostics.first, given)
        XCTAssertEqual(model.diagnostics.count, 2)
        XCTAssertEqual(model.diagnostics.last?.location.path, "b.md")
    }
}
