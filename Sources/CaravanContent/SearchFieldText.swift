/// The text of each searchable part of an entity, as the index reads it.
extension SearchIndex {
    static func fieldTexts(_ entity: Entity, labels: [String: String]) -> [String] {
        var details: [String] = []
        for (key, value) in entity.fields
        where !["id", "kind", "title", "summary", "names"].contains(key) {
            // Fields holding only ids flatten to nothing: leave them out, not `·  ·`.
            let text = flatten(value)
            if !text.isEmpty { details.append(text) }
        }
        // Names in other languages count as the title does: 文化产业 finds "Cultural industry".
        var title = entity.displayTitle + " " + entity.id.description
        for name in entity.names { title += " · " + name.text }
        return [
            title, entity.summary ?? "",
            details.joined(separator: " · "), entity.document.readableText(labels: labels),
        ]
    }

    /// Field text for searching; ids are left out, since they name other entities.
    static func flatten(_ value: FieldValue) -> String {
        switch value {
        case .list(let items):
            return items.map(flatten).filter { !$0.isEmpty }.joined(separator: " · ")
        case .map(let entries):
            return entries.map { flatten($0.value) }.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            guard let text = value.text, EntityID(text) == nil else { return "" }
            return text
        }
    }
}
