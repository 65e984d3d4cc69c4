import XCTest

@testable import CaravanUI

/// `Grid.write` and `fill` take shortcuts for printable ASCII and one-column fills, and
/// widths have a table-free answer for common blocks; each must give what the general
/// way gives, wide characters cut at the edges included.
final class GridFastPathTests: XCTestCase {
    /// A row with wide characters at odd and even places, to be cut.
    private func patterned(width: Int) -> Grid {
        var grid = Grid(width: width, height: 3)
        grid.write("文a化bc産業de字", x: 0, y: 1, style: Style(bold: true))
        grid.write("漢字", x: max(0, width - 4), y: 1, style: Style(italic: true))
        return grid
    }

    /// What `write` did before its shortcut: each character set through the subscript.
    private func referenceWrite(
        _ grid: inout Grid, _ text: String, x: Int, y: Int, style: Style, maxWidth: Int?
    ) -> Int {
        let limit = maxWidth.map { max(0, $0) } ?? Int.max
        guard limit > 0, x < grid.width else { return 0 }
        let end = min(grid.width, x + min(limit, 100_000))
        var column = x
        for character in text {
            guard column < end else { break }
            if column >= 0 { grid[column, y] = Cell(grapheme: String(character), style: style) }
            column += 1
        }
        return column - x
    }

    func testASCIIWritesMatchCharacterByCharacter() {
        let style = Style(fg: .red, underline: true)
        for width in [1, 5, 12, 17] {
            for x in -3...(width + 1) {
                for maxWidth in [nil, -1, 0, 1, 3, 7, 40] {
                    for text in ["", "a", "hello", "a longer line of text", "~ !"] {
                        for y in [-1, 1, 3] {
                            var fast = patterned(width: width)
                            var slow = fast
                            let used = fast.write(
                                text, x: x, y: y, style: style, maxWidth: maxWidth)
                            let expected = referenceWrite(
                                &slow, text, x: x, y: y, style: style, maxWidth: maxWidth)
                            let name =
                                "«\(text)» at \(x),\(y) in \(width), maxWidth \(String(describing: maxWidth))"
                            XCTAssertEqual(used, expected, name)
                            XCTAssertEqual(fast, slow, name)
                        }
                    }
                }
            }
        }
    }

    func testOneColumnFillsMatchCellByCell() {
        let style = Style(bg: .blue)
        for width in [3, 9, 16] {
            for x in -2...width {
                for span in [0, 1, 2, 5, 20] {
                    for character in [" " as Character, "─", "x"] {
                        var fast = patterned(width: width)
                        var slow = fast
                        let rect = Rect(x: x, y: 0, width: span, height: 3)
                        fast.fill(rect, with: character, style: style)
                        let area = rect.intersection(slow.bounds)
                        if !area.isEmpty {
                            for y in area.y..<area.maxY {
                                for column in area.x..<area.maxX {
                                    slow[column, y] = Cell(
                                        grapheme: String(character), style: style)
                                }
                            }
                        }
                        XCTAssertEqual(fast, slow, "«\(character)» over \(rect) in \(width)")
                    }
                }
            }
        }
    }

    func testBlitsMatchCellByCell() {
        var source = Grid(width: 7, height: 2)
        source.write("a文b化", x: 0, y: 0, style: Style(dim: true))
        source.write("xyz字", x: 1, y: 1, style: Style(reverse: true))
        for width in [4, 9, 12] {
            for x in -4...(width + 1) {
                for y in -2...3 {
                    var fast = patterned(width: width)
                    var slow = fast
                    fast.blit(source, x: x, y: y)
                    for sourceY in 0..<source.height {
                        var sourceX = 0
                        while sourceX < source.width {
                            let cell = source[sourceX, sourceY]
                            let wide =
                                source[sourceX + 1, sourceY].isContinuation
                                && sourceX + 1 < source.width
                            let cellWidth = wide ? 2 : 1
                            let (targetX, targetY) = (x + sourceX, y + sourceY)
                            if targetX >= 0 && targetX + cellWidth <= width {
                                let glyph = cell.grapheme.first.map(String.init) ?? " "
                                slow[targetX, targetY] = Cell(grapheme: glyph, style: cell.style)
                            } else if max(targetX, 0) < min(targetX + cellWidth, width) {
                                for column in max(targetX, 0)..<min(targetX + cellWidth, width) {
                                    slow[column, targetY] = Cell(grapheme: " ", style: cell.style)
                                }
                            }
                            sourceX += cellWidth
                        }
                    }
                    XCTAssertEqual(fast, slow, "blit at \(x),\(y) onto \(width)")
                }
            }
        }
    }

    func testCommonNarrowBlocksAreOneColumn() {
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x2010...0x2027, 0x2500...0x25FC]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let properties = scalar.properties
                var expected = 1
                switch properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format, .control: expected = 0
                default: if properties.isEmojiPresentation { expected = 2 }
                }
                if value == 0xAD { expected = 1 }
                XCTAssertEqual(DisplayWidth.of(scalar), expected, "U+\(String(value, radix: 16))")
            }
        }
    }

    func testASCIITokensMatchCharacterByCharacter() {
        func reference(_ text: String) -> [String] {
            var tokens: [String] = []
            var current = ""
            var inSpace = false
            for character in text {
                let isSpace = character == " " || character == "\n" || character == "\t"
                if isSpace != inSpace, !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                inSpace = isSpace
                current.append(isSpace ? " " : character)
            }
            if !current.isEmpty { tokens.append(current) }
            return tokens
        }
        let texts = [
            "", " ", "a", " a", "a ", "two  words\there", "\n\nlines\n", "x\u{1}y z", "~!@ #$",
            "a\r\nb", "caf\u{E9} au lait", " \u{301}mark",
        ]
        for text in texts {
            XCTAssertEqual(
                LayoutBuilder.tokens(text), reference(text), "«\(text.debugDescription)»")
        }
        XCTAssertNil(LayoutBuilder.asciiTokens("a\r\nb"))
        XCTAssertNil(LayoutBuilder.asciiTokens("caf\u{E9}"))
    }

    func testPrintableASCIICheck() {
        XCTAssertTrue(Sanitizer.isPrintableASCII(""))
        XCTAssertTrue(Sanitizer.isPrintableASCII(" ~az09"))
        XCTAssertFalse(Sanitizer.isPrintableASCII("a\u{7F}"))
        XCTAssertFalse(Sanitizer.isPrintableASCII("tab\t"))
        XCTAssertFalse(Sanitizer.isPrintableASCII("é"))
        XCTAssertFalse(Sanitizer.isPrintableASCII("\u{1B}[31m"))
        let bridged = ("abc" as NSStringLike).text
        XCTAssertTrue(Sanitizer.isPrintableASCII(bridged))
    }
}

/// A string that may not be stored contiguously, for the slower path.
private struct NSStringLike: ExpressibleByStringLiteral {
    var text: String
    init(stringLiteral value: String) { text = String(value.reversed().reversed()) }
}
