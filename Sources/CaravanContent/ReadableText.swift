import Foundation

/// Text as a reader sees it on a page: citations as "(Zhao, 2019)" rather than the
/// `[@zhao2019]` written in the file. Search indexes this text, so its snippets show
/// what the reader pane shows.
extension MarkdownDocument {
    /// The document's text, paragraphs separated by blank lines, each citation as its
    /// references' labels (`labels` maps a citation key to "Zhao, 2019"); a key without a
    /// reference stays `@key`.
    public func readableText(labels: [String: String]) -> String {
        blocks.map { $0.readableText(labels) }.joined(separator: "\n\n")
    }
}

extension MarkdownDocument.Block {
    func readableText(_ labels: [String: String]) -> String {
        switch self {
        case .heading(_, let inlines), .paragraph(let inlines):
            inlines.map { $0.readableText(labels) }.joined()
        case .list(_, _, let items):
            items.map { $0.map { $0.readableText(labels) }.joined(separator: "\n") }
                .joined(separator: "\n")
        case .quote(let blocks): blocks.map { $0.readableText(labels) }.joined(separator: "\n")
        default: plainText
        }
    }
}

extension MarkdownDocument.Inline {
    func readableText(_ labels: [String: String]) -> String {
        switch self {
        case .emphasis(let children), .strong(let children), .link(_, _, let children):
            children.map { $0.readableText(labels) }.joined()
        case .citation(let citations):
            "("
                + citations.map { citation in
                    (labels[citation.key] ?? "@" + citation.key)
                        + (citation.locator.map { ", " + $0 } ?? "")
                }.joined(separator: "; ") + ")"
        default: plainText
        }
    }
}

extension Entity {
    /// How a citation of this reference reads: "Zhao, 2019", "Hu & Zhang, 2017",
    /// "Li et al., 2017".
    public var citationLabel: String {
        let surnames = strings("authors").map { author in
            String(author.split(separator: ",").first ?? Substring(author))
                .trimmingCharacters(in: .whitespaces)
        }
        let year = string("year") ?? "n.d."
        switch surnames.count {
        case 0: return "\(title), \(year)"
        case 1: return "\(surnames[0]), \(year)"
        case 2: return "\(surnames[0]) & \(surnames[1]), \(year)"
        default: return "\(surnames[0]) et al., \(year)"
        }
    }
}
