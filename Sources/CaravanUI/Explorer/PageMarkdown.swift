import CaravanContent

/// A body's Markdown on an entity's page: headings marked by level, paragraphs with
/// their hard line breaks, lists, quotes and code, links to entities followable.
extension PageWriter {
    mutating func blocks(_ blocks: [MarkdownDocument.Block], indent: [Span], rest: [Span]) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { builder.blank() }
            let first = index == 0 ? indent : rest
            switch block {
            case .heading(let level, let inlines):
                // Marked once: as written, or in plain text by its place below the title.
                let marks = headingMarks(level: level + headingShift)
                let width = marks.reduce(0) { $0 + $1.text.count }
                builder.wrap(
                    inlineSpans(inlines).map { $0.with(role: .heading, link: $0.link) },
                    firstIndent: first + marks,
                    restIndent: rest + [Span(String(repeating: " ", count: width))])
            case .paragraph(let inlines):
                builder.wrap(inlineSpans(inlines), firstIndent: first, restIndent: rest)
            case .list(let ordered, let start, let items):
                for (offset, item) in items.enumerated() {
                    let marker = ordered ? "\(start + offset). " : bullet
                    let pad = Span(String(repeating: " ", count: marker.count))
                    self.blocks(
                        item, indent: (offset == 0 ? first : rest) + [Span(marker, .dim)],
                        rest: rest + [pad])
                }
            case .quote(let children):
                self.blocks(
                    children, indent: first + [Span(glyphs.quoteBar, .quote)],
                    rest: rest + [Span(glyphs.quoteBar, .quote)])
            case .code(let text):
                // The first line takes the list's bullet or number when the item starts here.
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
                    .enumerated()
                {
                    builder.wrap(
                        [Span(clean(String(line)), .code)],
                        firstIndent: (number == 0 ? first : rest) + [Span("  ")],
                        restIndent: rest + [Span("  ")])
                }
            case .thematicBreak:
                builder.rule(indent: first)
            }
        }
    }

    mutating func inlineSpans(_ inlines: [MarkdownDocument.Inline], role: Role = .text)
        -> [Span]
    {
        var spans: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let text): spans.append(Span(clean(text), role))
            case .code(let text): spans.append(Span(clean(text), .code))
            case .softBreak: spans.append(Span(" ", role))
            case .lineBreak: spans.append(.lineBreak)
            case .emphasis(let children): spans += inlineSpans(children, role: .emphasis)
            case .strong(let children): spans += inlineSpans(children, role: .strong)
            case .link(let destination, let target, let children):
                if let target, model.contains(target) {
                    let link = builder.registerLink(target)
                    spans += inlineSpans(children, role: .link).map {
                        $0.with(role: .link, link: link)
                    }
                    spans += number(link)
                } else {
                    spans += inlineSpans(children, role: role)
                    spans.append(Span(" <" + clean(destination) + ">", .dim))
                }
            case .citation(let citations):
                spans.append(Span("(", .citation))
                for (index, citation) in citations.enumerated() {
                    if index > 0 { spans.append(Span("; ", .citation)) }
                    if let reference = model.reference(forKey: citation.key) {
                        let link = builder.registerLink(reference.id)
                        var text = EntityPage.citationLabel(reference)
                        if let locator = citation.locator { text += ", " + locator }
                        spans.append(Span(clean(text), .citation, link: link))
                        spans += number(link)
                    } else {
                        spans.append(Span("@" + clean(citation.key), .citation))
                    }
                }
                spans.append(Span(")", .citation))
            }
        }
        return spans
    }

    /// The highest level (the fewest `#`s) of any heading in the blocks, lists and quotes
    /// included.
    static func topHeadingLevel(in blocks: [MarkdownDocument.Block]) -> Int? {
        var top: Int?
        var pending = blocks[...]
        var nested: [[MarkdownDocument.Block]] = []
        while true {
            guard let block = pending.popFirst() else {
                guard let next = nested.popLast() else { return top }
                pending = next[...]
                continue
            }
            switch block {
            case .heading(let level, _): top = min(top ?? level, level)
            case .list(_, _, let items): nested += items
            case .quote(let children): nested.append(children)
            case .paragraph, .code, .thematicBreak: break
            }
        }
    }
}
