import Foundation

/// The excerpt shown under a search result, with its matches marked.
extension SearchIndex {
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
                && (index == 0 || !continuesWord(characters[index - 1], characters[index]))
            if isWordStart {
                var end = index + 1
                while has(end + 1), continuesWord(characters[end - 1], characters[end]) {
                    end += 1
                }
                let word = foldedWord(index..<end)
                if isUnspaced(characters[index]) {
                    matches += unspacedMatches(
                        in: word, at: index, length: end - index, terms: terms)
                } else {
                    for (termIndex, term) in terms.enumerated() {
                        let prefix = prefixLast && termIndex == terms.count - 1
                        if word == term || (prefix && word.hasPrefix(term)) {
                            let length =
                                prefix && word != term ? min(term.count, end - index) : end - index
                            matches.append(index..<(index + length))
                            break
                        }
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

    /// Where the unspaced terms occur in a run of Han, kana or Hangul that starts at
    /// `start` and is `length` characters long (folded: `word`). A one-character term
    /// marks each time it occurs, as a longer one does. For marking matches on a page
    /// as snippets mark them: a word made of such characters is matched by this, any
    /// other by equality or prefix.
    public static func unspacedMatches(in word: String, at start: Int, length: Int, terms: [String])
        -> [Range<Int>]
    {
        var found: [Range<Int>] = []
        let characters = Array(word)
        for term in terms where isUnspacedRun(term) {
            let needle = Array(term)
            guard characters.count == length else {
                // Folding changed the number of characters: mark the run as a whole.
                if word.contains(term) { found.append(start..<(start + length)) }
                continue
            }
            var offset = 0
            while offset + needle.count <= characters.count {
                if characters[offset..<(offset + needle.count)].elementsEqual(needle) {
                    found.append((start + offset)..<(start + offset + needle.count))
                    offset += needle.count
                } else {
                    offset += 1
                }
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }
}
