import CaravanContent

/// Handouts: the content, an entity, a reading path or a deck as one file to read on
/// screen, print or pass on, in HTML (one self-contained page, ready to print on A4 or
/// Letter) or in Markdown (CommonMark, with GFM pipe tables for the map and the matrix).
public enum Handout {
    public enum Format: String, CaseIterable, Sendable {
        case html
        case markdown
    }

    /// What a handout holds.
    public enum Selection: Sendable, Equatable {
        /// The whole content in reading order, with the framework map and the case matrix.
        case all
        /// One entity. A reading path brings each of its steps in full; a deck its slides,
        /// one a page, with their speaker notes when `notes` is set.
        case entity(EntityID, notes: Bool = false)
    }

    /// The handout as text in the format asked for. Every text from content is escaped
    /// for the format; no content can add markup, scripts or anything a reader fetches.
    public static func render(
        _ selection: Selection, format: Format, model: ContentModel
    ) -> String {
        let document = HandoutBuilder(model: model).document(for: selection)
        switch format {
        case .html: return HTMLHandoutWriter(document: document).text
        case .markdown: return MarkdownHandoutWriter(document: document).text
        }
    }
}
