import Foundation

/// One entity of the content: a section, a case, a concept...
public struct Entity: Hashable, Sendable {
    public let id: EntityID
    public let title: String
    public let summary: String?
    public let order: Int?
    /// Every front-matter field, in the order written (id, kind and title included).
    public let fields: [(key: String, value: FieldValue)]
    /// The Markdown body as written. Content read from a precompiled model reads it from
    /// the archive when first asked for.
    public var body: String { storedBody.text }
    /// The body parsed, on first use: content read from a precompiled model parses only
    /// the pages a reader opens.
    public var document: MarkdownDocument { storedBody.document }
    private let storedBody: EntityBody
    /// Where the entity's file starts.
    public let location: SourceLocation
    /// The line of the file where the body starts.
    public let bodyLine: Int

    public var kind: EntityKind { id.kind }

    /// Whether the body was to be read from an archive and was found damaged there.
    var bodyIsDamaged: Bool { storedBody.isDamaged }

    public init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], body: String, document: MarkdownDocument,
        location: SourceLocation, bodyLine: Int
    ) {
        self.init(
            id: id, title: title, summary: summary, order: order, fields: fields,
            storedBody: EntityBody(body, document: document), location: location,
            bodyLine: bodyLine)
    }

    /// An entity whose body is parsed when its document is first asked for.
    public init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], body: String, location: SourceLocation,
        bodyLine: Int
    ) {
        self.init(
            id: id, title: title, summary: summary, order: order, fields: fields,
            storedBody: EntityBody(body), location: location, bodyLine: bodyLine)
    }

    /// An entity whose body stays in an archive until it is first asked for.
    init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], archivedBody: ArchivedSlice,
        location: SourceLocation, bodyLine: Int
    ) {
        self.init(
            id: id, title: title, summary: summary, order: order, fields: fields,
            storedBody: EntityBody(archived: archivedBody), location: location,
            bodyLine: bodyLine)
    }

    private init(
        id: EntityID, title: String, summary: String?, order: Int?,
        fields: [(key: String, value: FieldValue)], storedBody: EntityBody,
        location: SourceLocation, bodyLine: Int
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.order = order
        self.fields = fields
        self.storedBody = storedBody
        self.location = location
        self.bodyLine = bodyLine
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
