import CaravanContent
import XCTest

@testable import CaravanUI

/// Untrusted content: escape sequences, controls and invisible characters never reach a
/// cell, and wide characters always fill two cells.
final class SafetyTests: XCTestCase {
    static let cjkTitle = "文化产业与一带一路倡议"

    /// A concept with a Chinese title, and a case whose title and body carry terminal
    /// escape sequences (written as YAML escapes in the title, raw in the body).
    static let model: ContentModel = {
        let concept = """
            ---
            id: concept/cultural-industry
            kind: concept
            title: \(cjkTitle)
            summary: A concept with a wide title.
            ---
            See [the hostile case](case/hostile).

            """
        let title =
            #"Hostile \e[6n \e]0;pwned\a \e]8;;http://x\e\\link \e]52;c;ZGF0YQ==\a "#
            + #"\e[21t \x9B \x7F \u202E \u200B end"#
        let body = [
            "Before \u{1B}[6n after.", "Title \u{1B}]0;pwned\u{07} set.",
            "Link \u{1B}]8;;http://x\u{1B}\\text\u{1B}]8;;\u{1B}\\ shown.",
            "Clip \u{1B}]52;c;ZGF0YQ==\u{07} board.", "Size \u{1B}[21t report.",
            "CSI \u{9B}6n c1.", "Del \u{7F} gone.", "Bidi \u{202E}reversed\u{202C} text.",
            "Zero\u{200B}width space.",
        ].joined(separator: " ")
        let hostile = """
            ---
            id: case/hostile
            kind: case
            title: "\(title)"
            region: China
            illustrates: [concept/cultural-industry]
            ---
            \(body)

            """
        return ContentLoader.load(files: [
            SourceFile(path: "concepts/cultural-industry.md", text: concept),
            SourceFile(path: "cases/hostile.md", text: hostile),
        ])
    }()

    private func explorer(width: Int, height: Int, start: String) throws -> Explorer {
        let id = try entityID(start)
        XCTAssertTrue(Self.model.contains(id), "\(start) did not load: \(Self.model.diagnostics)")
        return Explorer(model: Self.model, width: width, height: height, start: id)
    }

    // MARK: Escape sequences and controls

    func testTitleKeepsItsControlsAsLoaded() throws {
        let entity = try XCTUnwrap(Self.model.entity(try entityID("case/hostile")))
        let scalars = entity.title.unicodeScalars.map(\.value)
        for value: UInt32 in [0x1B, 0x07, 0x9B, 0x7F, 0x202E, 0x200B] {
            XCTAssertTrue(scalars.contains(value), "the fixture should carry U+\(value)")
        }
    }

    func testNoControlReachesACellAnywhere() throws {
        var frames: [(String, Grid)] = []
        var explorer = try explorer(width: 120, height: 30, start: "case/hostile")
        frames.append(("reader", render(explorer)))
        press(&explorer, "l")
        frames.append(("context", render(explorer)))
        press(&explorer, "/")
        typeText(&explorer, "hostile")
        frames.append(("search", render(explorer)))
        press(&explorer, "Esc :")
        typeText(&explorer, "hostile")
        frames.append(("jump", render(explorer)))
        press(&explorer, "Esc")
        // The concept's context pane lists the case by its title.
        explorer.open(try entityID("concept/cultural-industry"), pushing: true)
        frames.append(("concept", render(explorer)))
        for width in [40, 60, 80] {
            var narrow = try self.explorer(width: width, height: 20, start: "case/hostile")
            frames.append(("reader at \(width)", render(narrow)))
            press(&narrow, "h")
            frames.append(("navigator at \(width)", render(narrow)))
            press(&narrow, "l l")
            frames.append(("context at \(width)", render(narrow)))
        }

        for (name, grid) in frames {
            for (index, cell) in grid.cells.enumerated() {
                let bad = cell.grapheme.unicodeScalars.filter(Self.isForbidden)
                XCTAssertTrue(
                    bad.isEmpty,
                    "\(name): cell \(index % grid.width),\(index / grid.width) holds "
                        + bad.map { "U+" + String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
    }

    func testControlsAreShownVisibly() throws {
        let explorer = try explorer(width: 120, height: 30, start: "case/hostile")
        let screen = dump(render(explorer))
        for visible in [
            "Hostile", "^[[6n", "^[]0;pwned^G", "^[]52;c;ZGF0YQ==^G", "^[[21t", "<U+009B>",
            "^?", "<U+202E>", "<U+200B>", "Before", "after.", "<U+009B>6n", "Del ^? gone.",
            "<U+202E>reversed<U+202C>", "Zero<U+200B>width", "^[]8;;http://x^[\\text",
        ] {
            XCTAssertTrue(screen.contains(visible), "«\(visible)» is not on screen:\n\(screen)")
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x202E
            || value == 0x200B
    }

    // MARK: Wide characters

    func testCJKTitleTakesTwoCellsPerCharacter() throws {
        let explorer = try explorer(width: 120, height: 30, start: "concept/cultural-industry")
        let grid = render(explorer)
        let row = try XCTUnwrap(firstRow(containing: Self.cjkTitle, in: grid), dump(grid))
        let start = try XCTUnwrap(column(of: Self.cjkTitle, row: row.y, in: grid))
        for (offset, character) in Self.cjkTitle.enumerated() {
            let x = start + 2 * offset
            XCTAssertEqual(grid[x, row.y].grapheme, String(character))
            XCTAssertTrue(grid[x + 1, row.y].isContinuation, "the right half of \(character)")
        }
    }

    func testWideCharactersAreNeverSplitAtAPaneEdge() throws {
        var checked = 0
        for width in 40...140 {
            for keys in ["", "h", "l", "z"] {
                var explorer = try explorer(width: width, height: 14, start: "case/hostile")
                press(&explorer, keys)
                let grid = render(explorer)
                let name = "\(width) columns after «\(keys)»"
                assertWideCharactersWhole(grid, name)
                for (index, entry) in panes(explorer).enumerated() where index > 0 {
                    for y in entry.rect.y..<entry.rect.maxY {
                        XCTAssertEqual(grid[entry.rect.x, y].grapheme, "│", "\(name), row \(y)")
                    }
                }
                if dump(grid).contains("文化") { checked += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 100, "the wide title should be on screen in most frames")
    }

    /// Every wide character has its continuation cell, and every continuation its head.
    private func assertWideCharactersWhole(
        _ grid: Grid, _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                XCTAssertFalse(
                    cell.isContinuation, "\(name): a lone right half at \(x),\(y)", file: file,
                    line: line)
                let wide = cell.grapheme.first.map(DisplayWidth.of) == 2
                if wide {
                    XCTAssertTrue(
                        x + 1 < grid.width && grid[x + 1, y].isContinuation,
                        "\(name): «\(cell.grapheme)» at \(x),\(y) has no right half", file: file,
                        line: line)
                    x += 2
                } else {
                    x += 1
                }
            }
        }
    }
}
