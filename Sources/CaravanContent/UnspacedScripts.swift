/// Han, kana and Hangul: scripts written without spaces between words, so that a word
/// cannot be told from the text and search has to find any part of a run of them.
///
/// The index holds such a run as its overlapping pairs of characters (中老铁路: 中老, 老铁,
/// 铁路) and its last character alone. Any part of two or more characters is then found
/// by the pairs it is made of; one character, as the start of a pair or the last one.
extension SearchIndex {
    /// Whether a character belongs to Han, Hiragana, Katakana or Hangul.
    public static func isUnspaced(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x1100 else {
            return false
        }
        return isUnspaced(scalar.value)
    }

    static func isUnspaced(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF,  // Hangul Jamo
            0x2E80...0x2FDF,  // CJK and Kangxi radicals
            0x3005...0x3007,  // 々 〆 〇
            0x3021...0x3029, 0x3038...0x303B,  // Hangzhou numerals, 〻
            0x3041...0x309F,  // Hiragana
            0x30A0...0x30FF,  // Katakana
            0x3130...0x318F,  // Hangul compatibility jamo
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7FF,  // Hangul syllables, Jamo extended B
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFF9F,  // half-width Katakana
            0x1B000...0x1B16F,  // Kana supplement and extensions
            0x20000...0x3134F:  // CJK extensions B to G
            return true
        default:
            return false
        }
    }

    /// Whether a word (as ``words(in:)`` gives them) is a run of unspaced script.
    public static func isUnspacedRun(_ word: String) -> Bool {
        word.unicodeScalars.first.map { isUnspaced($0.value) } ?? false
    }

    /// A word cut where it passes between an unspaced script and any other, so that
    /// `中老铁路China` is two words, as it would be with a space. Read by Unicode scalars:
    /// going through the word's characters costs more than the rest of indexing it.
    static func splitAtScripts(_ word: Substring) -> [String] {
        let scalars = word.unicodeScalars
        guard scalars.contains(where: { $0.value >= 0x1100 && isUnspaced($0.value) }) else {
            return [String(word)]
        }
        var pieces: [String] = []
        var start = scalars.startIndex
        var previous: Bool?
        for index in scalars.indices {
            let unspaced = isUnspaced(scalars[index].value)
            if let previous, previous != unspaced {
                pieces.append(String(scalars[start..<index]))
                start = index
            }
            previous = unspaced
        }
        pieces.append(String(scalars[start...]))
        return pieces
    }

    /// What the index holds for a word: the word itself, or for a run of unspaced
    /// script its pairs of characters and its last character (by Unicode scalars, as
    /// queries are cut by ``pairs(of:)``).
    static func indexKeys(for word: String) -> [String] {
        guard isUnspacedRun(word) else { return [word] }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 1 else { return [word] }
        var keys: [String] = []
        keys.reserveCapacity(scalars.count)
        for index in 0..<(scalars.count - 1) {
            keys.append(pair(scalars[index], scalars[index + 1]))
        }
        if let last = scalars.last { keys.append(String(Character(last))) }
        return keys
    }

    /// The pairs of characters a run of unspaced script is found by.
    static func pairs(of term: String) -> [String] {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count > 1 else { return [term] }
        return (0..<(scalars.count - 1)).map { pair(scalars[$0], scalars[$0 + 1]) }
    }

    private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> String {
        var text = String.UnicodeScalarView()
        text.append(first)
        text.append(second)
        return String(text)
    }

    /// Whether a term is a run of two or more unspaced characters.
    static func isUnspacedPhrase(_ term: String) -> Bool {
        isUnspacedRun(term) && term.unicodeScalars.count > 1
    }

    /// Where a run of two or more unspaced characters occurs: the entities and fields
    /// holding every pair of characters it is made of, checked against the text when
    /// the pairs could be apart (three characters or more). Every occurrence counts as
    /// a whole word does.
    func unspacedScores(for term: String) -> [Int32: (Double, UInt8)] {
        var candidates: Set<UInt64>?
        for pair in SearchIndex.pairs(of: term) {
            guard let wordIndex = matchingWords(pair, prefix: false).first else { return [:] }
            let holding = Set(
                postings[wordIndex].map {
                    UInt64(UInt32(bitPattern: $0.entity)) << 8 | UInt64($0.field)
                })
            let remaining = candidates.map { $0.intersection(holding) } ?? holding
            if remaining.isEmpty { return [:] }
            candidates = remaining
        }
        let mustCheck = term.unicodeScalars.count > 2
        var scores: [Int32: (Double, UInt8)] = [:]
        for key in candidates ?? [] {
            let entity = Int32(bitPattern: UInt32(key >> 8))
            let field = UInt8(key & 0xFF)
            let weight = Field.allCases[Int(field)].weight
            guard weight > scores[entity]?.0 ?? 0 else { continue }
            // Han and most kana fold to themselves, so the text as written is read first.
            if mustCheck, !SearchIndex.holds(fieldTexts(of: Int(entity))[Int(field)], term) {
                continue
            }
            scores[entity] = (weight, field)
        }
        return scores
    }

    /// Whether text, folded, holds a folded term: read as written first, and folded
    /// only when that fails (Han and most kana fold to themselves).
    static func holds(_ text: String, _ term: String) -> Bool {
        text.contains(term) || fold(text).contains(term)
    }
}
