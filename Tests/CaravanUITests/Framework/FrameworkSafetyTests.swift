import CaravanContent
import XCTest

@testable import CaravanUI

/// Every framework screen at every size, over hostile and empty content: nothing traps,
/// nothing is drawn outside its rectangle, no control character reaches a cell or a line
/// of plain text, no plain-text line is wider than asked.
final class FrameworkSafetyTests: XCTestCase {
    private typealias Fixture = FrameworkFixture

    private static let models: [(name: String, model: ContentModel)] = [
        ("paper", Fixture.model), ("hostile", Fixture.hostileModel), ("empty", Fixture.emptyModel),
    ]

    /// Widths and heights from 1x1 to 300x100, denser where layouts change.
    private static let widths = [
        1, 2, 3, 4, 5, 7, 9, 12, 20, 22, 40, 59, 60, 65, 66, 67, 80, 99, 100, 101, 120, 200, 300,
    ]
    private static let heights = [1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 16, 24, 29, 30, 31, 40, 60, 100]

    /// Fails at the first cell holding a control character or a continuation that does not
    /// follow the head of a wide character.
    private func checkCells(_ grid: Grid, _ context: String) {
        for (position, cell) in grid.cells.enumerated() {
            if cell.isContinuation {
                let x = position % max(1, grid.width)
                let head = x > 0 ? grid.cells[position - 1].grapheme : ""
                if head.first.map({ DisplayWidth.of($0) }) != 2 {
                    XCTFail("orphan continuation at \(x), \(position / grid.width): \(context)")
                    return
                }
            } else if !Sanitizer.isVisible(cell.grapheme) {
                XCTFail("control in a cell: \(context)")
                return
            }
        }
    }

    func testEverySizeRendersWithoutTrapping() {
        for (name, model) in Self.models {
            // The small models draw little; every other size is enough for them.
            let step = name == "paper" ? 1 : 2
            let widths = Self.widths.enumerated().filter { $0.offset % step == 0 }.map(\.element)
            let heights = Self.heights.enumerated().filter { $0.offset % step == 0 }.map(\.element)
            for kind in FrameworkViewKind.allCases {
                let fresh = kind.makeView(model: model)
                for width in widths {
                    for height in heights {
                        var screen = fresh
                        screen.resize(width: width, height: height)
                        let context = "\(kind) over \(name) at \(width)x\(height)"
                        checkCells(Fixture.grid(screen, width: width, height: height), context)
                        guard (width + height) % 5 == 0 else { continue }
                        Fixture.press(&screen, "j l G k h PgDn PgUp Tab f r Enter")
                        checkCells(Fixture.grid(screen, width: width, height: height), context)
                    }
                }
            }
        }
    }

    /// Every width from 1 to 300 and every height from 1 to 100, one sweep each, with the
    /// selection moved away from the top.
    func testEveryWidthAndEveryHeight() {
        for kind in FrameworkViewKind.allCases {
            var screen = kind.makeView(model: Fixture.model)
            Fixture.press(&screen, "j j l")
            for width in 1...300 {
                screen.resize(width: width, height: 24)
                checkCells(Fixture.grid(screen, width: width, height: 24), "\(kind) \(width)x24")
            }
            for height in 1...100 {
                screen.resize(width: 80, height: height)
                checkCells(Fixture.grid(screen, width: 80, height: height), "\(kind) 80x\(height)")
            }
        }
    }

    func testTheSelectionStaysOnScreenWhateverIsPressed() {
        for kind in FrameworkViewKind.allCases {
            for (width, height) in [(80, 24), (120, 40), (40, 12), (200, 60)] {
                var screen = Fixture.screen(kind, width: width, height: height)
                for keys in ["j", "l", "j", "G", "h", "k", "PgUp", "l", "j", "j", "Tab", "g"] {
                    Fixture.press(&screen, keys)
                    let grid = Fixture.grid(screen, width: width, height: height)
                    let selected = grid.cells.contains { $0.style == Theme.dark[.selection] }
                    XCTAssertTrue(
                        selected,
                        "\(kind) at \(width)x\(height) after \(keys):\n\(Fixture.dump(grid))")
                }
            }
        }
    }

    func testDrawsOnlyInsideItsRectangle() {
        let marker = Cell(grapheme: "#", style: .plain)
        for kind in FrameworkViewKind.allCases {
            for rect in [
                Rect(x: 7, y: 3, width: 60, height: 20), Rect(x: 0, y: 0, width: 1, height: 1),
                Rect(x: 90, y: 35, width: 50, height: 30),
                Rect(x: -5, y: -5, width: 30, height: 12),
                Rect(x: 10, y: 10, width: 0, height: 5),
            ] {
                var grid = Grid(width: 100, height: 40)
                grid.fill(grid.bounds, with: "#", style: .plain)
                let screen = Fixture.screen(kind, width: rect.width, height: rect.height)
                screen.widget(Fixture.look()).render(in: rect, into: &grid)
                for y in 0..<grid.height {
                    for x in 0..<grid.width where !rect.contains(x: x, y: y) {
                        XCTAssertEqual(grid[x, y], marker, "\(kind) in \(rect) wrote (\(x), \(y))")
                    }
                }
            }
        }
    }

