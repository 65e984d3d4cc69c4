import ArgumentParser
import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the content model as JSON, or a handout as HTML or Markdown.",
        usage: """
            caravan export [--format json] [-o FILE]
            caravan export [NAME | --all] --format html|markdown [--notes] [-o FILE]
            """,
        discussion: """
            JSON is the whole model, for programs (docs/export-schema.md). A handout is for \
            people: one entity, a reading path with each step in full, a deck's slides (one \
            a page when printed; --notes puts each slide's speaker notes below it) or, with \
            no NAME, the whole content with its framework map and case matrix. Whatever a \
            handout links to but does not hold follows at its end, so every link leads \
            somewhere in it.

            HTML handouts are one self-contained file: no scripts, nothing fetched, ready to \
            print on A4 or Letter. Markdown handouts are CommonMark, with pipe tables for \
            the map, the matrix and key figures.

            The format is taken from FILE's extension (.html, .md, .json) when --format is \
            not given. FILE is replaced atomically.

            Examples:
              caravan export deck/lecture --format html --notes -o lecture.html
              caravan export path/first-read -o first-read.md
              caravan export --all --format html -o paper.html
              caravan export case/almaty-silk-road-brand --format markdown
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, html, markdown
    }

    @Argument(
        help: ArgumentHelp(
            "What the handout holds: an entity (an id, 3b, E2 or a title word), a reading path (path/...) or a deck (deck/...). Left out, the whole content.",
            valueName: "NAME"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "json (the whole model), html or markdown (a handout); default: from -o FILE's extension, or json.",
            valueName: "FORMAT"))
    var format: Format?

    @Flag(help: "A handout of the whole content (as when no NAME is given).")
    var all = false

    @Flag(help: "With a deck: each slide's speaker notes below it.")
    var notes = false

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "Write to FILE, replacing it atomically, instead of standard output ('-').",
            valueName: "FILE"),
        completion: .file())
    var output: String?

    @OptionGroup var content: ContentOptions

    func validate() throws {
        if all && name != nil { throw ValidationError("give a NAME or --all, not both") }
        if resolvedFormat == .json && (name != nil || all || notes) {
            throw ValidationError(
                "the JSON export is always the whole model; for a handout give --format html or markdown"
            )
        }
    }

    /// `--format`, or the output file's extension, or JSON as before handouts.
    var resolvedFormat: Format {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        default: return .json
        }
    }

    func run() throws {
        let model = try content.loadValid()
        var data: Data
        switch resolvedFormat {
        case .json:
            data = try JSONExport.data(for: model)
            data.append(0x0A)
        case .html:
            data = Data(Handout.render(try selection(in: model), format: .html, model: model).utf8)
        case .markdown:
            data = Data(
                Handout.render(try selection(in: model), format: .markdown, model: model).utf8)
        }
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: output, access: .umask)
        } catch {
            let reason = (error as? StoreError)?.message ?? "\(error)"
            printError("caravan: cannot write \(Sanitizer.visible(output)): \(reason)")
            throw ExitCode(1)
        }
    }

    /// What NAME names, found as `caravan show` finds it; the whole content without one.
    private func selection(in model: ContentModel) throws -> Handout.Selection {
        guard let name else {
            if notes {
                throw UsageError("--notes goes with a deck: caravan export deck/NAME --notes")
            }
            return .all
        }
        let id = try resolveID(name, in: model)
        if notes && id.kind != .deck {
            throw UsageError(
                "--notes goes with a deck; \(id) is a \(model.vocabulary.singular(id.kind))")
        }
        return .entity(id, notes: notes)
    }
}
