/// "Did you mean": the query respelt with the words the content uses, for a search that
/// finds nothing.
extension SearchIndex {
    /// The query with every word the index does not hold replaced by the closest one it
    /// does (by edit distance, a swap of two letters counting once; among equals the
    /// word in more entities), or nil when every word is known or one has nothing close.
    /// A word of three letters or fewer is never respelt.
    public func correction(for query: String) -> String? {
        let terms = SearchIndex.words(in: query)
        guard !terms.isEmpty else { return nil }
        let lastIsPrefix = !(query.last.map { $0 == " " } ?? false)
        var corrected: [String] = []
        var changed = false
        for (index, term) in terms.enumerated() {
            let prefix = lastIsPrefix && index == terms.count - 1
            let known =
                SearchIndex.isUnspacedRun(term)
                ? !entityScores(for: term, prefix: prefix).isEmpty
                : !matchingWords(term, prefix: prefix).isEmpty
            if known {
                corrected.append(term)
                continue
            }
            // Han, kana and Hangul are not respelt: an edit there changes the word.
            if SearchIndex.isUnspacedRun(term) { return nil }
            guard let word = closestWord(to: term) else { return nil }
            corrected.append(word)
            changed = true
        }
        guard changed else { return nil }
        let text = corrected.joined(separator: " ")
        return rank(text + " ", limit: 1).isEmpty ? nil : text
    }

    /// The indexed word closest to `term`, within a distance that grows with its length.
    func closestWord(to term: String) -> String? {
        let target = Array(term)
        guard target.count > 3 else { return nil }
        let limit = target.count >= 5 ? 2 : 1
        var best: (word: String, distance: Int, entities: Int)?
        for (index, word) in vocabulary.enumerated() {
            guard abs(word.count - target.count) <= limit else { continue }
            let distance = Suggestion.editDistance(
                target, Array(word), limit: limit, swapsCountOnce: true)
            guard distance <= limit else { continue }
            let entities = Set(postings[index].map(\.entity)).count
            if let current = best,
                distance > current.distance
                    || (distance == current.distance && entities <= current.entities)
            {
                continue
            }
            best = (word, distance, entities)
        }
        return best?.word
    }
}
