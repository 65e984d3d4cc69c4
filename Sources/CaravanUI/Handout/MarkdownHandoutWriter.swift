import CaravanContent
import Foundation

/// A handout as CommonMark, with the same structure as the HTML one. The map, the matrix
/// and key figures are GitHub-flavoured pipe tables, the one extension used, since this is
/// an output format and most readers of Markdown show them. Each place a link can lead to
/// is an `<a id="...">` anchor, the only HTML written, with ids the handout itself makes.
/// Text from content is escaped wherever a character would change what it means, so it
/// reads back as the text it was and never as markup.
struct MarkdownHandoutWriter {
    let document: HandoutDocument
    private let anchors: Set<String>

    init(document: HandoutDocument) {
        self.document = document
        anchors = document.anchors
    }

    var text: String {
        let parts = document.blocks.map(markdown).filter { !$0.isEmpty }
        return parts.joined(separator: "\n\n") + "\n"
    }

    // MARK: Blocks

    private func markdown(_ block: HandoutBlock) -> String {
        switch block {
        case .section(let section):
            var parts: [String] = []
            if let anchor = section.anchor { parts.append(anchorTag(anchor)) }
            parts += section.blocks.map(markdown).filter { !$0.isEmpty }
            let text = parts.joined(separator: "\n\n")
            // A slide ends with a rule, as slides are cut in a deck.
            return section.role == .slide || section.role == .coverSlide ? text + "\n\n* * *" : text
        case .heading(let level, let inlines):
            let marks = String(repeating: "#", count: min(max(level, 1), 6))
            return marks + " " + MarkdownInlines(anchors: anchors, heading: true).render(inlines)
        case .paragraph(let inlines, let role):
            let text = MarkdownInlines(anchors: anchors).render(inlines)
            guard role == .summary, !text.isEmpty else { return text }
            return "*" + text + "*"
        case .facts(let facts, _):
            return facts.map { fact in
                let label = MarkdownText.escape(fact.label, atLineStart: false)
                return "- **" + label + ":** "
                    + MarkdownInlines(anchors: anchors, opensLine: false).render(fact.value)
            }.joined(separator: "\n")
        case .list(let ordered, let start, let items):
            let tight = items.allSatisfy { $0.count <= 1 }
            return items.enumerated().map { offset, item in
                let marker = ordered ? "\(start + offset). " : "- "
                let body = item.map(markdown).filter { !$0.isEmpty }.joined(separator: "\n\n")
                return indent(body, first: marker)
            }.joined(separator: tight ? "\n" : "\n\n")
        case .quote(let children):
            let body = children.map(markdown).filter { !$0.isEmpty }.joined(separator: "\n\n")
            return body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .code(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Sanitizer.visible(String($0)) }
            let fence = String(
                repeating: "`",
                count: max(3, MarkdownText.longestRun(of: "`", in: lines.joined()) + 1))
            return ([fence] + lines + [fence]).joined(separator: "\n")
        case .rule:
            return "* * *"
        case .table(let table):
            return markdown(table)
        }
    }

    /// `<a id="case/x"></a>`: ids are entity ids or the handout's own names, and escaped
    /// all the same.
    private func anchorTag(_ anchor: String) -> String {
        "<a id=\"" + HTMLText.escape(anchor) + "\"></a>"
    }

    /// The first line after `first`, the others indented to line up with it.
    private func indent(_ text: String, first: String) -> String {
        let pad = String(repeating: " ", count: first.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            index, line in
            index == 0 ? first + line : (line.isEmpty ? "" : pad + line)
        }.joined(separator: "\n")
    }

    /// A pipe table: its caption in bold above it, the last header row as its head (pipe
    /// tables have one), the footer as a last row.
    private func markdown(_ table: HandoutTable) -> String {
        let head = table.header.last ?? []
        guard !head.isEmpty else { return "" }
        let columns = head.count
        func row(_ cells: [HandoutTable.Cell]) -> String {
            var texts = cells.prefix(columns).map { cell in
                cell.lines.map { MarkdownInlines(anchors: anchors, cell: true).render($0.inlines) }
                    .joined(separator: "; ")
            }
            while texts.count < columns { texts.append("") }
            return "| " + texts.joined(separator: " | ") + " |"
        }
        var lines = ["**" + MarkdownText.escape(table.caption, atLineStart: false) + "**", ""]
        lines.append(row(head))
        lines.append("|" + String(repeating: " --- |", count: columns))
        lines += (table.rows + table.footer).map(row)
        return lines.joined(separator: "\n")
    }
}

