import CaravanContent
import XCTest

@testable import CaravanUI

/// How the map sizes its bands and picks its levels when the boxes do not fit side by side,
/// what each selectable item opens, and where the matrix puts its rows and columns at every
/// size, including the degenerate ones.
final class MapBandsAndMatrixLayoutTests: XCTestCase {
    private let index = FrameworkIndex(model: FrameworkFixture.model)

    /// Content of `count` connotations with nothing else: enough to need bands.
    private func connotations(_ count: Int) -> FrameworkIndex {
        let files = (0..<count).map { position in
            SourceFile(
                path: "c\(position).md",
                text: "---\nid: connotation/c\(position)\nkind: connotation\n"
                    + "title: \"Part \(position)\"\nfield: f\nlever: l\n---\n")
        }
        return FrameworkIndex(model: ContentLoader.load(files: files))
    }

    // MARK: Bands

    func testBandsSpreadTheBoxesEvenly() {
        XCTAssertEqual(MapWriter.bands(count: 5, width: 80), [3, 2])
        XCTAssertEqual(MapWriter.bands(count: 4, width: 80), [2, 2], "not three and one")
        XCTAssertEqual(MapWriter.bands(count: 3, width: 45), [2, 1])
        XCTAssertEqual(MapWriter.bands(count: 6, width: 103), [3, 3], "four fit, six need two")
    }

    func testBandsNeedTwoBoxesAndRoomForTwo() {
        XCTAssertNil(MapWriter.bands(count: 1, width: 200), "one box is stacked")
        XCTAssertNil(MapWriter.bands(count: 0, width: 200))
        XCTAssertNil(MapWriter.bands(count: 5, width: 44), "two boxes of 22 and a gap need 45")
        XCTAssertNil(MapWriter.bands(count: 5, width: 0))
        XCTAssertEqual(MapWriter.bands(count: 5, width: 45), [2, 2, 1])
    }

    func testBandsHoldEveryBoxAndNoBandIsTooWide() {
        for count in 2...12 {
            for width in stride(from: 45, through: 200, by: 7) {
                guard let sizes = MapWriter.bands(count: count, width: width) else {
                    XCTFail("\(count) boxes at \(width)")
                    continue
                }
                let most = (width + 1) / (MapLayout.minimumBoxWidth + 1)
                XCTAssertEqual(sizes.reduce(0, +), count, "\(count) boxes at \(width)")
                XCTAssertTrue(sizes.allSatisfy { $0 >= 1 && $0 <= most }, "\(sizes) at \(width)")
                XCTAssertEqual(sizes, sizes.sorted(by: >), "fuller bands first: \(sizes)")
            }
        }
    }

    // MARK: Levels

    func testStackedLevelsGoInBandsOnlyAfterEveryStackedOne() {
        let plain = MapLayout.levels(sideBySide: false)
        let banded = MapLayout.levels(sideBySide: false, bands: true)
        XCTAssertFalse(plain.contains { $0.inBands })
        XCTAssertEqual(banded.count, 2 * plain.count)
        XCTAssertEqual(Array(banded.prefix(plain.count)), plain)
        XCTAssertEqual(
            banded.suffix(plain.count).map { level in
                var stacked = level
                stacked.inBands = false
                return stacked
            }, plain, "the same levels again, in bands")
        XCTAssertTrue(banded.suffix(plain.count).allSatisfy(\.inBands))
    }

    func testSideBySideLevelsNeverGoInBands() {
        let levels = MapLayout.levels(sideBySide: true, bands: true)
        XCTAssertEqual(levels, MapLayout.levels(sideBySide: true))
        XCTAssertFalse(levels.contains { $0.inBands })
        XCTAssertEqual(levels.filter { $0.ties == .matrix }.count, 2, "matrix ties come last")
        XCTAssertEqual(Set(levels).count, levels.count, "no level is tried twice")
    }

    func testTheMapTooTallForAnyLevelIsTheLeanest() throws {
        let level = try XCTUnwrap(MapLayout.levels(sideBySide: true).last)
        let leanest = MapLayout.canvas(index, width: 120, level: level, glyphs: .ascii)
        let chosen = MapLayout.canvas(index, width: 120, height: 1, glyphs: .ascii)
        XCTAssertEqual(chosen.plainLines(), leanest.plainLines())
        XCTAssertGreaterThan(chosen.height, 1)
    }

