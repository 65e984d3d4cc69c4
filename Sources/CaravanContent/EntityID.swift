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
        // In ASCII every byte is a character: the slash is found and the slug checked in bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return parseASCII(text) }
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

    private static func parseASCII(_ text: String) -> Result<EntityID, ParseError> {
        let utf8 = text.utf8
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else {
            return .failure(.notAnID)
        }
        let kindName = String(text[..<slash])
        let slugBytes = utf8[utf8.index(after: slash)...]
        let slug = String(text[slugBytes.startIndex...])
        guard let kind = EntityKind(rawValue: kindName) else {
            return .failure(.unknownKind(kindName))
        }
        guard isValidASCIISlug(slugBytes) else { return .failure(.badSlug(slug)) }
        return .success(EntityID(kind: kind, slug: slug))
    }

    /// ``isValidSlug(_:)`` for ASCII bytes.
    private static func isValidASCIISlug(_ slug: Substring.UTF8View) -> Bool {
        guard let first = slug.first, let last = slug.last, slug.count <= 100,
            first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
        else { return false }
        return slug.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-")
        }
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
