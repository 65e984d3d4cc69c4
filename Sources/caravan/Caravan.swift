import ArgumentParser
import CaravanContent
import Foundation

/// `caravan`: explore a research framework from the terminal.
struct Caravan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "caravan",
        abstract: "Read, explore and teach a research framework from the terminal.",
        discussion: """
            Without a subcommand, opens the explorer on the built-in paper (Bian & Liu, 2023, \
            "The Promoting Role of Cultural Industry in 'the Belt and Road' Initiative"), or on \
            the content folder given with --content. Options may come before or after a \
            subcommand: caravan --content DIR list is caravan list --content DIR.
            """,
        version: version,
        subcommands: [
            ExploreCommand.self, CheckCommand.self, ExportCommand.self, ListCommand.self,
            ShowCommand.self, SearchCommand.self, ReadCommand.self, ServeCommand.self,
            PresentCommand.self, NotesCommand.self, FollowCommand.self,
            ConfigCommand.self, AnnotationsCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self)
}

/// Runs the command line: usage problems are one line on standard error and exit status 2.
enum CommandLineRunner {
    static func main() {
        let arguments = Caravan.movingLeadingOptions(Array(CommandLine.arguments.dropFirst()))
        if ["--help", "-h", "help"].contains(arguments.first ?? ""), arguments.count == 1 {
            print(Caravan.helpWithExplorerOptions())
            return
        }
        do {
            var command = try Caravan.parseAsRoot(arguments)
            do {
                try command.run()
            } catch let usage as UsageError {
                printError("caravan: \(usage.message)")
                exit(2)
            } catch {
                Caravan.exit(withError: error)
            }
        } catch {
            // Help and version requests print as usual and succeed.
            if Caravan.exitCode(for: error) == .success { Caravan.exit(withError: error) }
            let message = Caravan.message(for: error)
            var firstLine =
                message.split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            // A misspelt subcommand gets a suggestion, like git's.
            if let word = arguments.first, !word.hasPrefix("-"), firstLine.contains("'\(word)'") {
                let names = Caravan.configuration.subcommands.compactMap {
                    $0.configuration.commandName
                }
                firstLine = "unknown command '\(word)'"
                if let close = Suggestion.closest(to: word, among: names) {
                    firstLine += "; did you mean '\(close)'?"
                }
            }
            printError("caravan: \(firstLine.prefix(1).lowercased() + firstLine.dropFirst())")
            printError("Try 'caravan --help' for more information.")
            exit(2)
        }
    }
}

extension Caravan {
    /// Options that may come before a subcommand and take a value: `--content` and the
    /// explorer's, and the plain commands' `--color` and `--width`.
    static let leadingValueOptions: Set<String> = [
        "--content", "--open", "--view", "--theme", "--color", "--width", "--state-dir",
    ]

    /// Global options written before a subcommand, moved after it: `caravan --content DIR
    /// list` reads as `caravan list --content DIR`. Without a subcommand the arguments
    /// are the explorer's and stay as they are. A value that happens to be a subcommand's
    /// name (`--open list`) stays a value.
    static func movingLeadingOptions(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return arguments }
            if names.contains(argument) {
                guard index > 0 else { return arguments }
                return [argument] + arguments[..<index] + arguments[(index + 1)...]
            }
            guard argument.hasPrefix("-") else { return arguments }
            let name = String(argument.prefix { $0 != "=" })
            index += leadingValueOptions.contains(name) && !argument.contains("=") ? 2 : 1
        }
        return arguments
    }

    /// The top-level help with the explorer's own options in it: `caravan` with no
    /// subcommand is the explorer, so `--open`, `--view` and the rest belong on the
    /// first page a user reads.
    static func helpWithExplorerOptions() -> String {
        let root = helpMessage()
        let explorer = helpMessage(for: ExploreCommand.self)
        guard let start = explorer.range(of: "OPTIONS:\n") else { return root }
        // The explorer's options, without --version and --help, which the root lists.
        var options: [String] = []
        var skipping = false
        for line in explorer[start.upperBound...].split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let isOption = line.hasPrefix("  -")
            if isOption {
                skipping = line.hasPrefix("  --version") || line.hasPrefix("  -h, --help")
            }
            if !skipping { options.append(String(line)) }
        }
        while options.last?.isEmpty == true { options.removeLast() }
        let section =
            "EXPLORER OPTIONS (caravan with no subcommand, or caravan explore):\n"
            + options.joined(separator: "\n") + "\n\n"
        var text = root.replacingOccurrences(
            of: "USAGE: caravan <subcommand>",
            with: "USAGE: caravan [<explorer options>]\n       caravan <subcommand>")
        if let subcommands = text.range(of: "SUBCOMMANDS:") {
            text.insert(contentsOf: section, at: subcommands.lowerBound)
        } else {
            text += "\n" + section
        }
        return text
    }
}
