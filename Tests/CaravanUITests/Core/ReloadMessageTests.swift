import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// The status line after content is read again: the first error as `caravan check` prints
/// it, how many more there are, the one layer's folder left out, and nothing a terminal
/// would act on.
final class ReloadMessageTests: XCTestCase {
    private func broken(_ path: String) -> SourceFile {
        SourceFile(path: path, text: "---\nid: [unclosed\n---\n")
    }

    func testValidContentHasNoMessage() {
        XCTAssertTrue(FrameworkFixture.model.errors.isEmpty)
        XCTAssertNil(ReloadMessage.firstError(in: FrameworkFixture.model))
    }

    func testTheFirstErrorIsGivenAsCheckPrintsIt() throws {
        let model = ContentLoader.load(files: [broken("cases/x.md")])
        let first = try XCTUnwrap(model.errors.first)
        XCTAssertEqual(ReloadMessage.firstError(in: model), first.formatted + moreSuffix(model))
        XCTAssertTrue(first.formatted.hasPrefix("cases/x.md:"), "no layer, no folder to cut")
    }

    func testMoreErrorsAreCounted() throws {
        let model = ContentLoader.load(files: (1...3).map { broken("cases/x\($0).md") })
        let first = try XCTUnwrap(model.errors.first)
        let count = model.errors.count
        XCTAssertGreaterThanOrEqual(count, 3)
        XCTAssertEqual(
            ReloadMessage.firstError(in: model), first.formatted + " (\(count - 1) more)")
    }

    func testControlCharactersInAPathAreShownNotSent() throws {
        let model = ContentLoader.load(files: [broken("cases/\u{1B}]0;owned\u{7}.md")])
        let message = try XCTUnwrap(ReloadMessage.firstError(in: model))
        XCTAssertTrue(Sanitizer.isVisible(message), message.debugDescription)
        XCTAssertTrue(message.contains("^[]0;owned^G"), message)
    }

    func testOneLayersFolderIsLeftOutOfThePath() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reload-message-\(UUID().uuidString)")
        let cases = folder.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\nid: [unclosed\n---\n".write(
            to: cases.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)

        let model = ContentLoader.load(folder: folder.path)
        XCTAssertEqual(model.layers.count, 1)
        let first = try XCTUnwrap(model.errors.first)
        let prefix = try XCTUnwrap(model.layers.first?.displayPath) + "/"
        XCTAssertTrue(first.formatted.hasPrefix(prefix), first.formatted)
        let message = try XCTUnwrap(ReloadMessage.firstError(in: model))
        XCTAssertEqual(prefix + message, first.formatted + moreSuffix(model))
        XCTAssertTrue(message.hasPrefix("cases/x.md:"), message)
    }

    private func moreSuffix(_ model: ContentModel) -> String {
        model.errors.count > 1 ? " (\(model.errors.count - 1) more)" : ""
    }
}
