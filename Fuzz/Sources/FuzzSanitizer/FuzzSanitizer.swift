import CaravanUI
import FuzzSupport

/// The text sanitizer and `Grid.write` on arbitrary text: nothing traps, nothing a
/// terminal interprets comes out of `Sanitizer.visible`, and a write never reaches
/// past its `maxWidth` or the grid's edge, nor touches another row.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let tabWidth = Int(input.byte() % 9)
    let gridWidth = Int(input.byte() % 100)
    let x = Int(Int8(bitPattern: input.byte()))
    let maxWidth = Int(Int8(bitPattern: input.byte()))
    let text = String(decoding: input.rest(), as: UTF8.self)

    let visible = Sanitizer.visible(text, tabWidth: tabWidth)
    for scalar in visible.unicodeScalars {
        let value = scalar.value
        require(
            value >= 0x20 && !(0x7F...0x9F).contains(value),
            "control U+\(String(value, radix: 16)) survived")
        require(!Sanitizer.needsReplacement(scalar), "U+\(String(value, radix: 16)) survived")
    }
    require(Sanitizer.isVisible(visible), "visible(text) is not visible")
    require(Sanitizer.visible(visible, tabWidth: tabWidth) == visible, "visible is not idempotent")

    let style = Style(bold: true)
    var grid = Grid(width: gridWidth, height: 3)
    let used = grid.write(text, x: x, y: 1, style: style, maxWidth: maxWidth)
    let limit = max(0, maxWidth)
    require(used >= 0 && used <= limit, "wrote \(used) columns with maxWidth \(maxWidth)")
    let end = min(gridWidth, x + limit)
    for row in 0..<grid.height {
        for column in 0..<grid.width {
            let cell = grid[column, row]
            let inside = row == 1 && column >= x && column < end
            if !inside {
                require(
                    cell == .blank, "write reached \(column),\(row) (x \(x), maxWidth \(maxWidth))")
                continue
            }
            if cell.isContinuation {
                require(
                    column > 0 && grid[column - 1, row].style == style,
                    "a lone right half at \(column)")
                continue
            }
            require(cell.grapheme.count == 1, "a cell holds «\(cell.grapheme)»")
            require(Sanitizer.isVisible(cell.grapheme), "a control reached a cell")
            let wide = DisplayWidth.of(cell.grapheme) == 2
            if wide { require(column + 1 < end, "a wide character crosses the edge at \(column)") }
        }
    }
    return 0
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzSanitizer_main")
public func fuzzSanitizerMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzSanitizer(data, size) }
}
