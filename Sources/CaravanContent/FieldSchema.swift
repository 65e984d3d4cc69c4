/// What shape each front-matter field must have, and which fields are links.
enum FieldShape {
    case text
    case integer
    case date
    case textList
    case textOrTextList
    /// One id.
    case link(LinkType)
    /// One id or a list of ids.
    case links(LinkType)
    /// Links written on the target's side: `discussed-in` states that a section discusses this.
    case inverseLinks(LinkType)
    /// A list of maps with these keys (required keys first).
    case records(required: [String], optional: [String])
    case paperAuthors
    /// A map from language tags to names: `{zh: 文化产业}`.
    case languageNames
    /// A framework code: `H2`, `PP`.
    case code
    case any

    static func of(_ field: String, kind: EntityKind) -> FieldShape {
        switch field {
        case "id", "kind", "title", "summary", "number", "field", "lever", "region", "place",
            "when",
            "who", "significance", "key", "venue", "volume", "issue", "pages", "doi", "url",
            "audience", "journal":
            return .text
        case "order", "year", "minutes": return .integer
        case "received", "accepted", "published": return .date
        case "tags", "claims", "questions", "keywords", "aka": return .textList
        case "country": return .textOrTextList
        case "parent": return .link(.partOf)
        case "connotation": return .link(.belongsTo)
        case "illustrates": return .links(.illustrates)
        case "discusses": return .links(.discusses)
        case "discussed-in": return .inverseLinks(.discusses)
        case "cites": return .links(.cites)
        case "related": return .links(.related)
        case "steps": return .links(.step)
        case "shows": return .links(.shows)
        case "quotes": return .records(required: ["text"], optional: ["note"])
        case "figures":
            return .records(required: ["label", "value", "section"], optional: ["note"])
        case "relations": return .records(required: ["to", "note"], optional: [])
        case "affiliations": return .records(required: ["number", "name"], optional: [])
        case "funding": return .records(required: ["funder", "grant"], optional: ["project"])
        case "authors": return kind == .paper ? .paperAuthors : .textList
        case "names": return .languageNames
        case "code": return .code
        default: return .any
        }
    }

    /// Keys within record fields that hold links.
    static func recordLink(field: String, key: String) -> LinkType? {
        switch (field, key) {
        case ("figures", "section"): .figureFrom
        case ("relations", "to"): .relatesTo
        default: nil
        }
    }
}
