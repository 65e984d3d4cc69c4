/// The kinds of entity a content folder holds.
public enum EntityKind: String, CaseIterable, Sendable, Codable, Comparable {
    case paper
    case section
    case connotation
    case mechanism
    case `case`
    case concept
    case reference
    case path
    case deck

    /// The order kinds appear in listings and the navigator.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { EntityKind.allCases.firstIndex(of: self) ?? 0 }

    /// A plural label for headings ("Cases").
    public var pluralTitle: String {
        switch self {
        case .paper: "Paper"
        case .section: "Sections"
        case .connotation: "Connotations"
        case .mechanism: "Mechanisms"
        case .case: "Cases"
        case .concept: "Concepts"
        case .reference: "References"
        case .path: "Reading paths"
        case .deck: "Decks"
        }
    }

    /// Fields that must be present for this kind (beyond id, kind and title).
    var requiredFields: [String] {
        switch self {
        case .paper: []  // a course unit or a report has no authors to give
        case .section: ["number"]
        case .connotation: ["field", "lever"]
        case .mechanism: []  // connotation or parent, checked separately
        case .case: ["region", "illustrates"]
        case .concept: []
        case .reference: ["authors", "year"]
        case .path: ["steps"]
        case .deck: []
        }
    }

    /// Fields this kind accepts beyond the common ones.
    var specificFields: [String] {
        switch self {
        case .paper:
            [
                "authors", "affiliations", "received", "accepted", "published", "keywords",
                "funding",
                "journal",
            ]
        case .section: ["number", "parent", "claims", "quotes", "questions", "discusses"]
        case .connotation: ["field", "lever", "relations", "code"]
        case .mechanism: ["connotation", "parent", "code"]
        case .case:
            ["region", "country", "place", "when", "who", "illustrates", "figures", "significance"]
        case .concept: ["aka"]
        case .reference:
            ["key", "authors", "year", "venue", "volume", "issue", "pages", "doi", "url"]
        case .path: ["steps", "audience", "minutes"]
        case .deck: ["shows", "slides"]
        }
    }

    static let commonFields = [
        "id", "kind", "title", "summary", "order", "tags", "related", "cites", "discussed-in",
        "names",
    ]

    var allowedFields: [String] { EntityKind.commonFields + specificFields }
}

/// The regions the atlas groups cases by.
public enum Region: String, CaseIterable, Sendable, Codable {
    case centralAsia = "Central Asia"
    case westAsia = "West Asia"
    case southAsia = "South Asia"
    case southeastAsia = "Southeast Asia"
    case eastAsia = "East Asia"
    case europe = "Europe"
    case latinAmerica = "Latin America"
    case china = "China"
    case global = "Global"
}
