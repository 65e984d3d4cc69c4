import ArgumentParser
import CaravanContent
import CaravanUI
import Foundation

/// `--color always|never|auto` and `--width N`, shared by the plain-text commands.
struct OutputOptions: ParsableArguments {
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case always, never, auto
    }

    @Option(
        help:
            "Colour and bold in the output: always, never or auto (only on a terminal, and not with NO_COLOR)."
    )
    var color: ColorChoice = .auto

    @Option(
        help: ArgumentHelp(
            "Wrap text to N columns (default: the terminal's width, or 80).", valueName: "N"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 || width > 1000 {
            throw ValidationError("--width must be between 20 and 1000")
        }
    }

    var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
        }
    }

    var resolvedWidth: Int {
        if let width { return width }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0,
            size.ws_col > 0
        {
            return min(Int(size.ws_col), 100)
        }
        return 80
    }
}

/// Writes text to standard output as it is.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Print one entity as wrapped plain text, its links as numbered references, one a line.")

    @Argument(
        help: ArgumentHelp(
            "The entity to show: an id (case/almaty-silk-road-brand), a section number (3b), a code (E2) or a title word (almaty).",
            valueName: "ID"))
    var id: String?

    @Option(
        help: ArgumentHelp(
            "Print a view of the framework instead: \(FrameworkViewKind.spokenList).",
            valueName: "NAME"))
    var view: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if (id == nil) == (view == nil) {
            let views = FrameworkViewKind.allCases.map(\.rawValue).joined(separator: "|")
            throw ValidationError("give an entity id or --view \(views)")
        }
    }

    func run() throws {
        let model = try content.loadForReading()
        if let view {
            let kind = try parseView(view)
            let text = kind.plainText(model: model, width: output.resolvedWidth)
            emit(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        guard let id else { return }
        let resolved = try resolveID(id, in: model)
        guard let entity = model.entity(resolved) else { throw UsageError("unknown id '\(id)'") }
        let plain = PlainText(model: model, width: output.resolvedWidth, color: output.useColor)
        emit(plain.entity(entity))
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every entity; print ranked results with snippets.")

    @Argument(help: "Words to find (the last may be the start of a word).")
    var query: [String]

    @Option(help: ArgumentHelp("Only entities of this kind.", valueName: "KIND"))
    var kind: String?

    @Option(help: ArgumentHelp("At most N results.", valueName: "N"))
    var limit: Int = 20

    @OptionGroup var output: OutputOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let model = try content.loadForReading()
        let filter = try kind.map { try parseKind($0, vocabulary: model.vocabulary) }
        let text = query.joined(separator: " ")
        // The last word may be the start of one, as in the explorer's prompt.
        let results = model.search.search(text, kind: filter, limit: limit)
        guard !results.isEmpty else {
            // Like grep: nothing on standard output, a word on standard error, status 1.
            var message = "caravan: no results for '\(Sanitizer.visible(text))'"
            if let correction = model.search.correction(for: text) {
                message += "; did you mean '\(correction)'?"
            }
            printError(message)
            throw ExitCode(1)
        }
        let plain = PlainText(model: model, width: output.resolvedWidth, color: output.useColor)
        emit(plain.searchResults(results, query: text))
    }
}

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print the whole paper in reading order as linear text.",
        discussion: """
            For screen readers, braille displays and printers: no box drawing, headings marked \
            with #, links as numbered references after each entity.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
        let model = try content.loadForReading()
        let plain = PlainText(model: model, width: output.resolvedWidth, color: output.useColor)
        emit(plain.readAll())
    }
}
