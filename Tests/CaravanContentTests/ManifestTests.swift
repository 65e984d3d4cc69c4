import XCTest

@testable import CaravanContent

/// `caravan.yaml`: the words content uses for its kinds, the fields they need, and its
/// own regions; read with every problem placed at its line and column.
final class ManifestTests: XCTestCase {
    /// A folder with a manifest and a small course: an overview, one part, one mechanism
    /// and one case.
    private func course(manifest: String, extraFiles: [SourceFile] = []) throws -> (
        TemporaryFolder, ContentModel
    ) {
        let folder = try TemporaryFolder()
        try folder.write("caravan.yaml", manifest)
        try folder.write(
            entityFile(
                "unit.md",
                "id: paper/unit\nkind: paper\ntitle: A course unit\nsummary: What it covers.\n",
                body: "See [the pillar](connotation/policy).\n"))
        try folder.write(
            entityFile(
                "pillars/policy.md",
                "id: connotation/policy\nkind: connotation\ntitle: Policy coordination\n"))
        try folder.write(
            entityFile(
                "areas/agreements.md",
                "id: mechanism/agreements\nkind: mechanism\ntitle: Agreements\n"
                    + "connotation: connotation/policy\n"))
        try folder.write(
            entityFile(
                "cases/kenya.md",
                "id: case/kenya\nkind: case\ntitle: A railway\nregion: Africa\n"
                    + "country: [Kenya, Uganda]\nillustrates: [mechanism/agreements]\n"))
        for file in extraFiles { try folder.write(file) }
        return (folder, ContentLoader.load(folder: folder.path, displayPrefix: "c"))
    }

    private let courseManifest = """
        vocabulary:
          paper: course unit
          connotation: {singular: pillar, plural: pillars}
          mechanism: action area
          case: {singular: project}
        required:
          paper: [summary]
          connotation: []
        regions:
          - name: Africa
            column: 1
            row: 4
          - Eurasia

        """

    func testACourseNamesItsOwnKindsAndFieldsAndChecksClean() throws {
        let (_, model) = try course(manifest: courseManifest)
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        let words = model.vocabulary
        XCTAssertEqual(words.singular(.connotation), "pillar")
        XCTAssertEqual(words.plural(.connotation), "pillars")
        XCTAssertEqual(words.pluralTitle(.connotation), "Pillars")
        XCTAssertEqual(words.label(.paper), "Course unit")
        XCTAssertEqual(words.plural(.mechanism), "action areas", "a plural made from one word")
        XCTAssertEqual(words.plural(.case), "projects")
        XCTAssertEqual(words.count(5, .connotation), "5 pillars")
        XCTAssertEqual(words.count(1, .connotation), "1 pillar")
        XCTAssertEqual(words.withArticle(.mechanism), "an action area")
        XCTAssertEqual(words.kind(named: "Pillars"), .connotation)
        XCTAssertEqual(words.kind(named: "action area"), .mechanism)
        XCTAssertEqual(words.kind(named: "connotation"), .connotation, "kind names still work")
        XCTAssertEqual(words.inverseLabel(of: .belongsTo), "action areas")
        // Kinds it does not name keep the paper's words.
        XCTAssertEqual(words.label(.section), "Section")
        XCTAssertFalse(words.isStandard)
    }

    func testTheBuiltInWordsAreTheStandard() {
        let words = Vocabulary.standard
        XCTAssertTrue(words.isStandard)
        XCTAssertEqual(words.plural(.connotation), "connotations")
        XCTAssertEqual(words.label(.paper), "Paper")
        XCTAssertEqual(words.label(.case), "Case study")
        XCTAssertEqual(words.pluralTitle(.path), "Reading paths")
        XCTAssertEqual(words.requiredFields(of: .paper), [], "an overview needs no authors")
        XCTAssertEqual(words.requiredFields(of: .connotation), ["field", "lever"])
        XCTAssertEqual(Vocabulary.Term.pluralOf("study"), "studies")
        XCTAssertEqual(Vocabulary.Term.pluralOf("box"), "boxes")
        XCTAssertEqual(Vocabulary.Term.pluralOf("支柱"), "支柱", "no plural form in Chinese")
    }

