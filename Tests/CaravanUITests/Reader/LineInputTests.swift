import XCTest

@testable import CaravanUI

/// One line of typed text with its history, as the search and jump prompts edit it.
final class LineInputTests: XCTestCase {
    private func typed(_ text: String, history: [String] = []) -> LineInput {
        var input = LineInput(history: history)
        for character in text { input.type(character) }
        return input
    }

    func testTypingAndDeleting() {
        var input = typed("silk road")
        XCTAssertEqual(input.text, "silk road")
        XCTAssertFalse(input.isOffered)
        input.deleteBackward()
        XCTAssertEqual(input.text, "silk roa")
        input.deleteWord()
        XCTAssertEqual(input.text, "silk ")
        input.deleteWord()
        XCTAssertEqual(input.text, "", "the spaces before a word go with it")
        input.deleteBackward()
        XCTAssertEqual(input.text, "", "nothing left to delete")
    }

    func testDeletingAWordTakesTrailingSpacesFirst() {
        var input = typed("cultural   industry  ")
        input.deleteWord()
        XCTAssertEqual(input.text, "cultural   ")
        input.clear()
        XCTAssertEqual(input.text, "")
    }

    func testTheLengthIsBounded() {
        var input = typed(String(repeating: "x", count: LineInput.maximumLength + 30))
        XCTAssertEqual(input.text.count, LineInput.maximumLength)
        input.type("y")
        XCTAssertFalse(input.text.hasSuffix("y"), "no character past the limit")
    }

    func testOfferedTextIsReplacedByTypingOrKeptToEdit() {
        var replaced = LineInput(history: ["almaty"], offering: "almaty")
        XCTAssertTrue(replaced.isOffered)
        replaced.type("k")
        XCTAssertEqual(replaced.text, "k", "typing replaces what was offered")
        XCTAssertFalse(replaced.isOffered)

        var cleared = LineInput(offering: "almaty")
        cleared.deleteBackward()
        XCTAssertEqual(cleared.text, "", "deleting clears the whole offer")

        var kept = LineInput(offering: "almaty")
        kept.keepOffer()
        kept.type("s")
        XCTAssertEqual(kept.text, "almatys", "kept, the offer is edited like typed text")

        let nothing = LineInput(offering: "")
        XCTAssertFalse(nothing.isOffered, "an empty offer is no offer")
    }

    func testRecallStepsThroughEarlierEntriesAndBackToTheDraft() {
        var input = typed("dra", history: ["first", "second", "third"])
        input.recall(by: 1)
        XCTAssertEqual(input.text, "third", "the newest first")
        input.recall(by: 1)
        XCTAssertEqual(input.text, "second")
        input.recall(by: 5)
        XCTAssertEqual(input.text, "first", "the oldest at most")
        input.recall(by: -2)
        XCTAssertEqual(input.text, "third")
        input.recall(by: -1)
        XCTAssertEqual(input.text, "dra", "past the newest, the draft comes back")
        input.recall(by: -1)
        XCTAssertEqual(input.text, "dra")
    }

    func testTypingAfterRecallEditsTheEntry() {
        var input = typed("", history: ["brand"])
        input.recall(by: 1)
        input.type("s")
        XCTAssertEqual(input.text, "brands")
        input.recall(by: -1)
        XCTAssertEqual(input.text, "brands", "no longer in the history: nothing to step out of")
        var empty = LineInput()
        empty.recall(by: 1)
        XCTAssertEqual(empty.text, "", "no history, no change")
    }

    func testRememberingKeepsTheNewestOnceAndAtMostTheLimit() {
        var history: [String] = []
        LineInput.remember("  brand ", in: &history)
        LineInput.remember("atlas", in: &history)
        LineInput.remember("brand", in: &history)
        LineInput.remember("   ", in: &history)
        XCTAssertEqual(history, ["atlas", "brand"], "trimmed, no repeats, no blanks")
        for number in 0..<(LineInput.historyLimit + 5) {
            LineInput.remember("entry \(number)", in: &history)
        }
        XCTAssertEqual(history.count, LineInput.historyLimit)
        XCTAssertEqual(history.last, "entry \(LineInput.historyLimit + 4)")
    }

    func testCompletionReplacesTheTextAndKeepsTheHistory() {
        let before = typed("alm", history: ["earlier"])
        var completed = LineInput(offeringTyped: "case/almaty-silk-road-brand", from: before)
        XCTAssertEqual(completed.text, "case/almaty-silk-road-brand")
        XCTAssertFalse(completed.isOffered, "as if typed")
        completed.recall(by: 1)
        XCTAssertEqual(completed.text, "earlier")
    }
}
