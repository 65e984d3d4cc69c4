/// The words content uses for its kinds of entity, and which fields each kind needs.
///
/// The built-in paper's words are the standard: a framework of *connotations* and
/// *mechanisms*, a *paper* as its overview. A content folder may name its own in
/// `caravan.yaml` (a course unit of five *pillars*, say); everything that names a kind to
/// a reader asks here, so the same words appear in the explorer, the plain commands and
/// `caravan check`. Ids and `kind:` lines keep the kind names whatever the words.
public struct Vocabulary: Sendable, Hashable {
    /// How one kind is named.
    public struct Term: Sendable, Hashable {
        /// Lower case, as in running text: "pillar", "course unit".
        public var singular: String
        public var plural: String
        /// How an entity's page names its kind, capitalised: "Pillar", "Case study".
        public var label: String

        public init(singular: String, plural: String? = nil, label: String? = nil) {
            self.singular = singular
            self.plural = plural ?? Term.pluralOf(singular)
            self.label = label ?? Term.capitalized(singular)
        }

        /// The English plural of a word as most words make it: `lesson`s, `box`es,
        /// `study` to `studies`. Text that does not end in a Latin letter is left as it is
        /// (Chinese nouns have no plural form).
        public static func pluralOf(_ singular: String) -> String {
            guard let last = singular.last, last.isASCII, last.isLetter else { return singular }
            let lower = singular.lowercased()
            if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) {
                return singular + "es"
            }
            if lower.hasSuffix("y"), let before = lower.dropLast().last,
                !"aeiou".contains(before)
            {
                return singular.dropLast() + "ies"
            }
            return singular + "s"
        }

        /// The first letter in upper case: "course unit" to "Course unit".
        public static func capitalized(_ text: String) -> String {
            guard let first = text.first else { return text }
            return first.uppercased() + text.dropFirst()
        }
    }

    /// Words content declared, by kind; the rest are standard.
    private var declared: [EntityKind: Term] = [:]
    /// Required fields content declared, by kind; the rest are standard.
    private var declaredRequirements: [EntityKind: [String]] = [:]

    /// The built-in paper's words and requirements.
    public static let standard = Vocabulary()

    public init() {}

    /// Whether nothing was declared: the standard words and requirements.
    public var isStandard: Bool { declared.isEmpty && declaredRequirements.isEmpty }

    /// The line under a page's title that says what it is, in the content's words:
    /// "Section 3b", "Case study", "Pillar".
    public func pageLabel(_ kind: EntityKind, number: String?) -> String {
        guard kind == .section, let number else { return label(kind) }
        return label(kind) + " " + number
    }

    /// The words for a kind.
    public func term(for kind: EntityKind) -> Term {
        declared[kind] ?? kind.standardTerm
    }

    /// Whether content named this kind in words of its own.
    public func declares(_ kind: EntityKind) -> Bool { declared[kind] != nil }

    /// "pillar"
    public func singular(_ kind: EntityKind) -> String { term(for: kind).singular }

    /// "pillars"
    public func plural(_ kind: EntityKind) -> String { term(for: kind).plural }

    /// "Pillar", for an entity's page; the built-in words say "Case study" and "Reading path".
    public func label(_ kind: EntityKind) -> String { term(for: kind).label }

    /// "Pillars", for headings of lists.
    public func pluralTitle(_ kind: EntityKind) -> String {
        declared[kind].map { Term.capitalized($0.plural) } ?? kind.pluralTitle
    }

    /// "1 pillar", "5 pillars".
    public func count(_ number: Int, _ kind: EntityKind) -> String {
        "\(number) " + (number == 1 ? singular(kind) : plural(kind))
    }

    /// How a diagnostic names a kind: the content's word for it, or else the kind's own
    /// name, which is what the author writes after `kind:`.
    public func messageName(_ kind: EntityKind) -> String {
        declared[kind]?.singular ?? kind.rawValue
    }

    /// "a pillar", "an action area": ``messageName(_:)`` with its indefinite article.
    /// Words that do not start with a Latin letter get none.
    public func withArticle(_ kind: EntityKind) -> String {
        let word = messageName(kind)
        return Vocabulary.article(for: word) + word
    }

    /// "a " or "an " for a word, by its first letter ("an action area", "a unit"); nothing
    /// for a word that does not start with a Latin letter.
    public static func article(for word: String) -> String {
        guard let first = word.lowercased().first, first.isASCII, first.isLetter else {
            return ""
        }
        return "aeio".contains(first) ? "an " : "a "
    }

    /// The kind a word names, in the content's words or the standard ones, singular or
    /// plural, in any case: "pillars", "Pillar", "connotation".
    public func kind(named name: String) -> EntityKind? {
        let folded = name.lowercased()
        if let kind = EntityKind(rawValue: folded) { return kind }
        for kind in EntityKind.allCases {
            let term = term(for: kind)
            if [term.singular, term.plural].contains(where: { $0.lowercased() == folded }) {
                return kind
            }
        }
        let singular = folded.hasSuffix("s") ? String(folded.dropLast()) : folded
        return EntityKind(rawValue: singular)
    }

    /// The names to list for kinds: each kind's own, then the words content declared
    /// (`connotation`..., `pillar`).
    public var kindNames: [String] {
        var names = EntityKind.allCases.map(\.rawValue)
        for kind in EntityKind.allCases {
            if let word = declared[kind]?.singular, !names.contains(word) { names.append(word) }
        }
        return names
    }

    /// How a link reads from its source, in the content's words.
    public func label(of type: LinkType) -> String { type.label }

    /// How a link reads from its target, in the content's words: a course's pillar lists
    /// its "action areas" where the paper's connotation lists its "mechanisms".
    public func inverseLabel(of type: LinkType) -> String {
        switch type {
        case .belongsTo: plural(.mechanism)
        case .relatesTo: "related " + plural(.connotation)
        default: type.inverseLabel
        }
    }

    /// The fields an entity of this kind must have, beyond `id`, `kind` and `title`.
    public func requiredFields(of kind: EntityKind) -> [String] {
        declaredRequirements[kind] ?? kind.requiredFields
    }

    /// Names a kind in words of its own.
    public mutating func declare(_ term: Term, for kind: EntityKind) {
        declared[kind] = term
    }

    /// Replaces the fields a kind needs.
    public mutating func require(_ fields: [String], of kind: EntityKind) {
        declaredRequirements[kind] = fields
    }

    /// This vocabulary with another's declarations on top, kind by kind: a layer's words
    /// replace those of the layers below it.
    public func overlaid(with other: Vocabulary) -> Vocabulary {
        var result = self
        result.declared.merge(other.declared) { _, new in new }
        result.declaredRequirements.merge(other.declaredRequirements) { _, new in new }
        return result
    }
}
