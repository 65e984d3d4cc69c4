/// The help overlay's text, generated from the keymap so it shows what the keys really do.
public enum HelpScreen {
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
        lines.append(("Esc", "Close the prompt; in the reader, clear search highlights", false))
        lines.append(("", "", false))
        lines.append(("1-9", "A count before a key repeats it: 5j moves five lines", false))
        lines.append(("", "Esc, or moving to another pane or view, drops a count", false))
        return lines
    }
}
