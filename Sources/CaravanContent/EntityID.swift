/// A typed, readable id such as `case/almaty-silk-road-brand`: a kind, a slash and a slug.
public struct EntityID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let kind: EntityKind
    public let slug: String

    public init(kind: EntityKind, slug: String) {
        self.kind = kind
        self.slug = slug
    }

    /// Parses `kind/slug`; nil when the text is not of that form or the kind is unknown.
    public init?(_ text: String) {
        guard case .success(let id) = EntityID.parse(text) else { return nil }
        self = id
    }

    public var description: String { "\(kind.rawValue)/\(slug)" }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool {
        (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug)
    }

    public enum ParseError: Error, Equatable {
        case notAnID
        case unknownKind(String)
        case badSlug(String)
    }

    /// Parses `kind/slug`, saying what is wrong when it can't.
    public static func parse(_ text: String) -> Result<EntityID, ParseError> {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(.notAnID) }
        let kindName = String(parts[0])
        let slug = String(parts[1])
        guard let kind = EntityKind(rawValue: kindName) else {
            return .failure(.unknownKind(kindName))
        }
        guard isValidSlug(slug) else { return .failure(.badSlug(slug)) }
        return .success(EntityID(kind: kind, slug: slug))
    }

    static func isValidSlug(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, let last = slug.unicodeScalars.last,
            slug.unicodeScalars.count <= 100
        else { return false }
        let allowed = slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        return allowed && first != "-" && last != "-"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = EntityID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an entity id: \(text)")
        }
        self = id
    }
}
