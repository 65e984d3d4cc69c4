import CaravanUI
import Foundation

extension Config {
    /// A config file with every setting, commented, that reads as the defaults.
    /// `caravan config --default` prints it. The colour and key lines are generated from
    /// the dark theme and the standard keymap, so they always tell the truth; removing
    /// their `#` changes nothing until a value is edited.
    public static let defaultText: String = {
        var lines = [
            "# Caravan's settings: ${XDG_CONFIG_HOME:-~/.config}/caravan/config.toml.",
            "# This is the built-in default. Lines starting with # are comments; remove the #",
            "# and edit the value to change a setting. Check the file with",
            "# `caravan config --check`.",
            "",
            "# Colour theme: dark, light or monochrome. Terminals without colour, and NO_COLOR,",
            "# get monochrome.",
            "theme = \"dark\"",
            "",
            "# The content folder to open when --content is not given; ~ is your home folder,",
            "# and a relative path starts from this file's folder. Default: the built-in paper.",
            "# content = \"~/teaching/belt-and-road\"",
            "",
            "# Prefer the linear presentation that screen readers and braille displays read well.",
            "screen-reader = false",
            "",
            "# The editor for notes. Default: $VISUAL, else $EDITOR, else the built-in editor.",
            "# editor = \"vim\"",
            "",
            "[panes]",
            "# Widths of the side panes in columns (\(paneWidths.lowerBound)-\(paneWidths.upperBound)). "
                + "Default: a share of the",
            "# terminal's width.",
            "# navigator-width = 30",
            "# context-width = 32",
            "",
            "[colors]",
            "# A role's style: attributes (\(StyleText.attributeNames.joined(separator: ", "))),",
            "# a colour, then \"on\" and a background colour: \"cyan\", \"black on yellow\",",
            "# \"bold 208 on default\". Colours: default, black, red, green, yellow, blue,",
            "# magenta, cyan, white, bright-black ... bright-white, or 0-255. A value replaces",
            "# the role's whole style in every theme. The dark theme's styles:",
        ]
        for role in Role.allCases {
            lines.append("# \(role.name) = \(tomlString(StyleText.format(Theme.dark[role])))")
        }
        lines += [
            "",
            "[keys]",
            "# An action's keys: one key or a list. They replace the action's default keys, and",
            "# a key given here is taken from any other action of its table that had it. Keys are",
            "# written like j, J, Space, Enter, Tab, S-Tab, Esc, Backspace, Up, PgDn, Home, F1,",
            "# Ctrl-d. The explorer's default keys:",
        ]
        for table in KeyBindings.tables {
            if table.name != Action.keyTable {
                lines += ["", "[\(table.name)]"] + tableNotes[table.name, default: []]
            }
            lines += keyLines(table)
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// What each table after `[keys]` is for.
    private static let tableNotes: [String: [String]] = [
        ViewAction.keyTable: comment(
            "Keys of the framework views, looked up before the explorer's. The views also take "
                + "the keys the explorer gives "
                + ViewAction.allCases.compactMap { $0.explorerAction?.name }.joined(separator: ", ")
                + "."),
        PromptAction.keyTable: ["# Keys of the search and jump prompts; other characters type."],
        EditorAction.keyTable: ["# Keys of the built-in note editor; other characters type."],
        PresenterAction.keyTable: [
            "# Keys of `caravan present` and of presenting from the explorer."
        ],
        OverviewAction.keyTable: ["# Keys of the presenter's overview of slides."],
        FollowAction.keyTable: [
            "# Keys of `caravan follow`, besides the explorer's moving keys and quit."
        ],
    ]

    /// A table's actions with their default keys, commented, under their groups.
    private static func keyLines(_ table: KeyBindings.Table) -> [String] {
        var lines: [String] = []
        var group = ""
        for name in table.actions {
            guard let binding = KeyBindings.standard.binding(table: table.name, action: name)
            else { continue }
            if table.name == Action.keyTable, binding.group != group {
                group = binding.group
                lines.append("# \(group)")
            }
            // The views' moves have only the explorer's keys, given in [keys].
            guard !binding.keys.isEmpty else { continue }
            let quoted = binding.keys.map(tomlString)
            let value = quoted.count == 1 ? quoted[0] : "[" + quoted.joined(separator: ", ") + "]"
            lines.append("# \(name) = \(value)")
        }
        return lines
    }

    /// Text as comment lines of at most 88 columns.
    private static func comment(_ text: String) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 88 {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        return lines + [line]
    }

    /// A TOML basic string.
    static func tomlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
