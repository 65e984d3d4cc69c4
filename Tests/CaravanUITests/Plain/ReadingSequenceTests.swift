import CaravanContent
import XCTest

@testable import CaravanUI

/// The order `caravan read` and `caravan list` go through the content.
final class ReadingSequenceTests: XCTestCase {
    private let model = TestContent.model
    private var sequence: ReadingSequence { ReadingSequence(model: model) }

    func testEveryEntityComesOnce() {
        let ids = sequence.entities.map(\.id)
        XCTAssertEqual(ids.count, model.entities.count)
        XCTAssertEqual(Set(ids), Set(model.entities.map(\.id)))
    }

    func testKindsComeInTheirOrder() {
        let kinds = sequence.entities.map(\.kind)
        XCTAssertEqual(kinds, kinds.sorted(), "no kind comes back after the next began")
        XCTAssertEqual(kinds.first, .paper)
    }

    func testAPartComesAfterTheMechanismItIsPartOf() throws {
        let order = sequence.entities(of: .mechanism).map(\.id)
        var checked = 0
        for (index, id) in order.enumerated() {
            for whole in model.targets(of: id, by: .partOf) where whole.kind == .mechanism {
                let position = try XCTUnwrap(order.firstIndex(of: whole.id))
                XCTAssertLessThan(position, index, "\(id) before \(whole.id)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 0, "the paper has mechanisms with parts")
    }

    func testEachConnotationsMechanismsComeTogether() {
        let index = FrameworkIndex(model: model)
        var seen: [EntityID] = []
        for mechanism in sequence.entities(of: .mechanism) {
            guard
                let connotation = index.connotations.first(where: { connotation in
                    connotation.mechanisms.contains { $0.id == mechanism.id }
                })?.id
            else { continue }
            if seen.last != connotation {
                XCTAssertFalse(seen.contains(connotation), "\(connotation) comes back")
                seen.append(connotation)
            }
        }
        XCTAssertEqual(seen, index.connotations.map(\.id), "in the framework's order")
    }

    func testReadingACourseHeadsItsKindsInItsWords() {
        let text = PlainText(model: CourseContentTests.model, width: 80).readAll()
        XCTAssertTrue(text.contains("\n# Pillars\n"), "a heading in the course's words")
        XCTAssertTrue(text.contains("\n# Lessons\n"))
        XCTAssertFalse(text.contains("\n# Connotations\n"))
    }

    func testControlCharactersInContentNeverReachPlainText() {
        let file = SourceFile(
            path: "c.md",
            text: "---\nid: concept/bell\nkind: concept\ntitle: \"Ring \\u001B[31m\\u0007\"\n---\n"
                + "Text with \u{1B}]0;title\u{07} in it.\n")
        let model = ContentLoader.load(files: [file])
        let text = PlainText(model: model, width: 60).readAll()
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, text)
        XCTAssertTrue(text.contains("Ring"))
    }
}
