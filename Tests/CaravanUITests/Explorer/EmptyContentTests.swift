import CaravanContent
import XCTest

@testable import CaravanUI

/// Content with nothing in it, or nothing of some kind: every part still opens and says
/// what it lacks, and no key traps.
final class EmptyContentTests: XCTestCase {
    private let empty = ContentLoader.load(files: [])

    private func explorer() -> Explorer {
        Explorer(model: empty, width: 100, height: 30)
    }

    func testTheExplorerOpensOnNothing() {
        let explorer = explorer()
        XCTAssertEqual(explorer.state.current, EntityID(kind: .paper, slug: "empty"))
        XCTAssertTrue(explorer.rows.isEmpty)
        XCTAssertTrue(explorer.page.lines.isEmpty)
        let status = dump(render(explorer)).components(separatedBy: "\n").last ?? ""
        XCTAssertTrue(status.hasPrefix(" paper/empty "), "the status bar names where it is")
        XCTAssertFalse(status.contains("1-0/0"), "an empty page has no position: \(status)")
        let wide = Explorer(model: empty, width: 140, height: 30)
        XCTAssertTrue(dump(render(wide)).contains(" No links"), "the Links pane says so")
    }

    func testEveryKeyIsSafeOnNothing() {
        var explorer = explorer()
        for binding in Keymap<Action>.standard.bindings where binding.action != .quit {
            _ = explorer.update(.key(binding.key))
            _ = explorer.update(.key(.escape))
        }
        XCTAssertEqual(explorer.state.current, EntityID(kind: .paper, slug: "empty"))
        XCTAssertEqual(explorer.state.history.count, 1)
    }

    func testTheViewsSayWhatTheContentLacks() {
        var explorer = explorer()
        press(&explorer, "M")
        XCTAssertTrue(dump(render(explorer)).contains("This content has no connotations."))
        press(&explorer, "A")
        XCTAssertTrue(dump(render(explorer)).contains("No case studies in this content."))
        press(&explorer, "X")
        XCTAssertTrue(dump(render(explorer)).contains("Case matrix: 0 cases"))
        XCTAssertEqual(press(&explorer, "Enter"), [], "nothing to open")
        XCTAssertEqual(explorer.framework?.kind, .matrix)
    }

    func testSearchingAndJumpingFindNothingButTheViews() {
        var explorer = explorer()
        press(&explorer, "/")
        typeText(&explorer, "anything")
        XCTAssertTrue(dump(render(explorer)).contains("No results"))
        press(&explorer, "Esc :")
        typeText(&explorer, "map")
        guard case .jump(let jump)? = explorer.state.overlay else { return XCTFail("no prompt") }
        XCTAssertEqual(jump.targets, [.view(.map)])
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.framework?.kind, .map)
    }

    func testProblemsAndMarksSayThereAreNone() {
        var explorer = explorer()
        press(&explorer, "E")
        XCTAssertEqual(explorer.state.message, "No problems: the content checks clean")
        press(&explorer, "' a")
        XCTAssertEqual(explorer.state.message, "No mark a")
    }

    func testAContentOfOneKindListsOnlyThatGroup() {
        let concepts = ContentLoader.load(files: [
            SourceFile(path: "a.md", text: "---\nid: concept/a\nkind: concept\ntitle: A\n---\n"),
            SourceFile(path: "b.md", text: "---\nid: concept/b\nkind: concept\ntitle: B\n---\n"),
        ])
        let explorer = Explorer(model: concepts, width: 100, height: 30)
        XCTAssertEqual(explorer.rows.map(\.key), ["group:concept", "concept/a", "concept/b"])
        XCTAssertEqual(explorer.state.current, EntityID("concept/a"), "the first entity opens")
    }
}
