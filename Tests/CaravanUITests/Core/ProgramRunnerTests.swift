import CaravanContent
import CaravanTestSupport
import XCTest

@testable import CaravanUI

/// The real program loop, run headless on a `TestBackend`: events in, effects carried out,
/// frames drawn, the host's requests and replies, ticks, suspension and external programs.
final class ProgramRunnerTests: XCTestCase {
    private func run(
        _ program: inout ScriptedProgram, _ backend: TestBackend,
        options: ProgramRunner.Options = .init()
    ) -> RunOutcome {
        ProgramRunner(backend: backend, options: options).run(&program)
    }

    // MARK: Starting and ending

    func testTheFirstEventIsTheTerminalSizeAndTheFirstFrameFollowsIt() {
        var program = ScriptedProgram()
        let backend = TestBackend(width: 90, height: 30)
        _ = run(&program, backend)
        XCTAssertEqual(program.events.first, .resize(width: 90, height: 30))
        XCTAssertEqual(backend.calls.prefix(2), [.draw, .wait(timeout: nil)])
        XCTAssertEqual(backend.frames.first?.grid.width, 90)
        XCTAssertEqual(backend.frames.first?.grid.height, 30)
    }

    func testQuitEndsTheLoopSkipsTheRestAndClosesTheBackend() {
        var program = ScriptedProgram(effects: [.named("q"): [.quit, .bell]])
        let backend = TestBackend(script: TestBackend.keys("j q j"))
        XCTAssertEqual(run(&program, backend), .quit)
        XCTAssertFalse(backend.calls.contains(.bell), "nothing after .quit is carried out")
        XCTAssertEqual(program.events.last, .key(.character("q")), "keys after q are not read")
        XCTAssertEqual(backend.calls.last, .close)
    }

    func testTheEndOfInputEndsTheLoopAfterTerminate() {
        var program = ScriptedProgram()
        let backend = TestBackend(script: TestBackend.keys("j"))
        XCTAssertEqual(run(&program, backend), .inputClosed)
        XCTAssertEqual(program.events.last, .terminate)
        XCTAssertTrue(backend.isClosed)
    }

    func testASignalIsTheOutcomeAndTheHostStillSaves() {
        var program = ScriptedProgram(onTerminate: [.runExternal(arguments: ["vi"]), .save, .quit])
        program.onReply = ["saved": [.save]]
        var host = ScriptedHost(replies: [.save: ["saved"]])
        let backend = TestBackend(script: [.signal(15)])
        let outcome = ProgramRunner(backend: backend).run(&program, host: &host)
        XCTAssertEqual(outcome, .signal(15))
        let afterTerminate = program.received.drop { $0 != .event(.terminate) }
        XCTAssertEqual(afterTerminate.dropFirst().first, .reply("saved"))
        XCTAssertFalse(
            backend.calls.contains(.runExternal(["vi"])), "no program starts while ending")
        // A request a reply makes is carried out too, a few rounds at most.
        XCTAssertEqual(host.performed, [.save, .save, .save, .save])
    }

    // MARK: Drawing

    func testEventsQueuedTogetherAreDrawnOnce() {
        var program = ScriptedProgram()
        let keys: [InputEvent] = [.key(.character("j")), .key(.character("j")), .key(.down)]
        let backend = TestBackend(script: [.events(keys)])
        _ = run(&program, backend)
        let draws = backend.calls.filter { $0 == .draw }.count
        XCTAssertEqual(draws, 2, "one frame at the start, one after the three keys")
        XCTAssertEqual(program.events.filter { $0 == .key(.character("j")) }.count, 2)
    }

