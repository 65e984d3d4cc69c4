/// Finds the known name closest to a misspelt one, for "did you mean" hints.
public enum Suggestion {
    /// The closest candidate within a small edit distance, if any.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
    where S.Element == String {
        let target = Array(word.lowercased())
        let limit = max(2, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
            guard distance <= limit else { continue }
            // Ties go to the name that sorts first, so the hint doesn't depend on set order.
            let better = best.map {
                distance < $0.distance || (distance == $0.distance && candidate < $0.name)
            }
            if better ?? true {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// "did you mean `x`?" for the closest candidate, or nil.
    public static func didYouMean<S: Sequence>(_ word: String, among candidates: S) -> String?
    where S.Element == String {
        closest(to: word, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// Levenshtein distance, giving up early once every path exceeds `limit`. With
    /// `swapsCountOnce`, two neighbours swapped (`brnad`, `brand`) cost one edit, not two.
    static func editDistance(
        _ a: [Character], _ b: [Character], limit: Int, swapsCountOnce: Bool = false
    ) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if swapsCountOnce, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
