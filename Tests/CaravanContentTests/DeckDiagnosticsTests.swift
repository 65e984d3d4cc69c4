import XCTest

@testable import CaravanContent

/// Loads the fixture content with one deck whose body is given; returns the deck's diagnostics.
private func deckDiagnostics(_ body: String, path: String = "decks/talk.md") -> [Diagnostic] {
    let deck = entityFile(
        path,
        """
        id: deck/talk
        kind: deck
        title: A talk
        related: [paper/silk-road]

        """, body: body)
    let model = ContentLoader.load(files: Fixture.files + [deck])
    return model.diagnostics.filter { $0.location.path == path }
}

/// The deck file's text, to find expected positions in it.
private func deckText(_ body: String) -> String {
    "---\nid: deck/talk\nkind: deck\ntitle: A talk\nrelated: [paper/silk-road]\n---\n" + body
}

final class DeckDiagnosticsTests: XCTestCase {
    func testAnUnknownEntityIsAnErrorWithASuggestion() {
        let body = "## Brand\nshow: case/almaty-brnd\n"
        let diagnostics = deckDiagnostics(body)
        let place = position(of: "case/almaty-brnd", in: deckText(body))
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: place.line, column: place.column,
            message: "`show:` names `case/almaty-brnd`, which does not exist",
            suggestion: "did you mean `case/almaty-brand`?")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testAnUnknownKindAndANonIDAreErrors() {
        let body = "show: cases/almaty-brand\n---\nshow: almaty\n"
        let diagnostics = deckDiagnostics(body)
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 7, column: 7,
            message: "unknown kind `cases`", suggestion: "did you mean `case/almaty-brand`?")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 9, column: 7, message: "is not an id")
        assertDiagnosticCount(diagnostics, 2)
    }

    func testAnUnknownViewIsAnErrorWithASuggestion() {
        let diagnostics = deckDiagnostics("show: view/mpa\n")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 7, column: 7,
            message: "unknown view `view/mpa`",
            suggestion: "did you mean `view/map`?")
    }

    func testAnEmptySlideBetweenSeparatorsIsAWarningAtTheSeparator() {
        let body = "## One\n---\n\n---\n## Three\n"
        let diagnostics = deckDiagnostics(body)
        assertDiagnostic(
            diagnostics, .warning, path: "decks/talk.md", line: 8,
            message: "empty slide: nothing between")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testASlideWithOnlyNotesIsAWarning() {
        let diagnostics = deckDiagnostics("## One\n---\n\nNotes: nothing to show\n")
        assertDiagnostic(
            diagnostics, .warning, path: "decks/talk.md", line: 10, message: "only notes")
    }

    func testTextOnAShowSlideIsAWarning() {
        let body = "## Case\nshow: case/almaty-brand\n\nThis is not shown.\n\nNotes: fine\n"
        let diagnostics = deckDiagnostics(body)
        assertDiagnostic(
            diagnostics, .warning, path: "decks/talk.md", line: 10, message: "is not shown")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testAShowLineBelowTheTopIsAWarning() {
        let diagnostics = deckDiagnostics("## Late\nSome text.\nshow: case/almaty-brand\n")
        assertDiagnostic(
            diagnostics, .warning, path: "decks/talk.md", line: 9, message: "must be the first line"
        )
    }

    func testASlideTooLongForEightyByTwentyFourIsAWarningAtItsStart() {
        let items = (1...30).map { "- point \($0)" }.joined(separator: "\n")
        let body = "## Short\nFits.\n---\n## Long\n\(items)\n"
        let diagnostics = deckDiagnostics(body)
        let warning = assertDiagnostic(
            diagnostics, .warning, path: "decks/talk.md", line: 10,
            message: "slide 2 (“Long”) needs 30 rows")
        XCTAssertEqual(
            warning?.formatted.contains("at 80x24 but 17 fit"), true, warning?.formatted ?? "")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testAShortCoverSlideSitsInTheMiddleAndFits() {
        let diagnostics = deckDiagnostics("# A title\n\nA subtitle.\n")
        assertDiagnosticCount(diagnostics, 0)
    }

    func testTheShippedLectureDeckIsCleanAndComplete() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Content")
        let model = ContentLoader.load(folder: folder.path, displayPrefix: "Content")
        let problems = model.diagnostics.filter { $0.location.path.hasPrefix("Content/decks/") }
        XCTAssertTrue(problems.isEmpty, listing(problems))
        let deck = try XCTUnwrap(model.deck(try XCTUnwrap(EntityID("deck/lecture"))))
        XCTAssertTrue((15...25).contains(deck.slides.count), "\(deck.slides.count) slides")
        for (index, slide) in deck.slides.enumerated() {
            XCTAssertFalse(slide.notes.isEmpty, "slide \(index + 1) (\(slide.title)) has no notes")
        }
        let shown = Set(deck.slides.compactMap(\.entity))
        for id in shown {
            XCTAssertTrue(model.contains(id), "\(id)")
            XCTAssertTrue(
                model.incoming(to: id).contains { $0.type == .shows && $0.source == deck.id },
                "\(id)")
        }
    }
}
