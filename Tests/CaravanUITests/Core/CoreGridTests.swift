import XCTest

@testable import CaravanUI

final class CoreGridTests: XCTestCase {
    private let red = Style(fg: .red)

    func testNewGridIsBlank() {
        let grid = Grid(width: 3, height: 2)
        XCTAssertEqual(grid.cells.count, 6)
        XCTAssertTrue(grid.cells.allSatisfy { $0 == .blank })
        XCTAssertEqual(grid.textLines(), ["", ""])
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), ["   ", "   "])
    }

    func testWriteASCII() {
        var grid = Grid(width: 10, height: 2)
        XCTAssertEqual(grid.write("hello", x: 2, y: 1, style: red), 5)
        XCTAssertEqual(grid.textLines(), ["", "  hello"])
        XCTAssertEqual(grid[2, 1], Cell(grapheme: "h", style: red))
        XCTAssertEqual(grid[1, 1], .blank)
    }

    func testWideCharactersTakeTwoCells() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.write("中文", x: 0, y: 0), 4)
        XCTAssertEqual(grid[0, 0].grapheme, "中")
        XCTAssertTrue(grid[1, 0].isContinuation)
        XCTAssertEqual(grid[2, 0].grapheme, "文")
        XCTAssertTrue(grid[3, 0].isContinuation)
        XCTAssertEqual(grid.textLines(), ["中文"])
    }

    func testWideCharacterAtRightEdgeIsNotSplit() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("ab中文", x: 0, y: 0), 5)
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), ["ab中 "])
        XCTAssertEqual(grid[4, 0].grapheme, " ")
        XCTAssertFalse(grid.cells.contains { $0.grapheme == "文" })
    }

    func testWideCharacterAtMaxWidthIsNotSplit() {
        var grid = Grid(width: 10, height: 1)
        grid.write("xxxxxxxxxx", x: 0, y: 0)
        XCTAssertEqual(grid.write("中文", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(grid.textLines(), ["x中 xxxxxx"])
    }

    func testClippingToTheRightEdgeAndMaxWidth() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("abcdefgh", x: 2, y: 0), 3)
        XCTAssertEqual(grid.textLines(), ["  abc"])
        var limited = Grid(width: 10, height: 1)
        XCTAssertEqual(limited.write("abcdefgh", x: 1, y: 0, maxWidth: 4), 4)
        XCTAssertEqual(limited.textLines(), [" abcd"])
        XCTAssertEqual(limited.write("zzz", x: 0, y: 0, maxWidth: 0), 0)
        XCTAssertEqual(limited.write("zzz", x: 0, y: 0, maxWidth: -3), 0)
        XCTAssertEqual(limited.textLines(), [" abcd"])
    }

    func testNegativeXClipsOnTheLeft() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("abcdef", x: -2, y: 0), 6, "two columns off the grid, four on it")
        XCTAssertEqual(grid.textLines(), ["cdef"])
        var wide = Grid(width: 4, height: 1)
        wide.write("中文x", x: -1, y: 0)
        XCTAssertEqual(
            wide.textLines(trimTrailingSpaces: false), [" 文x"],
            "a half-visible wide character becomes a space")
    }

    func testOutOfRangeWritesNeverTrap() {
        var grid = Grid(width: 4, height: 2)
        let positions = [
            (Int.min, Int.min), (Int.max, Int.max), (Int.min, 0), (0, Int.max), (-1, -1), (4, 0),
            (0, 2), (3, 1), (Int.max - 1, 0), (-5, 1),
        ]
        for (x, y) in positions {
            _ = grid.write("中文abc", x: x, y: y, style: red)
            _ = grid.write("x", x: x, y: y, maxWidth: Int.max)
            _ = grid.write("x", x: x, y: y, maxWidth: Int.min)
            grid[x, y] = Cell(grapheme: "z")
            _ = grid[x, y]
            grid.fill(Rect(x: x, y: y, width: Int.max, height: Int.max), style: red)
            grid.fill(Rect(x: x, y: y, width: 3, height: 3), with: "中", style: .plain)
            grid.drawBox(Rect(x: x, y: y, width: 5, height: 5), chars: .unicode, style: .plain)
            grid.restyle(Rect(x: x, y: y, width: 2, height: 2)) { $0.bold = true }
            grid.blit(Grid(width: 3, height: 3), x: x, y: y)
        }
        XCTAssertEqual(grid.cells.count, 8)
        XCTAssertEqual(grid.write("ab", x: Int.max, y: 0), 0)
        XCTAssertEqual(
            grid.write("ab", x: 0, y: Int.max), 2, "the result does not depend on the row")
    }

    func testEmptyGridsNeverTrap() {
        for (width, height) in [(0, 0), (0, 5), (5, 0), (-3, -3), (Int.min, Int.max)] {
            var grid = Grid(width: width, height: height)
            XCTAssertGreaterThanOrEqual(grid.width, 0)
            XCTAssertGreaterThanOrEqual(grid.height, 0)
            XCTAssertEqual(grid.cells.count, grid.width * grid.height)
            XCTAssertEqual(grid.write("hello 中文", x: 0, y: 0), min(grid.width, 10))
            XCTAssertEqual(grid.cells.count, grid.width * grid.height)
            grid.fill(grid.bounds, style: red)
            grid.fill(Rect(x: -1, y: -1, width: 10, height: 10), style: red)
            grid.drawBox(Rect(width: 10, height: 10), chars: .ascii, style: .plain)
            grid.blit(Grid(width: 2, height: 2), x: 0, y: 0)
            grid[0, 0] = Cell(grapheme: "q")
            XCTAssertEqual(grid[0, 0], .blank)
            XCTAssertEqual(grid.textLines().count, grid.height)
            XCTAssertTrue(grid.row(0).isEmpty || grid.width > 0)
        }
    }

    func testHugeSizesAreClamped() {
        let grid = Grid(width: Int.max, height: 1)
        XCTAssertEqual(grid.width, Grid.maximumDimension)
        XCTAssertEqual(grid.cells.count, Grid.maximumDimension)
    }

    func testControlsNeverLandInACell() {
        var grid = Grid(width: 40, height: 3)
        grid.write("a\u{1B}]0;x\u{07}b\u{9B}c\u{202E}d\n", x: 0, y: 0)
        grid[0, 1] = Cell(grapheme: "\u{1B}")
        grid.fill(Rect(x: 0, y: 2, width: 3, height: 1), with: "\u{7F}", style: .plain)
        for cell in grid.cells {
            for scalar in cell.grapheme.unicodeScalars {
                XCTAssertFalse(
                    Sanitizer.needsReplacement(scalar),
                    "U+\(String(scalar.value, radix: 16)) in a cell")
            }
        }
        XCTAssertEqual(grid.textLines(), ["a^[]0;x^Gb<U+009B>c<U+202E>d^J", "^", "^^^"])
    }

    func testLoneCombiningMarkSitsOnASpace() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.write("\u{301}a", x: 0, y: 0), 2)
        XCTAssertEqual(grid[0, 0].grapheme, " \u{301}")
        XCTAssertEqual(grid[1, 0].grapheme, "a")
    }

    func testCombinedCharacterIsOneCell() {
        var grid = Grid(width: 4, height: 1)
        XCTAssertEqual(grid.write("e\u{301}x", x: 0, y: 0), 2)
        XCTAssertEqual(grid[0, 0].grapheme, "e\u{301}")
        XCTAssertEqual(grid[1, 0].grapheme, "x")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.write("中文", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), [" x文  "])
        grid.write("y", x: 2, y: 0)
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), [" xy   "])
        XCTAssertFalse(grid.cells.contains { $0.isContinuation })
    }

    func testWideOverWideKeepsPairsIntact() {
        var grid = Grid(width: 6, height: 1)
        grid.write("中文字", x: 0, y: 0)
        grid.write("一", x: 1, y: 0)
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), [" 一 字"])
        assertWidePairsIntact(grid)
    }

    func testSubscriptSetterPlacesWideCharacters() {
        var grid = Grid(width: 3, height: 1)
        grid[0, 0] = Cell(grapheme: "中", style: red)
        XCTAssertTrue(grid[1, 0].isContinuation)
        grid[2, 0] = Cell(grapheme: "文")
        XCTAssertEqual(grid[2, 0].grapheme, " ", "no room for the right half")
        grid[0, 0] = Cell(grapheme: "")
        XCTAssertEqual(
            grid[0, 0].grapheme, " ",
            "a continuation cell cannot be set where there is no head")
        assertWidePairsIntact(grid)
    }

    func testFillAndRestyle() {
        var grid = Grid(width: 5, height: 3)
        grid.write("abcde", x: 0, y: 1)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: red)
        XCTAssertEqual(grid.textLines(), ["", "a  de", ""])
        XCTAssertEqual(grid[1, 0].style, red)
        XCTAssertEqual(grid[3, 0].style, .plain)
        grid.restyle(Rect(x: 0, y: 1, width: 5, height: 1)) { $0.reverse = true }
        XCTAssertEqual(grid.textLines(), ["", "a  de", ""], "restyle keeps the text")
        XCTAssertTrue(grid.row(1).allSatisfy { $0.style.reverse })
        XCTAssertFalse(grid.row(2).contains { $0.style.reverse })
    }

    func testFillWithWideCharacterPadsOddWidths() {
        var grid = Grid(width: 5, height: 1)
        grid.fill(grid.bounds, with: "中", style: .plain)
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), ["中中 "])
        assertWidePairsIntact(grid)
    }

    func testDrawBox() {
        var grid = Grid(width: 5, height: 3)
        grid.drawBox(grid.bounds, chars: .ascii, style: .plain)
        XCTAssertEqual(grid.textLines(), ["+---+", "|   |", "+---+"])
        var unicode = Grid(width: 4, height: 4)
        unicode.drawBox(Rect(x: 1, y: 1, width: 3, height: 3), chars: .unicode, style: .plain)
        XCTAssertEqual(unicode.textLines(), ["", " ┌─┐", " │ │", " └─┘"])
    }

    func testBlitClipsAndKeepsWideCharactersWhole() {
        var source = Grid(width: 4, height: 1)
        source.write("中ab", x: 0, y: 0, style: red)
        var target = Grid(width: 5, height: 2)
        target.blit(source, x: 2, y: 1)
        XCTAssertEqual(target.textLines(), ["", "  中a"])
        XCTAssertEqual(target[2, 1].style, red)
        var cut = Grid(width: 3, height: 1)
        cut.blit(source, x: -1, y: 0)
        XCTAssertEqual(cut.textLines(trimTrailingSpaces: false), [" ab"])
        assertWidePairsIntact(target)
        assertWidePairsIntact(cut)
    }

    func testMeasureMatchesWrite() {
        for text in ["plain", "中文 mix", "\u{1B}[6n", "\u{301}x", "tab\there", "a\u{202E}b"] {
            var grid = Grid(width: 200, height: 1)
            XCTAssertEqual(Grid.measure(text), grid.write(text, x: 0, y: 0), text.debugDescription)
        }
    }

    func testTextLinesSkipContinuationCells() {
        var grid = Grid(width: 8, height: 1)
        grid.write("a中b  ", x: 0, y: 0)
        XCTAssertEqual(grid.textLines(), ["a中b"])
        XCTAssertEqual(grid.textLines(trimTrailingSpaces: false), ["a中b    "])
    }

    func testRowSlices() {
        var grid = Grid(width: 3, height: 2)
        grid.write("xyz", x: 0, y: 1)
        XCTAssertEqual(grid.row(1).map(\.grapheme), ["x", "y", "z"])
        XCTAssertTrue(grid.row(2).isEmpty)
        XCTAssertTrue(grid.row(-1).isEmpty)
    }

    func testRandomWritesKeepTheInvariants() {
        var generator = SplitMix(seed: 42)
        let pieces = [
            "a", "中", "文字", "😀", "e\u{301}", "\u{301}", "\u{1B}[6n", "\u{9B}", "\t", "\u{202E}",
            " ",
            "🇨🇳", "ｶ", "한", "\u{200B}", "x\u{7F}",
        ]
        var grid = Grid(width: 13, height: 4)
        for _ in 0..<2000 {
            let text = (0..<generator.next(upTo: 6)).map { _ in
                pieces[generator.next(upTo: pieces.count)]
            }.joined()
            let x = generator.next(upTo: 20) - 5
            let y = generator.next(upTo: 6) - 1
            switch generator.next(upTo: 4) {
            case 0:
                let maxWidth = generator.next(upTo: 3) == 0 ? nil : generator.next(upTo: 8)
                let used = grid.write(text, x: x, y: y, maxWidth: maxWidth)
                XCTAssertLessThanOrEqual(used, maxWidth ?? Int.max)
                XCTAssertLessThanOrEqual(used, max(0, grid.width - x))
            case 1:
                grid.fill(
                    Rect(x: x, y: y, width: generator.next(upTo: 5), height: 2),
                    with: text.first ?? "中", style: .plain)
            case 2:
                grid[x, y] = Cell(grapheme: text)
            default:
                var source = Grid(width: generator.next(upTo: 6), height: 2)
                source.write(text, x: 0, y: 0)
                grid.blit(source, x: x, y: y)
            }
            assertWidePairsIntact(grid)
            for cell in grid.cells where !cell.isContinuation {
                XCTAssertEqual(cell.grapheme.count, 1)
                XCTAssertTrue(Sanitizer.isVisible(cell.grapheme))
            }
        }
    }

    /// Every wide head is followed by a continuation and every continuation
    /// follows a wide head.
    private func assertWidePairsIntact(
        _ grid: Grid, file: StaticString = #filePath, line: UInt = #line
    ) {
        for y in 0..<grid.height {
            let row = Array(grid.row(y))
            for x in 0..<row.count {
                if row[x].isContinuation {
                    XCTAssertTrue(
                        x > 0 && DisplayWidth.of(row[x - 1].grapheme) == 2,
                        "orphan continuation at \(x),\(y)", file: file, line: line)
                } else if DisplayWidth.of(row[x].grapheme) == 2 {
                    XCTAssertTrue(
                        x + 1 < row.count && row[x + 1].isContinuation,
                        "wide head without continuation at \(x),\(y)", file: file, line: line)
                }
            }
        }
    }
}

/// A small deterministic random number generator for repeatable tests.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(max(1, bound)))
    }
}
