import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// SplitMix64: a small, fast generator whose runs repeat for a seed.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random events, thousands of them, with the explorer's invariants checked after each.
///
/// `CARAVAN_MONKEY_SEED` and `CARAVAN_MONKEY_EVENTS` replay another run, or a longer one;
/// a failure names its seed, its event number and the events before it.
final class MonkeyTests: XCTestCase {
    func testRandomEventsKeepTheInvariants() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["CARAVAN_MONKEY_SEED"].flatMap { UInt64($0) } ?? 0xCA7A_0001
        let events = environment["CARAVAN_MONKEY_EVENTS"].flatMap { Int($0) } ?? 100_000
        try run(seed: seed, events: events)
    }

    private func run(seed: UInt64, events: Int) throws {
        var generator = SplitMix64(seed: seed)
        var explorer = try makeExplorer(width: 80, height: 24)
        let bound = explorer.keymap.bindings.map(\.key)
        let printable = (0x20...0x7E).compactMap { Unicode.Scalar($0).map { Character($0) } }
        var recent: [String] = []
        let started = Date()
        let startedCPU = clock()

        for step in 0..<events {
            let event = randomEvent(
                &generator, bound: bound, printable: printable,
                inPrompt: explorer.state.overlay != nil)
            recent.append(describe(event))
            if recent.count > 30 { recent.removeFirst() }

            let overlayBefore = explorer.state.overlay
            let effects = explorer.update(event)
            let context = {
                "seed \(seed), event \(step): \(self.describe(event)); the events up to it: "
                    + recent.joined(separator: " ")
            }
            check(effects, of: event, overlayBefore: overlayBefore, explorer, context)
            guard checkState(explorer, context), checkFrame(explorer, context) else { return }
        }
        let seconds = Date().timeIntervalSince(started)
        let cpu = Double(clock() - startedCPU) / Double(CLOCKS_PER_SEC)
        print(String(format: "monkey: %d events in %.1f s (%.1f s of CPU)", events, seconds, cpu))
    }

    /// Mostly bound keys, then printable characters, the keys that leave prompts, and
    /// resizes. Inside a prompt the keys that close it come more often, as when a person
    /// types a short query and moves on.
    private func randomEvent(
        _ generator: inout SplitMix64, bound: [Key], printable: [Character], inPrompt: Bool
    ) -> InputEvent {
        let leaving: [Key] = [.escape, .enter, .backspace]
        let roll = Int.random(in: 0..<100, using: &generator)
        switch roll {
        case 0..<4:
            return .resize(
                width: Int.random(in: 1...250, using: &generator),
                height: Int.random(in: 1...80, using: &generator))
        case 4..<45 where inPrompt, 85..<100:
            return .key(leaving.randomElement(using: &generator) ?? .escape)
        case 4..<65:
            return .key(bound.randomElement(using: &generator) ?? .escape)
        default:
            return .key(.character(printable.randomElement(using: &generator) ?? "x"))
        }
    }

    /// Only a quit key outside a prompt, or an interrupt, quits, and only the present key
    /// asks to present (from the entity being read); nothing else has effects.
    private func check(
        _ effects: [Effect], of event: InputEvent, overlayBefore: Overlay?, _ explorer: Explorer,
        _ context: () -> String
    ) {
        guard !effects.isEmpty else { return }
        guard case .key(let key) = event, overlayBefore == nil,
            let action = explorer.keymap.action(for: key),
            (action == .quit && effects == [.quit])
                || (action == .present && effects == [.present(from: explorer.state.current)])
        else {
            return XCTFail("unexpected effects \(effects); \(context())")
        }
    }

    /// Checks the state; false after the first failure, to stop the run.
    private func checkState(_ explorer: Explorer, _ context: () -> String) -> Bool {
        let state = explorer.state
        var failures: [String] = []
        if explorer.rows.isEmpty {
            if state.navigator.selection != 0 { failures.append("selection in an empty tree") }
        } else if !explorer.rows.indices.contains(state.navigator.selection) {
            failures.append(
                "navigator selection \(state.navigator.selection) of \(explorer.rows.count)")
        }
        if !state.history.indices.contains(state.historyIndex) {
            failures.append("history index \(state.historyIndex) of \(state.history.count)")
        }
        if !explorer.model.contains(state.current) {
            failures.append("current \(state.current) is not in the model")
        }
        if state.readerScroll < 0 { failures.append("reader scroll \(state.readerScroll)") }
        if state.navigator.offset < 0 {
            failures.append("navigator scroll \(state.navigator.offset)")
        }
        if let link = state.selectedLink, !explorer.page.links.indices.contains(link) {
            failures.append("selected link \(link) of \(explorer.page.links.count)")
        }
        if let match = state.currentMatch, !explorer.page.matches.indices.contains(match) {
            failures.append("current match \(match) of \(explorer.page.matches.count)")
        }
        return report(failures, context)
    }

    /// Draws the frame and checks it; false after the first failure, to stop the run.
    private func checkFrame(_ explorer: Explorer, _ context: () -> String) -> Bool {
        let state = explorer.state
        var failures: [String] = []
        let frame = explorer.view()
        let drawn = "\(frame.grid.width)x\(frame.grid.height)"
        if frame.grid.width != state.width || frame.grid.height != state.height {
            failures.append("frame is \(drawn), not \(state.width)x\(state.height)")
        }
        if let cursor = frame.cursor,
            !(0..<max(1, state.width)).contains(cursor.x) || !(0..<state.height).contains(cursor.y)
        {
            failures.append("cursor \(cursor) outside the frame")
        }
        if let overlay = state.overlay,
            !PaneLayout.isTooSmall(width: state.width, height: state.height)
        {
            // The overlay's box is the only thing drawn with corners.
            let corner = String(explorer.capabilities.glyphs.box.topLeft)
            if !frame.grid.cells.contains(where: { $0.grapheme == corner }) {
                failures.append("an overlay is open but its box is not drawn")
            }
            let isPrompt: Bool
            switch overlay {
            case .help, .problems: isPrompt = false
            case .search, .jump, .editor: isPrompt = true
            }
            if isPrompt, frame.cursor == nil {
                failures.append("a prompt is open but the cursor is hidden")
            }
        }
        return report(failures, context)
    }

    private func report(_ failures: [String], _ context: () -> String) -> Bool {
        for failure in failures {
            XCTFail("\(failure); \(context())")
        }
        return failures.isEmpty
    }

    private func describe(_ event: InputEvent) -> String {
        switch event {
        case .key(let key): return key.name
        case .resize(let width, let height): return "[\(width)x\(height)]"
        default: return "\(event)"
        }
    }
}
