import Foundation

/// One entity of the content: a section, a case, a concept...
///
/// Its parts are kept together in one immutable object, so that copying an entity (into
/// a list, a filter, a dictionary) costs one reference count, not one for each of its
/// texts and lists: a model of 10,000 entities is copied whole more than once while it
/// is opened.
public struct Entity: Hashable, Sendable {
    public var id: EntityID { parts.id }
    public var title: String { parts.title }
    public var summary: String? { parts.summary }
    public var order: Int? { parts.order }
    /// Every front-matter field, in the order written (id, kind and title included).
    public var fields: [(key: String, value: FieldValue)] { parts.fields }
    /// The Markdown body as written. Content read from a precompiled model reads it from
    /// the archive when first asked for.
    public var body: String { parts.body.text }
    /// The body parsed, on first use: content read from a precompiled model parses only
    /// the pages a reader opens.
    public var document: MarkdownDocument { parts.body.document }
    /// Where the entity's file starts.
    public var location: SourceLocation { parts.location }
    /// The line of the file where the body starts.
    public var bodyLine: Int { parts.bodyLine }
    private let parts: Parts

    public var kind: EntityKind { id.kind }

    /// Whether the body was to be read from an archive and was found damaged there.
    var bodyIsDamaged: Bool { parts.body.isDamaged }

    private final class Parts: Sendable {
        let id: EntityID
        let title: String
        let summary: String?
        let order: Int?
        let fields: [(key: String, value: FieldValue)]
        let body: EntityBody
        let location: SourceLocation
        let bodyLine: Int

        init(
            id: EntityID, title: String, summary: String?, order: Int?,
            fields: [(key: String, value: FieldValue)], body: EntityBody,
            location: SourceLocation, bodyLine: Int
        ) {
            self.id = id
            self.title = title
            self.summary = summary
            self.order = order
            self.fields = fields
            self.body = body
            self.location = location
            self.bodyLine = bodyLine
        }
    }

    public init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], body: String, document: MarkdownDocument,
        location: SourceLocation, bodyLine: Int
    ) {
        parts = Parts(
            id: id, title: title, summary: summary, order: order, fields: fields,
            body: EntityBody(body, document: document), location: location, bodyLine: bodyLine)
    }

    /// An entity whose body is parsed when its document is first asked for.
    public init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], body: String, location: SourceLocation,
        bodyLine: Int
    ) {
        parts = Parts(
            id: id, title: title, summary: summary, order: order, fields: fields,
            body: EntityBody(body), location: location, bodyLine: bodyLine)
    }

    /// An entity whose body stays in an archive until it is first asked for.
    init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], archivedBody: ArchivedSlice,
        location: SourceLocation, bodyLine: Int
    ) {
        parts = Parts(
            id: id, title: title, summary: summary, order: order, fields: fields,
            body: EntityBody(archived: archivedBody), location: location, bodyLine: bodyLine)
    }

    public static func == (lhs: Entity, rhs: Entity) -> Bool {
        lhs.id == rhs.id && lhs.location == rhs.location && lhs.body == rhs.body
            && FieldValue.map(lhs.fields) == FieldValue.map(rhs.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(location)
    }

    /// A front-matter field by name.
    public func field(_ name: String) -> FieldValue? {
        fields.first { $0.key == name }?.value
    }

    /// A scalar field as text.
    public func string(_ name: String) -> String? { field(name)?.text }

    /// A list field (or a scalar) as strings.
    public func strings(_ name: String) -> [String] { field(name)?.strings ?? [] }

    /// The section number, for sections.
    public var number: String? { string("number") }

    /// The title with the section number in front, as a reader expects: "4.1 It Is Urgent...".
    public var displayTitle: String {
        if let number, kind == .section { return "\(number) \(title)" }
        return title
    }

    /// Key figures of a case: label, value and the section that gives it.
    public var figures: [Figure] {
        (field("figures")?.items ?? []).compactMap { item in
            guard let label = item["label"]?.text, let value = item["value"]?.text else {
                return nil
            }
            return Figure(
                label: label, value: value, section: item["section"]?.text.flatMap(EntityID.init))
        }
    }

    /// The citation key of a reference: its `key` field or its slug.
    public var citationKey: String? {
        guard kind == .reference else { return nil }
        return string("key") ?? id.slug
    }
}

/// A number the paper gives, exactly as it gives it.
public struct Figure: Hashable, Sendable {
    public var label: String
    public var value: String
    public var section: EntityID?
}
