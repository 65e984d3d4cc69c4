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
