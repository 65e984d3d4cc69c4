import CaravanContent
import FuzzSupport

/// The content loader on arbitrary bytes as one file: it must never trap, and what it
/// reports must point into that file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContentLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let bytes = input.rest()
    let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let model = ContentLoader.load(files: [SourceFile(path: "fuzz.md", bytes: bytes)])
    for diagnostic in model.diagnostics {
        let location = diagnostic.location
        require(location.path == "fuzz.md", "diagnostic for another file: \(diagnostic.formatted)")
        require(
            location.line >= 1 && location.column >= 1 && location.line <= lines,
            "diagnostic outside the file's \(lines) lines: \(diagnostic.formatted)")
        require(!diagnostic.message.isEmpty, "empty message at \(diagnostic.formatted)")
    }
    for link in model.links {
        require(
            model.contains(link.source) && model.contains(link.target),
            "link between unknown entities: \(link)")
    }
    for entity in model.entities {
        _ = model.search.search(entity.title, limit: 5)
    }
    return 0
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzContentLoader_main")
public func fuzzContentLoaderMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzContentLoader(data, size) }
}
