import CaravanContent
import Foundation

/// Finds entities by what a reader types: an id, the tail of an id, a section number, a
/// framework code (`E2`, `H1`, `S2a`), a title or a word of one. The jump prompt ranks
/// with it; `caravan show` and `--open` resolve with it, so the same words reach the
/// same entity everywhere.
///
/// Ranking goes by how well a candidate matches, best first: an exact number, code, id,
/// id tail or title; then a candidate something starts with the text; then one with a
/// title word that does; then any fuzzy match. Within a tier the fuzzy score decides, then
/// reading order.
public struct EntityLookup: Sendable {
    /// How well a candidate matches, best first.
    public enum Tier: Int, Comparable, Sendable {
        case exact
        case prefix
        case word
        case fuzzy

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What resolving a typed name gives.
    public enum Resolution: Equatable, Sendable {
        case found(EntityID)
        /// Several entities match equally well; the best first.
        case ambiguous([EntityID])
        /// Nothing matches well enough; the closest fuzzy matches, best first.
        case notFound(closest: [EntityID])
    }

    /// One entity's title and id as shown, and its names and titles folded for matching.
    private struct Entry: Sendable {
        var id: EntityID
        var title: String
        var idText: String
        /// The id, its tail, the section number, the framework code.
        var names: [String]
        /// The title, the title with its section number, and its names in other languages.
        var titles: [String]
    }

    /// Made when the first name is looked up, not when the explorer opens: a large
    /// content set's first frame does not wait for every title to be folded.
    private var entries: [Entry] {
        folded.value { EntityLookup.entries(of: model, codes: codes) }
    }
    private let folded = MadeOnce<[Entry]>()
    private let model: ContentModel
    /// Framework codes by entity: `H`, `E2`, `S2a`.
    public let codes: [EntityID: String]

    public init(model: ContentModel) {
        self.model = model
        codes = model.framework.codes
    }

    private static func entries(of model: ContentModel, codes: [EntityID: String]) -> [Entry] {
        model.entities.map { entity in
            let fold = { (text: String) in SearchIndex.fold(text) }
            var names = [fold(entity.id.description), fold(entity.id.slug)]
            if let number = entity.number, entity.kind == .section { names.append(fold(number)) }
            if let code = codes[entity.id] { names.append(fold(code)) }
            // Names in other languages are titles too: `:文化产业` finds the entity.
            let titles =
                [fold(entity.title), fold(entity.displayTitle)] + entity.names.map { fold($0.text) }
            return Entry(
                id: entity.id, title: entity.displayTitle, idText: entity.id.description,
                names: names, titles: titles)
        }
    }

    /// An entity that matches, and how well.
    public struct Match: Sendable, Hashable {
        public var id: EntityID
        public var tier: Tier
    }

    /// Every entity that matches `query` at all, best first, at most `limit`; with an
    /// empty query, entities in reading order.
    public func matches(_ query: String, limit: Int = Int.max) -> [Match] {
        Array(ranked(query).prefix(limit))
    }

    /// The ids of ``matches(_:limit:)``.
    public func rank(_ query: String, limit: Int) -> [EntityID] {
        matches(query, limit: limit).map(\.id)
    }

    /// What a name given on the command line means: the one entity that matches exactly,
    /// or else the one whose id or title starts with it or has a word that does.
    public func resolve(_ query: String) -> Resolution {
        let all = ranked(query)
        for tiers in [[Tier.exact], [.prefix, .word]] {
            let matching = all.filter { tiers.contains($0.tier) }.map(\.id)
            if matching.count == 1, let only = matching.first { return .found(only) }
            if matching.count > 1 { return .ambiguous(matching) }
        }
        return .notFound(closest: all.prefix(3).map(\.id))
    }

    private func ranked(_ query: String) -> [Match] {
        let typed = SearchIndex.fold(query.trimmingCharacters(in: .whitespaces))
        if typed.isEmpty { return entries.map { Match(id: $0.id, tier: .fuzzy) } }
        var scored: [(id: EntityID, tier: Tier, score: Int, order: Int)] = []
        for (order, entry) in entries.enumerated() {
            let fuzzy = [
                FuzzyMatch.score(query, entry.title), FuzzyMatch.score(query, entry.idText),
            ]
            .compactMap { $0 }.max()
            guard let tier = tier(entry, typed: typed, fuzzy: fuzzy != nil) else { continue }
            scored.append((entry.id, tier, fuzzy ?? 0, order))
        }
        scored.sort {
            if $0.tier != $1.tier { return $0.tier < $1.tier }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.order < $1.order
        }
        return scored.map { Match(id: $0.id, tier: $0.tier) }
    }

    private func tier(_ entry: Entry, typed: String, fuzzy: Bool) -> Tier? {
        if entry.names.contains(typed) || entry.titles.contains(typed) { return .exact }
        if (entry.names + entry.titles).contains(where: { $0.hasPrefix(typed) }) { return .prefix }
        if entry.titles.contains(where: { EntityLookup.hasWord(startingWith: typed, in: $0) }) {
            return .word
        }
        return fuzzy ? .fuzzy : nil
    }

    /// Whether a word of `text` (after a space or punctuation) starts `typed`. Han, kana
    /// and Hangul have no spaces to start words, so there any place where `typed` occurs
    /// counts (`沟通` in `政策沟通`).
    static func hasWord(startingWith typed: String, in text: String) -> Bool {
        if typed.first.map(SearchIndex.isUnspaced) ?? false { return text.contains(typed) }
        var rest = text[...]
        while let found = rest.range(of: typed) {
            let before =
                found.lowerBound == text.startIndex
                ? nil : text[text.index(before: found.lowerBound)]
            if before.map({ !($0.isLetter || $0.isNumber) }) ?? true { return true }
            rest = text[text.index(after: found.lowerBound)...]
        }
        return false
    }
}
