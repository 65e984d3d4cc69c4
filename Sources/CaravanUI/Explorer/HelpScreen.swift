/// The help overlay's text, generated from the keymaps so it shows what the keys really do.
public enum HelpScreen {
    /// The help box's width on a screen `width` columns wide.
    static func boxWidth(screenWidth width: Int) -> Int { min(96, width - 2) }

    /// The keys column's width in a box `width` columns wide inside.
    static func keyWidth(inner width: Int) -> Int { min(24, max(10, width / 3)) }

    /// The help as rows of a box `width` columns wide inside: keys and descriptions
    /// wrapped at spaces, so no word is cut.
    public static func rows(keys: KeyBindings, width: Int) -> [HelpLine] {
        let keyWidth = keyWidth(inner: width)
        return HelpColumns.wrap(
            lines(keys.explorerHelp), keyWidth: keyWidth - 1, textWidth: width - keyWidth)
    }

    /// Sections as lines: each heading, then its keys, a blank line between sections.
    public static func lines(_ sections: [HelpSection]) -> [HelpLine] {
        var lines: [HelpLine] = []
        for section in sections {
            if !lines.isEmpty { lines.append(HelpLine(keys: "", text: "", isHeading: false)) }
            lines.append(HelpLine(keys: "", text: section.title, isHeading: true))
            for entry in section.entries {
                lines.append(HelpLine(keys: entry.keys, text: entry.text, isHeading: false))
            }
        }
        return lines
    }
}

/// A row of a help screen: a heading, or keys and what they do.
public struct HelpLine: Hashable, Sendable {
    public var keys: String
    public var text: String
    public var isHeading: Bool

    public init(keys: String, text: String, isHeading: Bool) {
        self.keys = keys
        self.text = text
        self.isHeading = isHeading
    }
}

/// Two columns, keys and what they do, each wrapped at spaces to its width; a long entry
/// takes several rows, with the keys column empty on the rows after its first.
enum HelpColumns {
    static func wrap(_ lines: [HelpLine], keyWidth: Int, textWidth: Int) -> [HelpLine] {
        var rows: [HelpLine] = []
        for line in lines {
            if line.isHeading || line.keys.isEmpty && line.text.isEmpty {
                rows.append(line)
                continue
            }
            let keys = line.keys.isEmpty ? [] : TextFit.wrap(line.keys, width: max(1, keyWidth))
            let text = TextFit.wrap(line.text, width: max(1, textWidth))
            for index in 0..<max(1, keys.count, text.count) {
                rows.append(
                    HelpLine(
                        keys: keys.indices.contains(index) ? keys[index] : "",
                        text: text.indices.contains(index) ? text[index] : "", isHeading: false))
            }
        }
        return rows
    }
}

/// The help over the panes: every key, generated from the keymaps, scrolled.
struct HelpPanel: Widget {
    let keys: KeyBindings
    let scroll: Int
    let look: Look

    func render(in area: Rect, into grid: inout Grid) {
        let frame = OverlayFrame(
            width: HelpScreen.boxWidth(screenWidth: area.width), height: area.height - 2,
            title: "Keys" + look.glyphs.dash + "press any other key to close", look: look)
        frame.render(in: area, into: &grid)
        let inner = frame.inner(in: area)
        let lines = HelpScreen.rows(keys: keys, width: inner.width)
        let keyWidth = HelpScreen.keyWidth(inner: inner.width)
        let theme = look.theme
        for row in 0..<inner.height {
            let index = scroll + row
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            let y = inner.y + row
            if line.isHeading {
                grid.write(
                    line.text, x: inner.x, y: y, style: theme[.heading], maxWidth: inner.width)
            } else {
                grid.write(line.keys, x: inner.x, y: y, style: theme[.key], maxWidth: keyWidth - 1)
                grid.write(
                    line.text, x: inner.x + keyWidth, y: y, style: theme[.text],
                    maxWidth: inner.width - keyWidth)
            }
        }
    }
}
