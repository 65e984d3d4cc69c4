import CaravanContent
import XCTest

@testable import CaravanUI

/// The problems list as drawn and as it answers Enter where it cannot open anything: its
/// summary counts in words, the selected problem is highlighted, a problem's place is
/// `path:line:col`, and the notice of an Enter that opened nothing lasts one key.
final class ProblemsPanelTests: XCTestCase {
    /// A file whose front matter does not parse far enough to name an entity, and one fine
    /// concept.
    static let unnamed: ContentModel = ContentLoader.load(files: [
        SourceFile(path: "lost.md", text: "---\nid: [concept/lost\nkind: concept\n---\nText.\n"),
        SourceFile(
            path: "concepts/fine.md",
            text: "---\nid: concept/fine\nkind: concept\ntitle: Fine\n---\nOk.\n"),
    ])

    private func panelLines(
        _ model: ContentModel, list: ProblemList = ProblemList(), width: Int = 120,
        height: Int = 30
    ) -> (lines: [String], grid: Grid, inner: Rect) {
        let explorer = Explorer(model: model, width: width, height: height)
        let look = Look(theme: .dark, glyphs: .ascii)
        let panel = ProblemsPanel(list: list, explorer: explorer, look: look)
        var grid = Grid(width: width, height: height)
        panel.render(in: grid.bounds, into: &grid)
        let inner = OverlayFrame(width: 100, height: height - 2, title: "", look: look)
            .inner(in: grid.bounds)
        return (cellText(in: inner, of: grid), grid, inner)
    }

    func testEnterOnAFileWithoutAnEntitySaysWhyAndTheNextKeyClearsIt() throws {
        let model = Self.unnamed
        let problems = model.problems.all
        XCTAssertFalse(problems.isEmpty)
        XCTAssertNil(model.entity(inFile: problems[0].location.path), "the test needs no entity")
        var list = ProblemList()
        XCTAssertEqual(list.perform(.open, model: model, height: 24), .handled)
        XCTAssertEqual(
            list.notice, "No entity to open: the file could not be read far enough to name one")
        let drawn = panelLines(model, list: list)
        XCTAssertEqual(drawn.lines.last, list.notice)
        XCTAssertEqual(list.perform(.lineDown, model: model, height: 24), .handled)
        XCTAssertNil(list.notice, "a notice lasts until the next key")
        XCTAssertEqual(list.perform(.zoom, model: model, height: 24), .ignored)
        XCTAssertNil(list.notice)
    }

    func testEnterWithNoProblemsOpensNothing() {
        var list = ProblemList()
        let clean = TestContent.model
        XCTAssertTrue(clean.problems.all.isEmpty)
        XCTAssertEqual(list.perform(.open, model: clean, height: 24), .handled)
        XCTAssertNil(list.notice)
        XCTAssertEqual(list.perform(.lineDown, model: clean, height: 24), .handled)
        XCTAssertEqual(list.selection, 0)
    }

    func testTheSummaryCountsInWords() {
        let clean = panelLines(TestContent.model).lines
        XCTAssertEqual(clean.first, "0 errors, 0 warnings; `caravan check` prints them")
        let model = Self.unnamed
        let errors = model.problems.errorCount
        XCTAssertEqual(errors, 1, model.problems.all.map(\.message).joined(separator: "; "))
        let warnings = model.problems.all.count - errors
        let summary = panelLines(model).lines.first
        XCTAssertEqual(
            summary,
            "1 error, \(warnings) warning\(warnings == 1 ? "" : "s") in 1 file; "
                + "`caravan check` prints them")
    }

    func testEachProblemShowsItsPlaceThenItsMessage() {
        let model = BrokenContentTests.model
        let drawn = panelLines(model)
        for (index, problem) in model.problems.all.prefix(ProblemList.slots(height: 30))
            .enumerated()
        {
            let place =
                "\(problem.severity.rawValue) \(problem.location.path):"
                + "\(problem.location.line):\(problem.location.column)"
            XCTAssertEqual(drawn.lines[1 + index * 2], place)
            XCTAssertTrue(
                drawn.lines[2 + index * 2].hasPrefix("  " + problem.message.prefix(40)),
                drawn.lines[2 + index * 2])
        }
    }

    func testOnlyTheSelectedProblemIsHighlighted() {
        let model = BrokenContentTests.model
        XCTAssertGreaterThan(model.problems.all.count, 1)
        var list = ProblemList()
        _ = list.perform(.nextLink, model: model, height: 30)
        let drawn = panelLines(model, list: list)
        let (x, first, second) = (drawn.inner.x, drawn.inner.y + 1, drawn.inner.y + 3)
        XCTAssertEqual(drawn.grid[x + 1, second].style, Theme.dark[.selection])
        XCTAssertEqual(drawn.grid[drawn.inner.maxX - 1, second].style, Theme.dark[.selection])
        XCTAssertNotEqual(drawn.grid[x + 1, first].style, Theme.dark[.selection])
        XCTAssertEqual(drawn.grid[x, first].style, Theme.dark[.error], "an error's word is red")
    }

    func testAShortScreenShowsOneProblemAndScrollsToTheSelection() {
        let model = BrokenContentTests.model
        let count = model.problems.all.count
        var list = ProblemList()
        XCTAssertEqual(ProblemList.slots(height: 9), 1)
        _ = list.perform(.bottom, model: model, height: 9)
        XCTAssertEqual(list.selection, count - 1)
        let drawn = panelLines(model, list: list, width: 60, height: 9)
        let last = model.problems.all[count - 1]
        let text = drawn.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("\(last.location.path):\(last.location.line)"), text)
        let first = model.problems.all[0]
        XCTAssertNotEqual(first.location.path, last.location.path)
        XCTAssertFalse(text.contains(first.location.path), text)
    }

    func testTheTitleNamesTheKeysAsBound() throws {
        let explorer = Explorer(model: BrokenContentTests.model, width: 120, height: 30)
        var grid = Grid(width: 120, height: 30)
        ProblemsPanel(
            list: ProblemList(), explorer: explorer, look: Look(theme: .dark, glyphs: .ascii)
        )
        .render(in: grid.bounds, into: &grid)
        let top = try XCTUnwrap(firstRow(containing: "Problems", in: grid))
        XCTAssertTrue(
            top.text.contains("Problems - Enter opens the entity, Esc closes"), top.text)
    }
}
