import CaravanContent
import XCTest

@testable import CaravanUI

/// The search and jump prompts take ``PromptAction``s from their keymap; any other
/// character is typed.
final class PromptActionTests: XCTestCase {
    private let context = SearchContext(model: TestContent.model, notes: [:], rows: 24)
    private let lookup = EntityLookup(model: TestContent.model)

    private func search(_ text: String) -> SearchOverlay {
        var search = SearchOverlay()
        for character in text { _ = search.handle(.text(character), in: context) }
        return search
    }

    private func jump(_ text: String, history: [String] = []) -> JumpOverlay {
        var jump = JumpOverlay(history: history)
        jump.refresh(lookup: lookup)
        for character in text {
            _ = jump.handle(.text(character), lookup: lookup, screenHeight: 24)
        }
        return jump
    }

    // MARK: Search

    func testTypingSearchesAsTheQueryChanges() {
        var search = self.search("almaty")
        XCTAssertGreaterThan(search.count, 1)
        XCTAssertEqual(search.query, "almaty")
        XCTAssertEqual(search.perform(.deleteWord, in: context), .editing)
        XCTAssertEqual(search.count, 0, "an empty query finds nothing")
        XCTAssertEqual(search.handle(.none, in: context), .editing)
    }

    func testOpenGivesTheSelectedResultOrNothing() {
        var search = self.search("almaty")
        XCTAssertEqual(search.perform(.nextChoice, in: context), .editing)
        XCTAssertEqual(search.perform(.open, in: context), .open(1))
        var empty = SearchOverlay()
        XCTAssertEqual(empty.perform(.open, in: context), .nothing)
    }

    func testTabStepsToTheNextResultAndUpAndDownMove() {
        var search = self.search("culture")
        _ = search.perform(.complete, in: context)
        _ = search.perform(.complete, in: context)
        XCTAssertEqual(search.selection, 2)
        _ = search.perform(.previousChoice, in: context)
        XCTAssertEqual(search.selection, 1)
        for _ in 0..<500 { _ = search.perform(.nextChoice, in: context) }
        XCTAssertEqual(search.selection, search.count - 1, "the last result at most")
    }

    func testBackspaceInAnEmptyPromptClosesIt() {
        var search = self.search("a")
        XCTAssertEqual(search.perform(.deleteBackward, in: context), .editing)
        XCTAssertEqual(search.perform(.deleteBackward, in: context), .close)
        XCTAssertEqual(search.perform(.close, in: context), .close)
    }

    func testWithoutResultsUpAndDownRecallEarlierSearches() {
        var search = SearchOverlay(history: ["brand", "almaty"])
        _ = search.perform(.previousChoice, in: context)
        XCTAssertEqual(search.query, "almaty")
        XCTAssertGreaterThan(search.count, 0, "the recalled query is searched")
        _ = search.perform(.earlier, in: context)
        XCTAssertEqual(search.query, "brand", "Ctrl-p recalls even with results listed")
        _ = search.perform(.later, in: context)
        XCTAssertEqual(search.query, "almaty")
    }

    func testAnOfferedSearchIsKeptOrReplaced() {
        var offered = SearchOverlay(history: ["almaty"], offering: "almaty")
        _ = offered.perform(.keepOffer, in: context)
        XCTAssertFalse(offered.input.isOffered)
        _ = offered.handle(.text("s"), in: context)
        XCTAssertEqual(offered.query, "almatys")
        var replaced = SearchOverlay(history: ["almaty"], offering: "almaty")
        _ = replaced.perform(.clear, in: context)
        XCTAssertEqual(replaced.query, "")
    }

    // MARK: Jump

    func testCompleteTakesTheSelectedTargetsName() {
        var jump = self.jump("brand exp")
        guard case .entity(let id)? = jump.targets.first else { return XCTFail("no entity") }
        _ = jump.perform(.complete, lookup: lookup, screenHeight: 24)
        XCTAssertEqual(jump.text, id.description)
        XCTAssertEqual(jump.targets.first, .entity(id), "the completed id ranks it first")
        var view = self.jump("atl")
        _ = view.perform(.complete, lookup: lookup, screenHeight: 24)
        XCTAssertEqual(view.text, "atlas", "a view completes to its name")
    }

    func testOpeningATargetOrNothing() {
        var jump = self.jump("matrix")
        XCTAssertEqual(jump.perform(.open, lookup: lookup, screenHeight: 24), .open(.view(.matrix)))
        var none = self.jump("zzzzzzzzqqq")
        XCTAssertTrue(none.targets.isEmpty)
        XCTAssertEqual(none.perform(.open, lookup: lookup, screenHeight: 24), .nothing)
        XCTAssertEqual(none.perform(.complete, lookup: lookup, screenHeight: 24), .editing)
        XCTAssertEqual(none.text, "zzzzzzzzqqq", "nothing to complete to")
    }

    func testTheJumpPromptRecallsAndClears() {
        var jump = self.jump("", history: ["3b"])
        XCTAssertFalse(jump.targets.isEmpty, "an empty name lists everything")
        _ = jump.perform(.earlier, lookup: lookup, screenHeight: 24)
        XCTAssertEqual(jump.text, "3b")
        _ = jump.perform(.clear, lookup: lookup, screenHeight: 24)
        XCTAssertEqual(jump.text, "")
        XCTAssertEqual(jump.perform(.deleteBackward, lookup: lookup, screenHeight: 24), .close)
    }

    // MARK: Through the explorer

    func testRebindingAPromptKeyReachesBothPrompts() throws {
        var keys = KeyBindings.standard
        keys.prompts = keys.prompts.applying(["close": [.control("g")], "open": [.function(4)]])
        var explorer = Explorer(model: TestContent.model, width: 80, height: 24, keys: keys)
        press(&explorer, "/ Esc")
        XCTAssertNotNil(explorer.state.overlay, "Esc does not close it now")
        press(&explorer, "Ctrl-g")
        XCTAssertNil(explorer.state.overlay)
        press(&explorer, ":")
        typeText(&explorer, "3b")
        press(&explorer, "Enter")
        XCTAssertNotNil(explorer.state.overlay, "Enter no longer opens")
        press(&explorer, "F4")
        XCTAssertNil(explorer.state.overlay)
        XCTAssertEqual(explorer.model.entity(explorer.state.current)?.number, "3b")
    }
}
