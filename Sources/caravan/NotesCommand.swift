import ArgumentParser
import CaravanConfig
import CaravanTerminal
import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which presenter a notes or follow screen listens to.
struct PresenterOptions: ParsableArguments {
    @OptionGroup var session: SessionOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Follow another user's presentation (given with --audience group or all).",
            valueName: "USER"))
    var from: String?

    /// The presenting user.
    func owner() throws -> uid_t {
        try from.map(PresentSocket.userID) ?? geteuid()
    }

    /// A client for the presenter's socket, not yet started.
    func client(anySession: Bool = false, voter: String? = nil) throws -> PresentClient {
        let owner = try owner()
        let name = session.session
        let sockets: @Sendable () -> [String]
        if anySession && name == nil {
            sockets = { PresentSocket.anySocket(uid: owner) }
        } else {
            sockets = { PresentSocket.candidates(session: name, uid: owner) }
        }
        do {
            return try PresentClient(sockets: sockets, owner: owner, voter: voter)
        } catch let error as PresentSocketError {
            printError("caravan: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Runs a screen that follows a presenter until the user quits.
func runFollowing(_ makeScreen: (TerminalSession) -> some FollowsPresenter, client: PresentClient)
    throws
{
    signal(SIGPIPE, SIG_IGN)
    let terminal = try openTerminal(
        TerminalSession.Options(extraInput: client.notification))
    client.start()
    defer { client.stop() }
    var program = LinkedScreen(screen: makeScreen(terminal), client: client)
    program.screen.receive(client.take())
    let outcome = ProgramRunner(backend: terminal, options: .init(ticks: 1000)).run(&program)
    if case .signal(let number) = outcome { throw ExitCode(128 + number) }
}

/// `caravan notes`: the speaker's view, following the presenter.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Show the speaker notes of a running presentation, following it live.",
        discussion: """
            Shows the current slide's notes, the next slide's title, the slide number and the \
            elapsed time. Start it before or after 'caravan present'; it waits for the \
            presenter and keeps going if the presenter quits and comes back. It only \
            listens: keys here (j/k scroll, q quits) never move the slides.
            """)

    @OptionGroup var presenter: PresenterOptions

    func run() throws {
        let keymap = try loadUserConfig().apply(to: Keymap<Action>.standard)
        let client = try presenter.client()
        try runFollowing(
            {
                NotesScreen(
                    width: $0.size.width, height: $0.size.height, capabilities: $0.capabilities,
                    keymap: keymap)
            },
            client: client)
    }
}
