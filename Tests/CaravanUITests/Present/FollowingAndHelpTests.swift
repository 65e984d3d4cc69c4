import CaravanContent
import XCTest

@testable import CaravanUI

/// Following a talk, choosing what to present from the explorer, and the help's columns
/// and trail fitted to their widths.
final class FollowingAndHelpTests: XCTestCase {
    private func lecture() throws -> Deck { try PresentFixture.deck("deck/lecture") }

    private func status(at slide: Int) throws -> PresenterStatus {
        var presenter = PresentFixture.presenter(try lecture())
        presenter.go(to: slide)
        return presenter.status
    }

    func testTheFollowerScrollsALongSlideWithTheExplorersMoves() throws {
        let deck = try lecture()
        var follower = Follower(model: PresentFixture.model, width: 60, height: 14)
        let index = try XCTUnwrap(
            deck.slides.indices.first { index in
                SlideScreen(
                    slide: deck.slides[index], model: PresentFixture.model, width: 60, height: 14,
                    unicode: true
                ).overflows
            })
        follower.receive(.live(try status(at: index)))
        pressKeys(&follower, "j")
        XCTAssertEqual(follower.scroll, 1)
        pressKeys(&follower, "G")
        let maximum = follower.scroll
        pressKeys(&follower, "Space")
        XCTAssertEqual(follower.scroll, maximum, "no further than the end")
        pressKeys(&follower, "g")
        XCTAssertEqual(follower.scroll, 0)
        XCTAssertEqual(pressKeys(&follower, "Q"), [.quit])
    }

    func testTheFollowerExploresThePaperWhenTheSlideShowsNothing() throws {
        let deck = try lecture()
        let index = try XCTUnwrap(
            deck.slides.indices.first { index in
                deck.slides[index].entity == nil
                    && !deck.slides[index].textLinks.contains(where: PresentFixture.model.contains)
            })
        var follower = Follower(model: PresentFixture.model, width: 80, height: 24)
        follower.receive(.live(try status(at: index)))
        pressKeys(&follower, "Enter")
        XCTAssertEqual(follower.visit?.explorer.state.current, PresentFixture.model.paper?.id)
    }

    func testTheLectureIsPresentedFromTheSlideShowingTheEntity() throws {
        let deck = try lecture()
        let slide = try XCTUnwrap(deck.slides.firstIndex { $0.entity != nil })
        let entity = try XCTUnwrap(deck.slides[slide].entity)
        let start = try XCTUnwrap(
            PresentingExplorer.presentation(from: entity, in: PresentFixture.model))
        XCTAssertEqual(start.deck.id, deck.id)
        XCTAssertEqual(start.slide, slide)
        let fromDeck = try XCTUnwrap(
            PresentingExplorer.presentation(from: deck.id, in: PresentFixture.model))
        XCTAssertEqual(fromDeck.slide, 0, "a deck being read starts at its first slide")
        let empty = ContentLoader.load(files: [])
        XCTAssertNil(
            PresentingExplorer.presentation(from: entity, in: empty), "no deck, nothing to present")
    }

    func testPresentingWithoutADeckRingsTheBell() throws {
        let model = ContentLoader.load(files: [
            SourceFile(path: "a.md", text: "---\nid: concept/a\nkind: concept\ntitle: A\n---\n")
        ])
        var host = PresentingExplorer(explorer: Explorer(model: model, width: 80, height: 24))
        XCTAssertEqual(pressKeys(&host, "P"), [.bell])
        XCTAssertNil(host.presenter)
    }

    func testHelpColumnsWrapBothSidesAtSpaces() {
        let rows = HelpColumns.wrap(
            [
                HelpLine(keys: "", text: "A heading that is far too long", isHeading: true),
                HelpLine(
                    keys: "one two three", text: "does this and that and more", isHeading: false),
            ], keyWidth: 7, textWidth: 12)
        XCTAssertEqual(rows.first?.text, "A heading that is far too long", "headings stay whole")
        XCTAssertEqual(rows.dropFirst().map(\.keys), ["one two", "three", ""])
        XCTAssertEqual(rows.dropFirst().map(\.text), ["does this", "and that and", "more"])
        XCTAssertEqual(HelpScreen.boxWidth(screenWidth: 200), 96)
        XCTAssertEqual(HelpScreen.keyWidth(inner: 30), 10)
        XCTAssertEqual(HelpScreen.keyWidth(inner: 90), 24)
    }

    func testTheTrailShortensTheMiddleFirst() {
        let parts = ["Caravan", "A long group name here", "The entity's whole title"]
        XCTAssertEqual(
            Breadcrumb.fit(parts, separator: " > ", ellipsis: "~", width: 200),
            parts.joined(separator: " > "))
        let fitted = Breadcrumb.fit(parts, separator: " > ", ellipsis: "~", width: 50)
        XCTAssertLessThanOrEqual(fitted.count, 50)
        XCTAssertTrue(fitted.hasSuffix("The entity's whole title"), fitted)
        XCTAssertTrue(fitted.contains("~ >"), "the group was cut: \(fitted)")
        let tiny = Breadcrumb.fit(parts, separator: " > ", ellipsis: "~", width: 12)
        XCTAssertTrue(tiny.hasPrefix("~"), "the front gives way last: \(tiny)")
        XCTAssertEqual(Breadcrumb.cut("abcdefgh", to: 5, ellipsis: "~"), "abcd~")
    }
}
