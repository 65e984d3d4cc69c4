import CaravanContent
import Foundation

/// Fuzzy matching for the jump prompt: every typed character must appear in order;
/// matches at word starts, in a row and early in the text rank higher.
public enum FuzzyMatch {
    /// A score for `query` against `text`, or nil when it doesn't match.
    public static func score(_ query: String, _ text: String) -> Int? {
        let needle = Array(SearchIndex.fold(query).filter { $0 != " " })
        guard !needle.isEmpty else { return 0 }
        let haystack = Array(SearchIndex.fold(text))
        var score = 0
        var position = 0
        var previous = -2
        for character in needle {
            guard let found = haystack[position...].firstIndex(of: character) else { return nil }
            let atWordStart =
                found == 0 || !(haystack[found - 1].isLetter || haystack[found - 1].isNumber)
            score += 1
            if atWordStart { score += 8 }
            if found == previous + 1 { score += 5 }
            if found == 0 { score += 10 }
            previous = found
            position = found + 1
        }
        return score * 1000 / (haystack.count + 20)
    }

    /// Candidates ranked by their best score over title and id.
    public static func rank(_ query: String, among candidates: [(EntityID, String)], limit: Int)
        -> [EntityID]
    {
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            return Array(candidates.prefix(limit).map(\.0))
        }
        var scored: [(id: EntityID, score: Int, order: Int)] = []
        for (order, candidate) in candidates.enumerated() {
            let best = [score(query, candidate.1), score(query, candidate.0.description)]
                .compactMap { $0 }.max()
            if let best { scored.append((candidate.0, best, order)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return scored.prefix(limit).map(\.id)
    }
}
