import ArgumentParser
import CaravanContent
import CaravanDefaultContent
import CaravanUI
import Foundation

/// `--content DIR`, once or more: which content to open, the built-in paper when absent.
/// Each folder goes on top of the ones before it, and `builtin` names the built-in paper,
/// so `--content builtin --content seminar` puts a lecturer's folder on the paper (as a
/// folder's own `extends: builtin` does).
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open the content folder DIR instead of the built-in paper; give it again to lay one folder on another ('builtin' is the built-in paper).",
            valueName: "DIR"),
        completion: .directory)
    var content: [String] = []

    /// What to load, bottom layer first.
    var sources: [ContentSource] {
        guard !content.isEmpty else { return [.builtin] }
        return content.map(ContentOptions.source)
    }

    /// `builtin` is the built-in paper; anything else a folder (`./builtin` for a folder
    /// of that name).
    static func source(_ argument: String) -> ContentSource {
        argument == "builtin" ? .builtin : .folder(argument)
    }

    /// Opens the chosen content to read it: the compiled-in paper, or folders through the
    /// user's cache unless `cached` is off (a served session neither reads nor writes
    /// one). `caravan check` reads the files instead (``DefaultContent/load(sources:)``).
    func load(cached: Bool = true) -> ContentModel {
        DefaultContent.open(sources: sources, cache: cached ? ContentOptions.cache : nil)
    }

    /// Opens the chosen content with more layers on top (a deck file to present), through
    /// the cache unless `cached` is off.
    func load(adding extra: [ContentSource], cached: Bool = true) -> ContentModel {
        DefaultContent.open(sources: sources + extra, cache: cached ? ContentOptions.cache : nil)
    }

    /// The user's cache of precompiled content folders.
    static var cache: ModelCache? {
        ModelCache.standard(
            program: ModelCache.programIdentity(version: Caravan.version),
            environment: ProcessInfo.processInfo.environment)
    }

    /// What keeps one content's saved state apart from another's: the built-in paper, or
    /// the folders by their real paths. Stable while a lecturer edits them.
    func identity(of model: ContentModel) -> String {
        let name = model.paper?.id.slug ?? "content"
        guard !content.isEmpty else { return "builtin-" + name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, argument) in content.enumerated() {
            let path =
                argument == "builtin"
                ? "builtin"
                : URL(fileURLWithPath: argument).resolvingSymlinksInPath().standardizedFileURL.path
            // One folder keeps the identity it had before layers: its path alone.
            for byte in ((index > 0 ? "\n" : "") + path).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return name + "-" + String(hash, radix: 16)
    }

    /// Loads the content to read it: valid entities open and broken ones are marked.
    /// `caravan check` is what fails on errors; here they are listed on standard error
    /// (unless `listing` is off, for the explorer, which lists them itself) and reading
    /// goes on. Only content with nothing to read stops, as `loadValid` does.
    func loadForReading(listing: Bool = true, cached: Bool = true) throws -> ContentModel {
        let (model, cacheWrite) = try openForReading(listing: listing, cached: cached)
        cacheWrite?.finish()
        return model
    }

    /// Loads the content as ``loadForReading(listing:cached:)`` does, leaving the caller to
    /// start and finish keeping a model read from its files in the cache.
    func openForReading(listing: Bool = true, cached: Bool = true) throws -> (
        model: ContentModel, cacheWrite: PendingCacheWrite?
    ) {
        let (model, cacheWrite) = DefaultContent.openDeferringCache(
            sources: sources, cache: cached ? ContentOptions.cache : nil)
        guard let summary = model.problems.errorSummary else { return (model, cacheWrite) }
        if model.entities.isEmpty {
            cacheWrite?.finish()
            return (try loadValid(model), nil)
        }
        guard listing else { return (model, cacheWrite) }
        let errors = model.errors
        for error in errors.prefix(20) { printError(error.formatted) }
        if errors.count > 20 { printError("... and \(errors.count - 20) more errors") }
        printError(
            "caravan: the content has \(summary); entities from those files are marked broken"
                + " (`caravan check` lists every problem)")
        return (model, cacheWrite)
    }

    /// Loads the content and stops with its errors when it has any.
    func loadValid() throws -> ContentModel {
        try loadValid(load())
    }

    func loadValid(_ model: ContentModel) throws -> ContentModel {
        let errors = model.errors
        guard errors.isEmpty else {
            for error in errors.prefix(20) { printError(error.formatted) }
            if errors.count > 20 { printError("... and \(errors.count - 20) more errors") }
            printError("caravan: the content has errors; `caravan check` lists them all")
            throw ExitCode(1)
        }
        return model
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A usage problem: reported in one line, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }

    init(_ message: String) { self.message = message }
}

extension EntityKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Parses a kind argument: a kind's name or the content's word for it, singular or
/// plural (`connotation`, `pillars`), with a suggestion when it is misspelt.
func parseKind(_ text: String, vocabulary: Vocabulary = .standard) throws -> EntityKind {
    if let kind = vocabulary.kind(named: text) { return kind }
    let names = vocabulary.kindNames
    var message = "unknown kind '\(text)'"
    if let close = closestName(to: text, among: names) { message += "; did you mean '\(close)'?" }
    message += " (kinds: \(names.joined(separator: ", ")))"
    throw UsageError(message)
}

/// Resolves a name given on the command line as the jump prompt does: an id, the tail of
/// one, a section number, a framework code or a title, or else the one entity whose title
/// has a word starting with it. Several equally good matches are listed, and nothing is
/// opened.
func resolveID(_ text: String, in model: ContentModel) throws -> EntityID {
    switch EntityLookup(model: model).resolve(text) {
    case .found(let id):
        return id
    case .ambiguous(let candidates):
        let shown = candidates.prefix(12)
        let width = shown.map(\.description.count).max() ?? 0
        var lines = ["'\(text)' could mean \(candidates.count) entities; give one of:"]
        for id in shown {
            let title = model.entity(id)?.displayTitle ?? ""
            let padding = String(repeating: " ", count: max(0, width - id.description.count))
            lines.append(Sanitizer.visible("  \(id)\(padding)  \(title)"))
        }
        if candidates.count > shown.count {
            lines.append("  ... and \(candidates.count - shown.count) more")
        }
        throw UsageError(lines.joined(separator: "\n"))
    case .notFound(let closest):
        var message = "unknown id '\(text)'"
        if let close = closestName(to: text, among: model.entities.map(\.id.description))
            ?? closest.first?.description
        {
            message += "; did you mean '\(close)'?"
        }
        throw UsageError(message)
    }
}

/// The closest name by edit distance, for suggestions; an id ending in the word wins.
func closestName(to word: String, among names: [String]) -> String? {
    let lowered = word.lowercased()
    if let bySuffix = names.first(where: { $0.lowercased().hasSuffix("/" + lowered) }) {
        return bySuffix
    }
    if lowered.count >= 3, let byPrefix = names.first(where: { $0.lowercased().hasPrefix(lowered) })
    {
        return byPrefix
    }
    return Suggestion.closest(to: word, among: names)
}
