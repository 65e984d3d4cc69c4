/// The typed relations between entities. Each reads one way from its source and
/// another way back from its target (the backlink).
public enum LinkType: String, CaseIterable, Sendable, Codable {
    case partOf = "part-of"
    case belongsTo = "belongs-to"
    case illustrates
    case discusses
    case cites
    case related
    case relatesTo = "relates-to"
    case step
    case shows
    case figureFrom = "figure-from"
    case mentions

    /// How the link reads from its source: "illustrates".
    public var label: String {
        switch self {
        case .partOf: "part of"
        case .belongsTo: "belongs to"
        case .illustrates: "illustrates"
        case .discusses: "discusses"
        case .cites: "cites"
        case .related: "related"
        case .relatesTo: "relates to"
        case .step: "steps"
        case .shows: "shows"
        case .figureFrom: "figures from"
        case .mentions: "mentions"
        }
    }

    /// How the link reads from its target: "illustrated by".
    public var inverseLabel: String {
        switch self {
        case .partOf: "parts"
        case .belongsTo: "mechanisms"
        case .illustrates: "illustrated by"
        case .discusses: "discussed in"
        case .cites: "cited in"
        case .related: "related"
        case .relatesTo: "related connotations"
        case .step: "on reading path"
        case .shows: "shown in deck"
        case .figureFrom: "gives figures of"
        case .mentions: "mentioned in"
        }
    }

    /// The kinds a link of this type may point to; nil means any kind.
    var allowedTargets: Set<EntityKind>? {
        switch self {
        case .partOf: [.paper, .section, .mechanism]
        case .belongsTo: [.connotation]
        case .illustrates: [.mechanism, .connotation, .concept]
        case .discusses: Set(EntityKind.allCases).subtracting([.paper])
        case .cites: [.reference]
        case .figureFrom: [.section]
        case .related, .relatesTo, .step, .shows, .mentions: nil
        }
    }
}

/// A typed link from one entity to another, with where it was written.
public struct Link: Hashable, Sendable {
    public let source: EntityID
    public let type: LinkType
    public let target: EntityID
    public let location: SourceLocation

    public init(source: EntityID, type: LinkType, target: EntityID, location: SourceLocation) {
        self.source = source
        self.type = type
        self.target = target
        self.location = location
    }

    /// Two links are the same relation whatever file stated them.
    var relation: Relation { Relation(source: source, type: type, target: target) }

    struct Relation: Hashable {
        let source: EntityID
        let type: LinkType
        let target: EntityID
    }
}
