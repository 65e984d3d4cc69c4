import CaravanContent

/// Entities as wrapped plain text, for pipes, printers, screen readers and braille displays:
/// no box drawing, headings marked, links as numbered references listed after the text.
public struct PlainText {
    public let model: ContentModel
    public let width: Int
    /// Bold headings and underlined links with ANSI codes; never on when writing to a pipe.
    public let color: Bool

    public init(model: ContentModel, width: Int, color: Bool = false) {
        self.model = model
        self.width = max(20, width)
        self.color = color
    }

    /// One entity: its page, then its links as numbered references, then what links to it.
    public func entity(_ entity: Entity, headingLevel: Int = 1) -> String {
        // The page marks its own headings, each level once, below the title's level.
        let layout = EntityPage.layout(
            entity, in: model, width: width, numberLinks: true, ascii: true,
            titleLevel: headingLevel)
        var lines: [String] = []
        // The title may take several layout lines; it is written again as one heading.
        let titleLines = layout.lines.prefix { $0.spans.first?.role == .title }.count
        lines += headingLines(Sanitizer.visible(entity.displayTitle), level: headingLevel)
        lines += layout.lines.dropFirst(titleLines).map(render)
        if !layout.links.isEmpty {
            lines.append("")
            lines += headingLines("Links", level: headingLevel + 1)
            for (number, link) in layout.links.enumerated() {
                let title = model.entity(link.target)?.displayTitle ?? ""
                lines.append(linkLine("[\(number + 1)] \(link.target) \(title)"))
            }
        }
        let typed = model.outgoing(from: entity.id).filter {
            $0.type != .mentions && $0.type != .cites
        }
        if !typed.isEmpty {
            lines.append("")
            lines += headingLines("Links from here", level: headingLevel + 1)
            for link in typed {
                let title = model.entity(link.target)?.displayTitle ?? ""
                lines.append(linkLine("- \(link.type.label): \(link.target) \(title)"))
            }
        }
        let backlinks = model.incoming(to: entity.id)
        if !backlinks.isEmpty {
            lines.append("")
            lines += headingLines("Linked from", level: headingLevel + 1)
            for link in backlinks {
                let title = model.entity(link.source)?.displayTitle ?? ""
                let relation = model.vocabulary.inverseLabel(of: link.type)
                lines.append(linkLine("- \(relation): \(link.source) \(title)"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole content in reading order: the paper, its sections, the framework, cases,
    /// concepts, references, then reading paths and decks.
    public func readAll() -> String {
        var parts: [String] = []
        let sequence = ReadingSequence(model: model)
        for kind in EntityKind.allCases {
            let entities = sequence.entities(of: kind)
            guard !entities.isEmpty else { continue }
            if kind != .paper {
                parts.append(
                    headingLines(model.vocabulary.pluralTitle(kind), level: 1)
                        .joined(separator: "\n") + "\n")
            }
            for entity in entities {
                parts.append(self.entity(entity, headingLevel: kind == .paper ? 1 : 2))
            }
        }
        return parts.joined(separator: "\n")
    }

    /// Ranked search results with snippets, one block per result.
    public func searchResults(_ results: [SearchIndex.Result], query: String) -> String {
        guard !results.isEmpty else { return "" }
        var lines: [String] = []
        for (index, result) in results.enumerated() {
            let title = model.entity(result.id)?.displayTitle ?? ""
            lines += wrap("\(index + 1). \(result.id)  \(Sanitizer.visible(title))", indent: "   ")
            var snippet = Sanitizer.visible(result.snippet.text)
            if color {
                snippet = highlight(result.snippet)
                lines.append("   " + snippet)
            } else {
                lines += wrap(snippet, indent: "   ", first: "   ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Helpers

    /// `# Title` style headings, marked for screen readers, bold when colour is on. A
    /// heading is one line however long, so moving by headings reads whole titles.
    func headingLines(_ text: String, level: Int) -> [String] {
        let marker = String(repeating: "#", count: max(1, min(level, 6))) + " "
        let line = marker + Sanitizer.visible(text)
        return [color ? "\u{1B}[1m" + line + "\u{1B}[0m" : line]
    }

    private func render(_ line: LayoutLine) -> String {
        guard color else { return line.text }
        return line.spans.map { span in
            switch span.role {
            case .title, .heading, .strong, .group, .error: "\u{1B}[1m" + span.text + "\u{1B}[0m"
            case .link, .citation: "\u{1B}[4m" + span.text + "\u{1B}[0m"
            case .emphasis, .quote: "\u{1B}[3m" + span.text + "\u{1B}[0m"
            case .dim: "\u{1B}[2m" + span.text + "\u{1B}[0m"
            default: span.text
            }
        }.joined()
    }

    private func highlight(_ snippet: SearchIndex.Snippet) -> String {
        var result = ""
        for (index, character) in Array(Sanitizer.visible(snippet.text)).enumerated() {
            let starts = snippet.matches.contains { $0.lowerBound == index }
            let ends = snippet.matches.contains { $0.upperBound == index }
            if ends { result += "\u{1B}[0m" }
            if starts { result += "\u{1B}[1;4m" }
            result.append(character)
        }
        return result + "\u{1B}[0m"
    }

    /// A link as one line, however long, so that `grep` finds its whole title.
    func linkLine(_ text: String) -> String {
        Sanitizer.visible(text)
    }

    /// Word-wraps text to the width, continuing lines with `indent`.
    func wrap(_ text: String, indent: String, first: String = "") -> [String] {
        var builder = LayoutBuilder(width: width)
        builder.wrap(
            [Span(Sanitizer.visible(text))], firstIndent: [Span(first)], restIndent: [Span(indent)])
        return builder.layout.lines.map(\.text)
    }
}
