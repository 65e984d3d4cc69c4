import CaravanContent
import CaravanUI
import FuzzSupport

/// The Markdown renderer: arbitrary text as an entity's body, parsed and laid out for the
/// reader at a width from the input. Nothing may trap; links and matches must point at
/// lines of the page; the page draws into a grid of that width.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let width = Int(input.byte() % 160) + 1
    let searching = input.byte() % 2 == 1
    let body = String(decoding: input.rest(), as: UTF8.self)

    _ = MarkdownParser.parse(body)
    let front = "---\nid: concept/fuzz\nkind: concept\ntitle: Fuzz\n---\n"
    let target = "---\nid: concept/other\nkind: concept\ntitle: Other\n---\nText.\n"
    let reference =
        "---\nid: reference/zhao2019\nkind: reference\ntitle: R\nauthors: [Zhao]\nyear: 2019\n---\n"
    let model = ContentLoader.load(files: [
        SourceFile(path: "fuzz.md", text: front + body), SourceFile(path: "other.md", text: target),
        SourceFile(path: "ref.md", text: reference),
    ])
    guard let entity = model.entity(EntityID(kind: .concept, slug: "fuzz")) else { return 0 }
    let terms = searching ? SearchIndex.words(in: String(body.prefix(12))) : []
    let page = EntityPage.layout(entity, in: model, width: width, searchTerms: terms)
    for link in page.links {
        require(
            link.line >= -1 && link.line < page.lines.count,
            "link at line \(link.line) of \(page.lines.count)")
    }
    for match in page.matches {
        require(
            match >= 0 && match < page.lines.count, "match at line \(match) of \(page.lines.count)")
    }
    var grid = Grid(width: width, height: min(page.lines.count, 200))
    for (y, line) in page.lines.prefix(200).enumerated() {
        var x = 0
        for span in line.spans {
            x += grid.write(span.text, x: x, y: y, maxWidth: width - x)
        }
        require(x <= width, "line \(y) took \(x) columns of \(width)")
    }
    return 0
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzMarkdown(data, size) }
}
