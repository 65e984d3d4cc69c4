import CCmark
import CaravanContent
import Foundation

/// The markup of an exported HTML page, read as a browser tokenizes it: every `<` outside
/// the style element opens a tag, since the writer escapes every `<` of text.
struct HTMLScan {
    struct Tag: Equatable {
        var name: String
        var attributes: [String: String]
        var isClosing: Bool
    }

    var tags: [Tag] = []
    /// The text between tags, entities decoded.
    var text = ""
    /// What the style element holds.
    var style = ""

    init(_ page: String) {
        var rest = Substring(page)
        if let open = rest.range(of: "<style>"), let close = rest.range(of: "</style>") {
            style = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[..<open.upperBound] + rest[close.lowerBound...]
        }
        while let open = rest.firstIndex(of: "<") {
            text += HTMLScan.decode(rest[..<open])
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            tags.append(HTMLScan.tag(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        text += HTMLScan.decode(rest)
    }

    var ids: Set<String> { Set(tags.compactMap { $0.attributes["id"] }) }

    var hrefs: [String] { tags.compactMap { $0.attributes["href"] } }

    /// The `#...` links whose anchor no element defines.
    var brokenLinks: [String] {
        let ids = self.ids
        return hrefs.filter { $0.hasPrefix("#") && !ids.contains(String($0.dropFirst())) }
    }

    private static func tag(_ inside: Substring) -> Tag {
        var body = inside
        let isClosing = body.hasPrefix("/")
        if isClosing { body = body.dropFirst() }
        let name = String(body.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        var attributes: [String: String] = [:]
        var rest = body.dropFirst(name.count)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            guard !rest.isEmpty else { break }
            let key = String(rest.prefix { !$0.isWhitespace && $0 != "=" }).lowercased()
            rest = rest.dropFirst(key.count)
            guard rest.hasPrefix("=\"") else {
                attributes[key] = ""
                continue
            }
            rest = rest.dropFirst(2)
            let value = rest.prefix { $0 != "\"" }
            attributes[key] = decode(value)
            rest = rest.dropFirst(value.count + 1)
        }
        return Tag(name: name, attributes: attributes, isClosing: isClosing)
    }

    static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
                of: "&#39;", with: "'"
            )
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// An exported Markdown file as libcmark reads it.
struct MarkdownScan {
    /// Raw HTML, inline or as blocks, as written.
    var html: [String] = []
    /// Every link's destination.
    var links: [String] = []
    /// Each heading's text, its level first.
    var headings: [(level: Int, text: String)] = []
    /// Each paragraph's text, soft breaks as spaces.
    var paragraphs: [String] = []
    /// How many tables, lists, quotes and code blocks libcmark found.
    var blockCounts: [String: Int] = [:]

    init(_ source: String) {
        guard
            let root = source.withCString({
                cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT)
            })
        else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var textStack: [String] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                html.append(literal.trimmingCharacters(in: .whitespacesAndNewlines))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    links.append(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
                }
            case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
                if entering {
                    textStack.append("")
                } else if let text = textStack.popLast() {
                    if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                        headings.append((Int(cmark_node_get_heading_level(node)), text))
                    } else {
                        paragraphs.append(text)
                    }
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if !textStack.isEmpty { textStack[textStack.count - 1] += literal }
            case CMARK_NODE_SOFTBREAK:
                if !textStack.isEmpty { textStack[textStack.count - 1] += " " }
            case CMARK_NODE_LINEBREAK:
                if !textStack.isEmpty { textStack[textStack.count - 1] += "\n" }
            case CMARK_NODE_LIST, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CODE_BLOCK,
                CMARK_NODE_THEMATIC_BREAK:
                if entering {
                    let name = String(cString: cmark_node_get_type_string(node))
                    blockCounts[name, default: 0] += 1
                }
            default:
                break
            }
        }
    }
}
