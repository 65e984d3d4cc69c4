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
        help: ArgumentHelp(
            "Open a view of the framework: \(FrameworkViewKind.spokenList).", valueName: "NAME"))
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

    @OptionGroup var watching: WatchOptions
    @OptionGroup var served: ServedOptions

    func run() throws {
        try served.confine()
        let (config, brokenConfig) =
            served.served
            ? ServedOptions.sessionConfig() : (try loadUserConfig(ignoring: ignoreConfig), false)
        var content = self.content
        if content.content.isEmpty, let folder = config.contentFolder { content.content = [folder] }
        // Broken files do not stop reading: the explorer marks them and lists their errors.
        // A served session uses no cache: none another user could have written, and none
        // it writes for others (docs/serve.md). An author watching the files reads them.
        // A model read from the files is kept in the cache once the first screen is drawn,
        // and before the explorer ends (docs/DECISIONS.md).
        let (model, cacheWrite) = try content.openForReading(
            listing: false, cached: !served.served && !watching.watch)
        defer { cacheWrite?.finish() }
        let watcher = try watching.watcher(for: model)
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
        if let watcher { session.watch(watcher) }
        let capabilities = session.capabilities
        var resolvedTheme = config.apply(to: chosenTheme ?? config.baseTheme)
        if capabilities.colors == .none { resolvedTheme = .monochrome }
        // A served session has the built-in editor only: nothing it can start.
        let editor =
            served.served
            ? nil : config.editorCommand().map { $0.split(separator: " ").map(String.init) }

        var store: StateStore?
        var state = ReaderState(contentIdentity: content.identity(of: model))
        var reading = ReadingRecord()
        // One message shows at a time: what matters more to the student goes last.
        var notices: [String] = []
        if brokenConfig { notices.append(ServedOptions.defaultSettings) }
        // A served session keeps state only in the folder the server gave it.
        let keepsState = !noState && (!served.served || served.stateDir != nil)
        if served.served && !keepsState { notices.append(ServedOptions.nothingKept) }
        if keepsState {
            var opened = StateStore(
                contentIdentity: content.identity(of: model), directory: served.stateDir)
            if served.served { opened.noteByteLimit = NoteEditor.maximumBytes }
            let (loaded, warnings) = opened.load()
            let existing = Set(model.entities.map(\.id.description))
            let (kept, dropped) = loaded.droppingMissing(existing: existing)
            reading = ReaderSession.reading(from: kept, in: model)
            notices += (warnings + dropped).prefix(1)
            store = opened
            state = loaded
        }
        var explorer = Explorer(
            model: model, width: session.size.width, height: session.size.height, start: start,
            view: startView, keys: config.apply(to: KeyBindings.standard), theme: resolvedTheme,
            capabilities: capabilities, screenReader: screenReader || config.screenReader,
            navigatorWidth: config.navigatorWidth, contextWidth: config.contextWidth,
            usesExternalEditor: editor != nil, hostWritesNotes: store != nil, reading: reading)
        if let last = notices.last { _ = explorer.update(.message(last)) }
        if explorer.state.message == nil, let summary = model.problems.errorSummary {
            let key = explorer.keymap.keys(for: .problems).first.map { "; \($0.name) lists them" }
            _ = explorer.update(.message("The content has \(summary)" + (key ?? "")))
        }
        var program = ReaderSession(explorer: explorer, state: state, broadcasts: broadcast != nil)
        let sources = content
        var host = ReaderHost(
            store: store, editor: editor,
            reload: watcher.map { _ in { sources.load(cached: false) } }, broadcast: broadcast)
        var options = ProgramRunner.Options()
        options.afterFirstFrame = {
            model.prepareSearch()
            cacheWrite?.start()
        }
        let runner = ProgramRunner(backend: session, options: options)
        let outcome = runner.run(&program, host: &host)
        if case .signal(let signal) = outcome {
            throw ExitCode(128 + signal)
        }
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
