import XCTest

@testable import CaravanContent

/// Each entity's links as the model keeps them (by place in reading order, sorted once)
/// against the plain way: grouped by id and sorted by the place of the other end.
final class EntityLinksTests: XCTestCase {
    private func entity(_ slug: String, line: Int) -> Entity {
        Entity(
            id: EntityID(kind: .concept, slug: slug), title: slug, summary: nil, order: nil,
            fields: [], body: "", location: SourceLocation(path: "\(slug).md", line: line),
            bodyLine: 1)
    }

    func testLinksMatchThePlainWayWithDuplicatesAndIdsThatAreNoEntity() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<40 {
            // Duplicated ids (an error content may have) and ids of no entity.
            let slugs = (0..<(3 + round % 9)).map { "c\($0 % (2 + round % 5))" }
            let entities = slugs.enumerated().map { entity($1, line: $0) }
            let ids = entities.map(\.id) + [EntityID(kind: .concept, slug: "nowhere")]
            let links = (0..<(round * 3)).map { line in
                Link(
                    source: ids.randomElement(using: &random)!, type: .related,
                    target: ids.randomElement(using: &random)!,
                    location: SourceLocation(path: "links.md", line: line))
            }
            let model = ContentModel(
                sorted: entities, links: links, diagnostics: [], setup: .init(), index: .none)
            var position: [EntityID: Int] = [:]
            for (index, entity) in entities.enumerated() { position[entity.id] = index }
            func plain(
                _ id: EntityID, _ from: KeyPath<Link, EntityID>, _ to: KeyPath<Link, EntityID>
            )
                -> [Link]
            {
                let group = links.filter { $0[keyPath: from] == id }
                let places = group.map { position[$0[keyPath: to]] ?? Int.max }
                return group.indices.sorted { places[$0] < places[$1] }.map { group[$0] }
            }
            for id in ids {
                XCTAssertEqual(model.outgoing(from: id), plain(id, \.source, \.target), "\(id)")
                XCTAssertEqual(model.incoming(to: id), plain(id, \.target, \.source), "\(id)")
            }
            // Read back from an archive, where links are kept by entity number.
            let bytes = ModelArchive.encode(
                model, origin: ModelArchive.Origin(program: "p", key: "k", stamps: []))
            guard let read = try? ModelArchive.decode(bytes) else {
                return XCTFail("round \(round) did not read back")
            }
            let kept = Set(
                links.filter { position[$0.source] != nil && position[$0.target] != nil })
            for id in ids where position[id] != nil {
                XCTAssertEqual(
                    read.outgoing(from: id), plain(id, \.source, \.target).filter(kept.contains),
                    "read back: \(id)")
                XCTAssertEqual(
                    read.incoming(to: id), plain(id, \.target, \.source).filter(kept.contains),
                    "read back: \(id)")
            }
        }
    }
}
