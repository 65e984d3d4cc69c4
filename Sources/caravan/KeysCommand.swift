import ArgumentParser
import CaravanConfig
import CaravanUI
import Foundation

/// `caravan keys`: every key binding as the config file leaves it, from the same key maps
/// the help overlays use.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key binding of the explorer, the framework views and the presenter.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, mdoc
    }

    @Option(help: "text, or mdoc for the KEYS section of the manual page.")
    var format: Format = .text

    @Flag(help: "Print the built-in bindings, without the config file's changes.")
    var ignoreConfig = false

    func run() throws {
        let keys = try loadUserConfig(ignoring: ignoreConfig).apply(to: KeyBindings.standard)
        let sections = KeyReference.sections(keys)
        switch format {
        case .text: emit(KeyReference.text(sections))
        case .mdoc: emit(KeyReference.mdoc(sections))
        }
    }
}

/// The key bindings as titled lists of (keys, what they do).
enum KeyReference {
    typealias Section = HelpSection

    /// Every program's keys, from the same keymaps their help screens are made from.
    static func sections(_ keys: KeyBindings = .standard) -> [Section] {
        keys.reference
    }

    static func text(_ sections: [Section]) -> String {
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append(section.title)
            let width = min(24, (section.entries.map(\.keys.count).max() ?? 0) + 2)
            for entry in section.entries {
                let padding = String(repeating: " ", count: max(2, width - entry.keys.count))
                lines.append("  " + entry.keys + padding + entry.text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A `.Sh KEYS` section in mdoc, the format the generated manual page uses.
    static func mdoc(_ sections: [Section]) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\e")
                .split(separator: "\n").map {
                    $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0)
                }
                .joined(separator: " ")
        }
        var lines = [
            ".Sh KEYS", "Keys can be rebound in the config file; see caravan config --default.",
        ]
        for section in sections {
            lines.append(".Ss \"\(section.title)\"")
            lines.append(".Bl -tag -width 16n")
            for entry in section.entries {
                lines.append(
                    ".It Sy \"\(escape(entry.keys).replacingOccurrences(of: "\"", with: "\\(dq"))\""
                )
                lines.append(escape(entry.text))
            }
            lines.append(".El")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
