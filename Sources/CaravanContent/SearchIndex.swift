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
                prefix ? textWords.contains { $0.hasPrefix(term) } : textWords.contains(term)
            if !found { return nil }
        }
        return snippet(of: text, terms: terms, prefixLast: prefixLast)
    }

    /// A short excerpt of matched text; `matches` are character offsets into `text`.
    public struct Snippet: Sendable, Hashable {
        public var text: String
        public var matches: [Range<Int>]
    }

    struct Posting {
        var entity: Int32
        var field: UInt8
    }

    private let ids: [EntityID]
    private let texts: [[String]]  // per entity, per field
    let vocabulary: [String]  // sorted folded words
    let postings: [[Posting]]  // parallel to vocabulary

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
                var seen: Set<String> = []
                for word in SearchIndex.words(in: text) where seen.insert(word).inserted {
                    table[word, default: []].append(
                        Posting(entity: Int32(entityIndex), field: UInt8(fieldIndex)))
                }
            }
        }
        vocabulary = table.keys.sorted()
        postings = vocabulary.map { table[$0] ?? [] }
    }

    /// Case- and diacritic-folded words of a text.
    ///
    /// Folding never reaches across an ASCII space or punctuation mark, so the text is
    /// folded a run at a time between them: a run of ASCII letters and digits is one word,
    /// lower-cased here; a run with other characters goes through ``fold(_:)`` and is split
    /// again. The words are those of folding the whole text and splitting it.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var runIsASCII = true
        var index = utf8.startIndex
        func finishRun(at end: String.Index) {
            guard runStart < end else { return }
            let run = text[runStart..<end]
            if runIsASCII {
                words.append(String(run).lowercased())
            } else {
                words += fold(String(run)).split { !($0.isLetter || $0.isNumber) }.map(String.init)
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x80 && !isASCIILetterOrDigit(byte) {
                finishRun(at: index)
                utf8.formIndex(after: &index)
                runStart = index
                runIsASCII = true
                continue
            }
            if byte >= 0x80 { runIsASCII = false }
            utf8.formIndex(after: &index)
        }
        finishRun(at: utf8.endIndex)
        return words
    }

    /// Case-, diacritic- and width-folded text. ASCII text is only lower-cased, which is
    /// what folding does to it, without the cost of going through Foundation.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// An ASCII capital letter's small letter; any other byte as it is.
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `isLetter || isNumber`, answered for ASCII without looking up Unicode properties.
    static func isWordCharacter(_ character: Character) -> Bool {
        if character.utf8.count == 1, let byte = character.utf8.first {
            return isASCIILetterOrDigit(byte)
        }
        return character.isLetter || character.isNumber
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
        let fields = texts[Int(hit.entityIndex)]
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
            var termScores: [Int32: (Double, UInt8)] = [:]
            for wordIndex in matchingWords(term, prefix: allowPrefix) {
                let exact = vocabulary[wordIndex] == term
                for posting in postings[wordIndex] {
                    let field = Field.allCases[Int(posting.field)]
                    let value = field.weight * (exact ? 1.0 : 0.6)
                    if value > termScores[posting.entity]?.0 ?? 0 {
                        termScores[posting.entity] = (value, posting.field)
                    }
                }
            }
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

    /// About `width` characters around the first match, with every match marked.
    static func snippet(of text: String, terms: [String], prefixLast: Bool, width: Int = 80)
        -> Snippet
    {
        // A match far into plain text: the snippet is the same read from a cut near it.
        if let skip = SnippetSkip(
            text: text, terms: terms, prefixLast: prefixLast, margin: width / 4 + 1)
        {
            let rest = String(decoding: text.utf8.dropFirst(skip.utf8Offset), as: UTF8.self)
            return readSnippet(of: rest, terms: terms, prefixLast: prefixLast, width: width)
        }
        return readSnippet(of: text, terms: terms, prefixLast: prefixLast, width: width)
    }

    /// A snippet read a character at a time from the start of `text`.
    private static func readSnippet(of text: String, terms: [String], prefixLast: Bool, width: Int)
        -> Snippet
    {
        // The characters are read only as far as the snippet needs: long bodies stop early.
        var characters: [Character] = []
        var reader = text.makeIterator()
        var afterLineFeed = false
        /// Appends a character; next to a space that was a line feed, it joins the one
        /// before when Unicode would make them a single character.
        func append(_ character: Character, isLineFeed: Bool) {
            if isLineFeed || afterLineFeed, let last = characters.last {
                let joined = String(last) + String(character)
                if joined.count == 1, let merged = joined.first {
                    characters[characters.count - 1] = merged
                    afterLineFeed = true
                    return
                }
            }
            characters.append(character)
            afterLineFeed = isLineFeed
        }
        /// Reads on until `count` characters are known; false when the text is shorter.
        func has(_ count: Int) -> Bool {
            while characters.count < count, let next = reader.next() {
                // Line feeds become spaces (in `\r\n` too, leaving the carriage return).
                switch next {
                case "\n":
                    append(" ", isLineFeed: true)
                case "\r\n":
                    append("\r", isLineFeed: false)
                    append(" ", isLineFeed: true)
                default:
                    append(next, isLineFeed: false)
                }
            }
            return characters.count >= count
        }
        var foldedCharacters: [Character: String] = [:]
        /// A word folded a character at a time.
        func foldedWord(_ range: Range<Int>) -> String {
            var word = ""
            for character in characters[range] {
                if character.utf8.count == 1, let byte = character.utf8.first {
                    word.unicodeScalars.append(
                        Unicode.Scalar(lowercasedASCII(byte)))
                } else if let folded = foldedCharacters[character] {
                    word += folded
                } else {
                    let folded = fold(String(character))
                    foldedCharacters[character] = folded
                    word += folded
                }
            }
            return word
        }
        var matches: [Range<Int>] = []
        var start = 0
        // Find word starts whose folded text begins with a term. A word that starts
        // `width` characters past the first match cannot be in the snippet.
        var index = 0
        while has(index + 1) {
            if let first = matches.first, index >= first.lowerBound + width { break }
            let isWordStart =
                isWordCharacter(characters[index])
                && (index == 0 || !isWordCharacter(characters[index - 1]))
            if isWordStart {
                var end = index
                while has(end + 1), isWordCharacter(characters[end]) {
                    end += 1
                }
                let word = foldedWord(index..<end)
                for (termIndex, term) in terms.enumerated() {
                    let prefix = prefixLast && termIndex == terms.count - 1
                    if word == term || (prefix && word.hasPrefix(term)) {
                        let length =
                            prefix && word != term ? min(term.count, end - index) : end - index
                        matches.append(index..<(index + length))
                        break
                    }
                }
                index = end
            } else {
                index += 1
            }
        }
        if let first = matches.first {
            start = max(0, first.lowerBound - width / 4)
            // Start at a word boundary.
            while start > 0, start < first.lowerBound, characters[start - 1] != " " { start += 1 }
        }
        // One character past the window tells whether the text goes on.
        let more = has(start + width + 1)
        let end = min(characters.count, start + width)
        var snippet = String(characters[start..<end])
        var offset = 0
        if start > 0 {
            snippet = "…" + snippet
            offset = 1
        }
        if more { snippet += "…" }
        let visible = matches.compactMap { range -> Range<Int>? in
            guard range.lowerBound >= start, range.upperBound <= end else { return nil }
            return (range.lowerBound - start + offset)..<(range.upperBound - start + offset)
        }
        return Snippet(text: snippet, matches: visible)
    }
}
