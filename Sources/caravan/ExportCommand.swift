import ArgumentParser
import CaravanContent
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole content model (entities, links, backlinks) as JSON.",
        discussion: "The schema is documented in docs/export-schema.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Option(help: "The output format.")
    var format: Format = .json

    @OptionGroup var content: ContentOptions

    func run() throws {
        let model = try content.loadValid()
        var data = try JSONExport.data(for: model)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
