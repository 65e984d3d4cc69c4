import ArgumentParser
import CaravanConfig
import CaravanContent
import CaravanStore
import CaravanTerminal
import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--session NAME`: which presentation a presenter, notes or follow screen belongs to.
struct SessionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Name the presentation, to run several at once (letters, digits, '.', '_', '-').",
            valueName: "NAME"))
    var session: String?

    func validate() throws {
        try PresentSocket.validate(session: session)
    }
}

/// `caravan present`: full-screen slides, shared with notes and follow screens.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a deck full screen; notes and follow screens can join.",
        discussion: """
            Keys: Space, Right, PgDn, n or j for the next slide; Left, PgUp, k or Backspace \
            for the previous; g and G for the first and last; a number then Enter to go to a \
            slide; o for an overview; b to blank the screen; Enter on a slide that shows an \
            entity to explore it (Backspace or Esc comes back, and notes and followers see it \
            too); p pauses the clock, r resets it; on a slide with a poll, a opens it to \
            answers and closes it, v shows the answers, w writes the results; ? for help; q \
            asks, then q or y quits.

            Where you were (slide, clock) is kept per deck; the next 'caravan present' of the \
            deck offers to resume there (--restart starts afresh).

            While it runs, 'caravan notes' shows the speaker notes and 'caravan follow' the \
            slides, following live, in other terminals. They connect through a socket in \
            $XDG_RUNTIME_DIR/caravan (or /tmp/caravan-UID) that only you can use, unless \
            --audience widens it. Followers can never move the presenter; they can answer \
            an open poll with the number keys, once each (a new answer replaces the old).
            """)

    @Argument(
        help: ArgumentHelp(
            "The deck to present: an id (deck/lecture, or lecture), or a deck's file. A file outside the content is laid on top of it. Default: deck/lecture.",
            valueName: "DECK"),
        completion: .file(extensions: ["md"]))
    var deck: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who may follow: owner (you only), group (your group) or all (every user of this machine).",
            valueName: "WHO"))
    var audience: Audience = .owner

    @Option(name: .long, help: ArgumentHelp("Start at slide N (from 1).", valueName: "N"))
    var slide: Int?

    @Flag(
        name: .long,
        help: "Start at the first slide with the clock at 00:00, not where you left off.")
    var restart = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write poll results as CSV into this folder (DECK-poll-results.csv) when a poll closes and at the end.",
            valueName: "DIR"),
        completion: .directory)
    var results: String?

    @Flag(name: .long, help: "Neither read nor keep where you left off, nor your notes.")
    var noState = false

    @OptionGroup var watching: WatchOptions
    @OptionGroup var session: SessionOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let results {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: results, isDirectory: &isFolder),
                isFolder.boolValue
            else { throw ValidationError("--results: '\(results)' is not a folder") }
        }
        if restart && slide != nil {
            throw ValidationError("--restart and --slide exclude each other")
        }
    }

    func run() throws {
        let config = try loadUserConfig()
        let (model, deckID, extra) = try loadDeck()
        let watcher = try watching.watcher(for: model)
        guard let deck = model.deck(deckID), !deck.slides.isEmpty else {
            throw UsageError("'\(deckID)' has no slides; separate slides with --- lines")
        }
        signal(SIGPIPE, SIG_IGN)
        let server: PresentServer
        do {
            server = try PresentServer(session: session.session, audience: audience)
        } catch let error as PresentSocketError {
            printError("caravan: \(error)")
            throw ExitCode(1)
        }
        defer { server.stop() }
        var store: StateStore?
        var state: ReaderState?
        if !noState {
            let opened = StateStore(contentIdentity: content.identity(of: model))
            let (loaded, warnings) = opened.load()
            for warning in warnings { printError("caravan: \(warning)") }
            (store, state) = (opened, loaded)
        }
        var resume: ResumePoint?
        if slide == nil, !restart, let place = state?.place(in: deck.id.description) {
            resume = ResumePoint(
                slide: min(place.slide, deck.slides.count - 1), elapsed: place.elapsed,
                paused: place.paused)
        }
        let terminal = try openTerminal(TerminalSession.Options(extraInput: server.notification))
        if let watcher { terminal.watch(watcher) }
        server.start()
        var presenter = Presenter(
            model: model, deck: deck, width: terminal.size.width, height: terminal.size.height,
            start: (slide ?? 1) - 1, resume: resume, keys: config.apply(to: KeyBindings.standard),
            capabilities: terminal.capabilities)
        presenter.lecturerNotes = state.map(ReaderSession.notes(from:)) ?? [:]
        var program = BroadcastingPresenter(presenter: presenter, server: server)
        let content = self.content
        var host = PresenterHost(
            store: store, base: state, resultsFolder: results,
            reload: watcher.map { _ in { content.load(adding: extra, cached: false) } })
        // The clock on the slides needs a tick a second.
        let outcome = ProgramRunner(backend: terminal, options: .init(ticks: 1000)).run(
            &program, host: &host)
        if case .signal(let number) = outcome { throw ExitCode(128 + number) }
    }

    /// The content and the deck to present. A deck given as a file is the deck that file
    /// defines: found in the content when the file is in one of its folders; or else the
    /// content folder it is in (the nearest folder above it with a caravan.yaml) laid on
    /// top of the content, or failing that the file alone. Also what was laid on top, to
    /// load the same again.
    private func loadDeck() throws -> (ContentModel, EntityID, [ContentSource]) {
        guard let deck, PresentCommand.isFile(deck) else {
            let model = try content.loadValid(content.load(cached: !watching.watch))
            return (model, try chooseDeck(in: model), [])
        }
        var model = try content.loadValid(content.load(cached: !watching.watch))
        var extra: [ContentSource] = []
        if model.entity(definedByFileAt: deck) == nil {
            let layer = PresentCommand.contentFolder(holding: deck).map(ContentSource.folder)
            extra = [layer ?? .file(deck)]
            model = try content.loadValid(content.load(adding: extra, cached: !watching.watch))
        }
        guard let entity = model.entity(definedByFileAt: deck) else {
            throw UsageError("'\(deck)' defines no entity; a deck starts with `kind: deck`")
        }
        guard entity.kind == .deck else {
            throw UsageError(
                "'\(deck)' is \(model.vocabulary.withArticle(entity.kind)), not a deck")
        }
        return (model, entity.id, extra)
    }

    /// The nearest folder at or above a file's own that has a caravan.yaml.
    static func contentFolder(holding file: String) -> String? {
        var folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<32 {
            let manifest = folder.appendingPathComponent(ContentManifest.fileName).path
            if FileManager.default.fileExists(atPath: manifest) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }

    /// Whether an argument names a regular file (a deck id never does: it has no `.md`).
    static func isFile(_ argument: String) -> Bool {
        var info = stat()
        return stat(argument, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private func chooseDeck(in model: ContentModel) throws -> EntityID {
        if let deck {
            if let id = EntityID(deck), model.contains(id), id.kind == .deck { return id }
            let bySlug = EntityID(kind: .deck, slug: deck)
            if model.contains(bySlug) { return bySlug }
            let names = model.decks.map(\.id.description)
            var message = "no deck '\(deck)'"
            let slugs = model.decks.map(\.id.slug)
            if let close = closestName(to: deck, among: names)
                ?? closestName(to: deck, among: slugs)
            {
                message += "; did you mean '\(close)'?"
            }
            if !names.isEmpty { message += " (decks: \(names.joined(separator: ", ")))" }
            throw UsageError(message)
        }
        if let lecture = EntityID("deck/lecture"), model.contains(lecture) { return lecture }
        guard let first = model.decks.first else {
            throw UsageError(
                "the content has no decks; write one in decks/ (see docs/content-format.md)")
        }
        return first.id
    }
}

/// Starts a full-screen session, or explains in one line why it can't.
func openTerminal(_ options: TerminalSession.Options) throws -> TerminalSession {
    do {
        return try TerminalSession(options: options)
    } catch let error as TerminalError {
        printError("caravan: \(error)")
        throw ExitCode(2)
    }
}
