import Foundation

/// A full-text index over every entity, built once at load.
///
/// Ranking weighs where a word matched (title above summary above the rest), and
/// whether it matched whole or as a prefix; matching ignores case and diacritics.
/// The last word of a query matches as a prefix, for search as you type.
public struct SearchIndex: Sendable {
    /// The searchable parts of an entity, most important first.
    public enum Field: String, Sendable, CaseIterable {
        case title
        case summary
        case details
        case body
        /// The reader's own note on an entity (not indexed here: notes live with the reader).
        case note

        var weight: Double {
            switch self {
            case .title: 10
            case .summary: 4
            case .details: 2
            case .body: 1
            case .note: 3
            }
        }
    }

    /// One ranked hit: the entity, the field that matched best, and a snippet of it.
    public struct Result: Sendable, Hashable {
        public var id: EntityID
        public var field: Field
        public var score: Double
        public var snippet: Snippet

        public init(id: EntityID, field: Field, score: Double, snippet: Snippet) {
            self.id = id
            self.field = field
            self.score = score
            self.snippet = snippet
        }
    }

    /// Finds a query in texts kept outside the index (such as a reader's notes): every
    /// word must match, the last as a prefix; returns a snippet when it does.
    public static func match(_ query: String, in text: String) -> Snippet? {
        let terms = words(in: query)
        guard !terms.isEmpty else { return nil }
        let prefixLast = !(query.last.map { $0 == " " } ?? false)
        let textWords = Set(words(in: text))
        for (index, term) in terms.enumerated() {
            let prefix = prefixLast && index == terms.count - 1
            let found =
                isUnspacedRun(term)
                ? textWords.contains { $0.contains(term) }
                : prefix ? textWords.contains { $0.hasPrefix(term) } : textWords.contains(term)
            if !found { return nil }
        }
        return snippet(of: text, terms: terms, prefixLast: prefixLast)
    }

    /// A short excerpt of matched text; `matches` are character offsets into `text`.
    public struct Snippet: Sendable, Hashable {
        public var text: String
        public var matches: [Range<Int>]
    }

    struct Posting: Equatable {
        var entity: Int32
        var field: UInt8
    }

    let ids: [EntityID]
    let texts: [[String]]  // per entity, per field
    /// The texts of an index read from a precompiled model, left there (`texts` is empty).
    private var archivedTexts: ArchivedSearchTexts? = nil
    let vocabulary: [String]  // sorted folded words
    let postings: [[Posting]]  // parallel to vocabulary

    /// An index read back from a precompiled model.
    init(
        ids: [EntityID], texts: ArchivedSearchTexts, vocabulary: [String], postings: [[Posting]]
    ) {
        self.ids = ids
        self.texts = []
        archivedTexts = texts
        self.vocabulary = vocabulary
        self.postings = postings
    }

    /// An entity's searchable texts, by field.
    func fieldTexts(of entity: Int) -> [String] {
        archivedTexts?.texts(of: entity) ?? texts[entity]
    }

    init(entities: [Entity]) {
        ids = entities.map(\.id)
        // Citations are indexed as the reader sees them: "(Zhao, 2019)".
        var labels: [String: String] = [:]
        for entity in entities {
            if let key = entity.citationKey, labels[key] == nil {
                labels[key] = entity.citationLabel
            }
        }
        texts = entities.map { SearchIndex.fieldTexts($0, labels: labels) }
        var table: [String: [Posting]] = [:]
        for (entityIndex, fields) in texts.enumerated() {
            for (fieldIndex, text) in fields.enumerated() {
                let posting = Posting(entity: Int32(entityIndex), field: UInt8(fieldIndex))
                // A word's postings are added in order, so one already made for this
                // field is the last: checking it keeps each word once a field, with one
                // lookup in the table.
                for word in SearchIndex.words(in: text) {
                    // U+1100, where the unspaced scripts start, is 0xE1 first in UTF-8.
                    if let lead = word.utf8.first, lead >= 0xE1, SearchIndex.isUnspacedRun(word) {
                        for key in SearchIndex.indexKeys(for: word) {
                            table[key, default: []].appendUnlessLast(posting)
                        }
                    } else {
                        table[word, default: []].appendUnlessLast(posting)
                    }
                }
            }
        }
        vocabulary = table.keys.sorted()
        postings = vocabulary.map { table[$0] ?? [] }
    }

    /// A ranked match without its snippet: the entity, the field that matched best and
    /// the score. Making a snippet reads the text, so a caller that shows only some of the
    /// hits makes their snippets when it shows them (``snippet(for:query:)``).
    public struct Hit: Sendable, Hashable {
        public var id: EntityID
        public var field: Field
        public var score: Double
        /// The entity's place in the index, to find its text again.
        let entityIndex: Int32
    }

