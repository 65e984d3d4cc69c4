/// The help overlay's text, generated from the keymap so it shows what the keys really do.
public enum HelpScreen {
    /// The help box's width on a screen `width` columns wide.
    static func boxWidth(screenWidth width: Int) -> Int { min(96, width - 2) }

    /// The keys column's width in a box `width` columns wide inside.
    static func keyWidth(inner width: Int) -> Int { min(24, max(10, width / 3)) }

    /// The help as rows of a box `width` columns wide inside: keys and descriptions
    /// wrapped at spaces, so no word is cut.
    public static func rows(keymap: Keymap, width: Int) -> [(
        keys: String, text: String, isHeading: Bool
    )] {
        let keyWidth = keyWidth(inner: width)
        return HelpColumns.wrap(
            lines(keymap: keymap), keyWidth: keyWidth - 1, textWidth: width - keyWidth)
    }

    public static func lines(keymap: Keymap) -> [(keys: String, text: String, isHeading: Bool)] {
        var lines: [(keys: String, text: String, isHeading: Bool)] = []
        var groups: [String] = []
        for action in Action.allCases where !groups.contains(action.group) {
            groups.append(action.group)
        }
        for group in groups {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append(("", group, true))
            for action in Action.allCases where action.group == group {
                let keys = keymap.keys(for: action).map(\.name)
                guard !keys.isEmpty else { continue }
                lines.append((keys.joined(separator: " "), action.help, false))
            }
        }
        lines.append(("", "", false))
        lines.append(("", "In prompts", true))
        lines.append(("Enter", "Open the selected result", false))
        lines.append(("Up Down", "Move through the results", false))
        lines.append(("Tab", "Complete the id (jump prompt)", false))
        lines.append(("Ctrl-u Ctrl-w", "Clear the input, delete the last word", false))
        lines.append(
            ("Ctrl-p Ctrl-n", "Earlier and later entries (Up and Down when no list)", false))
        lines.append(
            ("Esc", "Close the prompt; in the reader, end the search and its highlights", false))
        lines.append(("", "", false))
        lines.append(
            (
                "1-9",
                "A count before a key repeats it: 5j moves five lines; Esc, or another pane "
                    + "or view, drops it", false
            ))
        return lines
    }
}

/// Two columns, keys and what they do, each wrapped at spaces to its width; a long entry
/// takes several rows, with the keys column empty on the rows after its first.
enum HelpColumns {
    static func wrap(
        _ lines: [(keys: String, text: String, isHeading: Bool)], keyWidth: Int, textWidth: Int
    ) -> [(keys: String, text: String, isHeading: Bool)] {
        var rows: [(keys: String, text: String, isHeading: Bool)] = []
        for line in lines {
            if line.isHeading || line.keys.isEmpty && line.text.isEmpty {
                rows.append(line)
                continue
            }
            let keys = line.keys.isEmpty ? [] : TextFit.wrap(line.keys, width: max(1, keyWidth))
            let text = TextFit.wrap(line.text, width: max(1, textWidth))
            for index in 0..<max(1, keys.count, text.count) {
                rows.append(
                    (
                        keys.indices.contains(index) ? keys[index] : "",
                        text.indices.contains(index) ? text[index] : "", false
                    ))
            }
        }
        return rows
    }
}
