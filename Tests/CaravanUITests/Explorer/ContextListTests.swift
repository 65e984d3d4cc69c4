import CaravanContent
import XCTest

@testable import CaravanUI

/// The Links pane's contents: each linked entity once, under the relation ranked first by
/// its kind, with its other relations beside it.
final class ContextListTests: XCTestCase {
    /// A concept linked to a case three ways, and from a section and a mechanism.
    private let model = ContentLoader.load(files: [
        SourceFile(
            path: "concepts/c.md",
            text: "---\nid: concept/c\nkind: concept\ntitle: The concept\n---\nIt [is](case/a).\n"),
        SourceFile(
            path: "cases/a.md",
            text: """
                ---
                id: case/a
                kind: case
                title: A case
                region: Europe
                illustrates: [concept/c]
                related: [concept/c]
                ---
                """),
        SourceFile(
            path: "sections/s.md",
            text: "---\nid: section/s\nkind: section\ntitle: S\nnumber: \"1\"\n"
                + "discusses: [concept/c]\n---\n"),
    ])

    private func id(_ text: String) -> EntityID {
        EntityID(text) ?? EntityID(kind: .concept, slug: "missing")
    }

    func testEachLinkedEntityIsListedOnceUnderItsFirstRelation() {
        let list = ContextList(for: id("concept/c"), in: model)
        let entries = list.rows.compactMap { row -> EntityID? in
            if case .entry(let id) = row { return id }
            return nil
        }
        XCTAssertEqual(entries.filter { $0 == id("case/a") }.count, 1, "once, whatever the ways")
        XCTAssertEqual(list.rows.first, .header("Illustrated by"), "the cases first")
        XCTAssertEqual(list.rows[1], .entry(id("case/a")))
        let others = list.otherRelations[id("case/a")] ?? []
        XCTAssertTrue(others.contains("related"), "\(others)")
        XCTAssertTrue(others.contains("mentions"), "\(others)")
        XCTAssertTrue(list.rows.contains(.header("Discussed in")))
    }

    func testOnlyEntriesCanBeSelected() {
        let list = ContextList(for: id("concept/c"), in: model)
        for index in list.entryIndexes {
            guard case .entry = list.rows[index] else { return XCTFail("row \(index)") }
        }
        XCTAssertEqual(
            list.entryIndexes.count, Set(list.otherRelations.keys).count + 1,
            "the case with others, the section without")
    }

    func testANoteComesFirstAtMostTwelveLines() {
        let note = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let list = ContextList(for: id("concept/c"), in: model, note: note)
        XCTAssertEqual(list.rows.first, .header("Your note (a edits)"))
        XCTAssertEqual(list.rows.filter { if case .note = $0 { true } else { false } }.count, 12)
        XCTAssertEqual(
            ContextList(for: id("concept/c"), in: model, note: "").rows.first,
            .header("Illustrated by"), "an empty note takes no row")
    }

    func testAnEntityWithoutLinksHasNoRows() {
        let alone = ContentLoader.load(files: [
            SourceFile(path: "a.md", text: "---\nid: concept/a\nkind: concept\ntitle: A\n---\n")
        ])
        XCTAssertTrue(ContextList(for: id("concept/a"), in: alone).rows.isEmpty)
        XCTAssertTrue(ContextList(for: id("concept/none"), in: alone).entryIndexes.isEmpty)
    }
}