    /// Ranked results for a query, each with its snippet; every word must match
    /// somewhere in the entity.
    public func search(_ query: String, kind: EntityKind? = nil, limit: Int = 50) -> [Result] {
        rank(query, kind: kind, limit: limit).map { hit in
            Result(
                id: hit.id, field: hit.field, score: hit.score,
                snippet: snippet(for: hit, query: query))
        }
    }

    /// The snippet of a hit: the matched field around its first match (for a title match,
    /// the summary or the start of the body).
    public func snippet(for hit: Hit, query: String) -> Snippet {
        let terms = SearchIndex.words(in: query)
        let lastIsPrefix = !(query.last.map { $0 == " " } ?? false)
        let fields = fieldTexts(of: Int(hit.entityIndex))
        let fieldIndex = Field.allCases.firstIndex(of: hit.field) ?? 0
        var text = fields.indices.contains(fieldIndex) ? fields[fieldIndex] : ""
        if hit.field == .title {
            text = [fields[1], fields[3], fields[2]].first { !$0.isEmpty } ?? text
        }
        return SearchIndex.snippet(of: text, terms: terms, prefixLast: lastIsPrefix)
    }

    /// Ranked hits for a query, best first; every word must match somewhere in the entity.
    public func rank(_ query: String, kind: EntityKind? = nil, limit: Int = 50) -> [Hit] {
        let terms = SearchIndex.words(in: query)
        guard !terms.isEmpty, limit > 0 else { return [] }
        let lastIsPrefix = !(query.last.map { $0 == " " } ?? false)
        var scores: [Int32: (score: Double, bestField: UInt8, bestWeight: Double)] = [:]
        for (termIndex, term) in terms.enumerated() {
            let allowPrefix = lastIsPrefix && termIndex == terms.count - 1
            let termScores = entityScores(for: term, prefix: allowPrefix)
            if termIndex == 0 {
                for (entity, (value, field)) in termScores {
                    scores[entity] = (value, field, value)
                }
            } else {
                var next: [Int32: (score: Double, bestField: UInt8, bestWeight: Double)] = [:]
                for (entity, current) in scores {
                    guard let (value, field) = termScores[entity] else { continue }
                    let better = value > current.bestWeight
                    next[entity] = (
                        current.score + value, better ? field : current.bestField,
                        max(value, current.bestWeight)
                    )
                }
                scores = next
            }
            if scores.isEmpty { return [] }
        }
        let ranked = scores.filter { kind == nil || ids[Int($0.key)].kind == kind }
            .sorted { a, b in
                a.value.score != b.value.score ? a.value.score > b.value.score : a.key < b.key
            }
            .prefix(limit)
        return ranked.map { entityIndex, value in
            Hit(
                id: ids[Int(entityIndex)], field: Field.allCases[Int(value.bestField)],
                score: value.score, entityIndex: entityIndex)
        }
    }

    /// Each entity a term matches, with the value of its best match and the field it is
    /// in: a whole word counts 1, the start of one 0.6, times the field's weight. A run
    /// of Han, kana or Hangul matches wherever it occurs (``unspacedScores(for:)``).
    func entityScores(for term: String, prefix: Bool) -> [Int32: (Double, UInt8)] {
        if SearchIndex.isUnspacedPhrase(term) { return unspacedScores(for: term) }
        // One unspaced character is always the start of what holds it.
        let prefix = prefix || SearchIndex.isUnspacedRun(term)
        var termScores: [Int32: (Double, UInt8)] = [:]
        for wordIndex in matchingWords(term, prefix: prefix) {
            let exact = vocabulary[wordIndex] == term
            for posting in postings[wordIndex] {
                let field = Field.allCases[Int(posting.field)]
                let value = field.weight * (exact ? 1.0 : 0.6)
                if value > termScores[posting.entity]?.0 ?? 0 {
                    termScores[posting.entity] = (value, posting.field)
                }
            }
        }
        return termScores
    }

    /// Indexes of vocabulary words equal to `term`, or starting with it when `prefix`.
    func matchingWords(_ term: String, prefix: Bool) -> [Int] {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let mid = (low + high) / 2
            if vocabulary[mid] < term { low = mid + 1 } else { high = mid }
        }
        var found: [Int] = []
        var index = low
        while index < vocabulary.count {
            let word = vocabulary[index]
            if word == term || (prefix && word.hasPrefix(term)) {
                found.append(index)
                index += 1
            } else {
                break
            }
        }
        return found
    }
}

extension Array where Element == SearchIndex.Posting {
    mutating func appendUnlessLast(_ posting: SearchIndex.Posting) {
        if last != posting { append(posting) }
    }
}
