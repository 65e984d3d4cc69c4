import CaravanContent
import XCTest

@testable import CaravanUI

/// The recipe for a new framework view (docs/DECISIONS.md, "How to add a view"), shown
/// working: a view of the test's own, a timeline of the paper's sections, implements
/// ``FrameworkView`` on a ``SelectableCanvas`` and nothing else, and the explorer hands it
/// actions, opens what it selects and comes back to it as it does for the shipped views.
final class NewViewRecipeTests: XCTestCase {
    /// The sections one a line, numbered: the whole of a new view.
    struct SectionTimeline: FrameworkView {
        struct Lines: CanvasArrangement {
            let sections: [Entity]

            func arrange(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<EntityID> {
                var canvas = Canvas<EntityID>(width: width)
                for (row, section) in sections.enumerated() {
                    let text = (section.number ?? "") + " " + section.title
                    canvas.text(text, x: 0, y: row, width: width)
                    canvas.slot(
                        section.id, rect: Rect(y: row, width: width, height: 1),
                        detail: SelectionDetail(title: section.title, text: section.summary ?? ""))
                }
                let chrome = ScreenChrome(area: Rect(width: width, height: height), detailRows: 3)
                return CanvasLayout(
                    width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: canvas,
                    isSpatial: false)
            }
        }

        private var screen: SelectableCanvas<Lines>

        init(model: ContentModel) {
            let sections = model.entities(of: .section)
            screen = SelectableCanvas(Lines(sections: sections), selected: sections.first?.id)
        }

        /// A real view has its own case; the test's view stands in the map's place.
        var kind: FrameworkViewKind { .map }
        var selection: EntityID? { screen.selected }

        mutating func resize(width: Int, height: Int) {
            screen.resize(width: width, height: height)
        }

        mutating func perform(_ action: ViewAction) -> ScreenOutcome {
            switch action {
            case .moveDown, .next: screen.step(by: 1)
            case .moveUp, .previous: screen.step(by: -1)
            case .pageDown: screen.page(by: 1)
            case .pageUp: screen.page(by: -1)
            case .first: screen.selectSlot(at: 0)
            case .last: screen.selectSlot(at: Int.max)
            case .open: return selection.map { .open($0) } ?? .handled
            case .close: return .close
            case .moveLeft, .moveRight, .filterConnotation, .filterRegion: return .ignored
            }
            return .handled
        }

        func widget(_ look: ViewLook) -> any Widget {
            screen.widget(title: "Timeline", emptyMessage: nil, rule: true, look: look)
        }

        func plainText(width: Int) -> String {
            screen.layout(width: width, height: 100, glyphs: .ascii).canvas.plainLines()
                .joined(separator: "\n")
        }
    }

    private func explorerWithTimeline() -> Explorer {
        var explorer = Explorer(model: TestContent.model, width: 120, height: 40)
        var timeline = SectionTimeline(model: explorer.model)
        let body = explorer.paneLayout.body
        timeline.resize(width: body.width, height: body.height)
        explorer.show(timeline)
        return explorer
    }

    private var sections: [EntityID] { TestContent.model.entities(of: .section).map(\.id) }

    func testTheExplorerHandsTheNewViewItsActions() {
        var explorer = explorerWithTimeline()
        press(&explorer, "j j")
        XCTAssertEqual(explorer.framework?.selection, sections[2])
        press(&explorer, "3 j")
        XCTAssertEqual(explorer.framework?.selection, sections[5], "a count repeats a move")
        press(&explorer, "g")
        XCTAssertEqual(explorer.framework?.selection, sections[0])
        press(&explorer, "l")
        XCTAssertEqual(explorer.framework?.selection, sections[0], "ignored: nothing moves")
        XCTAssertEqual(explorer.state.focus, .navigator, "and no pane moved under the view")
    }

    func testItsSelectionOpensAndBackspaceReturnsToIt() {
        var explorer = explorerWithTimeline()
        press(&explorer, "j Enter")
        XCTAssertNil(explorer.framework)
        XCTAssertEqual(explorer.state.current, sections[1])
        XCTAssertEqual(explorer.state.focus, .reader)
        press(&explorer, "Backspace")
        XCTAssertTrue(explorer.framework is SectionTimeline, "back to the view it was opened from")
        XCTAssertEqual(explorer.framework?.selection, sections[1], "as it was left")
        press(&explorer, "Esc")
        XCTAssertNil(explorer.framework)
    }

    func testItIsDrawnOverThePanesWithTheKeysHints() {
        var explorer = explorerWithTimeline()
        press(&explorer, "j")
        let grid = render(explorer)
        let text = dump(grid)
        XCTAssertTrue(grid.textLines()[1].hasPrefix("Timeline"), text)
        XCTAssertFalse(text.contains("Contents"), "no pane shows under the view")
        XCTAssertTrue(text.contains("Enter open  Esc back"), text)
        let row = firstRow(
            containing: TestContent.model.entity(sections[1])?.title ?? "?", in: grid)
        XCTAssertEqual(grid[0, row?.y ?? 0].style, explorer.theme[.selection])
    }

    func testItsPlainTextListsEverySection() {
        let text = SectionTimeline(model: TestContent.model).plainText(width: 200)
        for id in sections {
            let title = TestContent.model.entity(id)?.title ?? "?"
            XCTAssertTrue(text.contains(title), "\(title) is missing")
        }
    }

    /// Every view kind decides what a view needs in one place: its view, its title, the
    /// name and key that open it, its help; jump, `--view` and the config take them from
    /// there.
    func testEveryKindDecidesEverythingAboutItsView() {
        let keys = KeyBindings.standard
        let help = keys.explorerHelp.flatMap(\.entries).map(\.text)
        for kind in FrameworkViewKind.allCases {
            let view = kind.makeView(model: TestContent.model)
            XCTAssertEqual(view.kind, kind)
            XCTAssertFalse(kind.title.isEmpty)
            XCTAssertFalse(kind.plainText(model: TestContent.model, width: 80).isEmpty)
            XCTAssertFalse(keys.views.keys(for: kind).isEmpty, "\(kind) has no key")
            XCTAssertTrue(help.contains(kind.help), "\(kind) is not in the help")
            XCTAssertTrue(FrameworkViewKind.spokenList.contains(kind.rawValue))
            XCTAssertTrue(KeyBindings.tables[0].actions.contains(kind.name))
            var jump = JumpOverlay()
            for character in kind.rawValue { jump.input.type(character) }
            jump.refresh(lookup: EntityLookup(model: TestContent.model))
            XCTAssertEqual(jump.targets.first, .view(kind), "jump finds \(kind)")
        }
    }
}
