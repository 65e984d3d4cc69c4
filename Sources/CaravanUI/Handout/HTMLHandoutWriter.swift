import CaravanContent

/// A handout as one self-contained HTML page: its style inline, no scripts, nothing a
/// browser fetches from elsewhere, and a Content-Security-Policy that forbids both even if
/// something slipped in. Every text is escaped; links lead to anchors the page defines, or
/// to web and mail addresses that are only followed when a reader clicks them.
struct HTMLHandoutWriter {
    let document: HandoutDocument
    private let anchors: Set<String>

    init(document: HandoutDocument) {
        self.document = document
        anchors = document.anchors
    }

    /// What the page may load: its own inline style and nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; "
        + "base-uri 'none'; form-action 'none'"

    var text: String {
        var bodyClass = "handout"
        if case .slides(let notes) = document.layout {
            bodyClass += notes ? " deck notes" : " deck"
        }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLText.escape(HTMLHandoutWriter.contentSecurityPolicy))">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(document.title))</title>
            <style>
            \(HandoutStyle.css(for: document.layout))</style>
            </head>
            <body class="\(bodyClass)">
            <main>

            """
        for block in document.blocks { write(block, into: &out) }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Blocks

    private func write(_ block: HandoutBlock, into out: inout String) {
        switch block {
        case .section(let section):
            write(section, into: &out)
        case .heading(let level, let inlines):
            let tag = "h\(min(max(level, 1), 6))"
            out += "<\(tag)>" + html(inlines) + "</\(tag)>\n"
        case .paragraph(let inlines, let role):
            let attribute = role == .text ? "" : " class=\"\(role.rawValue)\""
            out += "<p\(attribute)>" + html(inlines) + "</p>\n"
        case .facts(let facts, let role):
            out += "<dl class=\"\(role.rawValue)\">\n"
            for fact in facts {
                out += "<div><dt>" + HTMLText.escape(fact.label) + "</dt><dd>" + html(fact.value)
                out += "</dd></div>\n"
            }
            out += "</dl>\n"
        case .list(let ordered, let start, let items):
            let open = ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>"
            out += open + "\n"
            for item in items {
                out += "<li>"
                for child in item { write(child, into: &out) }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .quote(let children):
            out += "<blockquote>\n"
            for child in children { write(child, into: &out) }
            out += "</blockquote>\n"
        case .code(let text):
            out += "<pre><code>" + HTMLText.escapeLines(text) + "</code></pre>\n"
        case .rule:
            out += "<hr>\n"
        case .table(let table):
            write(table, into: &out)
        }
    }

    private func write(_ section: HandoutSection, into out: inout String) {
        let id = section.anchor.map { " id=\"\(HTMLText.escape($0))\"" } ?? ""
        let (tag, classes): (String, String) =
            switch section.role {
            case .header: ("header", "handout-header")
            case .part: ("section", "part")
            case .entity: ("article", "entity")
            case .slide: ("section", "slide")
            case .coverSlide: ("section", "slide cover")
            case .notes: ("section", "notes")
            case .contents: ("nav", "contents")
            case .backMatter: ("section", "back-matter")
            case .brief: ("div", "brief")
            }
        out += "<\(tag) class=\"\(classes)\"\(id)>\n"
        if section.role == .slide || section.role == .coverSlide {
            // The slide itself in a frame; its notes below the frame.
            out += "<div class=\"frame\">\n"
            for block in section.blocks where !block.isNotes { write(block, into: &out) }
            out += "</div>\n"
            for block in section.blocks where block.isNotes { write(block, into: &out) }
        } else {
            for block in section.blocks { write(block, into: &out) }
        }
        out += "</\(tag)>\n"
    }

    private func write(_ table: HandoutTable, into out: inout String) {
        out += "<div class=\"table\"><table class=\"\(table.role.rawValue)\">\n"
        out += "<caption>" + HTMLText.escape(table.caption) + "</caption>\n"
        let sections = [("thead", table.header), ("tbody", table.rows), ("tfoot", table.footer)]
        for (tag, rows) in sections where !rows.isEmpty {
            out += "<\(tag)>\n"
            for row in rows {
                out += "<tr>"
                for cell in row { out += html(cell, inHead: tag == "thead") }
                out += "</tr>\n"
            }
            out += "</\(tag)>\n"
        }
        out += "</table></div>\n"
    }

    private func html(_ cell: HandoutTable.Cell, inHead: Bool) -> String {
        let tag = cell.isHeader ? "th" : "td"
        var attributes = ""
        if cell.isHeader { attributes += inHead ? " scope=\"col\"" : " scope=\"row\"" }
        if cell.span > 1 { attributes += " colspan=\"\(cell.span)\"" }
        if cell.isMark { attributes += " class=\"mark\"" }
        let content: String
        if cell.lines.count == 1, let line = cell.lines.first, line.depth == 0 {
            content = html(line.inlines)
        } else {
            content = cell.lines.map { line in
                "<div class=\"line depth-\(min(line.depth, 8))\">" + html(line.inlines) + "</div>"
            }.joined()
        }
        return "<\(tag)\(attributes)>" + content + "</\(tag)>"
    }

    // MARK: Inlines

    private func html(_ inlines: [HandoutInline]) -> String {
        inlines.map(html).joined()
    }

    private func html(_ inline: HandoutInline) -> String {
        switch inline {
        case .text(let text): return HTMLText.escape(text)
        case .emphasis(let children): return "<em>" + html(children) + "</em>"
        case .strong(let children): return "<strong>" + html(children) + "</strong>"
        case .code(let text): return "<code>" + HTMLText.escape(text) + "</code>"
        case .entity(let id, let children):
            return link(to: id.description, children)
        case .anchor(let name, let children):
            return link(to: name, children)
        case .url(let address, let children):
            // Checked when the handout was built; checked again here, where it matters.
            guard HandoutURL.isAllowed(address) else {
                return html(children) + HTMLText.escape(" <" + address + ">")
            }
            return "<a class=\"external\" href=\"" + HTMLText.escape(address)
                + "\" rel=\"noreferrer\">" + html(children) + "</a>"
        case .names(let names):
            let spans = names.filter { LanguageTag.isWellFormed($0.language) }.map { name in
                "<span lang=\"" + HTMLText.escape(name.language) + "\">"
                    + HTMLText.escape(name.text) + "</span>"
            }
            return spans.isEmpty
                ? "" : " <span class=\"names\">" + spans.joined(separator: " · ") + "</span>"
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        }
    }

    /// A link to a place in the page, or the text alone when the page does not hold it.
    private func link(to anchor: String, _ children: [HandoutInline]) -> String {
        guard anchors.contains(anchor) else { return html(children) }
        return "<a href=\"#" + HTMLText.escape(anchor) + "\">" + html(children) + "</a>"
    }
}

extension HandoutBlock {
    /// Whether this is a slide's notes.
    var isNotes: Bool {
        if case .section(let section) = self { return section.role == .notes }
        return false
    }
}

/// Text made safe for HTML: control and invisible formatting characters made visible as
/// the terminal shows them, and the five characters that could start or end markup escaped.
enum HTMLText {
    static func escape(_ text: String) -> String {
        let visible = Sanitizer.visible(text)
        guard visible.utf8.contains(where: { "&<>\"'".utf8.contains($0) }) else { return visible }
        var result = ""
        result.reserveCapacity(visible.utf8.count + 16)
        for character in visible.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Lines of code, each escaped, joined by line feeds.
    static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escape(String($0)) }.joined(separator: "\n")
    }
}