    func testFiveConnotationsAt80ColumnsGoInBandsOfThreeAndTwo() throws {
        let five = connotations(5)
        XCTAssertFalse(MapLayout.isSideBySide(five, width: 80))
        let canvas = MapLayout.canvas(five, width: 80, height: 1, glyphs: .ascii)
        let rows = try five.connotations.map { connotation in
            try XCTUnwrap(canvas.slot(for: .connotation(connotation.id))).rect.y
        }
        XCTAssertEqual(Set(rows.prefix(3)).count, 1, "the first band is one row of boxes")
        XCTAssertEqual(Set(rows.suffix(2)).count, 1)
        XCTAssertGreaterThan(rows[3], rows[0], "the second band is below the first")
        let xs = try five.connotations.prefix(3).map { connotation in
            try XCTUnwrap(canvas.slot(for: .connotation(connotation.id))).rect.x
        }
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertEqual(Set(xs).count, 3, "side by side within the band")
        for line in canvas.plainLines() { XCTAssertLessThanOrEqual(TextFit.width(line), 80) }
    }

    func testFiveConnotationsStackWhenTheHeightAllows() throws {
        let five = connotations(5)
        let canvas = MapLayout.canvas(five, width: 80, height: nil, glyphs: .ascii)
        let rows = try five.connotations.map { connotation in
            try XCTUnwrap(canvas.slot(for: .connotation(connotation.id))).rect.y
        }
        XCTAssertEqual(rows, rows.sorted())
        XCTAssertEqual(Set(rows).count, 5, "one box below the other")
    }

    func testAnEmptyFrameworkSaysSoOnEveryLayout() {
        let empty = connotations(0)
        XCTAssertFalse(MapLayout.isSideBySide(empty, width: 200))
        let map = MapLayout.canvas(empty, width: 60, height: nil, glyphs: .ascii).plainLines()
        XCTAssertTrue(map.first?.hasPrefix("This content has no ") == true, "\(map)")
        let linear = MapLayout.linearCanvas(empty, width: 60, glyphs: .ascii).plainLines()
        XCTAssertEqual(linear.first, map.first)
        XCTAssertTrue(MapLayout.details(empty, glyphs: .ascii).isEmpty)
    }

    // MARK: Slots

    func testATieOpensWhatItTiesTo() throws {
        let part = try FrameworkFixture.id("connotation/humanistic")
        let concept = try FrameworkFixture.id("concept/market-segmentation")
        XCTAssertEqual(MapSlotKey.tie(connotation: part, target: concept).entity, concept)
        XCTAssertEqual(MapSlotKey.connotation(part).entity, part)
        XCTAssertEqual(MapSlotKey.target(concept).entity, concept)
    }

    // MARK: The matrix

    func testMatrixColumnsAreLabelledWithoutTheirConnotationsLetter() {
        let table = MatrixTable(index: index)
        for column in table.columns {
            let group = index.connotations[column.group]
            if column.id == group.id {
                XCTAssertEqual(column.label, group.code)
                XCTAssertEqual(column.name, group.title)
            } else {
                XCTAssertEqual(group.code + column.label, column.code)
            }
            XCTAssertEqual(column.legend, column.code + " " + column.name)
        }
        XCTAssertEqual(table.columns.map(\.group), table.columns.map(\.group).sorted())
    }

    func testAGroupStartsAtEachConnotationsOwnColumn() {
        let table = MatrixTable(index: index)
        let starts = table.columns.indices.filter(table.startsGroup)
        XCTAssertEqual(starts.map { table.columns[$0].code }, index.connotations.map(\.code))
        XCTAssertFalse(table.startsGroup(-1))
        XCTAssertFalse(table.startsGroup(table.columns.count))
    }

    func testAFilterThatKeepsNothingLeavesEmptyCounts() {
        var table = MatrixTable(index: index)
        table.filter(connotation: nil, region: "Nowhere")
        XCTAssertTrue(table.rows.isEmpty)
        XCTAssertTrue(table.rowCounts.isEmpty)
        XCTAssertEqual(table.columnCounts, Array(repeating: 0, count: table.columns.count))
        XCTAssertFalse(table.isMarked(row: 0, column: 0))
        table.filter(connotation: nil, region: nil)
        XCTAssertEqual(table.rows.count, index.cases.count, "clearing the filter keeps all")
    }

    func testAConnotationFilterKeepsOnlyCasesThatReachIt() throws {
        var table = MatrixTable(index: index)
        let first = try XCTUnwrap(index.connotations.first)
        table.filter(connotation: first.id, region: nil)
        XCTAssertEqual(Set(table.rows.map(\.id)), Set(first.cases))
        XCTAssertEqual(table.rowCounts.count, table.rows.count)
        let inside = table.columns.indices.filter { table.columns[$0].group == 0 }
        for row in table.rows.indices {
            XCTAssertTrue(
                inside.contains { table.isMarked(row: row, column: $0) },
                "\(table.rows[row].id) is marked under \(first.code)")
        }
    }

