import ArgumentParser
import CaravanContent
import CaravanUI

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entities in reading order, one a line: id, then title.",
        discussion:
            "KIND is one of: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")), "
            + "or the content's own word for one (a course's 'pillars'), singular or plural.")

    @Argument(
        help: ArgumentHelp("Only entities of this kind.", valueName: "KIND"),
        completion: .list(EntityKind.allCases.map(\.rawValue)))
    var kind: String?

    @OptionGroup var content: ContentOptions

    func run() throws {
        let model = try content.loadForReading()
        let filter = try kind.map { try parseKind($0, vocabulary: model.vocabulary) }
        let entities = ReadingSequence(model: model).entities.filter {
            filter == nil || $0.kind == filter
        }
        let width = entities.map(\.id.description.count).max() ?? 0
        for entity in entities {
            let id = entity.id.description
            let padding = String(repeating: " ", count: max(0, width - id.count))
            print(Sanitizer.visible("\(id)\(padding)  \(entity.displayTitle)"))
        }
    }
}
