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

    /// The paper's words for the kind, which content may replace in `caravan.yaml`.
    public var standardTerm: Vocabulary.Term {
        switch self {
        case .case: Vocabulary.Term(singular: "case", label: "Case study")
        case .path: Vocabulary.Term(singular: "reading path")
        case .paper, .section, .connotation, .mechanism, .concept, .reference, .deck:
            Vocabulary.Term(singular: rawValue)
        }
    }

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

// MARK: How a kind is read

/// What readers see of each kind, as data: where its entities are listed, which of their
/// links come first, and which facts their pages and slides show. Every property is a
/// switch over all kinds, so a new kind does not compile until each is decided.
extension EntityKind {
    /// Where the entities of a kind are listed in the navigator.
    public enum Listing: Sendable, CaseIterable {
        /// First under the paper: the paper's own record.
        case paper
        /// Under the paper, as a tree of what is `part-of` what.
        case underThePaper
        /// In the framework: what belongs to nothing at the top, its mechanisms and parts
        /// under it.
        case framework
        /// Grouped by the connotation they illustrate, directly or through a mechanism.
        case byConnotation
        /// In a group of their own, titled with the kind's plural.
        case groupOfItsOwn
    }

    public var listing: Listing {
        switch self {
        case .paper: .paper
        case .section: .underThePaper
        case .connotation, .mechanism: .framework
        case .case: .byConnotation
        case .concept, .reference, .path, .deck: .groupOfItsOwn
        }
    }

    /// The relations an entity's links are listed under first, in this order; the rest
    /// follow in the order they are written.
    public var linkPriority: [LinkPriority] {
        switch self {
        case .paper, .section, .connotation, .mechanism, .case, .concept, .reference, .path,
            .deck:
            // What a reader comes for first, whatever the kind: the cases that illustrate
            // it, what it is part of, its parts, what a case illustrates.
            LinkPriority.casesThenStructure
        }
    }

    /// The facts a kind's page and slide show besides the summary and the body.
    public enum Facts: Sendable, CaseIterable {
        /// Authors, affiliations, dates, keywords, funding.
        case publication
        /// Nothing on the page (claims and questions follow any body); claims on a slide.
        case claims
        /// Field and lever; on a slide, the mechanisms too.
        case fieldAndLever
        /// Nothing on the page; on a slide, what it is part of, its parts and its cases.
        case partsAndCases
        /// Where, when and who, the key figures, and what it shows.
        case caseStudy
        /// Other names; on a slide, the first paragraph.
        case alsoKnownAs
        /// The entry as a reference list prints it, the DOI, how to cite it.
        case bibliography
        /// Audience, time and the steps in order.
        case steps
        /// The list of slides with their notes; on a slide, the first paragraph.
        case slides
    }

    public var facts: Facts {
        switch self {
        case .paper: .publication
        case .section: .claims
        case .connotation: .fieldAndLever
        case .mechanism: .partsAndCases
        case .case: .caseStudy
        case .concept: .alsoKnownAs
        case .reference: .bibliography
        case .path: .steps
        case .deck: .slides
        }
    }
}

/// A relation links can be listed under: link types, read from the entity or towards it.
public struct LinkPriority: Hashable, Sendable {
    public var types: Set<LinkType>
    /// Links from the entity (true) or to it, its backlinks (false).
    public var outgoing: Bool

    public init(_ types: Set<LinkType>, outgoing: Bool) {
        self.types = types
        self.outgoing = outgoing
    }

    /// The cases that illustrate it, what it is part of or belongs to, its parts and
    /// mechanisms, what it illustrates.
    public static let casesThenStructure = [
        LinkPriority([.illustrates], outgoing: false),
        LinkPriority([.partOf, .belongsTo], outgoing: true),
        LinkPriority([.partOf, .belongsTo], outgoing: false),
        LinkPriority([.illustrates], outgoing: true),
    ]
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
