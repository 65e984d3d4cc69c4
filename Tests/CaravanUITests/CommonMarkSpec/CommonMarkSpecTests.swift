import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The CommonMark spec's examples, one entity each, loaded by the content loader and printed
/// by `caravan show` (`PlainText.entity`) and laid out for the reader (`EntityPage`): as an
/// author who writes ordinary Markdown sees them.
final class CommonMarkSpecTests: XCTestCase {
    private var examples: [CommonMarkExample] { CommonMarkSpec.examples }
    private var model: ContentModel { CommonMarkSpec.model }

    /// What `caravan show ID` prints for an example.
    private func show(_ example: CommonMarkExample, width: Int, color: Bool = false) -> String {
        guard let entity = model.entity(example.id) else { return "" }
        return PlainText(model: model, width: width, color: color).entity(entity)
    }

    /// The reader's page of an example, line by line.
    private func page(_ example: CommonMarkExample, width: Int) -> [String] {
        guard let entity = model.entity(example.id) else { return [] }
        return EntityPage.layout(entity, in: model, width: width).lines.map(\.text)
    }

    func testTheSpecIsTheOneOfTheLinkedLibrary() {
        XCTAssertEqual(examples.count, 652, "examples read from \(CommonMarkSpec.folder.path)")
        XCTAssertEqual(examples.filter { $0.section == "Hard line breaks" }.count, 15)
        let linked = MarkdownParser.libraryVersion.split(separator: ".").prefix(2)
            .joined(separator: ".")
        XCTAssertEqual(
            CommonMarkSpec.version, linked,
            "the build links libcmark \(MarkdownParser.libraryVersion): put the spec of that "
                + "version in Tests/commonmark-spec (see its README)")
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: CommonMarkSpec.folder.appendingPathComponent("LICENSE").path))
    }

    func testEveryExampleIsAnEntity() {
        XCTAssertEqual(model.entities.count, examples.count)
        for example in examples {
            XCTAssertNotNil(model.entity(example.id), "example \(example.number)")
        }
    }

    /// `show` keeps every word in order, every hard break as a new line, and marks each
    /// heading once by its place below the entity's title (`#`): the body's highest
    /// headings `##`, the others as many levels further as they are written.
    func testShowKeepsTheTextBreaksAndHeadingLevelsOfEveryExample() {
        var failed = 0
        for example in examples {
            let top = example.topHeadingLevel ?? 1
            let printed = PrintedText(
                show(example, width: 1000).components(separatedBy: "\n"),
                problemsHeading: "## Problems", marks: { $0 + 2 - top })
            let failures = printed.failures(for: example.tokens)
            if !failures.isEmpty { failed += 1 }
            XCTAssertEqual(failures, [], "example \(example.number) (\(example.section))")
        }
        XCTAssertEqual(failed, 0)
    }

    /// The reader keeps them too, with headings marked as they are written.
    func testTheReaderKeepsTheTextBreaksAndHeadingLevelsOfEveryExample() {
        for example in examples {
            let printed = PrintedText(
                page(example, width: 1000), problemsHeading: "Problems", marks: { $0 })
            XCTAssertEqual(
                printed.failures(for: example.tokens), [],
                "example \(example.number) (\(example.section))")
        }
    }

    func testHardBreaksAreLineBreaks() throws {
        // "foo  " then "baz" (two spaces), and "foo\" then "baz" (a backslash).
        for number in [633, 634] {
            let example = try XCTUnwrap(examples.first { $0.number == number })
            let lines = show(example, width: 80).components(separatedBy: "\n")
            let foo = try XCTUnwrap(lines.firstIndex(of: "foo"), "\(lines)")
            XCTAssertEqual(lines[foo + 1], "baz", "example \(number)")
        }
    }

    /// A body whose highest headings are `##` (its title being the entity's) prints them
    /// as the page's own sections, not a level below them.
    func testABodysHighestHeadingsSitOneBelowTheTitle() throws {
        let example = try XCTUnwrap(examples.first { $0.markdown.hasPrefix("## foo ##\n") })
        XCTAssertEqual(example.topHeadingLevel, 2)
        let shown = show(example, width: 80).components(separatedBy: "\n")
        XCTAssertEqual(
            shown.filter { $0.hasPrefix("#") }, ["# Example 71: ATX headings", "## foo", "### bar"])
        XCTAssertEqual(
            page(example, width: 80).filter { $0.hasPrefix("#") }, ["## foo", "### bar"])
    }

    func testEachHeadingLevelIsMarkedOnceAndApart() throws {
        let example = try XCTUnwrap(examples.first { $0.markdown.hasPrefix("# foo\n## foo\n") })
        let shown = show(example, width: 80).components(separatedBy: "\n")
        for level in 1...6 {
            XCTAssertTrue(
                shown.contains(String(repeating: "#", count: level + 1) + " foo"), "\(shown)")
        }
        XCTAssertFalse(shown.contains { $0.hasPrefix("## #") }, "marked twice: \(shown)")
        let read = PlainText(model: model, width: 80).readAll().components(separatedBy: "\n")
        // In `read` the entity is a level 2 heading, under its kind.
        let title = try XCTUnwrap(read.firstIndex { $0.hasPrefix("## Example \(example.number):") })
        XCTAssertEqual(
            read[title...].filter { $0.hasSuffix(" foo") }.prefix(6),
            ["### foo", "#### foo", "##### foo", "###### foo", "####### foo", "######## foo"])
        let reader = page(example, width: 80)
        for level in 1...6 {
            XCTAssertTrue(reader.contains(String(repeating: "#", count: level) + " foo"))
        }
    }

    func testNoLineIsWiderThanTheWidth() {
        for example in examples {
            for width in [20, 80] {
                // Headings stay whole on one line, however long (see "Reading order of
                // `read` and `list`" in docs/DECISIONS.md); everything else wraps.
                for line in show(example, width: width).components(separatedBy: "\n")
                where !line.hasPrefix("#") {
                    XCTAssertLessThanOrEqual(
                        DisplayWidth.of(line), width, "example \(example.number): «\(line)»")
                }
                for line in page(example, width: width) {
                    XCTAssertLessThanOrEqual(
                        DisplayWidth.of(line), width, "example \(example.number): «\(line)»")
                }
            }
        }
    }

    /// No control character or escape from an example reaches the terminal: `show`
    /// prints only its own colour codes, and the explorer's frames hold none.
    func testNothingInAnExampleReachesTheTerminal() {
        let ownCodes = try? NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*m")
        var explorer = Explorer(model: model, width: 80, height: 24)
        for example in examples {
            for color in [false, true] {
                var text = show(example, width: 80, color: color)
                if color, let ownCodes {
                    text = ownCodes.stringByReplacingMatches(
                        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
                }
                let controls = text.unicodeScalars.filter {
                    $0 != "\n" && Sanitizer.needsReplacement($0)
                }
                XCTAssertEqual(controls.map(\.value), [], "example \(example.number)")
            }
            explorer.open(example.id, pushing: true)
            let grid = explorer.view().grid
            let bad = grid.cells.filter {
                $0.grapheme.unicodeScalars.contains(where: Sanitizer.needsReplacement)
            }
            XCTAssertEqual(bad.map(\.grapheme), [], "example \(example.number) in the explorer")
        }
    }

    /// Raw HTML is shown as the text it is, never dropped silently nor interpreted.
    func testRawHTMLIsShownAsText() throws {
        let withHTML = examples.filter(\.hasRawHTML)
        XCTAssertGreaterThan(withHTML.count, 50)
        let example = try XCTUnwrap(examples.first { $0.markdown == "<a><bab><c2c>\n" })
        XCTAssertTrue(show(example, width: 80).contains("<a><bab><c2c>"))
    }

    /// A destination in angle brackets, an escaped bracket, code: only what libcmark reads as
    /// a link is checked as one, so every link error names a real link's destination.
    func testOnlyRealLinksAreCheckedAsLinks() throws {
        let angled = try XCTUnwrap(examples.first { $0.markdown == "[link](</my uri>)\n" })
        XCTAssertEqual(model.diagnostics(for: angled.id), [])
        for diagnostic in model.errors {
            let entity = try XCTUnwrap(model.entity(inFile: diagnostic.location.path))
            let example = try XCTUnwrap(examples.first { $0.id == entity.id })
            let named = diagnostic.message.split(separator: "`").dropFirst().first.map(String.init)
            XCTAssertTrue(
                example.linkDestinations.contains(named ?? ""),
                "example \(example.number): \(diagnostic.formatted)")
            // Each is placed on the line where the destination is written.
            let line = diagnostic.location.line - entity.bodyLine
            let lines = example.markdown.components(separatedBy: "\n")
            XCTAssertTrue(
                lines.indices.contains(line) && lines[line].contains(named ?? "\u{0}"),
                "example \(example.number): \(diagnostic.formatted)")
        }
    }

    /// A reference written for a newline or a tab is whitespace, not a control shown as `^J`.
    func testCharacterReferencesForWhitespaceAreSpaces() throws {
        let example = try XCTUnwrap(examples.first { $0.markdown == "foo&#10;&#10;bar\n" })
        let body = show(example, width: 80).components(separatedBy: "\n")
        XCTAssertTrue(body.contains("foo  bar"), "\(body)")
        XCTAssertFalse(body.joined().contains("^J"))
    }
}
