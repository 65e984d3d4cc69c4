import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// Where the explorer names a kind, it uses the content's words (`caravan.yaml`), and the
/// paper's when the content declares none.
final class ContentWordsTests: XCTestCase {
    private var course: ContentModel { CourseContentTests.model }

    private func rootTitles(_ model: ContentModel) -> [String] {
        NavigatorTree(model: model).roots.compactMap { root in
            if case .group(let title) = root.item { return title }
            return nil
        }
    }

    func testTheNavigatorsGroupsUseTheContentsWords() {
        let titles = rootTitles(course)
        XCTAssertEqual(titles.first, "The course unit", "the overview is named as declared")
        XCTAssertFalse(titles.contains("The paper"))
        XCTAssertTrue(titles.contains("Cases"), "cases keep the standard words: \(titles)")
        XCTAssertTrue(titles.contains("Concepts"))
    }

    func testThePapersOwnWordsAreUnchanged() {
        let titles = rootTitles(TestContent.model)
        XCTAssertEqual(titles.first, "The paper")
        XCTAssertTrue(titles.contains("Cases"))
        XCTAssertTrue(titles.contains("References"))
    }

    func testAContentWithoutAnOverviewListsItsSectionsInItsWords() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "vocabulary:\n  section: lesson\n".write(
            to: folder.appendingPathComponent("caravan.yaml"), atomically: true, encoding: .utf8)
        try "---\nid: section/one\nkind: section\ntitle: One\nnumber: \"1\"\n---\nText.\n"
            .write(to: folder.appendingPathComponent("one.md"), atomically: true, encoding: .utf8)
        let model = ContentLoader.load(folder: folder.path)
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        XCTAssertNil(model.paper)
        XCTAssertEqual(rootTitles(model).first, "Lessons")
        XCTAssertEqual(rootTitles(TestContent.model).first, "The paper")
    }

    func testAPageNamesItsKindInTheContentsWords() throws {
        let lesson = try XCTUnwrap(course.entity(try entityID("section/1-why")))
        let pillar = try XCTUnwrap(
            course.entity(try entityID("connotation/facilities-connectivity")))
        let lessonPage = EntityPage.layout(lesson, in: course, width: 80).lines.map(\.text)
        XCTAssertTrue(lessonPage.contains { $0.hasPrefix("Lesson 1") }, "\(lessonPage.prefix(4))")
        let pillarPage = EntityPage.layout(pillar, in: course, width: 80).lines.map(\.text)
        XCTAssertTrue(pillarPage.contains { $0.hasPrefix("Pillar") }, "\(pillarPage.prefix(4))")
        XCTAssertFalse(pillarPage.contains { $0.hasPrefix("Connotation") })
    }

    func testTheExplorerOpensOnTheCourseInItsWords() throws {
        var explorer = Explorer(model: course, width: 120, height: 40)
        let text = dump(render(explorer))
        XCTAssertTrue(text.contains("The course unit"), text)
        press(&explorer, ":")
        typeText(&explorer, "section/1-why")
        press(&explorer, "Enter")
        XCTAssertEqual(explorer.state.current, try entityID("section/1-why"))
        XCTAssertTrue(dump(render(explorer)).contains("Lesson 1"))
    }
}
