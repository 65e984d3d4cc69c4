import CaravanContent
import XCTest

@testable import CaravanUI

/// The framework as the views read it: codes, cases and ties worked out once, and the
/// map's and matrix's layouts of it.
final class FrameworkIndexTests: XCTestCase {
    private typealias Fixture = FrameworkFixture
    private let index = FrameworkIndex(model: FrameworkFixture.model)

    func testCodesFollowTheConnotationsLetterAndTheMechanismsPlace() throws {
        XCTAssertEqual(index.connotations.map(\.code), ["H", "E", "S"])
        let humanistic = try XCTUnwrap(index.connotations.first)
        XCTAssertEqual(humanistic.mechanisms.first?.code, "H1")
        let part = try XCTUnwrap(humanistic.mechanisms.first { $0.depth == 1 })
        XCTAssertTrue(part.code.hasPrefix("H") && part.code.last?.isLetter == true, part.code)
        let parent = try XCTUnwrap(part.parent.flatMap(index.mechanism))
        XCTAssertTrue(part.code.hasPrefix(parent.code))
        XCTAssertEqual(
            index.mechanismCount, index.connotations.map(\.mechanisms.count).reduce(0, +))
    }

    func testAConnotationsCasesAreEveryCaseThatReachesIt() {
        for connotation in index.connotations {
            for id in connotation.cases {
                XCTAssertTrue(index.caseStudy(id)?.connotations.contains(connotation.id) == true)
            }
            let reaching = index.cases.filter { $0.connotations.contains(connotation.id) }
            XCTAssertEqual(Set(reaching.map(\.id)), Set(connotation.cases))
        }
    }

    func testACasesDetailSaysWhereItIsAndWhatItIllustrates() throws {
        let item = try XCTUnwrap(index.caseStudy(try Fixture.id("case/almaty-silk-road-brand")))
        let detail = index.detail(of: item, glyphs: .unicode)
        XCTAssertEqual(detail.title, item.title)
        XCTAssertTrue(detail.text.hasPrefix(item.region), detail.text)
        XCTAssertTrue(detail.text.contains(" · illustrates "), detail.text)
        XCTAssertTrue(index.detail(of: item, glyphs: .ascii).text.contains(" - illustrates "))
        XCTAssertFalse(index.codes(of: item).isEmpty)
    }

    func testRegionsComeInTheAtlasOrderThenOthers() {
        let known = Region.allCases.map(\.rawValue)
        let ordered = index.regions.filter(known.contains)
        XCTAssertEqual(ordered, known.filter(index.regions.contains))
        XCTAssertEqual(Set(index.regions), Set(index.cases.map(\.region)))
    }

    func testAConnotationWithoutALetterStillGetsLettersForItsCode() {
        let files = ["Alpha", "alpha too", "123"].enumerated().map { position, title in
            SourceFile(
                path: "c\(position).md",
                text: "---\nid: connotation/c\(position)\nkind: connotation\ntitle: \"\(title)\"\n"
                    + "field: f\nlever: l\n---\n")
        }
        let codes = FrameworkIndex(model: ContentLoader.load(files: files)).connotations.map(\.code)
        // "123" comes first in reading order and has no letter of its own: it takes the
        // first free one. "Alpha" then finds A taken and takes its first two letters,
        // "alpha too" its initials. No code has a digit, so none reads as a mechanism's.
        XCTAssertEqual(codes, ["A", "AL", "AT"])
    }

    // MARK: The map's layout

    func testTheMapTriesLevelsFromTheRichestDown() {
        let sideBySide = MapLayout.levels(sideBySide: true)
        XCTAssertTrue(sideBySide.first?.summaries == true)
        XCTAssertEqual(sideBySide.last?.ties, .matrix)
        XCTAssertFalse(MapLayout.levels(sideBySide: false).contains { $0.ties == .matrix })
        XCTAssertTrue(MapLayout.isSideBySide(index, width: 66))
        XCTAssertFalse(MapLayout.isSideBySide(index, width: 65))
        let tall = MapLayout.canvas(index, width: 120, height: nil, glyphs: .unicode)
        let short = MapLayout.canvas(index, width: 120, height: 20, glyphs: .unicode)
        XCTAssertGreaterThan(tall.height, short.height, "less detail to fit fewer rows")
    }

    func testEveryMechanismHasASlotOnEveryLayout() {
        let mechanisms = Set(index.connotations.flatMap(\.mechanisms).map(\.id))
        for width in [40, 80, 120, 200] {
            let canvas = MapLayout.canvas(index, width: width, height: nil, glyphs: .ascii)
            let linear = MapLayout.linearCanvas(index, width: width, glyphs: .ascii)
            for layout in [canvas, linear] {
                let shown = Set(
                    layout.slots.compactMap { slot -> EntityID? in
                        if case .mechanism(let id) = slot.key { return id }
                        return nil
                    })
                XCTAssertEqual(shown, mechanisms, "at \(width)")
            }
        }
    }

    func testTheLinearMapIndentsMechanismsUnderTheirConnotation() {
        let lines = MapLayout.linearCanvas(index, width: 100, glyphs: .ascii).plainLines()
        XCTAssertTrue(lines.first?.hasPrefix("H ") == true, lines.first ?? "")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  H1 ") })
        XCTAssertTrue(lines.contains("Ties"))
        XCTAssertFalse(lines.joined().contains("+-"), "no boxes for a screen reader")
    }

    func testTheMapsDetailsSayWhereEachItemBelongs() throws {
        let details = MapLayout.details(index, glyphs: .unicode)
        XCTAssertTrue(details.contains { $0.title.hasPrefix("H Humanistic connotation") })
        XCTAssertTrue(details.contains { $0.text.hasPrefix("A mechanism of the ") })
        XCTAssertTrue(details.contains { $0.text.hasPrefix("Part of ") })
        XCTAssertTrue(details.contains { $0.title.contains(" ↔ ") }, "the ties")
    }

    // MARK: The matrix's table

    func testTheMatrixGeometrySplitsAnyHeight() {
        let table = MatrixTable(index: index)
        for height in 0...40 {
            let geometry = MatrixGeometry(table: table, width: 80, height: height, firstColumn: 0)
            let rows =
                geometry.title.height + geometry.groupRow.height + geometry.codeRow.height
                + geometry.body.height + geometry.footer.height + geometry.legend.height
                + geometry.detail.height
            XCTAssertEqual(rows, height, "at \(height) rows")
        }
        let wide = MatrixGeometry(table: table, width: 200, height: 40, firstColumn: 0)
        XCTAssertNotNil(wide.key, "room for the key to the columns")
        XCTAssertNil(MatrixGeometry(table: table, width: 80, height: 40, firstColumn: 0).key)
    }

    func testTheMatrixRowsFallAlongADiagonal() {
        let table = MatrixTable(index: index)
        let firstMarks = table.rows.indices.map { row in
            table.columns.indices.first { table.isMarked(row: row, column: $0) } ?? Int.max
        }
        XCTAssertEqual(firstMarks, firstMarks.sorted(), "by the first column marked")
        XCTAssertFalse(table.isMarked(row: -1, column: 0))
        XCTAssertFalse(table.isMarked(row: 0, column: table.columns.count))
    }
}
