import ArgumentParser
import CaravanContent
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
        help: ArgumentHelp("Open at this entity, e.g. case/almaty-silk-road-brand.", valueName: "ID"))
    var open: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Open a view of the framework: map, matrix or atlas.", valueName: "NAME"))
    var view: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: dark, light or monochrome.", valueName: "NAME"))
    var theme: String?

    @Flag(name: .long, help: "One pane at a time, no box drawing, the cursor on the selection (for screen readers).")
    var screenReader = false

    @Flag(name: .long, help: "Report mouse clicks and wheel turns (takes text selection from the terminal).")
    var mouse = false

    func run() throws {
        let model = try content.loadValid()
        let start = try open.map { try resolveID($0, in: model) }
        let startView = try view.map(parseView)
        let chosenTheme = try theme.map { name -> Theme in
            guard let theme = Theme.named(name) else {
                throw UsageError("unknown theme '\(name)'; themes: dark, light, monochrome")
            }
            return theme
        }
        let session: TerminalSession
        do {
            session = try TerminalSession(options: .init(mouse: mouse))
        } catch let error as TerminalError {
            printError("caravan: \(error)")
            printError("For plain text, try 'caravan list', 'caravan show ID' or 'caravan check'.")
            throw ExitCode(2)
        }
        let capabilities = session.capabilities
        var resolvedTheme = chosenTheme ?? .dark
        if capabilities.colors == .none { resolvedTheme = .monochrome }
        var explorer = Explorer(
            model: model, width: session.width, height: session.height, start: start,
            theme: resolvedTheme, capabilities: capabilities, screenReader: screenReader)
        if let startView { explorer.showFramework(startView) }
        let outcome = session.run(program: &explorer)
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
    if let close = Suggestion.closest(to: name, among: names) { message += "; did you mean '\(close)'?" }
    throw UsageError(message + " (views: \(names.joined(separator: ", ")))")
}
