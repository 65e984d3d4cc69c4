import CaravanContent
import XCTest

@testable import CaravanUI

/// How a reference's venue, volume, issue and pages read on its page.
final class ReferenceEntryTests: XCTestCase {
    func testAVolumeCarriesItsIssueInBrackets() {
        XCTAssertEqual(
            ReferenceEntry.source(
                venue: "Journal of International Business Studies", volume: "36", issue: "3",
                pages: "270-283"),
            "Journal of International Business Studies, 36(3), 270-283")
    }

    func testAnIssueWithoutAVolumeStandsAloneInBrackets() {
        XCTAssertEqual(
            ReferenceEntry.source(
                venue: "Jiangsu Social Sciences", volume: nil, issue: "05", pages: "72-80"),
            "Jiangsu Social Sciences, (05), 72-80")
    }

    func testMissingPartsLeaveNoStrayCommas() {
        XCTAssertEqual(
            ReferenceEntry.source(venue: nil, volume: "7", issue: nil, pages: "89-99"), "7, 89-99")
        XCTAssertEqual(
            ReferenceEntry.source(venue: "Business Research", volume: nil, issue: nil, pages: nil),
            "Business Research")
        XCTAssertEqual(ReferenceEntry.source(venue: nil, volume: nil, issue: nil, pages: nil), "")
    }

    /// The page of a reference that stores its number as an issue, as the shipped Chinese
    /// journal entries do, shows it in brackets after the venue.
    func testAReferencePageShowsAnIssueAfterTheVenue() throws {
        let text = """
            ---
            id: reference/hu2017
            kind: reference
            title: A title
            authors: ["Hu, Y.", "Zhang, K."]
            year: 2017
            venue: Jiangsu Social Sciences
            issue: "05"
            pages: "72-80"
            ---
            Cited once.
            """
        let file = SourceFile(path: "references/hu2017.md", text: text)
        let model = ContentLoader.load(files: [file])
        let reference = try XCTUnwrap(model.entity(try XCTUnwrap(EntityID("reference/hu2017"))))
        let page = EntityPage.layout(reference, in: model, width: 100).lines.map(\.text)
        XCTAssertTrue(
            page.contains(
                "Hu, Y., Zhang, K. (2017). A title. Jiangsu Social Sciences, (05), 72-80."),
            page.joined(separator: "\n"))
    }
}
