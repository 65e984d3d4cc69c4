import CaravanContent
import XCTest

@testable import CaravanUI

/// The Links pane: moves go from entry to entry past the headings, a heading comes into
/// sight with the first entry under it, Enter opens, and other relations show beside.
final class LinksPaneTests: XCTestCase {
    private func links(height: Int = 40) throws -> Explorer {
        var explorer = try makeExplorer(
            width: 120, height: height, start: "mechanism/brand-expansion")
        press(&explorer, "l")
        XCTAssertEqual(explorer.state.focus, .context)
        return explorer
    }

    private func isEntry(_ explorer: Explorer, _ row: Int) -> Bool {
        if case .entry = explorer.context.rows[row] { return true }
        return false
    }

    func testMovesSkipTheHeadings() throws {
        var explorer = try links()
        let entries = explorer.context.entryIndexes
        XCTAssertEqual(explorer.state.context.selection, entries[0])
        for step in 1..<min(6, entries.count) {
            press(&explorer, "j")
            XCTAssertEqual(explorer.state.context.selection, entries[step])
            XCTAssertTrue(isEntry(explorer, explorer.state.context.selection))
        }
        press(&explorer, "G")
        XCTAssertEqual(explorer.state.context.selection, entries.last)
        press(&explorer, "g")
        XCTAssertEqual(explorer.state.context.selection, entries.first)
    }

    func testTheHeadingOfTheFirstEntryComesIntoSight() throws {
        var explorer = try links(height: 14)
        press(&explorer, "G")
        press(&explorer, "g")
        XCTAssertEqual(explorer.state.context.offset, 0, "the first heading shows again")
        let visible = explorer.visibleRows(.context)
        press(&explorer, String(repeating: "j ", count: 30))
        let selection = explorer.state.context.selection
        let offset = explorer.state.context.offset
        XCTAssertTrue((offset..<(offset + visible)).contains(selection))
    }

    func testEnterOpensTheSelectedEntry() throws {
        var explorer = try links()
        press(&explorer, "j")
        guard case .entry(let id) = explorer.context.rows[explorer.state.context.selection] else {
            return XCTFail("no entry selected")
        }
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, id)
        XCTAssertEqual(explorer.state.focus, .context, "the pane keeps the focus")
        XCTAssertEqual(
            explorer.state.context.selection, explorer.context.entryIndexes.first,
            "the new entity's first link is selected")
    }

    func testTheOtherRelationsShowBesideAnEntry() throws {
        let explorer = try links()
        let shown = try XCTUnwrap(explorer.context.otherRelations.first)
        let title = try XCTUnwrap(explorer.model.entity(shown.key)?.displayTitle)
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        let text = cellText(in: rect, of: render(explorer)).joined(separator: "\n")
        XCTAssertTrue(text.contains(String(title.prefix(10))), text)
        XCTAssertTrue(text.contains(" · "), "the other relations follow a dot")
    }

    func testAnEntityWithoutLinksSaysSo() throws {
        let model = ContentLoader.load(files: [
            SourceFile(
                path: "concepts/alone.md",
                text: "---\nid: concept/alone\nkind: concept\ntitle: Alone\n---\nNothing.\n")
        ])
        var explorer = Explorer(model: model, width: 120, height: 40)
        press(&explorer, "l l j Enter")
        XCTAssertTrue(explorer.context.rows.isEmpty)
        let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .context))
        XCTAssertTrue(cellText(in: rect, of: render(explorer))[1].hasSuffix(" No links"))
        XCTAssertEqual(explorer.state.current, EntityID("concept/alone"))
    }

    func testTheReadersNoteLeadsThePane() throws {
        var explorer = try links()
        _ = explorer.update(.note("line one\nline two", for: explorer.state.current))
        XCTAssertEqual(
            Array(explorer.context.rows.prefix(3)),
            [.header("Your note (a edits)"), .note("line one"), .note("line two")])
        XCTAssertTrue(isEntry(explorer, explorer.context.entryIndexes[0]))
    }
}
