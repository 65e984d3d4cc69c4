import Foundation
import XCTest

@testable import CaravanStore

final class AnnotationExportTests: XCTestCase {
    private var state: ReaderState {
        var state = ReaderState(contentIdentity: "paper-x")
        state.setNote("Brand as a bridge.\n\nSee also Kashgar.", for: "case/almaty", now: day(0))
        state.setNote("Read this twice.", for: "section/4-1", now: day(86_400))
        state.setNote("", for: "concept/deleted", now: day(0))
        state.setNote("Orphan note.", for: "case/gone", now: day(0))
        return state
    }

    private let titles = [
        "case/almaty": "Almaty's Silk Road brand",
        "section/4-1": "4.1 It Is Urgent\nto Act",
    ]

    func testMarkdownListsLiveNotesInReadingOrder() {
        let text = AnnotationExport.markdown(
            state, titles: titles, order: ["section/4-1", "case/almaty"])
        XCTAssertEqual(
            text,
            """
            # Annotations

            ## 4.1 It Is Urgent to Act

            `section/4-1` · 2023-11-15

            Read this twice.

            ## Almaty's Silk Road brand

            `case/almaty` · 2023-11-14

            Brand as a bridge.

            See also Kashgar.

            ## case/gone

            `case/gone` · 2023-11-14

            Orphan note.

            """)
        XCTAssertFalse(text.contains("concept/deleted"))
    }

    func testMarkdownWithoutNotes() {
        let text = AnnotationExport.markdown(ReaderState(contentIdentity: "c"), titles: [:])
        XCTAssertEqual(text, "# Annotations\n\nNo annotations yet.\n")
    }

    func testJSONIsParseableAndComplete() throws {
        let text = AnnotationExport.json(state, titles: titles)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(object?["content"] as? String, "paper-x")
        let entries = try XCTUnwrap(object?["annotations"] as? [[String: Any]])
        XCTAssertEqual(
            entries.compactMap { $0["id"] as? String }, ["case/almaty", "case/gone", "section/4-1"])
        XCTAssertEqual(entries.first?["title"] as? String, "Almaty's Silk Road brand")
        XCTAssertEqual(entries.first?["updated"] as? String, "2023-11-14T22:13:20.000Z")
        XCTAssertTrue(text.hasSuffix("\n"))
    }
}
