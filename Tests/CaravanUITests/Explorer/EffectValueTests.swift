import CaravanContent
import XCTest

@testable import CaravanUI

/// The explorer reaches outside itself only through the effects `update` returns: each
/// request to its host is a value naming what it needs, and nothing else asks for one.
final class EffectValueTests: XCTestCase {
    private func explorer(externalEditor: Bool = false, hostWritesNotes: Bool = false) throws
        -> Explorer
    {
        Explorer(
            model: TestContent.model, width: 100, height: 30,
            start: try entityID("concept/soft-power"), usesExternalEditor: externalEditor,
            hostWritesNotes: hostWritesNotes)
    }

    func testEachRequestNamesWhatItIsFor() throws {
        let here = try entityID("concept/soft-power")
        var editing = try explorer(externalEditor: true)
        XCTAssertEqual(press(&editing, "a"), [.editNote(here)])
        var presenting = try explorer()
        XCTAssertEqual(press(&presenting, "P"), [.present(from: here)])
        var saving = try explorer(hostWritesNotes: true)
        press(&saving, "a")
        typeText(&saving, "A note")
        XCTAssertEqual(press(&saving, "Ctrl-s"), [.save])
        XCTAssertEqual(saving.takeNoteToSave(), NoteSave(id: here, text: "A note"))
        XCTAssertNil(saving.takeNoteToSave(), "taking it clears it")
        XCTAssertTrue(
            [Effect.editNote(here), .present(from: here), .save].allSatisfy(\.isHostRequest))
    }

    func testTheRequestFollowsWhereTheReaderIs() throws {
        var explorer = try explorer(externalEditor: true)
        press(&explorer, ":")
        typeText(&explorer, "case/almaty-silk-road-brand")
        press(&explorer, "Enter")
        XCTAssertEqual(
            press(&explorer, "a"), [.editNote(try entityID("case/almaty-silk-road-brand"))])
        XCTAssertEqual(
            press(&explorer, "P"), [.present(from: try entityID("case/almaty-silk-road-brand"))])
    }

    func testNoOtherKeyAsksTheHostForAnything() throws {
        var explorer = try explorer(externalEditor: true, hostWritesNotes: true)
        let requesting: Set<Action> = [.annotate, .present, .quit]
        for binding in explorer.keymap.bindings where !requesting.contains(binding.action) {
            let effects = explorer.update(.key(binding.key))
            XCTAssertFalse(
                effects.contains(where: \.isHostRequest), "\(binding.key.name): \(effects)")
            XCTAssertFalse(effects.contains(.quit), binding.key.name)
            _ = explorer.update(.key(.escape))
            _ = explorer.update(.key(.escape))
        }
    }

    func testTheExplorerNeverRunsAProgramItself() throws {
        var explorer = try explorer(externalEditor: true, hostWritesNotes: true)
        var random = InvariantTests.Seeded(state: 11)
        let keys = explorer.keymap.bindings.map(\.key).filter {
            explorer.keymap.action(for: $0) != .quit
        }
        for _ in 0..<400 {
            let effects = explorer.update(.key(keys.randomElement(using: &random) ?? .down))
            for effect in effects {
                if case .runExternal = effect { XCTFail("the explorer ran a program") }
            }
        }
    }

    func testTheTerminalsEndsAreQuitsAndAProgramsEndChangesNothing() throws {
        var explorer = try explorer()
        XCTAssertEqual(explorer.update(.interrupt), [.quit])
        XCTAssertEqual(explorer.update(.terminate), [.quit])
        press(&explorer, "a")
        typeText(&explorer, "half written")
        let before = explorer.state
        for result: ExternalResult in [
            .exited(status: 0), .exited(status: 1), .notStarted(reason: "none"),
        ] {
            XCTAssertEqual(explorer.update(.externalFinished(result)), [])
        }
        XCTAssertEqual(explorer.state, before, "a program's end is not a key")
    }

    func testAResizeIsOnlyASize() throws {
        var explorer = try explorer(externalEditor: true)
        press(&explorer, "a")
        XCTAssertNil(explorer.state.overlay, "the note went to the host's editor")
        let notes = explorer.notes
        XCTAssertEqual(explorer.update(.resize(width: 120, height: 40)), [])
        XCTAssertEqual(explorer.notes, notes, "a resize is never the editor finishing")
        XCTAssertEqual([explorer.state.width, explorer.state.height], [120, 40])
        XCTAssertEqual(explorer.view().grid.width, 120, "the view draws at the size held")
        var builtIn = try self.explorer()
        press(&builtIn, "a")
        typeText(&builtIn, "kept")
        _ = builtIn.update(.resize(width: 80, height: 24))
        guard case .editor(let editor, _)? = builtIn.state.overlay else {
            return XCTFail("a resize closed the editor")
        }
        XCTAssertEqual(editor.text, "kept")
    }

    func testPresentingTurnsTheRequestIntoAPresenterAndItsClock() throws {
        var host = PresentingExplorer(explorer: try explorer())
        XCTAssertEqual(host.update(.key(.character("P"))), [.ticks(every: 1000)])
        XCTAssertNotNil(host.presenter)
        XCTAssertEqual(host.update(.resize(width: 90, height: 30)), [])
        XCTAssertEqual(host.explorer.state.width, 90, "the explorer keeps the size underneath")
        XCTAssertEqual(host.update(.key(.character("q"))), [], "q asks first")
        XCTAssertNotNil(host.presenter)
        let back = host.update(.key(.character("y")))
        XCTAssertNil(host.presenter, "q then y leaves the presenter, not the program")
        XCTAssertEqual(back, [.ticks(every: nil)], "and stops its clock")
        XCTAssertEqual(host.update(.interrupt), [.quit])
    }

    func testPresentingWithoutADeckRingsTheBell() throws {
        let model = ContentLoader.load(files: [])
        var host = PresentingExplorer(
            explorer: Explorer(model: model, width: 80, height: 24))
        XCTAssertEqual(host.update(.key(.character("P"))), [.bell])
        XCTAssertNil(host.presenter)
    }
}
