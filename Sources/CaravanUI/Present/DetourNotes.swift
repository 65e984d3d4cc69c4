import CaravanContent

/// What the notes screen shows during a detour: the lecturer's own note on the entity,
/// then its links.
enum DetourNotes {
    static func lines(_ detour: DetourStatus, width: Int, unicode: Bool) -> [SlideLayout.Line] {
        typealias Line = SlideLayout.Line
        typealias Run = SlideLayout.Run
        var lines: [Line] = [Line([Run("Your note", .heading)])]
        let note = detour.note.map(MarkdownParser.parse)
        if let note, !note.blocks.isEmpty {
            lines += SlideLayout.lines(
                note.blocks, width: width, unicode: unicode, measure: { Grid.measure(String($0)) })
        } else {
            lines.append(Line([Run("(no note of yours on it)", .emphasis)]))
        }
        lines.append(Line([]))
        lines.append(Line([Run("Links", .heading)]))
        if detour.links.isEmpty { lines.append(Line([Run("(none)", .emphasis)])) }
        for link in detour.links {
            lines.append(Line([Run(link.relation + ": ", .marker), Run(link.title, .plain)]))
        }
        return lines
    }
}