    func testPlainTextFitsItsWidthAndHasNoEscapes() {
        for (name, model) in Self.models {
            for kind in FrameworkViewKind.allCases {
                for width in [60, 80, 120, 1, 10, 30, 200] {
                    let text = kind.plainText(model: model, width: width)
                    Fixture.assertPrintable(text, width: width, "\(kind) over \(name) at \(width)")
                    XCTAssertFalse(text.isEmpty)
                }
            }
        }
    }

    func testPlainTextUsesASCIILines() {
        for kind in FrameworkViewKind.allCases {
            for width in [60, 80, 120] {
                let text = kind.plainText(model: Fixture.model, width: width)
                for symbol in ["─", "│", "┌", "┐", "└", "┘", "├", "┤", "●", "…", "↔", "▸", "·"] {
                    XCTAssertFalse(text.contains(symbol), "\(kind) at \(width) has \(symbol)")
                }
            }
        }
    }

    /// Handouts lose nothing: every case, mechanism and tie note is there in full (wrapped,
    /// so words are compared in order, allowing what the layout puts between them).
    func testPlainTextKeepsEveryCaseAndMechanism() {
        let index = FrameworkIndex(model: Fixture.model)
        let matrix = words(FrameworkViewKind.matrix.plainText(model: Fixture.model, width: 80))
        let atlas = words(FrameworkViewKind.atlas.plainText(model: Fixture.model, width: 60))
        let wideAtlas = words(FrameworkViewKind.atlas.plainText(model: Fixture.model, width: 120))
        let map = words(FrameworkViewKind.map.plainText(model: Fixture.model, width: 60))
        for item in index.cases {
            XCTAssertTrue(contains(atlas, words(item.title)), "atlas lacks \(item.title)")
            XCTAssertTrue(contains(wideAtlas, words(item.title)), "map lacks \(item.title)")
            XCTAssertTrue(contains(matrix, words(item.title)), "matrix lacks \(item.title)")
        }
        for connotation in index.connotations {
            XCTAssertTrue(contains(map, words(connotation.summary)), connotation.summary)
            for mechanism in connotation.mechanisms {
                XCTAssertTrue(contains(matrix, words(mechanism.title)), mechanism.title)
                XCTAssertTrue(contains(map, words(mechanism.title)), mechanism.title)
            }
            for tie in connotation.ties {
                XCTAssertTrue(contains(map, words(tie.note)), "map lacks \(tie.note)")
            }
        }
    }

    /// The words of a text, without the punctuation that ends them.
    private func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "|" }).map { word in
            var word = word
            while let last = word.last, ",;:.".contains(last) { word = word.dropLast() }
            return word
        }
    }

    /// Whether `needle` appears in `haystack` in order, its words at most a table row (or
    /// the other columns of a side-by-side layout) apart.
    private func contains(_ haystack: [Substring], _ needle: [Substring]) -> Bool {
        guard let first = needle.first else { return true }
        for start in haystack.indices where haystack[start] == first {
            var position = start
            var matched = true
            for word in needle.dropFirst() {
                let window = haystack[(position + 1)..<min(haystack.count, position + 60)]
                guard let found = window.firstIndex(of: word) else {
                    matched = false
                    break
                }
                position = found
            }
            if matched { return true }
        }
        return false
    }

    func testASCIITerminalGetsASCII() {
        for kind in FrameworkViewKind.allCases {
            for (width, height) in [(80, 24), (120, 40)] {
                let screen = Fixture.screen(kind, width: width, height: height)
                let grid = Fixture.grid(
                    screen, width: width, height: height, capabilities: .minimal)
                let nonASCII = grid.cells.filter { cell in
                    cell.grapheme.unicodeScalars.contains { !$0.isASCII }
                }
                XCTAssertTrue(
                    nonASCII.isEmpty, "\(kind) at \(width)x\(height): \(nonASCII.map(\.grapheme))")
            }
        }
    }

    func testHostileTextIsShownVisibly() {
        for kind in FrameworkViewKind.allCases {
            let screen = Fixture.screen(kind, model: Fixture.hostileModel, width: 200, height: 60)
            let text = Fixture.dump(Fixture.grid(screen, width: 200, height: 60))
            XCTAssertTrue(text.contains("^["), "\(kind) hides the escape:\n\(text)")
            XCTAssertTrue(text.contains("文化") || text.contains("丝绸"), "\(kind):\n\(text)")
        }
    }

    func testEmptyContentSaysSo() {
        XCTAssertTrue(
            FrameworkViewKind.map.plainText(model: Fixture.emptyModel, width: 80)
                .contains("no connotations"))
        var screen = Fixture.screen(.atlas, model: Fixture.emptyModel, width: 80, height: 24)
        XCTAssertNil(screen.selection)
        XCTAssertEqual(Fixture.press(&screen, "Enter j"), [.handled, .handled])
        XCTAssertTrue(
            Fixture.dump(Fixture.grid(screen, width: 80, height: 24)).contains("No case studies"))
    }
}
