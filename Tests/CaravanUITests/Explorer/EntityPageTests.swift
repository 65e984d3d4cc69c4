import CaravanContent
import XCTest

@testable import CaravanUI

/// An entity's page: its title, what it is and what it belongs to, its summary, facts,
/// body and what follows the body, with every link followable.
final class EntityPageTests: XCTestCase {
    private let model = TestContent.model

    private func page(_ id: String, width: Int = 90, ascii: Bool = false, plain: Bool = false)
        throws -> DocumentLayout
    {
        let entity = try XCTUnwrap(model.entity(try entityID(id)), "\(id) is missing")
        return EntityPage.layout(
            entity, in: model, width: width, numberLinks: plain, ascii: ascii || plain,
            titleLevel: plain ? 1 : nil)
    }

    private func text(_ page: DocumentLayout) -> String {
        page.lines.map(\.text).joined(separator: "\n")
    }

    func testTheTitleAndTheKindLineComeFirst() throws {
        let page = try self.page("mechanism/brand-expansion")
        XCTAssertEqual(page.lines.first?.spans.first?.role, .title)
        XCTAssertEqual(page.lines[1].text, "Mechanism · Economic connotation", "what it belongs to")
        XCTAssertEqual(page.lines[1].spans.first?.role, .dim)
        let ascii = try self.page("mechanism/brand-expansion", ascii: true)
        XCTAssertEqual(ascii.lines[1].text, "Mechanism - Economic connotation")
    }

    func testASummaryIsEmphasised() throws {
        let entity = try XCTUnwrap(model.entity(try entityID("case/almaty-silk-road-brand")))
        let summary = try XCTUnwrap(entity.summary)
        let page = try self.page("case/almaty-silk-road-brand", width: 400)
        let line = try XCTUnwrap(page.lines.first { $0.text == summary })
        XCTAssertEqual(line.spans.first?.role, .emphasis)
    }

    func testASectionsTrailingPartsHaveTheirHeadings() throws {
        let text = self.text(try page("section/3-products"))
        for heading in ["Key claims", "Discussion questions"] {
            XCTAssertTrue(text.contains(heading), "no «\(heading)»")
        }
        let numbered = text.components(separatedBy: "\n").filter { $0.hasPrefix("1. ") }
        XCTAssertFalse(numbered.isEmpty, "questions are numbered")
    }

    func testEveryLinkHasALineOnThePage() throws {
        for id in ["section/3-products", "case/changan-tianshan-corridor", "path/lecture-50"] {
            guard let page = try? self.page(id) else { continue }
            for link in page.links {
                XCTAssertTrue(page.lines.indices.contains(link.line), "\(id): \(link.target)")
                XCTAssertTrue(
                    page.lines[link.line].spans.contains { $0.link != nil },
                    "\(id): the link's line holds a link span")
            }
        }
    }

    func testPlainTextNumbersLinksAndMarksHeadingsByLevel() throws {
        let page = try self.page("section/3-products", plain: true)
        let text = self.text(page)
        XCTAssertTrue(text.contains("[1]"), "links are numbered")
        XCTAssertTrue(text.contains("## Key claims"), "the page's headings one below the title")
        XCTAssertFalse(text.contains("•"), "ASCII bullets in plain text")
    }

    func testAPathListsItsStepsInOrder() throws {
        let path = try XCTUnwrap(model.entities(of: .path).first)
        let page = try self.page(path.id.description)
        let steps = path.strings("steps").compactMap(EntityID.init)
        XCTAssertEqual(Array(page.links.map(\.target).prefix(steps.count)), steps)
        XCTAssertTrue(self.text(page).contains("1. "), "numbered")
    }

    func testADeckListsItsSlidesInsteadOfItsBody() throws {
        let deck = try XCTUnwrap(model.entities(of: .deck).first)
        let slides = try XCTUnwrap(model.deck(deck.id)).slides
        let text = self.text(try page(deck.id.description, width: 200))
        XCTAssertTrue(text.contains("Slides (\(slides.count)) — P presents"), text)
        XCTAssertTrue(text.contains("1. " + (slides.first?.title ?? "?")))
    }

    func testABrokenEntityListsItsProblems() throws {
        let broken = BrokenContentTests.model
        let entity = try XCTUnwrap(broken.entity(try entityID("concept/broken")))
        let page = EntityPage.layout(entity, in: broken, width: 100)
        let text = self.text(page)
        XCTAssertTrue(text.contains("Problems"), text)
        XCTAssertTrue(text.contains("concepts/broken.md:"), text)
        XCTAssertTrue(page.lines.contains { $0.spans.contains { $0.role == .error } })
    }

    func testPageTextFromContentIsMadeVisible() throws {
        let hostile = FrameworkFixture.hostileModel
        let entity = try XCTUnwrap(hostile.entity(try entityID("case/wide")))
        let text = self.text(EntityPage.layout(entity, in: hostile, width: 60))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B }, "no ESC reaches a page")
        XCTAssertTrue(text.contains("丝绸之路"))
    }
}
