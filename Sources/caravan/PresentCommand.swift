import ArgumentParser
import CaravanConfig
import CaravanContent
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
            Keys: Space, Right, PgDn, n or j for the next slide; Left, PgUp, p, k or Backspace \
            for the previous; g and G for the first and last; a number then Enter to go to a \
            slide; o for an overview; b to blank the screen; Enter on a slide that shows an \
            entity to explore it (Backspace or Esc comes back); ? for help; q to quit.

            While it runs, 'caravan notes' shows the speaker notes and 'caravan follow' the \
            slides, following live, in other terminals. They connect through a socket in \
            $XDG_RUNTIME_DIR/caravan (or /tmp/caravan-UID) that only you can use, unless \
            --audience widens it. Followers can never move the presenter.
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

    @OptionGroup var session: SessionOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var watching: WatchOptions

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
        let terminal = try openTerminal(TerminalSession.Options())
        if let watcher { terminal.watch(watcher) }
        server.start()
        let presenter = Presenter(
            model: model, deck: deck, width: terminal.size.width, height: terminal.size.height,
            start: (slide ?? 1) - 1, keys: config.apply(to: KeyBindings.standard),
            capabilities: terminal.capabilities)
        var program = BroadcastingPresenter(presenter: presenter, server: server)
        let content = self.content
        var host = ContentReloadHost<BroadcastingPresenter> {
            content.load(adding: extra, cached: false)
        }
        // The clock on the slides needs a tick a second.
        let outcome = ProgramRunner(backend: terminal, options: .init(ticks: 1000))
            .run(&program, host: &host)
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