    func testWorkPutOffUntilTheFirstFrameStartsOnceRightAfterIt() {
        /// Records how many frames were drawn each time it is called.
        final class Calls: @unchecked Sendable {
            let backend: TestBackend
            var framesSeen: [Int] = []
            init(_ backend: TestBackend) { self.backend = backend }
        }
        var program = ScriptedProgram()
        let backend = TestBackend(
            script: TestBackend.keys("j j") + [.resize(width: 90, height: 30)])
        let calls = Calls(backend)
        _ = run(
            &program, backend,
            options: .init(afterFirstFrame: { calls.framesSeen.append(calls.backend.frames.count) })
        )
        XCTAssertEqual(
            calls.framesSeen, [1], "called once, after the first frame and before any other")
        XCTAssertGreaterThan(backend.frames.count, 1)
    }

    func testAResizeReachesTheProgramAndTheNextFrameHasTheNewSize() {
        var program = ScriptedProgram()
        let backend = TestBackend(width: 80, height: 24, script: [.resize(width: 120, height: 40)])
        _ = run(&program, backend)
        XCTAssertEqual(program.events.dropFirst().first, .resize(width: 120, height: 40))
        XCTAssertEqual(backend.frames.last?.grid.width, 120)
        XCTAssertEqual(backend.frames.last?.grid.height, 40)
    }

    // MARK: Effects the runner carries out

    func testBellAndSuspendGoToTheBackend() {
        var program = ScriptedProgram(effects: [.named("b"): [.bell], .named("s"): [.suspend]])
        let backend = TestBackend(script: TestBackend.keys("b s"))
        _ = run(&program, backend)
        XCTAssertEqual(backend.calls.filter { $0 == .bell || $0 == .suspend }, [.bell, .suspend])
        XCTAssertEqual(
            program.events.filter { if case .resize = $0 { return true } else { return false } }
                .count, 2, "after a suspension the program hears the size again")
    }

    func testControlZSuspendsWithoutReachingTheProgramAndRedrawsAfter() {
        var program = ScriptedProgram()
        let backend = TestBackend(script: TestBackend.keys("Ctrl-z"))
        _ = run(&program, backend)
        XCTAssertTrue(backend.calls.contains(.suspend))
        XCTAssertFalse(program.events.contains(.key(.control("z"))))
        let afterSuspend = backend.calls.drop { $0 != .suspend }
        XCTAssertTrue(afterSuspend.contains(.draw), "everything is drawn again on resume")
        XCTAssertEqual(program.events.dropFirst().first, .resize(width: 80, height: 24))
    }

    func testControlZReachesAProgramThatHandlesItItself() {
        var program = ScriptedProgram()
        let backend = TestBackend(script: TestBackend.keys("Ctrl-z"))
        _ = run(&program, backend, options: .init(suspendsOnControlZ: false))
        XCTAssertFalse(backend.calls.contains(.suspend))
        XCTAssertTrue(program.events.contains(.key(.control("z"))))
    }

    func testAnExternalProgramsEndComesBackBeforeKeysTypedAhead() {
        var program = ScriptedProgram(effects: [
            .named("e"): [.runExternal(arguments: ["vi", "x"])]
        ])
        let backend = TestBackend(script: [.events([.key(.character("e")), .key(.character("j"))])])
        backend.external = { _ in .exited(status: 3) }
        _ = run(&program, backend)
        XCTAssertTrue(backend.calls.contains(.runExternal(["vi", "x"])))
        let after = Array(program.events.drop { $0 != .key(.character("e")) }.dropFirst())
        XCTAssertEqual(after.first, .externalFinished(.exited(status: 3)))
        XCTAssertEqual(after.dropFirst().first, .key(.character("j")))
        XCTAssertTrue(
            after.contains(.resize(width: 80, height: 24)), "the size, in case it changed")
    }

    func testAProgramThatCannotStartSaysWhy() {
        var program = ScriptedProgram(effects: [.named("e"): [.runExternal(arguments: ["nope"])]])
        let backend = TestBackend(script: TestBackend.keys("e"))
        backend.external = { _ in .notStarted(reason: "No such file or directory") }
        _ = run(&program, backend)
        XCTAssertTrue(
            program.events.contains(
                .externalFinished(.notStarted(reason: "No such file or directory"))))
        XCTAssertFalse(ExternalResult.notStarted(reason: "").succeeded)
        XCTAssertFalse(ExternalResult.exited(status: 1).succeeded)
        XCTAssertTrue(ExternalResult.exited(status: 0).succeeded)
    }

