import CaravanContent
import CaravanDefaultContent
import Foundation
import XCTest

@testable import CaravanUI

/// The content read again while the explorer runs (`--watch`): the reader keeps its place.
final class ReloadTests: XCTestCase {
    /// The course fixture as its files would be with one text replaced in one of them.
    static func course(replacing old: String = "", with new: String = "", in file: String = "")
        throws -> ContentModel
    {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: fixture, to: copy)
        if !file.isEmpty {
            let url = copy.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(file) has «\(old)»")
            try text.replacingOccurrences(of: old, with: new)
                .write(to: url, atomically: true, encoding: .utf8)
        }
        return DefaultContent.load(sources: [.folder(copy.path)])
    }

    private func course(replacing old: String = "", with new: String = "", in file: String = "")
        throws -> ContentModel
    {
        try Self.course(replacing: old, with: new, in: file)
    }

    static let fixture = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/five-connectivities")

    func testAReloadKeepsTheEntityTheScrollTheLinkAndTheNavigatorRow() throws {
        var explorer = Explorer(
            model: try course(), width: 80, height: 16,
            start: EntityID("paper/five-connectivities"))
        press(&explorer, "2 j Tab")
        let scroll = explorer.state.readerScroll
        let link = explorer.state.selectedLink
        XCTAssertGreaterThan(scroll, 0)
        XCTAssertNotNil(link)
        let row = explorer.rows[explorer.state.navigator.selection].key
        let changed = try course(
            replacing: "who decides whether it did", with: "who decides, and how, whether it did",
            in: "unit.md")
        explorer.reload(changed)
        XCTAssertEqual(explorer.state.current, EntityID("paper/five-connectivities"))
        XCTAssertEqual(explorer.state.readerScroll, scroll)
        XCTAssertEqual(explorer.state.selectedLink, link)
        XCTAssertEqual(explorer.rows[explorer.state.navigator.selection].key, row)
        XCTAssertTrue(pageText(explorer).joined(separator: " ").contains("and how,"))
        XCTAssertNil(explorer.state.message, "no problems, nothing to say")
    }

    func testAnOpenViewStaysOpenWithItsSelection() throws {
        var explorer = Explorer(model: try course(), width: 120, height: 40)
        explorer.showFramework(.atlas)
        press(&explorer, "j")
        let selection = explorer.framework?.selection
        explorer.reload(try course())
        XCTAssertEqual(explorer.framework?.kind, .atlas)
        XCTAssertEqual(explorer.framework?.selection, selection)
    }

    func testAnEntityThatIsGoneGivesWayToTheOverview() throws {
        var explorer = Explorer(
            model: try course(), width: 80, height: 24, start: EntityID("case/aiib"))
        explorer.reload(
            try course(
                replacing: "id: case/aiib", with: "id: case/aiib-renamed", in: "cases/aiib.md"))
        XCTAssertEqual(explorer.state.current, EntityID("paper/five-connectivities"))
        XCTAssertFalse(explorer.state.history.contains { $0.id == EntityID("case/aiib") })
    }

    func testProblemsShowInTheStatusLineAndTheExplorerGoesOn() throws {
        var explorer = Explorer(
            model: try course(), width: 120, height: 40,
            start: EntityID("connotation/unimpeded-trade"))
        explorer.reload(
            try course(replacing: "order: 3", with: "order: [3", in: "pillars/unimpeded-trade.md"))
        let message = try XCTUnwrap(explorer.state.message)
        XCTAssertTrue(message.hasPrefix("pillars/unimpeded-trade.md:7:"), message)
        XCTAssertTrue(message.contains(": error: "), message)
        XCTAssertEqual(explorer.state.current, EntityID("connotation/unimpeded-trade"))
        XCTAssertTrue(dump(render(explorer)).contains("error: malformed YAML"))
        explorer.reload(try course())
        XCTAssertNil(explorer.state.message, "mended: the message goes")
    }

    func testANoteBeingWrittenStaysOpen() throws {
        var explorer = Explorer(
            model: try course(), width: 120, height: 40, start: EntityID("case/aiib"))
        press(&explorer, "a")
        typeText(&explorer, "half a thought")
        explorer.reload(try course())
        guard case .editor(let editor, let id)? = explorer.state.overlay else {
            return XCTFail("the editor closed")
        }
        XCTAssertEqual(id, EntityID("case/aiib"))
        XCTAssertEqual(editor.text, "half a thought")
    }
}
