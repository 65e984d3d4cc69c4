/// Every keymap, each for one set of actions: the explorer's (the generic one), opening
/// a framework view, inside a view, the prompts, the note editor, the presenter, its
/// overview, and following a talk. A config file's `[keys]` tables rebind them
/// (``applying(_:)``); the help screens and `caravan keys` are made from them.
public struct KeyBindings: Sendable {
    public var explorer: Keymap<Action>
    public var views: Keymap<FrameworkViewKind>
    /// A framework view's own keys; it takes the explorer's moving keys after them.
    public var framework: Keymap<ViewAction>
    public var prompts: Keymap<PromptAction>
    public var editor: Keymap<EditorAction>
    public var presenter: Keymap<PresenterAction>
    public var overview: Keymap<OverviewAction>
    public var follow: Keymap<FollowAction>

    public static let standard = KeyBindings(
        explorer: .standard, views: .standard, framework: .standard, prompts: .standard,
        editor: .standard, presenter: .standard, overview: .standard, follow: .standard)

    /// The keys of a framework view: its own, then the explorer's moving keys.
    public var inViews: ViewKeys { ViewKeys(own: framework, explorer: explorer) }

    // MARK: Config tables

    /// A table of a config file's keys and the names of the actions it takes.
    public struct Table: Sendable, Hashable {
        /// `keys`, `keys.views`...
        public var name: String
        public var actions: [String]
    }

    /// Every table a config file may give keys in, with its actions' names.
    public static let tables: [Table] = {
        func names<A: KeyAction>(_: A.Type) -> [String] { A.allCases.map(\.name) }
        return [
            Table(
                name: Action.keyTable, actions: names(Action.self) + names(FrameworkViewKind.self)),
            Table(name: ViewAction.keyTable, actions: names(ViewAction.self)),
            Table(name: PromptAction.keyTable, actions: names(PromptAction.self)),
            Table(name: EditorAction.keyTable, actions: names(EditorAction.self)),
            Table(name: PresenterAction.keyTable, actions: names(PresenterAction.self)),
            Table(name: OverviewAction.keyTable, actions: names(OverviewAction.self)),
            Table(name: FollowAction.keyTable, actions: names(FollowAction.self)),
        ]
    }()

    /// These keymaps with the keys a config file gives, by table and action name: each
    /// action named gets exactly its keys (none unbinds it), and a key given in a table is
    /// taken from every other action of that table.
    public func applying(_ tables: [String: [String: [Key]]]) -> KeyBindings {
        func apply<A: KeyAction>(_ keymap: Keymap<A>) -> Keymap<A> {
            keymap.applying(tables[A.keyTable] ?? [:])
        }
        return KeyBindings(
            explorer: apply(explorer), views: apply(views), framework: apply(framework),
            prompts: apply(prompts), editor: apply(editor), presenter: apply(presenter),
            overview: apply(overview), follow: apply(follow))
    }

    /// An action of any table, by its table and name: its help group and the names of its
    /// keys, for a config file's commented defaults.
    public func binding(table: String, action name: String) -> (group: String, keys: [String])? {
        func find<A: KeyAction>(_ keymap: Keymap<A>) -> (group: String, keys: [String])? {
            guard A.keyTable == table, let action = A.allCases.first(where: { $0.name == name })
            else { return nil }
            return (action.group, keymap.keys(for: action).map(\.name))
        }
        return find(explorer) ?? find(views) ?? find(framework) ?? find(prompts)
            ?? find(editor) ?? find(presenter) ?? find(overview) ?? find(follow)
    }

    // MARK: Help

    /// What the explorer's help lists: its actions by group, opening the views, what the
    /// keys do in a view, in the prompts and in the note editor, then counts.
    public var explorerHelp: [HelpSection] {
        explorer.helpSections() + views.helpSections()
            + framework.helpSections(keys: inViews.keys(for:)) + prompts.helpSections()
            + editor.helpSections() + [KeyBindings.counts]
    }

    /// Every key of every program: the explorer's help, then presenting and following.
    public var reference: [HelpSection] {
        var follow = self.follow.helpSections()
        let scrolling = [Action.lineDown, .lineUp, .quit].map { action in
            HelpEntry(
                keys: explorer.keys(for: action).map(\.name).joined(separator: " "),
                text: action.help + " (notes and follow screens)")
        }
        if follow.isEmpty {
            follow = [HelpSection(title: FollowAction.explore.group, entries: scrolling)]
        } else {
            follow[0].entries += scrolling
        }
        return explorerHelp + [presenter.helpSection] + overview.helpSections() + follow
    }

    static let counts = HelpSection(
        title: "Counts",
        entries: [
            HelpEntry(
                keys: "1-9",
                text: "A count before a key repeats it: 5j moves five lines, 8l eight columns "
                    + "in a view; Esc, or another pane or view, drops it")
        ])
}
