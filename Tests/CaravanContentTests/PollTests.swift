import XCTest

@testable import CaravanContent

/// The deck's diagnostics for a body (its first line is line 7 of the file).
private func pollDiagnostics(_ body: String) -> [Diagnostic] {
    let deck = entityFile(
        "decks/talk.md",
        """
        id: deck/talk
        kind: deck
        title: A talk
        related: [paper/silk-road]

        """, body: body)
    let model = ContentLoader.load(files: Fixture.files + [deck])
    return model.diagnostics.filter { $0.location.path == "decks/talk.md" }
}

private func parsedSlides(_ body: String) -> [Slide] {
    let deck = entityFile(
        "decks/talk.md", "id: deck/talk\nkind: deck\ntitle: A talk\nrelated: [paper/silk-road]\n",
        body: body)
    let model = ContentLoader.load(files: Fixture.files + [deck])
    return EntityID("deck/talk").flatMap(model.deck)?.slides ?? []
}

final class PollTests: XCTestCase {
    func testAPollIsReadFromAListUnderItsLineAndShownNumbered() throws {
        let slides = parsedSlides(
            "## Vote\n\nPoll: Which *lever* first?\n- Cultural brand\n* Trade\n3) Services\n\nAfter.\n"
                + "Notes:\nPoll: not a poll\n- in notes\n- at all\n")
        let poll = try XCTUnwrap(slides.first?.poll)
        XCTAssertEqual(poll.question, "Which lever first?")
        XCTAssertEqual(poll.options, ["Cultural brand", "Trade", "Services"])
        XCTAssertEqual(poll.line, 9)
        guard case .text(let document) = slides[0].kind else { return XCTFail("not text") }
        XCTAssertEqual(
            document.plainText.split(separator: "\n").filter { !$0.isEmpty },
            ["Poll: Which lever first?", "Cultural brand", "Trade", "Services", "After."])
        XCTAssertTrue(slides[0].notes.contains("Poll: not a poll"))
    }

    func testAPollInCodeIsText() {
        let slides = parsedSlides("## Code\n```\nPoll: a\n- b\n- c\n```\n")
        XCTAssertNil(slides.first?.poll)
    }

    func testTooFewOptionsIsAnErrorAtThePollLine() {
        let diagnostics = pollDiagnostics("## Vote\nPoll: Yes?\n- only one\n")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 8, column: 1,
            message: "a poll needs at least 2 options")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testNoListAtAllIsAnError() {
        let diagnostics = pollDiagnostics("## Vote\nPoll: Yes?\n\n- too late\n- apart\n")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 8, message: "this one has 0")
    }

    func testATenthOptionIsAnErrorAtItsLine() {
        let items = (1...10).map { "- option \($0)" }.joined(separator: "\n")
        let diagnostics = pollDiagnostics("## Vote\nPoll: Which?\n\(items)\n")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 18, column: 3,
            message: "a poll has at most 9 options")
        assertDiagnosticCount(diagnostics, 1)
    }

    func testAnEmptyOptionAndAnEmptyQuestionAreErrorsWhereTheyStand() {
        let diagnostics = pollDiagnostics("## Vote\nPoll:\n- yes\n-\n  2.   \n- no\n")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 8, column: 6,
            message: "`Poll:` needs a question")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 10, column: 2,
            message: "poll option 2 is empty")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 11, column: 5,
            message: "poll option 3 is empty")
        assertDiagnosticCount(diagnostics, 3)
    }

    func testARepeatedOptionASecondPollAndAPollOnAShowSlideAreErrors() {
        let body =
            "## One\nPoll: A?\n- yes\n- yes\n\nPoll: B?\n- x\n- y\n---\nshow: case/almaty-brand\n"
            + "Poll: C?\n- x\n- y\n"
        let diagnostics = pollDiagnostics(body)
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 10, column: 3,
            message: "poll option “yes” is given twice")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 12, column: 1,
            message: "a slide has one poll")
        assertDiagnostic(
            diagnostics, .error, path: "decks/talk.md", line: 17, message: "not on a `show:` slide")
        assertDiagnosticCount(diagnostics, 3)
    }

    func testAnInvalidPollIsNotPutToTheRoom() {
        XCTAssertNil(parsedSlides("## Vote\nPoll: Yes?\n- only one\n").first?.poll)
        XCTAssertNil(parsedSlides("## Vote\nPoll:\n- a\n- b\n").first?.poll)
    }

    func testPunctuationInOptionsStaysText() throws {
        let slides = parsedSlides("## Vote\nPoll: Q?\n- `<b>` [x](case/y)\n- 1. *two*\n")
        let poll = try XCTUnwrap(slides.first?.poll)
        XCTAssertEqual(poll.options, ["<b> x", "two"])
        XCTAssertEqual(slides[0].textLinks, [])
    }
}
