import CaravanContent
import XCTest

@testable import CaravanUI

/// A content folder with broken files opens: what is valid reads as usual, the broken
/// entities are marked in the navigator and on their pages, the status bar keeps the
/// error count in sight and `E` lists every problem.
final class BrokenContentTests: XCTestCase {
    /// A paper, a valid concept, a concept whose front matter does not parse and one with
    /// an unknown field.
    static let model: ContentModel = ContentLoader.load(files: [
        SourceFile(
            path: "paper.md",
            text: "---\nid: paper/p\nkind: paper\ntitle: The paper\nauthors: [{name: A}]\n---\n"
                + "On [fine](concept/fine), [broken](concept/broken) and [odd](concept/odd).\n"),
        SourceFile(
            path: "concepts/fine.md",
            text: "---\nid: concept/fine\nkind: concept\ntitle: Fine\n---\nOk.\n"),
        SourceFile(
            path: "concepts/broken.md",
            text: "---\nid: concept/broken\ntitle: Broken one\nkind: concept\nsummary: [open\n---\n"
                + "Its text is still here.\n"),
        SourceFile(
            path: "concepts/odd.md",
            text: "---\nid: concept/odd\nkind: concept\ntitle: Odd\nrelatd: []\n---\nOdd text.\n"),
    ])

    private func explorer(width: Int = 80, height: Int = 24, start: String? = nil) throws
        -> Explorer
    {
        Explorer(
            model: Self.model, width: width, height: height,
            start: try start.map { try entityID($0) })
    }

    func testTheFolderLoadsWithItsErrors() {
        XCTAssertEqual(Self.model.entities.count, 4)
        XCTAssertEqual(Self.model.problems.errorSummary, "2 errors in 2 files")
    }

    func testBrokenEntitiesAreMarkedInTheNavigator() throws {
        let navigator = try navigatorText(try explorer(width: 120, height: 30))
        XCTAssertTrue(navigator.contains("! Broken one"), navigator)
        XCTAssertTrue(navigator.contains("! Odd"), navigator)
        XCTAssertFalse(navigator.contains("! Fine"), navigator)
        XCTAssertTrue(navigator.contains("Fine"), navigator)
    }

    func testTheStatusBarKeepsTheErrorsInSight() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let grid = render(try explorer(width: width, height: height))
            let status = grid.textLines()[height - 1]
            XCTAssertTrue(status.contains("E 2 errors in 2 files"), status)
            let x = try XCTUnwrap(column(of: "E 2 errors", row: height - 1, in: grid))
            XCTAssertEqual(grid[x, height - 1].style, Theme.dark[.error])
        }
        let clean = try makeExplorer(width: 120, height: 40)
        XCTAssertFalse(dump(render(clean)).contains("errors in"))
    }

    func testTheHintNamesTheKeyAsBound() throws {
        var keys = KeyBindings.standard
        keys.explorer = keys.explorer.replacing([.problems: [.function(5)]])
        var explorer = Explorer(model: Self.model, width: 120, height: 40, keys: keys)
        XCTAssertTrue(render(explorer).textLines()[39].contains("F5 2 errors in 2 files"))
        press(&explorer, "F5")
        guard case .problems = explorer.state.overlay else { return XCTFail("F5 did not list") }
    }

    func testABrokenEntitysPageShowsItsProblemsAndWhatCouldBeRead() throws {
        let explorer = try explorer(start: "concept/broken")
        let page = pageText(explorer)
        let heading = try XCTUnwrap(page.firstIndex(of: "Problems"), "\(page)")
        XCTAssertTrue(page[heading + 1].hasPrefix("concepts/broken.md:6:"), "\(page)")
        XCTAssertTrue(page[heading + 1].contains("error: malformed YAML"), "\(page)")
        XCTAssertTrue(page.contains("Its text is still here."), "\(page)")
        XCTAssertFalse(pageText(try self.explorer(start: "concept/fine")).contains("Problems"))
    }

    func testEListsTheProblemsAndEnterOpensOne() throws {
        var explorer = try explorer()
        press(&explorer, "E")
        guard case .problems = explorer.state.overlay else {
            return XCTFail("E opened \(String(describing: explorer.state.overlay))")
        }
        var text = dump(render(explorer))
        XCTAssertTrue(text.contains("Problems"), text)
        XCTAssertTrue(text.contains("error concepts/broken.md:6:"), text)
        XCTAssertTrue(text.contains("  unknown field `relatd` for a concept"), text)
        press(&explorer, "j Enter")
        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.state.current, try entityID("concept/odd"))
        XCTAssertEqual(explorer.state.focus, .reader)
        text = dump(render(explorer))
        XCTAssertTrue(text.contains("error: unknown field `relatd`"), text)
        // Back returns to where the list was opened from.
        press(&explorer, "Backspace")
        XCTAssertEqual(explorer.state.current, try entityID("paper/p"))
        press(&explorer, "E Esc")
        XCTAssertNil(explorer.state.overlay)
        press(&explorer, "E q")
        XCTAssertNil(explorer.state.overlay)
    }

    func testAProblemOfAFileWithNoEntitySaysSo() throws {
        let model = ContentLoader.load(files: [
            SourceFile(path: "a.md", text: "no front matter\n"),
            SourceFile(path: "b.md", text: "---\nid: concept/b\nkind: concept\ntitle: B\n---\n"),
        ])
        var explorer = Explorer(model: model, width: 80, height: 24)
        press(&explorer, "E Enter")
        guard case .problems(let list) = explorer.state.overlay else {
            return XCTFail("the list closed on a problem with nothing to open")
        }
        XCTAssertNotNil(list.notice)
        XCTAssertTrue(dump(render(explorer)).contains("No entity to open"))
    }

    func testEOnCleanContentSaysThereIsNothingToList() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        press(&explorer, "E")
        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.state.message, "No problems: the content checks clean")
    }

    func testTheListScrollsToKeepTheSelectionInSight() throws {
        let files = (1...40).map {
            SourceFile(path: "c\($0).md", text: "---\nid: concept/c\($0)\nkind: concept\n---\n")
        }
        var explorer = Explorer(model: ContentLoader.load(files: files), width: 80, height: 24)
        press(&explorer, "E G")
        guard case .problems(let list) = explorer.state.overlay else { return XCTFail() }
        XCTAssertEqual(list.selection, 39)
        XCTAssertTrue(dump(render(explorer)).contains("c9.md"), dump(render(explorer)))
        press(&explorer, "g")
        XCTAssertTrue(dump(render(explorer)).contains("c1.md"))
    }

    func testShowPrintsTheProblemsOfABrokenEntity() throws {
        let entity = try XCTUnwrap(Self.model.entity(try entityID("concept/odd")))
        let text = PlainText(model: Self.model, width: 80).entity(entity)
        let lines = text.components(separatedBy: "\n")
        let heading = try XCTUnwrap(lines.firstIndex(of: "## Problems"), text)
        XCTAssertTrue(
            lines[heading + 1].hasPrefix("concepts/odd.md:5:1: error: unknown field `relatd`"),
            text)
        XCTAssertTrue(lines.contains("Odd text."), text)
    }
}