    func testMatrixColumnsAlwaysShowAtLeastOne() {
        let table = MatrixTable(index: index)
        for width in [0, 1, 5, 14] {
            let layout = MatrixColumnLayout(
                table: table, candidates: Array(table.columns.indices), rowHeaderWidth: 10,
                width: width)
            XCTAssertEqual(layout.visible.map(\.column), [0], "at \(width) columns")
            XCTAssertEqual(layout.separators, [10])
            XCTAssertEqual(layout.countX, 14)
        }
    }

    func testMatrixColumnsPutASeparatorBeforeEachGroup() {
        let table = MatrixTable(index: index)
        let all = Array(table.columns.indices)
        let layout = MatrixColumnLayout(
            table: table, candidates: all, rowHeaderWidth: 12, width: 200)
        XCTAssertEqual(layout.visible.map(\.column), all, "all fit in 200 columns")
        XCTAssertEqual(layout.separators.count, index.connotations.count)
        XCTAssertEqual(layout.countX - 12, MatrixColumnLayout.width(of: all, in: table))
        for (column, x) in layout.visible where table.startsGroup(column) {
            XCTAssertTrue(layout.separators.contains(x - 1), "a separator before \(column)")
        }
        let steps = zip(layout.visible, layout.visible.dropFirst()).map { $1.x - $0.x }
        XCTAssertTrue(steps.allSatisfy { $0 == 3 || $0 == 4 }, "\(steps)")
    }

    func testMatrixColumnsStopBeforeTheCounts() {
        let table = MatrixTable(index: index)
        let width = 40
        let layout = MatrixColumnLayout(
            table: table, candidates: Array(table.columns.indices), rowHeaderWidth: 12,
            width: width)
        XCTAssertLessThan(layout.visible.count, table.columns.count)
        XCTAssertLessThanOrEqual(layout.countX, width - 1 - layout.countWidth)
        XCTAssertEqual(layout.countWidth, 2, "\(table.rows.count) rows take two digits")
    }

    func testTheMatrixRowsGrowAsTheHeightAllowsEachPart() {
        let table = MatrixTable(index: index)
        func geometry(_ height: Int) -> MatrixGeometry {
            MatrixGeometry(table: table, width: 80, height: height, firstColumn: 0)
        }
        XCTAssertEqual(geometry(2).body, Rect(width: 80, height: 2), "the body takes all")
        XCTAssertEqual(geometry(3).codeRow.height, 1)
        XCTAssertEqual(geometry(6).legend.height, 1)
        XCTAssertEqual(geometry(7).footer.height, 0)
        XCTAssertEqual(geometry(8).footer.height, 1)
        XCTAssertEqual(geometry(9).title.height, 0)
        XCTAssertEqual(geometry(10).title.height, 1)
        XCTAssertEqual(geometry(11).groupRow.height, 0)
        XCTAssertEqual(geometry(12).groupRow.height, 1)
        XCTAssertEqual([10, 15, 16, 29, 30].map { geometry($0).detail.height }, [1, 1, 2, 2, 3])
        XCTAssertEqual(geometry(-4).body.height, 0)
        let full = geometry(30)
        XCTAssertEqual(full.detail.maxY, 30, "the detail ends at the bottom")
        XCTAssertEqual(full.body.y, full.codeRow.maxY)
    }

    func testTheFirstMatrixColumnIsClamped() {
        let table = MatrixTable(index: index)
        let before = MatrixGeometry(table: table, width: 60, height: 20, firstColumn: -5)
        XCTAssertEqual(before.columns.visible.first?.column, 0)
        let after = MatrixGeometry(table: table, width: 60, height: 20, firstColumn: 999)
        XCTAssertEqual(after.columns.visible.map(\.column), [table.columns.count - 1])
    }

    func testTheMatrixKeySitsBesideTheCounts() throws {
        let table = MatrixTable(index: index)
        let geometry = MatrixGeometry(table: table, width: 200, height: 40, firstColumn: 0)
        let key = try XCTUnwrap(geometry.key)
        XCTAssertEqual(key.x, geometry.columns.countX + 1 + geometry.columns.countWidth + 2)
        XCTAssertEqual(key.maxX, 200)
        XCTAssertGreaterThanOrEqual(key.width, MatrixGeometry.minimumKeyWidth)
        XCTAssertEqual(key.y, geometry.groupRow.y)
        XCTAssertEqual(key.maxY, geometry.footer.maxY)
    }
}
