import CaravanContent

/// A body's Markdown, as libcmark read it, in a handout: headings moved below the title
/// they sit under, links to entities kept as links, citations linked to their references,
/// other addresses linked only when they are web or mail addresses.
struct HandoutMarkdown {
    let model: ContentModel
    /// What each heading's level is moved by, so that the body's highest heading sits one
    /// level below the title it belongs to.
    var headingShift = 0

    init(model: ContentModel, blocks: [MarkdownDocument.Block] = [], belowLevel level: Int = 0) {
        self.model = model
        if level > 0, let top = PageWriter.topHeadingLevel(in: blocks) {
            headingShift = level + 1 - top
        }
    }

    func blocks(_ blocks: [MarkdownDocument.Block]) -> [HandoutBlock] {
        blocks.map(block)
    }

    func block(_ block: MarkdownDocument.Block) -> HandoutBlock {
        switch block {
        case .heading(let level, let inlines):
            return .heading(level: level + headingShift, self.inlines(inlines))
        case .paragraph(let inlines):
            return .paragraph(self.inlines(inlines))
        case .list(let ordered, let start, let items):
            return .list(ordered: ordered, start: start, items: items.map(blocks))
        case .quote(let children):
            return .quote(blocks(children))
        case .code(let text):
            return .code(text)
        case .thematicBreak:
            return .rule
        }
    }

    func inlines(_ inlines: [MarkdownDocument.Inline]) -> [HandoutInline] {
        inlines.flatMap(inline)
    }

    private func inline(_ inline: MarkdownDocument.Inline) -> [HandoutInline] {
        switch inline {
        case .text(let text): return [.text(text)]
        case .code(let text): return [.code(text)]
        case .softBreak: return [.softBreak]
        case .lineBreak: return [.lineBreak]
        case .emphasis(let children): return [.emphasis(inlines(children))]
        case .strong(let children): return [.strong(inlines(children))]
        case .link(let destination, let target, let children):
            var text = inlines(children)
            if text.isEmpty { text = [.text(destination)] }
            if let target, model.contains(target) { return [.entity(target, text)] }
            if HandoutURL.isAllowed(destination) { return [.url(destination, text)] }
            // Any other address is shown after the text, as the reader shows it, never linked.
            return text + [.text(" <" + destination + ">")]
        case .citation(let citations):
            var result: [HandoutInline] = [.text("(")]
            for (index, citation) in citations.enumerated() {
                if index > 0 { result.append(.text("; ")) }
                guard let reference = model.reference(forKey: citation.key) else {
                    result.append(.text("@" + citation.key))
                    continue
                }
                var label = reference.citationLabel
                if let locator = citation.locator { label += ", " + locator }
                result.append(.entity(reference.id, [.text(label)]))
            }
            result.append(.text(")"))
            return result
        }
    }

    /// A front-matter string that may hold inline Markdown (a claim, a question), as inlines.
    func inlineText(_ text: String) -> [HandoutInline] {
        let blocks = MarkdownParser.parse(text).blocks
        if blocks.count == 1, case .paragraph(let parsed)? = blocks.first {
            return inlines(parsed)
        }
        return [.text(text)]
    }
}

/// Which addresses from content a handout links to: web and mail addresses only. Anything
/// else (`javascript:`, `data:`, `file:`, relative paths) is shown as text, never linked.
enum HandoutURL {
    static let allowedSchemes = ["http://", "https://", "mailto:"]

    static func isAllowed(_ address: String) -> Bool {
        let lower = address.lowercased()
        guard let scheme = allowedSchemes.first(where: { lower.hasPrefix($0) }),
            address.count > scheme.count, address.utf8.count <= 2048
        else { return false }
        // No spaces, controls, quotes or angle brackets: nothing that could end an
        // attribute or hide what follows, and nothing a browser would strip or reinterpret.
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F
                && !"\"'<>\\`".unicodeScalars.contains(scalar)
                && !Sanitizer.needsReplacement(scalar)
        }
    }
}