    // MARK: The host's requests

    func testHostRequestsGoToTheHostAndRepliesComeBackBeforeOtherEvents() {
        var program = ScriptedProgram(effects: [.named("s"): [.save, .bell]])
        var host = ScriptedHost(replies: [.save: ["written"]])
        let backend = TestBackend(script: [.events([.key(.character("s")), .key(.character("j"))])])
        _ = ProgramRunner(backend: backend).run(&program, host: &host)
        XCTAssertEqual(host.performed, [.save])
        XCTAssertTrue(backend.calls.contains(.bell), "the effects after a request still happen")
        let after = Array(program.received.drop { $0 != .event(.key(.character("s"))) }.dropFirst())
        XCTAssertEqual(after.prefix(2), [.reply("written"), .event(.key(.character("j")))])
    }

    func testAHostMayRunAProgramOnTheTerminal() {
        let id = EntityID(kind: .concept, slug: "soft-power")
        var program = ScriptedProgram(effects: [.named("a"): [.editNote(id)]])
        var host = ScriptedHost(replies: [.editNote(id): ["edited"]], runs: [.editNote(id): ["ed"]])
        let backend = TestBackend(script: TestBackend.keys("a"))
        _ = ProgramRunner(backend: backend).run(&program, host: &host)
        XCTAssertEqual(host.results, [.exited(status: 0)])
        XCTAssertTrue(backend.calls.contains(.runExternal(["ed"])))
        XCTAssertTrue(program.received.contains(.reply("edited")))
    }

    func testWithoutAHostRequestsAreDropped() {
        var program = ScriptedProgram(effects: [
            .named("s"): [.save, .present(from: EntityID(kind: .paper, slug: "p"))]
        ])
        let backend = TestBackend(script: TestBackend.keys("s"))
        XCTAssertEqual(run(&program, backend), .inputClosed)
        XCTAssertTrue(Effect.save.isHostRequest)
        XCTAssertFalse(Effect.bell.isHostRequest)
    }

    // MARK: Ticks

    func testTicksStartAndStopOnRequest() {
        var program = ScriptedProgram(effects: [
            .named("t"): [.ticks(every: 1000)], .named("u"): [.ticks(every: nil)],
        ])
        let backend = TestBackend(
            script: TestBackend.keys("t") + [.wait(milliseconds: 3500)] + TestBackend.keys("u")
                + [.wait(milliseconds: 5000)])
        _ = run(&program, backend)
        XCTAssertEqual(program.ticks, 3, "one a second while they run")
        let waits = backend.calls.compactMap { call -> Int?? in
            if case .wait(let timeout) = call { return timeout }
            return nil
        }
        XCTAssertEqual(waits.first, .some(nil), "no ticks: wait for ever, using no CPU")
        XCTAssertEqual(waits.last, .some(nil), "stopped: back to waiting for ever")
        XCTAssertTrue(waits.contains(1000))
    }

    func testTicksFromTheStartForAClock() {
        var program = ScriptedProgram()
        let backend = TestBackend(script: [.wait(milliseconds: 2000)])
        _ = run(&program, backend, options: .init(ticks: 500))
        XCTAssertEqual(program.ticks, 4)
    }

    func testAStalledClockStartsAgainRatherThanCatchingUp() {
        var clock = TickClock(interval: 100)
        XCTAssertEqual(clock.millisecondsToTick(now: 0), 100)
        XCTAssertFalse(clock.tickIsDue(now: 50))
        XCTAssertTrue(clock.tickIsDue(now: 1000))
        XCTAssertFalse(clock.tickIsDue(now: 1001), "one tick for the stall, not nine")
        XCTAssertEqual(clock.millisecondsToTick(now: 1001), 99)
        XCTAssertEqual(TickClock(interval: 1).interval, 10, "at most a hundred a second")
    }
}
