import CaravanContent
import XCTest

@testable import CaravanUI

/// `caravan read` and `caravan list` follow the framework's own order, and headings stay
/// on one line.
final class ReadingOrderTests: XCTestCase {
    /// Mechanisms as the navigator and the map show them: by connotation, each parent
    /// followed by its parts.
    var frameworkOrder: [EntityID] {
        FrameworkIndex(model: TestContent.model).connotations.flatMap { $0.mechanisms.map(\.id) }
    }

    func testReadPrintsMechanismsInFrameworkOrder() throws {
        let model = TestContent.model
        let text = PlainText(model: model, width: 72).readAll()
        var positions: [String.Index] = []
        for id in frameworkOrder {
            let title = try XCTUnwrap(model.entity(id)).title
            let heading = try XCTUnwrap(text.range(of: "\n## " + title + "\n"), title)
            positions.append(heading.lowerBound)
        }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testHeadingsStayOnOneLine() throws {
        let model = TestContent.model
        let text = PlainText(model: model, width: 60).readAll()
        let lines = text.components(separatedBy: "\n")
        for entity in model.entities {
            let title = Sanitizer.visible(entity.displayTitle)
            XCTAssertTrue(
                lines.contains { $0.hasPrefix("#") && $0.hasSuffix(" " + title) },
                "the heading of \(entity.id) is one line")
        }
    }
}

extension ReadingOrderTests {
    func testTheSequenceHoldsEveryEntityOnce() {
        let model = TestContent.model
        let sequence = ReadingSequence(model: model)
        XCTAssertEqual(sequence.entities(of: .mechanism).map(\.id), frameworkOrder)
        XCTAssertEqual(sequence.entities.count, model.entities.count)
        XCTAssertEqual(Set(sequence.entities.map(\.id)), Set(model.entities.map(\.id)))
    }
}
