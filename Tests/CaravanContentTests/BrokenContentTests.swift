import XCTest

@testable import CaravanContent

/// A folder with broken files still loads what is valid: broken entities are kept and
/// marked, with their problems, and the errors are all there for `caravan check`.
final class BrokenContentTests: XCTestCase {
    private let paper = entityFile(
        "paper.md", "id: paper/p\nkind: paper\ntitle: P\nauthors: [{name: A}]\n",
        body: "See [the concept](concept/fine) and [the broken one](concept/broken).\n")
    private let fine = entityFile(
        "concepts/fine.md", "id: concept/fine\nkind: concept\ntitle: Fine\n")
    /// Malformed YAML: no entity can be built, but its id and title can be read.
    private let broken = SourceFile(
        path: "concepts/broken.md",
        text: "---\nid: concept/broken\ntitle: Broken one\nkind: concept\nsummary: [unclosed\n---\n"
            + "## Its own text\n\nStill readable.\n")

    func testAFileWithMalformedFrontMatterIsKeptAsABrokenPlaceholder() throws {
        let model = ContentLoader.load(files: [paper, fine, broken])
        let id = try XCTUnwrap(EntityID("concept/broken"))
        let entity = try XCTUnwrap(model.entity(id))
        XCTAssertEqual(entity.title, "Broken one")
        XCTAssertEqual(entity.document.plainText, "Its own text\n\nStill readable.")
        XCTAssertEqual(entity.bodyLine, 7)
        XCTAssertTrue(model.isBroken(id))
        XCTAssertFalse(model.isBroken(try XCTUnwrap(EntityID("concept/fine"))))
        XCTAssertFalse(model.isBroken(try XCTUnwrap(EntityID("paper/p"))))
        // Its only problem is its own: links to it resolve, and it is no orphan.
        XCTAssertEqual(model.diagnostics.count, 1, model.diagnostics.map(\.formatted).description)
        // Yams places the unclosed list where the front matter ends.
        XCTAssertEqual(model.diagnostics(for: id).map(\.location.line), [6])
        XCTAssertTrue(model.diagnostics(for: id)[0].message.hasPrefix("malformed YAML"))
        XCTAssertTrue(
            model.outgoing(from: try XCTUnwrap(EntityID("paper/p"))).contains {
                $0.target == id
            })
        XCTAssertEqual(model.problems.errorSummary, "1 error in 1 file")
        XCTAssertEqual(model.entity(inFile: "concepts/broken.md")?.id, id)
    }

    func testAWholeEntityWinsOverAPlaceholderOfTheSameID() throws {
        let twin = SourceFile(
            path: "a-first.md", text: "---\nid: concept/fine\ntitle: Twin\nkind: [\n---\n")
        let model = ContentLoader.load(files: [twin, paper, fine, broken])
        let id = try XCTUnwrap(EntityID("concept/fine"))
        XCTAssertEqual(model.entity(id)?.title, "Fine")
        XCTAssertEqual(model.entity(id)?.location.path, "concepts/fine.md")
        XCTAssertNil(model.entity(inFile: "a-first.md"))
        XCTAssertFalse(model.isBroken(id))
    }

    func testFilesThatNameNoIDGiveNoEntityButKeepTheirErrors() {
        let files = [
            SourceFile(path: "no-front-matter.md", text: "Just text\n"),
            SourceFile(path: "no-id.md", text: "---\nkind: concept\ntitle: [x\n---\n"),
            SourceFile(path: "bad-id.md", text: "---\nid: Not An Id\ntitle: [x\n---\n"),
            SourceFile(path: "empty.md", text: ""),
            SourceFile(path: "binary.md", bytes: Array("---\nid: concept/b\n".utf8) + [0]),
        ]
        let model = ContentLoader.load(files: files)
        XCTAssertEqual(model.entities.map(\.id.description), [])
        XCTAssertEqual(
            Set(model.errors.map(\.location.path)), Set(files.map(\.path)),
            model.diagnostics.map(\.formatted).description)
    }

    func testAFrontMatterNeverClosedStillNamesItsEntity() throws {
        let open = SourceFile(
            path: "open.md", text: "---\nid: 'concept/open'  # the id\ntitle: \"Open\"\n")
        let model = ContentLoader.load(files: [open])
        let entity = try XCTUnwrap(model.entity(try XCTUnwrap(EntityID("concept/open"))))
        XCTAssertEqual(entity.title, "Open")
        XCTAssertEqual(entity.body, "")
        XCTAssertTrue(model.isBroken(entity.id))
    }

    func testBadUTF8IsReadAsFarAsItGoes() throws {
        let bytes =
            Array("---\nid: concept/u\nkind: concept\ntitle: U".utf8) + [0xFF]
            + Array("\n---\nText.\n".utf8)
        let model = ContentLoader.load(files: [SourceFile(path: "u.md", bytes: bytes)])
        let entity = try XCTUnwrap(model.entity(try XCTUnwrap(EntityID("concept/u"))))
        XCTAssertEqual(entity.title, "U\u{FFFD}")
        XCTAssertEqual(entity.document.plainText, "Text.")
        XCTAssertEqual(model.errors.count, 1)
    }
}