/// Inline text as CommonMark: emphasis, code, links, line breaks, with the text escaped.
struct MarkdownInlines {
    let anchors: Set<String>
    /// In a heading: one line, so breaks become spaces, and a `#` at its end would close it.
    var heading = false
    /// In a table cell: one line, and `|` ends a cell.
    var cell = false
    /// Whether the text starts a line, where `# `, `- ` or `1. ` would start a block; not
    /// after a heading's marks, a fact's label or in a table cell.
    var opensLine = true

    func render(_ inlines: [HandoutInline]) -> String {
        var trimmed = inlines
        while let last = trimmed.last, case .lineBreak = last { trimmed.removeLast() }
        var atLineStart = opensLine && !heading && !cell
        return render(trimmed, atLineStart: &atLineStart)
    }

    private func render(_ inlines: [HandoutInline], atLineStart: inout Bool) -> String {
        var out = ""
        for inline in inlines {
            out += render(inline, atLineStart: &atLineStart)
        }
        return out
    }

    private func render(_ inline: HandoutInline, atLineStart: inout Bool) -> String {
        let oneLine = heading || cell
        switch inline {
        case .text(let text):
            let escaped = MarkdownText.escape(
                text, atLineStart: atLineStart, also: heading ? ["#"] : [])
            if !escaped.isEmpty { atLineStart = false }
            return escaped
        case .emphasis(let children):
            return delimited(children, by: "*", atLineStart: &atLineStart)
        case .strong(let children):
            return delimited(children, by: "**", atLineStart: &atLineStart)
        case .code(let text):
            atLineStart = false
            return MarkdownText.codeSpan(Sanitizer.visible(text), inTableCell: cell)
        case .entity(let id, let children):
            return link(to: "#" + id.description, anchor: id.description, children, &atLineStart)
        case .anchor(let name, let children):
            return link(to: "#" + name, anchor: name, children, &atLineStart)
        case .url(let address, let children):
            guard HandoutURL.isAllowed(address) else {
                return render(children + [.text(" <" + address + ">")], atLineStart: &atLineStart)
            }
            let text = render(children, atLineStart: &atLineStart)
            return "[" + text + "](" + MarkdownText.escapeDestination(address) + ")"
        case .names(let names):
            let text = names.map(\.text).joined(separator: " · ")
            return text.isEmpty ? "" : " · " + MarkdownText.escape(text, atLineStart: false)
        case .softBreak:
            if oneLine { return " " }
            atLineStart = true
            return "\n"
        case .lineBreak:
            if oneLine { return " " }
            atLineStart = true
            return "\\\n"
        }
    }

    /// A link to an anchor of the handout, or its text alone when there is none.
    private func link(
        to destination: String, anchor: String, _ children: [HandoutInline],
        _ atLineStart: inout Bool
    ) -> String {
        let text = render(children, atLineStart: &atLineStart)
        guard anchors.contains(anchor) else { return text }
        atLineStart = false
        return "[" + text + "](" + MarkdownText.escapeDestination(destination) + ")"
    }

    /// Emphasis or strong emphasis; spaces at the ends go outside the delimiters, where
    /// CommonMark needs them to read the delimiters as emphasis.
    private func delimited(
        _ children: [HandoutInline], by delimiter: String, atLineStart: inout Bool
    ) -> String {
        let wasAtLineStart = atLineStart
        let text = render(children, atLineStart: &atLineStart)
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = wasAtLineStart ? "" : String(text.prefix { $0 == " " })
        let trailing = String(text.reversed().prefix { $0 == " " })
        return leading + delimiter + core + delimiter + trailing
    }
}
