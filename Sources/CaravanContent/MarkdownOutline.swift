import CCmark

/// Where libcmark found the links and the code of a body: what the loader checks links
/// against, so that only what CommonMark reads as a link is one.
struct BodyOutline {
    /// A link or an image, as libcmark parsed it.
    struct LinkNode: Equatable {
        /// The destination, unescaped as libcmark gives it.
        var destination: String
        /// The lines (1-based, in the body) of the paragraph or heading that holds it.
        var block: ClosedRange<Int>
        /// Where libcmark places the link: a line and the byte column of its `[`. Only a
        /// hint: libcmark puts a link that spans lines on its last line.
        var line: Int
        var column: Int
    }

    var links: [LinkNode] = []
    /// The lines (1-based) of each code and raw HTML block, in order.
    var codeBlocks: [ClosedRange<Int>] = []

    init() {}

    /// Walks the tree once, iteratively (hostile nesting can be deep).
    init(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var block = 1...1
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let node = cmark_iter_get_node(iterator)
            else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                block = Self.lines(of: node)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                codeBlocks.append(Self.lines(of: node))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(
                    LinkNode(
                        destination: destination, block: block,
                        line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node))))
            default:
                break
            }
        }
    }

    private static func lines(of node: OpaquePointer) -> ClosedRange<Int> {
        let first = max(1, Int(cmark_node_get_start_line(node)))
        return first...max(first, Int(cmark_node_get_end_line(node)))
    }

    /// Whether a line (1-based) is inside a code or raw HTML block.
    func isCode(_ line: Int) -> Bool {
        // The blocks are in document order, so their ranges are sorted and apart.
        var low = 0
        var high = codeBlocks.count
        while low < high {
            let middle = (low + high) / 2
            if codeBlocks[middle].upperBound < line {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < codeBlocks.count && codeBlocks[low].contains(line)
    }
}
