import CCmark
import Foundation

/// A Markdown body, parsed by libcmark into blocks and inlines a viewer can lay out.
public struct MarkdownDocument: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    public indirect enum Block: Hashable, Sendable {
        case heading(level: Int, [Inline])
        case paragraph([Inline])
        case list(ordered: Bool, start: Int, items: [[Block]])
        case quote([Block])
        case code(String)
        case thematicBreak
    }

    public indirect enum Inline: Hashable, Sendable {
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        case code(String)
        /// A link; `target` is set when the destination is an entity id.
        case link(destination: String, target: EntityID?, [Inline])
        /// A pandoc-style citation group such as `[@quan2018; @wen2018]`.
        case citation([Citation])
        case softBreak
        case lineBreak
    }

    /// The plain text of the whole document, paragraphs separated by blank lines.
    public var plainText: String {
        blocks.map(\.plainText).joined(separator: "\n\n")
    }

    /// Every entity link, in reading order.
    public var entityLinks: [EntityID] {
        var found: [EntityID] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(_, let target, let children):
                    if let target { found.append(target) }
                    visit(children)
                case .emphasis(let children), .strong(let children): visit(children)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, let inlines), .paragraph(let inlines): visit(inlines)
                case .list(_, _, let items): items.forEach(visit)
                case .quote(let children): visit(children)
                case .code, .thematicBreak: break
                }
            }
        }
        visit(blocks)
        return found
    }
}

/// One cited key with its optional locator (`p. 53`).
public struct Citation: Hashable, Sendable {
    public var key: String
    public var locator: String?

    public init(key: String, locator: String? = nil) {
        self.key = key
        self.locator = locator
    }
}

extension MarkdownDocument.Block {
    public var plainText: String {
        switch self {
        case .heading(_, let inlines), .paragraph(let inlines):
            inlines.map(\.plainText).joined()
        case .list(_, _, let items):
            items.map { $0.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .quote(let blocks): blocks.map(\.plainText).joined(separator: "\n")
        case .code(let text): text
        case .thematicBreak: ""
        }
    }
}

extension MarkdownDocument.Inline {
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let children), .strong(let children), .link(_, _, let children):
            children.map(\.plainText).joined()
        case .citation(let citations): CitationSyntax.render(citations)
        case .softBreak, .lineBreak: " "
        }
    }
}

/// Parses CommonMark with libcmark.
public enum MarkdownParser {
    /// Parses a body. Raw HTML is kept as text; citations are recognised in text.
    public static func parse(_ source: String) -> MarkdownDocument {
        withTree(of: source) { root in
            MarkdownDocument(blocks: root.map { blocks(under: $0, depth: 0) } ?? [])
        }
    }

    /// Parses an entity's body once for both its document and its outline: where libcmark
    /// found links and code, for the loader's checks.
    static func parseBody(_ source: String) -> (document: MarkdownDocument, outline: BodyOutline) {
        withTree(of: source) { root in
            guard let root else { return (MarkdownDocument(blocks: []), BodyOutline()) }
            return (MarkdownDocument(blocks: blocks(under: root, depth: 0)), BodyOutline(root))
        }
    }

    /// The lines (1-based) of `source` inside code and raw HTML blocks, where nothing is a link.
    static func codeLines(in source: String) -> Set<Int> {
        var lines: Set<Int> = []
        for range in parseBody(source).outline.codeBlocks { lines.formUnion(range) }
        return lines
    }

    /// The version of libcmark the build links, such as `0.30.2`.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Runs `body` on the tree libcmark parses from `source`, freed afterwards.
    private static func withTree<Result>(
        of source: String, _ body: (OpaquePointer?) -> Result
    ) -> Result {
        let parsed: OpaquePointer? = source.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), CMARK_OPT_DEFAULT | CMARK_OPT_NORMALIZE)
        }
        defer { if let parsed { cmark_node_free(parsed) } }
        return body(parsed)
    }

    /// Nesting deeper than this is flattened into text, so hostile input can't exhaust the stack.
    private static let maximumDepth = 48

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func blocks(under node: OpaquePointer, depth: Int) -> [MarkdownDocument.Block] {
        children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownDocument.Block? {
        if depth > maximumDepth {
            return .paragraph([.text(flatText(node))])
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node, depth: depth))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { blocks(under: $0, depth: depth + 1) }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(under: node, depth: depth))
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            var text = literal(node)
            if text.hasSuffix("\n") { text.removeLast() }
            return .code(text)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            let text = flatText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    private static func inlines(under node: OpaquePointer, depth: Int) -> [MarkdownDocument.Inline]
    {
        let raw = children(of: node).compactMap { inline($0, depth: depth + 1) }
        return CitationSyntax.extract(from: mergeText(raw))
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> MarkdownDocument.Inline? {
        if depth > maximumDepth { return .text(flatText(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE: return .text(spacingOut(literal(node)))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node, depth: depth))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            return .link(
                destination: destination, target: EntityID(destination),
                inlines(under: node, depth: depth))
        default:
            return .text(flatText(node))
        }
    }

    /// Adjacent text runs joined, so citations split by the parser are whole again.
    private static func mergeText(_ inlines: [MarkdownDocument.Inline]) -> [MarkdownDocument.Inline]
    {
        var merged: [MarkdownDocument.Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + next)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }

    /// Text with the whitespace controls in it made spaces. In a text node they come from
    /// character references (`&#10;`, `&#9;`): whitespace as written, not a control to show.
    /// Raw HTML shown as text may run over lines; its line breaks are spaces too.
    static func spacingOut(_ text: String) -> String {
        guard holdsWhitespaceControls(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append((0x09...0x0D).contains(scalar.value) ? " " : scalar)
        }
        return String(scalars)
    }

    /// Whether `text` has a byte from tab to carriage return, read from its stored bytes
    /// where it can be: far faster than through the view, for every text run of a body.
    static func holdsWhitespaceControls(_ text: String) -> Bool {
        func isControl(_ byte: UInt8) -> Bool { byte >= 0x09 && byte <= 0x0D }
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isControl) })
        {
            return found
        }
        return text.utf8.contains(where: isControl)
    }

    /// All literal text below a node, iteratively (no recursion on hostile depth).
    private static func flatText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let current = cmark_iter_get_node(iterator),
                cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let value = cmark_node_get_literal(current)
            {
                text += String(cString: value)
            }
        }
        return spacingOut(text)
    }
}
