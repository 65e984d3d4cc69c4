import CaravanContent
import CaravanStore
import CaravanTestSupport
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// When the session saves (what matters at once, the rest on the way out, whatever ends
/// it), and presenting from the explorer and coming back, through the real loop.
final class ReaderSessionEndingTests: ReaderSessionTestCase {
    func testSigtermSavesThePlace() throws {
        var session = try session(at: "paper/bian-liu-2023")
        let backend = TestBackend(
            script: TestBackend.keys(":") + TestBackend.text("sericulture")
                + TestBackend.keys("Enter")
                + [.signal(15)])
        let (outcome, host) = run(&session, on: backend)
        XCTAssertEqual(outcome, .signal(15))
        XCTAssertEqual(host.requests.last, .save)
        XCTAssertEqual(saved.last?.id, "case/sericulture-central-asia")
        XCTAssertTrue(backend.isClosed, "the terminal is restored")
    }

    func testTheEndOfInputSavesThePlaceToo() throws {
        var session = try session(at: "paper/bian-liu-2023")
        let backend = TestBackend(script: TestBackend.keys(": a l m a t y Enter j j"))
        let (outcome, _) = run(&session, on: backend)
        XCTAssertEqual(outcome, .inputClosed)
        XCTAssertEqual(saved.last?.id, "case/almaty-silk-road-brand")
        XCTAssertEqual(saved.last?.scroll, 2, "the scroll is saved on the way out")
    }

    func testMarksAreWrittenAtOnceAndScrollingOnlyOnTheWayOut() throws {
        var session = try session(at: "case/almaty-silk-road-brand")
        let backend = TestBackend(script: TestBackend.keys("m a j j q"))
        let (outcome, host) = run(&session, on: backend)
        XCTAssertEqual(outcome, .quit)
        XCTAssertEqual(host.saves.count, 2, "one for the mark, one on quitting; none for j")
        XCTAssertEqual(saved.mark("a")?.id, "case/almaty-silk-road-brand")
        XCTAssertEqual(saved.last?.scroll, 2)
    }

    func testAFailedSaveSaysSoAndTheSessionGoesOn() throws {
        FileManager.default.createFile(atPath: folder + "/state", contents: Data("x".utf8))
        var session = try session(at: "case/almaty-silk-road-brand")
        let backend = TestBackend(script: TestBackend.keys("m a"))
        run(&session, on: backend)
        let shown = try XCTUnwrap(firstFrame(containing: "Could not save your place", in: backend))
        XCTAssertGreaterThan(shown, 0)
    }

    func testWithoutStateNothingIsSaved() throws {
        var session = try session(at: "case/almaty-silk-road-brand", keepsState: false)
        let backend = TestBackend(script: TestBackend.keys("m a q"))
        let (_, host) = run(&session, on: backend, storing: false)
        XCTAssertTrue(host.requests.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state"))
    }

    func testPresentingFromTheExplorerAndBack() throws {
        var session = try session(at: "case/almaty-silk-road-brand")
        let backend = TestBackend(
            width: 100, height: 30,
            script: TestBackend.keys("P") + [.wait(milliseconds: 2500)]
                + [.resize(width: 120, height: 40)] + TestBackend.keys("Space q q")
                + [.wait(milliseconds: 5000)] + TestBackend.keys("q"))
        let (outcome, host) = run(&session, on: backend)

        XCTAssertEqual(outcome, .quit)
        let deck = try XCTUnwrap(ReaderFixture.model.deck(try ReaderFixture.id("deck/lecture")))
        let slide = try XCTUnwrap(
            deck.slides.firstIndex { $0.entity?.description == "case/almaty-silk-road-brand" })
        let footer = " \(slide + 1)/\(deck.slides.count) "
        XCTAssertNotNil(
            backend.frames.firstIndex { $0.grid.textLines().last?.hasPrefix(footer) ?? false },
            "the presenter shows the slide of the entity being read")
        let waits = backend.calls.compactMap { call -> Int?? in
            if case .wait(let timeout) = call { return timeout }
            return nil
        }
        XCTAssertTrue(waits.contains(1000), "the clock ticks while presenting")
        XCTAssertEqual(waits.last, .some(nil), "and not once back in the explorer")
        XCTAssertEqual(backend.frames.last?.grid.width, 120)
        XCTAssertTrue(
            backend.statusLine.contains("case/almaty-silk-road-brand"), backend.statusLine)
        XCTAssertEqual(session.explorer.state.width, 120, "the explorer followed the resize")
        XCTAssertNil(session.presenting.presenter)
        XCTAssertFalse(host.requests.contains { if case .present = $0 { true } else { false } })
    }
}
