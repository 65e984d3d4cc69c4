import CaravanContent
import XCTest

@testable import CaravanUI

/// A paper's credits as lines: each author with their affiliation marks and, when
/// corresponding, the note and the address; each affiliation numbered; each grant with
/// what is given of funder, project and number. Records missing what a line needs are
/// left out rather than shown half.
final class PaperCreditsTests: XCTestCase {
    /// A paper entity whose front matter holds `fields` (YAML lines after the title).
    private func paper(_ fields: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> Entity
    {
        let model = ContentLoader.load(files: [
            SourceFile(
                path: "paper.md",
                text: "---\nid: paper/p\nkind: paper\ntitle: The paper\n\(fields)---\nText.\n")
        ])
        return try XCTUnwrap(
            model.entity(try entityID("paper/p")), "the paper did not load", file: file,
            line: line)
    }

    func testTheShippedPaperCreditsItsAuthorsAffiliationsAndGrants() throws {
        let entity = try XCTUnwrap(TestContent.model.entity(try entityID("paper/bian-liu-2023")))
        XCTAssertEqual(
            PaperCredits.authors(of: entity),
            [
                "Hengran Bian (1), corresponding author, b18092100321@cityu.mo",
                "Yi Liu (1,2)",
            ])
        let affiliations = PaperCredits.affiliations(of: entity)
        XCTAssertEqual(affiliations.count, 2)
        XCTAssertTrue(affiliations[0].hasPrefix("1. Institute of Strategy Research"))
        XCTAssertTrue(affiliations[1].hasPrefix("2. Institute of Geographic Sciences"))
        XCTAssertEqual(
            PaperCredits.funding(of: entity),
            [
                "National Natural Science Foundation of China, Special Fund project of National "
                    + "Natural Science Foundation of China, grant 42130712",
                "GDAS (Guangdong Academy of Sciences), GDAS Special Project of Science and "
                    + "Technology Development, grant 2020GDASYL-20200102002",
            ])
    }

    func testAPaperWithoutCreditsHasNoLines() throws {
        let entity = try paper("")
        XCTAssertEqual(PaperCredits.authors(of: entity), [])
        XCTAssertEqual(PaperCredits.affiliations(of: entity), [])
        XCTAssertEqual(PaperCredits.funding(of: entity), [])
    }

    func testAnAuthorWithoutAffiliationsHasNoMarks() throws {
        let entity = try paper(
            "authors:\n  - name: Ann Lee\n  - name: Bo Chen\n    affiliations: []\n")
        XCTAssertEqual(PaperCredits.authors(of: entity), ["Ann Lee", "Bo Chen"])
    }

    func testACorrespondingAuthorWithoutAnAddressIsStillMarked() throws {
        let entity = try paper(
            "authors:\n  - name: Ann Lee\n    affiliations: [3]\n    corresponding: true\n")
        XCTAssertEqual(PaperCredits.authors(of: entity), ["Ann Lee (3), corresponding author"])
    }

    func testAnAddressIsGivenOnlyForTheCorrespondingAuthor() throws {
        let entity = try paper(
            "authors:\n  - name: Ann Lee\n    email: ann@example.org\n"
                + "  - name: Bo Chen\n    email: bo@example.org\n    corresponding: false\n")
        XCTAssertEqual(PaperCredits.authors(of: entity), ["Ann Lee", "Bo Chen"])
    }

    func testAGrantGivesWhatItHas() throws {
        let entity = try paper(
            "funding:\n  - funder: Fund A\n    grant: \"7\"\n"
                + "  - funder: Fund B\n    project: Project B\n    grant: \"8\"\n")
        XCTAssertEqual(
            PaperCredits.funding(of: entity), ["Fund A, grant 7", "Fund B, Project B, grant 8"])
    }

    func testAnAffiliationWithoutItsNumberOrNameIsLeftOut() throws {
        let entity = try paper(
            "affiliations:\n  - number: 1\n    name: First place\n"
                + "  - name: No number\n  - number: 3\n")
        XCTAssertEqual(PaperCredits.affiliations(of: entity), ["1. First place"])
    }

    func testTheEntityPageShowsCreditsWithControlCharactersMadeVisible() throws {
        let model = ContentLoader.load(files: [
            SourceFile(
                path: "paper.md",
                text: "---\nid: paper/p\nkind: paper\ntitle: The paper\n"
                    + "authors:\n  - name: \"Ann\\e[31mLee\"\n    affiliations: [1]\n"
                    + "affiliations:\n  - number: 1\n    name: \"Lab\\aOne\"\n---\nText.\n")
        ])
        let explorer = Explorer(
            model: model, width: 120, height: 30, start: try entityID("paper/p"))
        let page = pageText(explorer).joined(separator: "\n")
        XCTAssertFalse(page.unicodeScalars.contains { $0.value == 0x1B }, page)
        XCTAssertFalse(page.unicodeScalars.contains { $0.value == 0x07 }, page)
        XCTAssertTrue(page.contains("Ann"), page)
        XCTAssertTrue(page.contains("Lee (1)"), page)
        XCTAssertTrue(page.contains("1. Lab"), page)
        let screen = dump(render(explorer))
        XCTAssertFalse(screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, screen)
    }
}
