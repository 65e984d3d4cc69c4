import CaravanContent
import CaravanTerminal
import CaravanUI
import FuzzSupport

/// A small content model for the explorer the decoded keys drive.
private let model = ContentLoader.load(files: [
    SourceFile(
        path: "paper.md",
        text: "---\nid: paper/p\nkind: paper\ntitle: Paper\nauthors:\n  - name: A\n---\n"
            + "See [one](concept/one), [two](concept/two) and [@zhao2019].\n"),
    SourceFile(
        path: "one.md",
        text:
            "---\nid: concept/one\nkind: concept\ntitle: One \u{1B}[31m\ndiscussed-in: [section/s]\n---\n"
            + String(repeating: "Words of text that wrap. ", count: 40) + "\n"),
    SourceFile(
        path: "two.md",
        text:
            "---\nid: concept/two\nkind: concept\ntitle: 文化 two\ndiscussed-in: [section/s]\n---\nBack to [one](concept/one).\n"
    ),
    SourceFile(
        path: "s.md",
        text:
            "---\nid: section/s\nkind: section\ntitle: S\nnumber: \"1\"\nparent: paper/p\n---\nBody.\n"
    ),
    SourceFile(
        path: "r.md",
        text:
            "---\nid: reference/zhao2019\nkind: reference\ntitle: R\nauthors: [Zhao]\nyear: 2019\ndiscussed-in: [section/s]\n---\n"
    ),
])

/// The key decoder on arbitrary key codes and characters: nothing may trap, a decoded
/// key is never a control character and reads back from its name, and the explorer
/// that receives the keys keeps its invariants and draws a frame of the right size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    var explorer = Explorer(model: model, width: 80, height: 24)
    var events = 0
    while !input.isAtEnd, events < 64 {
        let selector = input.byte()
        let value = input.uint32()
        let decoded: DecodedInput
        switch selector % 4 {
        case 0: decoded = KeyDecoder.decode(keyCode: Int32(bitPattern: value))
        case 1: decoded = KeyDecoder.decode(keyCode: Int32(value % 0x200))
        case 2: decoded = KeyDecoder.decode(character: value % 0x180)
        default: decoded = KeyDecoder.decode(character: value)
        }
        guard case .event(let event) = decoded else {
            if selector & 0x80 != 0 {
                _ = explorer.update(
                    .resize(width: Int(value % 200), height: Int((value >> 8) % 70)))
            }
            continue
        }
        if case .key(let key) = event {
            if case .character(let character) = key {
                let controls = character.unicodeScalars.filter {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                }
                require(
                    controls.isEmpty,
                    "control character decoded as a key: \(character.unicodeScalars.map(\.value))")
            }
            require(
                Key(name: key.name) == key,
                "key \(key) does not read back from its name «\(key.name)»")
        }
        if event == .interrupt || event == .terminate { continue }
        events += 1
        _ = explorer.update(event)
        check(explorer)
    }
    return 0
}

private func check(_ explorer: Explorer) {
    let state = explorer.state
    require(
        explorer.rows.isEmpty
            ? state.navigatorSelection == 0
            : explorer.rows.indices.contains(state.navigatorSelection),
        "navigator selection \(state.navigatorSelection) of \(explorer.rows.count)")
    require(
        state.history.indices.contains(state.historyIndex), "history index \(state.historyIndex)")
    require(explorer.model.contains(state.current), "current entity \(state.current) unknown")
    let frame = explorer.view()
    require(
        frame.grid.width == state.width && frame.grid.height == state.height,
        "frame \(frame.grid.width)x\(frame.grid.height) for \(state.width)x\(state.height)")
    for cell in frame.grid.cells where !cell.isContinuation {
        require(
            Sanitizer.isVisible(cell.grapheme),
            "a control reached a cell: \(cell.grapheme.unicodeScalars.map(\.value))")
        require(cell.grapheme.count == 1, "a cell holds «\(cell.grapheme)»")
    }
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzKeyDecoder_main")
public func fuzzKeyDecoderMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzKeyDecoder(data, size) }
}
