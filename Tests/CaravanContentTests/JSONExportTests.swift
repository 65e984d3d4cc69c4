import Foundation
import XCTest

@testable import CaravanContent

/// The JSON export: valid JSON holding entities, links, backlinks, counts and diagnostics.
final class JSONExportTests: XCTestCase {
    private func export(_ model: ContentModel) throws -> [String: Any] {
        let data = try JSONExport.data(for: model)
        let object = try JSONSerialization.jsonObject(with: data)
        return try XCTUnwrap(object as? [String: Any], "the export is not a JSON object")
    }

    private func entity(_ id: String, in root: [String: Any]) throws -> [String: Any] {
        let entities = try XCTUnwrap(root["entities"] as? [[String: Any]])
        return try XCTUnwrap(entities.first { $0["id"] as? String == id }, "no entity \(id)")
    }

    func testExportIsValidJSONWithSchemaAndCounts() throws {
        let model = Fixture.model()
        let root = try export(model)
        XCTAssertEqual(root["schema"] as? String, "caravan-export")
        XCTAssertEqual(root["version"] as? Int, JSONExport.schemaVersion)
        let counts = try XCTUnwrap(root["counts"] as? [String: Int])
        XCTAssertEqual(
            counts,
            [
                "paper": 1, "section": 4, "connotation": 1, "mechanism": 2, "case": 2, "concept": 1,
                "reference": 2, "path": 1, "deck": 1,
            ])
        XCTAssertEqual(counts.values.reduce(0, +), model.entities.count)
        let entities = try XCTUnwrap(root["entities"] as? [[String: Any]])
        XCTAssertEqual(
            entities.compactMap { $0["id"] as? String }, model.entities.map(\.id.description))
        let links = try XCTUnwrap(root["links"] as? [[String: Any]])
        XCTAssertEqual(links.count, model.links.count)
        XCTAssertEqual((root["diagnostics"] as? [Any])?.count, 0)
    }

    func testEntityCarriesFieldsLinksAndBacklinks() throws {
        let root = try export(Fixture.model())
        let almaty = try entity("case/almaty-brand", in: root)
        XCTAssertEqual(almaty["kind"] as? String, "case")
        XCTAssertEqual(almaty["title"] as? String, "The Almaty \"Silk Road\" brand")
        XCTAssertEqual(
            almaty["summary"] as? String, "A trademark that became a regional calling card.")
        XCTAssertEqual(almaty["path"] as? String, "cases/almaty-brand.md")
        XCTAssertTrue((almaty["body"] as? String)?.hasPrefix("Almaty hotels") ?? false)

        let fields = try XCTUnwrap(almaty["fields"] as? [String: Any])
        XCTAssertNil(fields["id"])
        XCTAssertNil(fields["kind"])
        XCTAssertNil(fields["title"])
        XCTAssertEqual(fields["region"] as? String, "Central Asia")
        XCTAssertEqual(fields["x-editor-note"] as? String, "kept but never checked")
        XCTAssertEqual(
            fields["illustrates"] as? [String],
            ["mechanism/brand-expansion", "mechanism/product-system"])
        let figures = try XCTUnwrap(fields["figures"] as? [[String: String]])
        XCTAssertEqual(figures.first?["value"], "thirty-three")

        let links = try XCTUnwrap(almaty["links"] as? [[String: String]])
        XCTAssertTrue(
            links.contains([
                "type": "illustrates", "label": "illustrates",
                "target": "mechanism/brand-expansion",
            ]))
        XCTAssertTrue(
            links.contains(["type": "cites", "label": "cites", "target": "reference/zhao2019"]))
        let backlinks = try XCTUnwrap(almaty["backlinks"] as? [[String: String]])
        XCTAssertEqual(
            backlinks,
            [
                ["type": "discusses", "label": "discussed in", "source": "section/1-introduction"],
                ["type": "mentions", "label": "mentioned in", "source": "case/cafe-street"],
                ["type": "step", "label": "on reading path", "source": "path/first-read"],
                ["type": "shows", "label": "shown in deck", "source": "deck/overview"],
            ])
    }

    func testScalarTypesSurvive() throws {
        let root = try export(Fixture.model())
        let paper = try entity("paper/silk-road", in: root)
        let fields = try XCTUnwrap(paper["fields"] as? [String: Any])
        let authors = try XCTUnwrap(fields["authors"] as? [[String: Any]])
        XCTAssertEqual(authors.first?["corresponding"] as? Bool, true)
        XCTAssertEqual(authors.last?["affiliations"] as? [Int], [1, 2])
        let reference = try entity("reference/zhao2019", in: root)
        let referenceFields = try XCTUnwrap(reference["fields"] as? [String: Any])
        XCTAssertEqual(referenceFields["year"] as? Int, 2019)
        let concept = try entity("concept/cultural-brand", in: root)
        XCTAssertNil(concept["summary"])
    }

    func testLinkRecordsKeepTheirLocation() throws {
        let model = Fixture.model()
        let root = try export(model)
        let links = try XCTUnwrap(root["links"] as? [[String: Any]])
        for (record, link) in zip(links, model.links) {
            XCTAssertEqual(record["source"] as? String, link.source.description)
            XCTAssertEqual(record["type"] as? String, link.type.rawValue)
            XCTAssertEqual(record["target"] as? String, link.target.description)
            XCTAssertEqual(record["path"] as? String, link.location.path)
            XCTAssertEqual(record["line"] as? Int, link.location.line)
            XCTAssertEqual(record["column"] as? Int, link.location.column)
        }
    }

    func testDiagnosticsAreExported() throws {
        let broken = entityFile(
            "odd.md", "id: concept/odd\nkind: concept\ntitle: Odd\nrelatd: [x]\nx-null: ~\n")
        let model = ContentLoader.load(files: [broken, SourceFile(path: "e.md", bytes: [])])
        let root = try export(model)
        let diagnostics = try XCTUnwrap(root["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, model.diagnostics.count)
        XCTAssertEqual(diagnostics.count, 2)
        let first = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(first["path"] as? String, "e.md")
        XCTAssertEqual(first["severity"] as? String, "error")
        XCTAssertEqual(first["message"] as? String, "file is empty")
        let typo = try XCTUnwrap(
            diagnostics.first { ($0["message"] as? String)?.contains("relatd") ?? false })
        XCTAssertEqual(typo["line"] as? Int, 5)
        XCTAssertEqual(typo["column"] as? Int, 1)
        XCTAssertEqual(typo["suggestion"] as? String, "did you mean `related`?")
        // The null value is exported as JSON null.
        let odd = try entity("concept/odd", in: root)
        let fields = try XCTUnwrap(odd["fields"] as? [String: Any])
        XCTAssertTrue(fields["x-null"] is NSNull)
    }

    func testEmptyModelExports() throws {
        let root = try export(ContentLoader.load(files: []))
        XCTAssertEqual((root["entities"] as? [Any])?.count, 0)
        XCTAssertEqual((root["links"] as? [Any])?.count, 0)
        XCTAssertEqual((root["counts"] as? [String: Int]) ?? ["x": 1], [:])
    }

    func testSlashesAreNotEscaped() throws {
        let text = String(decoding: try JSONExport.data(for: Fixture.model()), as: UTF8.self)
        XCTAssertTrue(text.contains("\"case/almaty-brand\""))
        XCTAssertFalse(text.contains("case\\/almaty-brand"))
    }
}
