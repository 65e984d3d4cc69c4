import ArgumentParser
import CaravanConfig
import CaravanContent
import CaravanStore
import CaravanTerminal
import CaravanUI
import Foundation

/// The default command: the full-screen explorer.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the full-screen explorer (the default command).",
        discussion: "Press ? inside for every key.")

    @OptionGroup var content: ContentOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open at this entity: an id (case/almaty-silk-road-brand), a section number (3b), a code (E2) or a title word (almaty).",
            valueName: "ID"))
    var open: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Open a view of the framework: map, matrix or atlas.", valueName: "NAME")
    )
    var view: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Colour theme: dark, light or monochrome.", valueName: "NAME"))
    var theme: String?

    @Flag(
        name: .long,
        help:
            "One pane at a time, no box drawing, the cursor on the selection (for screen readers).")
    var screenReader = false

    @Flag(name: .long, help: "Run with the default settings, not the config file.")
    var ignoreConfig = false

    @Flag(name: .long, help: "Don't read or save your place, marks and notes.")
    var noState = false

    @Flag(
        name: .long,
        help: "Report mouse clicks and wheel turns (takes text selection from the terminal).")
    var mouse = false

    @OptionGroup var served: ServedOptions

    func run() throws {
        try served.confine()
        let (config, brokenConfig) =
            served.served ? ServedOptions.sessionConfig() : (try loadConfig(), false)
        var content = self.content
        if content.content.isEmpty, let folder = config.contentFolder { content.content = [folder] }
        // Broken files do not stop reading: the explorer marks them and lists their errors.
        let model = try content.loadForReading(listing: false)
        let start = try open.map { try resolveID($0, in: model) }
        let startView = try view.map(parseView)
        let chosenTheme = try theme.map { name -> Theme in
            guard let theme = Theme.named(name) else {
                throw UsageError("unknown theme '\(name)'; themes: dark, light, monochrome")
            }
            return theme
        }
        // Presenting from here (P) is broadcast like `caravan present`, except when served.
        let broadcast = served.served ? nil : ExplorerBroadcast()
        if broadcast != nil { signal(SIGPIPE, SIG_IGN) }
        let session: TerminalSession
        do {
            session = try TerminalSession(
                options: .init(mouse: mouse, extraInput: broadcast?.notification))
        } catch let error as TerminalError {
            printError("caravan: \(error)")
            if !served.served {
                printError(
                    "For plain text, try 'caravan list', 'caravan show ID' or 'caravan check'.")
            }
            throw ExitCode(2)
        }
        let capabilities = session.capabilities
        var resolvedTheme = config.apply(to: chosenTheme ?? config.baseTheme)
        if capabilities.colors == .none { resolvedTheme = .monochrome }
        var explorer = Explorer(
            model: model, width: session.size.width, height: session.size.height, start: start,
            keymap: config.apply(to: .standard), theme: resolvedTheme, capabilities: capabilities,
            screenReader: screenReader || config.screenReader)
        explorer.navigatorWidth = config.navigatorWidth
        explorer.contextWidth = config.contextWidth

        var store: StateStore?
        var state = ReaderState(contentIdentity: content.identity(of: model))
        // A served session keeps state only in the folder the server gave it.
        let keepsState = !noState && (!served.served || served.stateDir != nil)
        // One message shows at a time: what matters more to the student goes last.
        if brokenConfig { explorer.showMessage(ServedOptions.defaultSettings) }
        if served.served && !keepsState { explorer.showMessage(ServedOptions.nothingKept) }
        if keepsState {
            var opened = StateStore(
                contentIdentity: content.identity(of: model), directory: served.stateDir)
            if served.served { opened.noteByteLimit = NoteEditor.maximumBytes }
            let (loaded, warnings) = opened.load()
            let existing = Set(model.entities.map(\.id.description))
            let (kept, dropped) = loaded.droppingMissing(existing: existing)
            ReaderSession.apply(kept, to: &explorer, restorePlace: start == nil && startView == nil)
            if let first = (warnings + dropped).first { explorer.showMessage(first) }
            store = opened
            state = loaded
        }
        if explorer.state.message == nil, let summary = model.problems.errorSummary {
            let key = explorer.keymap.keys(for: .problems).first.map { "; \($0.name) lists them" }
            explorer.showMessage("The content has \(summary)" + (key ?? ""))
        }
        if let startView { explorer.showFramework(startView) }
        // A served session has the built-in editor only: nothing it can start.
        let editor =
            served.served
            ? nil : config.editorCommand().map { $0.split(separator: " ").map(String.init) }
        var program = ReaderSession(
            explorer: explorer, state: state, keepsState: store != nil,
            externalEditor: editor != nil, broadcast: broadcast)
        var host = ReaderHost(store: store, editor: editor)
        let outcome = ProgramRunner(backend: session).run(&program, host: &host)
        if case .signal(let signal) = outcome {
            throw ExitCode(128 + signal)
        }
    }

    /// The config file, unless --ignore-config; a broken one stops with its problems.
    private func loadConfig() throws -> Config {
        if ignoreConfig { return Config() }
        let problems = Config.problems(inFileAt: nil)
        guard problems.isEmpty else {
            for problem in problems { printError(problem.description) }
            printError("caravan: fix the config file, or run with --ignore-config")
            throw ExitCode(2)
        }
        return try Config.load(path: nil)
    }
}

/// Parses a framework view name, with a suggestion when it is misspelt.
func parseView(_ text: String) throws -> FrameworkViewKind {
    let name = text.hasPrefix("view/") ? String(text.dropFirst(5)) : text
    if let kind = FrameworkViewKind(rawValue: name) { return kind }
    let names = FrameworkViewKind.allCases.map(\.rawValue)
    var message = "unknown view '\(text)'"
    if let close = Suggestion.closest(to: name, among: names) {
        message += "; did you mean '\(close)'?"
    }
    throw UsageError(message + " (views: \(names.joined(separator: ", ")))")
}
