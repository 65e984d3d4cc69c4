import CaravanContent
import XCTest

@testable import CaravanUI

/// Each kind of entity decides, as data, where it is listed in the navigator, which links
/// come first and which facts its page shows; the tests here hold every kind to what it
/// decided, so a new kind is checked as soon as it has an entity in the shipped content.
final class KindTests: XCTestCase {
    private let model = TestContent.model

    private func first(_ kind: EntityKind, file: StaticString = #filePath, line: UInt = #line)
        throws -> Entity
    {
        try XCTUnwrap(
            model.entities(of: kind).first, "the content has no \(kind)", file: file, line: line)
    }

    /// The group of the navigator each listing puts a kind's entities in.
    private func group(_ kind: EntityKind) -> String {
        switch kind.listing {
        case .paper, .underThePaper: "group:paper"
        case .framework: "group:framework"
        case .byConnotation: "group:cases"
        case .groupOfItsOwn: "group:" + kind.rawValue
        }
    }

    func testEveryKindIsListedWhereItsListingSays() throws {
        let tree = NavigatorTree(model: model)
        for kind in EntityKind.allCases {
            for entity in model.entities(of: kind) {
                let ancestors = try XCTUnwrap(
                    tree.ancestors(of: entity.id), "\(entity.id) is not in the navigator")
                XCTAssertEqual(ancestors.first, group(kind), "\(entity.id)")
            }
        }
    }

    func testKindsOfTheirOwnAreListedInTheKindsOrderUnderTheirPlural() {
        let tree = NavigatorTree(model: model)
        let own = EntityKind.allCases.filter { $0.listing == .groupOfItsOwn }
        XCTAssertEqual(own, [.concept, .reference, .path, .deck])
        let groups = tree.roots.compactMap { root -> String? in
            if case .group(let title) = root.item { return title }
            return nil
        }
        XCTAssertEqual(Array(groups.suffix(own.count)), own.map(\.pluralTitle))
    }

    func testThePapersPartsAndTheFrameworkAreTrees() throws {
        let tree = NavigatorTree(model: model)
        let subsection = try XCTUnwrap(
            model.entities(of: .section).first { entity in
                !model.targets(of: entity.id, by: .partOf).filter { $0.kind == .section }.isEmpty
            })
        let parent = try XCTUnwrap(model.targets(of: subsection.id, by: .partOf).first)
        XCTAssertEqual(tree.ancestors(of: subsection.id)?.last, parent.id.description)
        let part = try XCTUnwrap(
            model.entities(of: .mechanism).first { !model.targets(of: $0.id, by: .partOf).isEmpty })
        let ancestors = try XCTUnwrap(tree.ancestors(of: part.id))
        XCTAssertEqual(ancestors.count, 3, "framework, connotation, mechanism: \(ancestors)")
        XCTAssertTrue(ancestors[1].hasPrefix("connotation/"))
    }

    func testEveryPageSaysWhatKindItIs() throws {
        for kind in EntityKind.allCases {
            let entity = try first(kind)
            let page = EntityPage.layout(entity, in: model, width: 80)
            let label = model.vocabulary.pageLabel(kind, number: entity.number)
            XCTAssertTrue(
                page.lines.map(\.text).contains { $0.hasPrefix(label) },
                "\(entity.id) has no «\(label)» line")
        }
        XCTAssertEqual(Vocabulary.standard.pageLabel(.section, number: "3b"), "Section 3b")
        XCTAssertEqual(Vocabulary.standard.pageLabel(.case, number: nil), "Case study")
    }

    /// What each layout of facts puts on a page, found on the page of an entity that uses it.
    func testEveryKindsPageShowsItsFacts() throws {
        for kind in EntityKind.allCases {
            let entity = try first(kind)
            let text = EntityPage.layout(entity, in: model, width: 100).lines.map(\.text)
                .joined(separator: "\n")
            let expected: String?
            switch kind.facts {
            case .publication: expected = "Keywords: "
            case .caseStudy: expected = "Region: "
            case .fieldAndLever: expected = "Field: "
            case .bibliography: expected = "Cite as: "
            case .steps: expected = "Steps"
            case .alsoKnownAs: expected = entity.strings("aka").isEmpty ? nil : "Also: "
            case .slides: expected = "Slides ("
            case .claims, .partsAndCases: expected = nil
            }
            if let expected {
                XCTAssertTrue(text.contains(expected), "\(entity.id) lacks «\(expected)»")
            }
        }
    }

    func testEveryKindsSlideShowsItsFacts() throws {
        let concept = try XCTUnwrap(
            model.entities(of: .concept).first { !$0.document.blocks.isEmpty })
        XCTAssertEqual(
            SlideContent.blocks(for: concept, in: model).last,
            concept.document.blocks.first { if case .paragraph = $0 { true } else { false } },
            "a concept's slide shows its first paragraph")
        let connotation = try first(.connotation)
        let blocks = SlideContent.blocks(for: connotation, in: model)
        XCTAssertTrue(blocks.contains(.heading(level: 3, [.text("Mechanisms")])))
    }

    /// The Links pane ranks relations by the entity's kind's priority: those it names in
    /// its order, the rest after.
    func testLinksAreRankedByTheKindsPriority() {
        let priority = [
            LinkPriority([.cites], outgoing: true), LinkPriority([.illustrates], outgoing: false),
        ]
        XCTAssertEqual(ContextList.rank(.cites, outgoing: true, priority), 0)
        XCTAssertEqual(ContextList.rank(.illustrates, outgoing: false, priority), 1)
        XCTAssertEqual(ContextList.rank(.cites, outgoing: false, priority), 2, "a backlink")
        XCTAssertEqual(ContextList.rank(.related, outgoing: true, priority), 2)
        for kind in EntityKind.allCases {
            XCTAssertEqual(kind.linkPriority, LinkPriority.casesThenStructure, "\(kind)")
        }
    }
}
