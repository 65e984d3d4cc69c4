import XCTest

@testable import CaravanUI

/// Every action of every keymap has help, a group, a name a config file can use, and keys
/// by default; a recipe for a new key is held to these by the tests here.
final class ActionSetTests: XCTestCase {
    /// One action set's facts, whatever its type.
    private struct Described {
        var table: String
        var name: String
        var help: String
        var group: String
        var keys: [Key]
    }

    private func describe<A: KeyAction>(_ keymap: Keymap<A>, keys: ((A) -> [Key])? = nil)
        -> [Described]
    {
        A.allCases.map { action in
            Described(
                table: A.keyTable, name: action.name, help: action.help, group: action.group,
                keys: keys?(action) ?? keymap.keys(for: action))
        }
    }

    private var everyAction: [Described] {
        let keys = KeyBindings.standard
        return describe(keys.explorer) + describe(keys.views)
            + describe(keys.framework, keys: keys.inViews.keys(for:)) + describe(keys.prompts)
            + describe(keys.editor) + describe(keys.presenter) + describe(keys.overview)
            + describe(keys.follow)
    }

    func testEveryActionHasHelpAGroupAndAKey() {
        let actions = everyAction
        XCTAssertGreaterThan(actions.count, 90)
        for action in actions {
            let label = "\(action.table) \(action.name)"
            XCTAssertFalse(action.help.isEmpty, "\(label) has no help")
            XCTAssertFalse(action.group.isEmpty, "\(label) has no group")
            XCTAssertFalse(action.keys.isEmpty, "\(label) has no key by default")
        }
    }

    func testNamesAreKebabCaseAndUniqueInTheirTable() {
        var seen: [String: Set<String>] = [:]
        for action in everyAction {
            XCTAssertTrue(
                action.name.allSatisfy { $0.isLowercase || $0 == "-" },
                "«\(action.name)» is not kebab case")
            XCTAssertFalse(
                seen[action.table, default: []].contains(action.name),
                "\(action.name) twice in [\(action.table)]")
            seen[action.table, default: []].insert(action.name)
        }
        XCTAssertEqual(Set(seen.keys), Set(KeyBindings.tables.map(\.name)))
        for table in KeyBindings.tables {
            XCTAssertEqual(Set(table.actions), seen[table.name], "the \(table.name) table")
        }
    }

    func testNoKeyHasTwoActionsInOneTable() {
        var owners: [String: [Key: String]] = [:]
        let keys = KeyBindings.standard
        func check<A: KeyAction>(_ keymap: Keymap<A>) {
            for binding in keymap.bindings {
                let owner = owners[A.keyTable]?[binding.key]
                XCTAssertNil(
                    owner, "\(binding.key.name) is \(owner ?? "") and \(binding.action.name)")
                owners[A.keyTable, default: [:]][binding.key] = binding.action.name
            }
        }
        check(keys.explorer)
        check(keys.views)
        check(keys.framework)
        check(keys.prompts)
        check(keys.editor)
        check(keys.presenter)
        check(keys.overview)
        check(keys.follow)
    }

    /// Every explorer action, performed where it can act, does something a user can see:
    /// a changed state, an effect (a request to the host among them) or a message. With the switch in
    /// `perform` naming every case, this catches one handled by doing nothing.
    func testEveryExplorerActionDoesSomething() throws {
        for action in Action.allCases {
            var explorer = try makeExplorer(width: 120, height: 40, start: "section/3-products")
            // A search with matches on the page, a selected link, the reader focused.
            press(&explorer, "/ a l m a t y Down Enter Tab")
            if action == .expandAll { press(&explorer, "C") }
            // The navigator's first row, the paper's group, folds.
            if action == .toggleGroup || action == .collapseAll { press(&explorer, "h g") }
            if action == .focusLeft || action == .lineUp || action == .top {
                press(&explorer, "G")
            }
            if action == .pageUp || action == .halfPageUp { press(&explorer, "G") }
            let before = explorer.state
            let effects = explorer.perform(action)
            XCTAssertTrue(
                explorer.state != before || !effects.isEmpty,
                "\(action) changed nothing")
            XCTAssertFalse(
                explorer.state.message?.contains("not bound") == true, "\(action) is not bound")
        }
    }
}
