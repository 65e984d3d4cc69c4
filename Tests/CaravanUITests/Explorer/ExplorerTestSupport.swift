import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// An explorer over the shipped content, at a terminal size.
func makeExplorer(
    width: Int, height: Int, start: String? = nil, capabilities: Capabilities = .full,
    file: StaticString = #filePath, line: UInt = #line
) throws -> Explorer {
    let model = TestContent.model
    var startID: EntityID?
    if let start {
        let id = try XCTUnwrap(EntityID(start), "\(start) is not an id", file: file, line: line)
        XCTAssertTrue(model.contains(id), "\(start) is not in the content", file: file, line: line)
        startID = id
    }
    return Explorer(
        model: model, width: width, height: height, start: startID, capabilities: capabilities)
}

/// Presses keys given by name, separated by spaces (`"5 j"`, `"/ a l"`, `"Tab Enter"`);
/// a name `Key(name:)` does not know fails the test. Returns every effect, in order.
@discardableResult
func press(
    _ explorer: inout Explorer, _ keys: String, file: StaticString = #filePath, line: UInt = #line
) -> [Effect] {
    var effects: [Effect] = []
    for name in keys.split(separator: " ") {
        guard let key = Key(name: String(name)) else {
            XCTFail("unknown key name «\(name)»", file: file, line: line)
            continue
        }
        effects += explorer.update(.key(key))
    }
    return effects
}

/// Types text into a prompt, one character key per character.
func typeText(_ explorer: inout Explorer, _ text: String) {
    for character in text {
        _ = explorer.update(.key(.character(character)))
    }
}

/// Resizes the explorer as a terminal would.
func resize(_ explorer: inout Explorer, width: Int, height: Int) {
    _ = explorer.update(.resize(width: width, height: height))
}

/// The explorer drawn at the size its state holds.
func render(_ explorer: Explorer) -> Grid {
    explorer.view().grid
}

/// The text of a grid, row by row, for golden files and `contains` checks.
func dump(_ grid: Grid) -> String {
    grid.textLines().joined(separator: "\n")
}

/// The rendered text of the explorer's reader pane: the lines of its page, as laid out.
func pageText(_ explorer: Explorer) -> [String] {
    explorer.page.lines.map(\.text)
}

/// The first row of a grid whose text contains `needle`, with the row's text.
func firstRow(containing needle: String, in grid: Grid) -> (y: Int, text: String)? {
    for (y, text) in grid.textLines().enumerated() where text.contains(needle) {
        return (y, text)
    }
    return nil
}

/// The column of the cell where `needle` starts on row `y`, counting continuation cells.
func column(of needle: String, row y: Int, in grid: Grid) -> Int? {
    let cells = Array(grid.row(y))
    let first = needle.first.map(String.init)
    for start in cells.indices where cells[start].grapheme == first {
        var x = start
        var matched = true
        for character in needle {
            guard x < cells.count, cells[x].grapheme == String(character) else {
                matched = false
                break
            }
            x += 1
            while x < cells.count, cells[x].isContinuation { x += 1 }
        }
        if matched { return start }
    }
    return nil
}

/// The pane rectangles the explorer lays out for its state.
func panes(_ explorer: Explorer) -> [(pane: Pane, rect: Rect)] {
    explorer.paneLayout.panes
}

/// The id of an entity, failing the test when the text is no id.
func entityID(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws
    -> EntityID
{
    try XCTUnwrap(EntityID(text), "\(text) is not an id", file: file, line: line)
}

/// The text of the cells inside a rectangle, row by row, trailing spaces trimmed.
func cellText(in rect: Rect, of grid: Grid) -> [String] {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return [] }
    return (area.y..<area.maxY).map { y in
        var line = ""
        for x in area.x..<area.maxX where !grid[x, y].isContinuation {
            line += grid[x, y].grapheme
        }
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// The text the navigator pane shows.
func navigatorText(_ explorer: Explorer) throws -> String {
    let rect = try XCTUnwrap(explorer.paneLayout.rect(of: .navigator), "no navigator on screen")
    return cellText(in: rect, of: render(explorer)).joined(separator: "\n")
}
