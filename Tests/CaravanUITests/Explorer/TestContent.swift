import CaravanContent
import Foundation
import XCTest

/// The shipped content, read from the repository's `Content` folder.
enum TestContent {
    /// The repository root: this file is `Tests/CaravanUITests/Explorer/TestContent.swift`.
    /// Symbolic links are resolved first, so a package that links the tests in still finds it.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The content folder in the repository.
    static let folder: URL = repository.appendingPathComponent("Content", isDirectory: true)

    /// The loaded model, shared by every test.
    static let model: ContentModel = ContentLoader.load(folder: folder.path)
}

final class TestContentTests: XCTestCase {
    /// Every other test reads this model; an empty or broken one would make them pass for
    /// the wrong reason.
    func testTheShippedContentLoads() {
        let model = TestContent.model
        XCTAssertGreaterThan(model.entities.count, 50, "read from \(TestContent.folder.path)")
        XCTAssertNotNil(model.paper)
        XCTAssertEqual(model.errors.map(\.formatted), [])
    }
}
