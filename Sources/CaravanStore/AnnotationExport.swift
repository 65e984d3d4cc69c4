import Foundation

/// A reader's notes as a document to keep or share. Deleted notes are left out.
public enum AnnotationExport {
    /// One note, ready to print.
    public struct Entry: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var text: String
        public var updated: Date
    }

    /// The live notes, in `order` (entity ids, e.g. reading order) and then by id.
    public static func entries(_ state: ReaderState, titles: [String: String], order: [String] = [])
        -> [Entry]
    {
        var rank: [String: Int] = [:]
        for (index, id) in order.enumerated() where rank[id] == nil {
            rank[id] = index
        }
        return state.notes
            .map { id, note in
                Entry(id: id, title: titles[id] ?? id, text: note.text, updated: note.updated)
            }
            .sorted { left, right in
                let leftRank = rank[left.id] ?? Int.max
                let rightRank = rank[right.id] ?? Int.max
                if leftRank != rightRank { return leftRank < rightRank }
                return left.id < right.id
            }
    }

    /// A Markdown document: a heading per entity with its id and date, then the note.
    public static func markdown(
        _ state: ReaderState, titles: [String: String], order: [String] = []
    )
        -> String
    {
        let entries = entries(state, titles: titles, order: order)
        var lines = ["# Annotations", ""]
        if entries.isEmpty {
            lines.append("No annotations yet.")
            lines.append("")
        }
        for entry in entries {
            lines.append("## \(oneLine(entry.title))")
            lines.append("")
            let day = entry.updated.formatted(Date.ISO8601FormatStyle().year().month().day())
            lines.append("`\(entry.id)` · \(day)")
            lines.append("")
            lines.append(entry.text.trimmingCharacters(in: .whitespacesAndNewlines))
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// A JSON document: `{"content": identity, "annotations": [{id, title, text, updated}]}`.
    public static func json(_ state: ReaderState, titles: [String: String], order: [String] = [])
        -> String
    {
        struct Document: Encodable {
            var content: String
            var annotations: [Entry]
        }
        let document = Document(
            content: state.contentIdentity,
            annotations: entries(state, titles: titles, order: order))
        // Strings, dates and arrays always encode.
        let data = (try? StateCoding.encode(document)) ?? Data("{}\n".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A title on one line, as a heading needs.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
