import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The shipped content and helpers for the framework screens' tests.
enum FrameworkFixture {
    /// The repository root: this file is `Tests/CaravanUITests/Framework/...`. Symbolic
    /// links are resolved first, so a package that links the tests in still finds it.
    static let repository = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The paper's content, loaded once for every test.
    static let model: ContentModel = ContentLoader.load(
        folder: repository.appendingPathComponent("Content", isDirectory: true).path)

    /// Content with hostile and wide text in every field the screens show: escape
    /// sequences, C1 controls, bidi overrides, Chinese titles, an emoji.
    static let hostileModel: ContentModel = {
        let escape = #"\e[2J\e]0;pwned\a \x9B6n \u202E"#
        let files = [
            SourceFile(
                path: "connotations/wide.md",
                text: """
                    ---
                    id: connotation/wide
                    kind: connotation
                    title: "文化产业人文内涵 \(escape) 🚀"
                    field: "文化领域 \(escape)"
                    lever: "\(escape) 文化产业理念"
                    summary: "文化产业通过理念加强一带一路的文化领域 \(escape)"
                    relations:
                      - to: concept/links
                        note: "民心相通 \(escape) 人才"
                    ---
                    """),
            SourceFile(
                path: "mechanisms/talent.md",
                text: """
                    ---
                    id: mechanism/talent
                    kind: mechanism
                    title: "人才培养 \(escape)"
                    connotation: connotation/wide
                    ---
                    """),
            SourceFile(
                path: "mechanisms/sub.md",
                text: """
                    ---
                    id: mechanism/sub
                    kind: mechanism
                    title: "子机制子机制子机制子机制子机制 \(escape)"
                    parent: mechanism/talent
                    ---
                    """),
            SourceFile(
                path: "concepts/links.md",
                text: """
                    ---
                    id: concept/links
                    kind: concept
                    title: "五通 \(escape)"
                    ---
                    """),
            SourceFile(
                path: "cases/wide.md",
                text: """
                    ---
                    id: case/wide
                    kind: case
                    title: "丝绸之路经济带数字博物馆 \(escape)"
                    summary: "\(escape) 数字博物馆"
                    region: China
                    country: ["中国 \(escape)", "哈萨克斯坦"]
                    illustrates: [mechanism/sub, connotation/wide]
                    ---
                    """),
            SourceFile(
                path: "cases/plain.md",
                text: """
                    ---
                    id: case/plain
                    kind: case
                    title: A case with a very long title that goes on and on without a break
                    region: Europe
                    illustrates: [mechanism/talent]
                    ---
                    """),
        ]
        return ContentLoader.load(files: files)
    }()

    /// Content with nothing in it.
    static let emptyModel: ContentModel = ContentLoader.load(files: [])

    static func id(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> EntityID
    {
        try XCTUnwrap(EntityID(text), "\(text) is not an id", file: file, line: line)
    }

    /// A view of a kind over `model`, told its size.
    static func screen(
        _ kind: FrameworkViewKind, model: ContentModel = model, width: Int, height: Int
    ) -> any FrameworkView {
        var screen = kind.makeView(model: model)
        screen.resize(width: width, height: height)
        return screen
    }

    /// How the views are drawn in these tests: the dark theme, the standard keys' hints.
    static func look(_ capabilities: Capabilities = .full) -> ViewLook {
        ViewLook(
            theme: .dark, glyphs: capabilities.glyphs, hints: KeyBindings.standard.inViews.hints)
    }

    /// Presses keys given by name, separated by spaces (`"j j Enter"`), as the explorer
    /// hands them to a view: each key's view actions in turn until one is not ignored.
    /// Returns the outcomes in order. An unknown name fails the test.
    @discardableResult
    static func press<View: FrameworkView>(
        _ screen: inout View, _ keys: String, file: StaticString = #filePath,
        line: UInt = #line
    ) -> [ScreenOutcome] {
        var outcomes: [ScreenOutcome] = []
        for name in keys.split(separator: " ") {
            guard let key = Key(name: String(name)) else {
                XCTFail("unknown key name «\(name)»", file: file, line: line)
                continue
            }
            var outcome = ScreenOutcome.ignored
            for action in KeyBindings.standard.inViews.actions(for: key) {
                outcome = screen.perform(action)
                if outcome != .ignored { break }
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// The screen drawn on a grid of its own size.
    static func grid(
        _ screen: some FrameworkView, width: Int, height: Int, capabilities: Capabilities = .full
    ) -> Grid {
        var grid = Grid(width: width, height: height)
        screen.widget(look(capabilities)).render(in: grid.bounds, into: &grid)
        return grid
    }

    /// The text of a frame, as golden files hold it.
    static func dump(_ grid: Grid) -> String {
        grid.textLines().joined(separator: "\n")
    }

    /// Fails when a line is wider than `width` or the text holds an ESC or another
    /// control character (other than the newlines between lines).
    static func assertPrintable(
        _ text: String, width: Int, _ message: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertFalse(text.utf8.contains(0x1B), "ESC in \(message)", file: file, line: line)
        let controls = text.unicodeScalars.filter {
            $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value))
        }
        XCTAssertTrue(
            controls.isEmpty, "controls \(controls) in \(message)", file: file, line: line)
        for (number, text) in text.components(separatedBy: "\n").enumerated() {
            let columns = DisplayWidth.of(text)
            if columns > width {
                XCTFail(
                    "line \(number + 1) of \(message) is \(columns) columns, over \(width): «\(text)»",
                    file: file, line: line)
                return
            }
        }
    }
}

/// Golden files for the framework screens: `Tests/CaravanUITests/Golden/framework-*.txt`.
/// Run with `CARAVAN_RECORD=1` to write them; a missing file fails the test.
/// Golden files of the framework screens: `Golden/framework-<name>.txt`, compared and
/// recorded the same way as the explorer's.
enum FrameworkGolden {
    static func assert(
        _ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        Golden.assert(text, named: "framework-" + name, file: file, line: line)
    }
}
