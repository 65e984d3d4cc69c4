import CCmark
import CaravanContent
import Foundation

/// The examples of the CommonMark spec kept in `Tests/commonmark-spec/spec.txt`, read from
/// its fenced example blocks, and what libcmark makes of each: the text a reader must see,
/// in order, where its hard line breaks are and the level of each heading.
struct CommonMarkExample {
    /// The example's number in the spec, from 1.
    var number: Int
    /// The spec's section that holds it.
    var section: String
    var markdown: String

    /// The entity it becomes in the spec's content folder.
    var id: EntityID { EntityID(kind: .concept, slug: "example-\(number)") }

    /// One piece of what the example shows, in reading order.
    enum Token: Equatable {
        /// A word of text, code or raw HTML, as libcmark parses it.
        case word(String)
        /// A hard line break between the words around it.
        case lineBreak
        /// A heading of this level starts with the next word.
        case heading(level: Int)
    }

    /// The words, hard breaks and headings libcmark finds in the example.
    var tokens: [Token] {
        let parsed: OpaquePointer? = markdown.withCString {
            cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT)
        }
        guard let root = parsed else { return [] }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var tokens: [Token] = []
        // A heading is noted before its first word; one with no words is not.
        var heading: Int?
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_HEADING { heading = nil }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE,
                CMARK_NODE_HTML_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                for word in literal.split(whereSeparator: \.isWhitespace) {
                    if let level = heading { tokens.append(.heading(level: level)) }
                    heading = nil
                    tokens.append(.word(String(word)))
                }
            case CMARK_NODE_LINEBREAK:
                tokens.append(.lineBreak)
            case CMARK_NODE_HEADING:
                heading = Int(cmark_node_get_heading_level(node))
            default:
                break
            }
        }
        return tokens
    }

    /// Whether libcmark finds raw HTML in it.
    var hasRawHTML: Bool {
        !nodes { $0 == CMARK_NODE_HTML_BLOCK || $0 == CMARK_NODE_HTML_INLINE }.isEmpty
    }

    /// The destinations of the links and images libcmark finds in it.
    var linkDestinations: [String] {
        nodes { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }.map(\.url)
    }

    /// The highest level (fewest `#`s) of its headings, empty ones included.
    var topHeadingLevel: Int? {
        nodes { $0 == CMARK_NODE_HEADING }.map(\.level).min()
    }

    /// The nodes of the types asked for, with their destinations and heading levels (empty
    /// and 0 for the others).
    private func nodes(_ wanted: (cmark_node_type) -> Bool) -> [(
        type: cmark_node_type, url: String, level: Int
    )] {
        let parsed: OpaquePointer? = markdown.withCString {
            cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT)
        }
        guard let root = parsed else { return [] }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [(type: cmark_node_type, url: String, level: Int)] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let node = cmark_iter_get_node(iterator), wanted(cmark_node_get_type(node))
            else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let level = Int(cmark_node_get_heading_level(node))
            found.append((cmark_node_get_type(node), url, level))
        }
        return found
    }

    /// The example as a content file: a concept whose body is the example.
    var file: SourceFile {
        SourceFile(
            path: String(format: "examples/%03d.md", number),
            text: "---\nid: \(id)\nkind: concept\ntitle: \"Example \(number): \(section)\"\n---\n"
                + markdown)
    }
}

enum CommonMarkSpec {
    /// The folder of the spec and its licence.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("commonmark-spec", isDirectory: true)

    static let text: String = {
        let url = folder.appendingPathComponent("spec.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The `version:` line of the spec's front matter.
    static var version: String? {
        text.split(separator: "\n").prefix(10).first { $0.hasPrefix("version:") }
            .map { $0.dropFirst("version:".count).trimmingCharacters(in: .whitespaces) }
    }

    /// Every example, in the spec's order.
    static let examples: [CommonMarkExample] = parse(text)

    /// The examples as one content folder, loaded as `caravan --content` loads one.
    static let model: ContentModel = ContentLoader.load(files: examples.map(\.file))

    /// Reads the example blocks: a fence of 32 backticks and `example`, the Markdown, a
    /// line `.`, the HTML, and a closing fence. In the Markdown `→` stands for a tab.
    static func parse(_ text: String) -> [CommonMarkExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [CommonMarkExample] = []
        var section = ""
        var markdown: [Substring]?
        var inHTML = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if markdown == nil {
                if line == fence + " example" {
                    markdown = []
                    inHTML = false
                } else if line.hasPrefix("#") {
                    section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if line == fence {
                let source = (markdown ?? []).map { $0 + "\n" }.joined()
                examples.append(
                    CommonMarkExample(
                        number: examples.count + 1, section: section,
                        markdown: source.replacingOccurrences(of: "→", with: "\t")))
                markdown = nil
            } else if !inHTML, line == "." {
                inHTML = true
            } else if !inHTML {
                markdown?.append(line)
            }
        }
        return examples
    }
}