    func testRequiredFieldsAndMessagesUseTheCoursesWords() throws {
        let (_, model) = try course(
            manifest: courseManifest,
            extraFiles: [
                entityFile("other.md", "id: paper/other\nkind: paper\ntitle: Other\n"),
                entityFile(
                    "pillars/bad.md",
                    "id: connotation/bad\nkind: connotation\ntitle: Bad\nlevr: x\n"),
                entityFile("areas/loose.md", "id: mechanism/loose\nkind: mechanism\ntitle: L\n"),
            ])
        assertDiagnostic(
            model.diagnostics, .error, path: "c/other.md", line: 1, column: 1,
            message: "missing required field `summary` for a course unit")
        assertDiagnostic(
            model.diagnostics, .error, path: "c/pillars/bad.md", line: 5, column: 1,
            message: "unknown field `levr` for a pillar", suggestion: "did you mean `lever`?")
        assertDiagnostic(
            model.diagnostics, .error, path: "c/areas/loose.md", line: 1,
            message: "an action area needs a `connotation` or a `parent` action area")
        assertDiagnostic(
            model.diagnostics, .warning, path: "c/pillars/bad.md", line: 1,
            message: "no chain of links joins it to the course unit")
        XCTAssertFalse(
            model.diagnostics.contains { $0.message.contains("`field`") },
            "a pillar needs no `field`: " + listing(model.diagnostics))
    }

    func testManifestProblemsArePlaced() throws {
        let (_, model) = try course(
            manifest: """
                vocabulary:
                  secton: lesson
                  connotation: {singular: pillar, plurl: pillars}
                  mechanism: ""
                required:
                  paper: [autors]
                regions:
                  - name: Africa
                    column: west
                  - name: Africa
                  - column: 2
                extend: builtin

                """)
        let path = "c/caravan.yaml"
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 2, column: 3,
            message: "`vocabulary`: unknown kind `secton`", suggestion: "did you mean `section`?")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 3, column: 35,
            message: "unknown key `plurl` in `vocabulary.connotation`",
            suggestion: "did you mean `plural`?")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 4, column: 14,
            message: "must be a word or a few")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 6, column: 11,
            message: "`required.paper`: a paper has no field `autors`",
            suggestion: "did you mean `authors`?")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 9, column: 13,
            message: "`column` must be a whole number from 1")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 10, column: 5,
            message: "region `Africa` is declared twice; first at line 8")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 11, column: 5,
            message: "each region needs a `name`")
        assertDiagnostic(
            model.diagnostics, .error, path: path, line: 12, column: 1,
            message: "unknown key `extend` in caravan.yaml", suggestion: "did you mean `extends`?")
    }

    func testMalformedManifestIsAnErrorAtItsPlace() throws {
        let (_, model) = try course(manifest: "vocabulary:\n  paper: [unclosed\n")
        assertDiagnostic(
            model.diagnostics, .error, path: "c/caravan.yaml", line: 3, message: "malformed YAML")
    }

    func testDeclaredRegionsAndCountryLists() throws {
        let (_, model) = try course(manifest: courseManifest)
        XCTAssertTrue(model.regions.contains("Africa"))
        XCTAssertEqual(
            model.regions.region(named: "Africa")?.placement,
            RegionCatalog.Placement(column: 1, row: 4))
        XCTAssertNil(model.regions.region(named: "Eurasia")?.placement, "the band at the bottom")
        XCTAssertEqual(
            model.regions.columns.first?.map(\.name),
            ["Europe", "West Asia", "Latin America", "Africa"], "below the built-in ones")
        XCTAssertEqual(model.regions.unplaced.map(\.name), ["Global", "Eurasia"])
        XCTAssertEqual(model.entity(EntityID("case/kenya")!)?.countries, ["Kenya", "Uganda"])
    }

    func testAnUndeclaredRegionIsStillAnErrorWithAHint() throws {
        let (_, model) = try course(
            manifest: courseManifest,
            extraFiles: [
                entityFile(
                    "cases/far.md",
                    "id: case/far\nkind: case\ntitle: Far\nregion: Afrika\n"
                        + "illustrates: [mechanism/agreements]\n")
            ])
        let found = assertDiagnostic(
            model.diagnostics, .error, path: "c/cases/far.md", line: 5, column: 1,
            message: "unknown region `Afrika`", suggestion: "did you mean `Africa`?")
        XCTAssertTrue(found?.message.contains("declared under `regions` in caravan.yaml") ?? false)
        XCTAssertTrue(found?.message.contains("Global, Africa, Eurasia") ?? false)
    }

    func testWithoutAManifestNothingChanges() throws {
        let folder = try TemporaryFolder()
        try folder.write(Fixture.paper)
        let model = ContentLoader.load(folder: folder.path)
        XCTAssertTrue(model.vocabulary.isStandard)
        XCTAssertEqual(model.regions, RegionCatalog.builtIn)
    }
}
