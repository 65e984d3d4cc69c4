import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// Content in layers: a lecturer's folder on top of the built-in paper, by `--content`
/// given more than once or by `extends` in its `caravan.yaml`.
final class LayerTests: XCTestCase {
    /// A folder with a case that illustrates one of the built-in paper's mechanisms.
    private func seminar(manifest: String? = "extends: builtin\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        if let manifest { try folder.write("caravan.yaml", manifest) }
        try folder.write(
            entityFile(
                "cases/djibouti.md",
                "id: case/djibouti\nkind: case\ntitle: A workshop in Djibouti\n"
                    + "region: Global\nillustrates: [mechanism/talent-cultivation]\n",
                body: "Compare [the paper's case](case/south-asia-training).\n"))
        return folder
    }

    func testAFolderThatExtendsTheBuiltInPaperSitsOnIt() throws {
        let folder = try seminar()
        let model = DefaultContent.load(sources: [.folder(folder.path)])
        XCTAssertEqual(model.diagnostics.map(\.formatted), [], "ids refer across layers")
        XCTAssertEqual(model.layers.map(\.source), [.builtin, .folder(folder.path)])
        XCTAssertNotNil(model.entity(EntityID("case/djibouti")!))
        XCTAssertEqual(model.paper?.id.description, "paper/bian-liu-2023")
        let cases = model.sources(
            linkingTo: EntityID("mechanism/talent-cultivation")!, by: .illustrates)
        XCTAssertTrue(cases.contains { $0.id.description == "case/djibouti" })
        // The built-in layer's files are named as not being on disk.
        XCTAssertEqual(model.paper?.location.path, "<built-in>/paper.md")
        XCTAssertEqual(model.layer(holding: "<built-in>/paper.md")?.source, .builtin)
        XCTAssertEqual(
            model.layer(holding: folder.path + "/cases/djibouti.md")?.source, .folder(folder.path))
    }

    func testLayersGivenOneByOneStackInOrder() throws {
        let folder = try seminar(manifest: nil)
        let alone = ContentLoader.load(folder: folder.path)
        assertDiagnostic(
            alone.diagnostics, .error, path: folder.path + "/cases/djibouti.md", line: 6,
            message: "link to `mechanism/talent-cultivation`, which does not exist")
        let stacked = DefaultContent.load(sources: [.builtin, .folder(folder.path)])
        XCTAssertEqual(stacked.diagnostics.map(\.formatted), [])
        // A layer asked for twice loads once.
        let twice = DefaultContent.load(sources: [.builtin, .folder(folder.path), .builtin])
        XCTAssertEqual(twice.layers.count, 2)
        XCTAssertEqual(twice.diagnostics.map(\.formatted), [])
    }

    func testALayerCannotRedefineAnIdOfTheLayerBelow() throws {
        let folder = try seminar()
        try folder.write(
            entityFile(
                "concepts/soft-power.md",
                "id: concept/soft-power\nkind: concept\ntitle: My soft power\n"))
        let model = DefaultContent.load(sources: [.folder(folder.path)])
        let found = assertDiagnostic(
            model.diagnostics, .error, path: folder.path + "/concepts/soft-power.md", line: 2,
            message: "`concept/soft-power` is already defined by the layer below, at "
                + "<built-in>/concepts/soft-power.md:2")
        XCTAssertTrue(found?.message.contains("give this one another id") ?? false)
        XCTAssertEqual(
            model.entity(EntityID("concept/soft-power")!)?.title.hasPrefix("My"), false,
            "the lower layer's entity stays")
    }

    func testExtendsFolderLoopsAndMissingFolders() throws {
        let root = try TemporaryFolder()
        try root.write("a/caravan.yaml", "extends: ../b\n")
        try root.write("b/caravan.yaml", "extends: [../a, ../missing]\n")
        try root.write(entityFile("a/x.md", "id: concept/x\nkind: concept\ntitle: X\n"))
        try root.write(entityFile("b/y.md", "id: concept/y\nkind: concept\ntitle: Y\n"))
        let model = ContentLoader.load(sources: [.folder(root.path + "/a")])
        let b = root.path + "/b/caravan.yaml"
        assertDiagnostic(
            model.diagnostics, .error, path: b, line: 1, column: 11, message: "`extends` loops")
        assertDiagnostic(
            model.diagnostics, .error, path: b, line: 1, column: 17,
            message: "`extends`: no content folder at \(root.path)/missing")
        // Both folders still load, b below a.
        XCTAssertEqual(model.layers.map(\.displayPath), [root.path + "/b", root.path + "/a"])
        XCTAssertNotNil(model.entity(EntityID("concept/x")!))
        XCTAssertNotNil(model.entity(EntityID("concept/y")!))
    }

    func testExtendingTheBuiltInPaperNeedsItsFiles() throws {
        let folder = try seminar()
        let model = ContentLoader.load(folder: folder.path)
        assertDiagnostic(
            model.diagnostics, .error, path: "<built-in>", line: 1,
            message: "the built-in content is not available here")
    }

    func testHigherLayersWordsReplaceLowerOnesKindByKind() throws {
        let lower = try TemporaryFolder()
        try lower.write("caravan.yaml", "vocabulary:\n  connotation: pillar\n  mechanism: lever\n")
        try lower.write(Fixture.paper)
        let upper = try TemporaryFolder()
        try upper.write(
            "caravan.yaml",
            "vocabulary:\n  connotation: dimension\nregions:\n  - name: Africa\n    column: 1\n")
        let model = ContentLoader.load(sources: [.folder(lower.path), .folder(upper.path)])
        XCTAssertEqual(model.vocabulary.singular(.connotation), "dimension")
        XCTAssertEqual(model.vocabulary.singular(.mechanism), "lever")
        XCTAssertTrue(model.regions.contains("Africa"))
    }

    func testAFileOnDiskIsFoundInItsLayer() throws {
        let folder = try seminar()
        let model = DefaultContent.load(sources: [.folder(folder.path)])
        XCTAssertEqual(
            model.entity(definedByFileAt: folder.path + "/cases/../cases/djibouti.md")?.id
                .description, "case/djibouti")
        XCTAssertNil(model.entity(definedByFileAt: folder.path + "/nothing.md"))
        // A file outside every layer loads as a layer of its own, on top.
        let outside = try TemporaryFolder()
        try outside.write(
            entityFile(
                "talk.md", "id: deck/talk\nkind: deck\ntitle: A talk\n",
                body: "# A talk\n---\nshow: case/djibouti\n"))
        let path = outside.path + "/talk.md"
        let withTalk = DefaultContent.load(sources: [.folder(folder.path), .file(path)])
        XCTAssertEqual(withTalk.diagnostics.map(\.formatted), [])
        XCTAssertEqual(withTalk.entity(definedByFileAt: path)?.id.description, "deck/talk")
    }

    func testTheEmbeddedContentLoadsAsALayer() {
        let model = DefaultContent.load()
        XCTAssertEqual(model.errors.map(\.formatted), [])
        XCTAssertEqual(model.warnings.map(\.formatted), [])
        XCTAssertEqual(model.layers.map(\.source), [.builtin])
        XCTAssertTrue(model.entities.allSatisfy { $0.location.path.hasPrefix("<built-in>/") })
    }
}
