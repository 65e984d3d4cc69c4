import ArgumentParser
import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

/// `caravan annotations`: the reader's notes on the content.
struct AnnotationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotations",
        abstract: "Work with your notes on the content.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print your notes, in reading order, as Markdown or JSON.",
            discussion: """
                Notes are kept per content in ${XDG_STATE_HOME:-~/.local/state}/caravan/. \
                Each note comes with its entity's title and id and the day it was written.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, json
        }

        @Option(help: "The output format: markdown or json.")
        var format: Format = .markdown

        @OptionGroup var content: ContentOptions

        func run() throws {
            let model = content.load()
            let store = StateStore(contentIdentity: content.identity(of: model))
            let (state, warnings) = store.load()
            for warning in warnings {
                printError("caravan: \(warning)")
            }
            var titles: [String: String] = [:]
            for entity in model.entities where titles[entity.id.description] == nil {
                titles[entity.id.description] = entity.displayTitle
            }
            let order = model.entities.map(\.id.description)
            switch format {
            case .markdown:
                let text = AnnotationExport.markdown(state, titles: titles, order: order)
                // Titles and notes may hold control characters; never send them raw.
                emit(
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { Sanitizer.visible(String($0)) }
                        .joined(separator: "\n"))
            case .json:
                emit(AnnotationExport.json(state, titles: titles, order: order))
            }
        }
    }
}
