import ArgumentParser
import CaravanContent
import CaravanDefaultContent

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a content folder and report every problem.",
        discussion: """
            Prints one line per problem as path:line:col: error|warning: message, the form \
            compilers use, then a count. Exits 1 when there are errors, 0 otherwise. Without \
            DIR, checks the built-in content (or --content DIR). A folder is checked with the \
            layers it extends, and on top of any --content layers: the merged content is \
            checked, each problem named by the file (and so the layer) it is in; the built-in \
            paper's files are named <built-in>/....
            """)

    @Argument(
        help: ArgumentHelp("The content folder to check.", valueName: "DIR"), completion: .directory
    )
    var folder: String?

    @OptionGroup var content: ContentOptions

    func run() throws {
        let model: ContentModel
        if let folder {
            model = DefaultContent.load(
                sources: (content.content.isEmpty ? [] : content.sources)
                    + [ContentOptions.source(folder)])
        } else {
            // Always the files themselves, never the compiled or cached model.
            model = DefaultContent.load(sources: content.sources)
        }
        for diagnostic in model.diagnostics {
            print(diagnostic.formatted)
        }
        let errors = model.errors.count
        let warnings = model.warnings.count
        // Layered content says how many layers were checked together.
        let layers = model.layers.count > 1 ? " in \(model.layers.count) layers" : ""
        print(
            "\(model.entities.count) entities\(layers), \(errors) error\(errors == 1 ? "" : "s"), "
                + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
