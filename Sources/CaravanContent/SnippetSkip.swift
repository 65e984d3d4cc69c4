/// Where a snippet may start reading a text without going through it a character at a
/// time: a fast scan over the plain part of the text for the first word a term matches.
///
/// Reading characters is what a snippet costs, and a match deep in a long body meant
/// reading every character before it. The scan reads bytes instead, and only as far as
/// the text is plain: ASCII, and a few punctuation marks that are always a character of
/// their own next to ASCII. Anything else ends the scan, and the snippet reads from the
/// start as before.
struct SnippetSkip {
    /// Where the rest of the text starts, in UTF-8 bytes.
    let utf8Offset: Int

    /// Punctuation that is one character and never part of a word (dashes, quotes, the
    /// ellipsis, the middle dot), as Unicode scalar values.
    private static let plainPunctuation: Set<UInt32> = [
        0x00B7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026,
    ]

    /// The last cut at least `margin` characters before the first match, where cutting
    /// changes neither the characters nor the words after it; nil when the first match
    /// is not in the plain part of the text, or there is no such cut.
    init?(text: String, terms: [String], prefixLast: Bool, margin: Int) {
        let bytes = Array(text.utf8)
        let matcher = AsciiTermMatcher(terms: terms, prefixLast: prefixLast)
        var cuts: [(utf8: Int, characters: Int)] = []
        var characters = 0  // characters before `index`, as the snippet counts them
        var index = 0
        var word: (start: Int, characters: Int)?
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if byte < 0x80, SearchIndex.isASCIILetterOrDigit(byte) {
                if word == nil { word = (index, characters) }
                index += 1
                characters += 1
                continue
            }
            if let current = word {
                if matcher.matches(bytes[current.start..<index]) {
                    guard
                        let cut = cuts.last(where: { $0.characters + margin <= current.characters })
                    else { return nil }
                    utf8Offset = cut.utf8
                    return
                }
                // A word next to anything but ASCII may read differently: stop.
                if byte >= 0x80 { return nil }
                word = nil
            }
            if index == bytes.count { return nil }
            if byte < 0x80 {
                // A cut after a non-word ASCII byte (not the CR of a CRLF) and before an
                // ASCII byte leaves the characters on both sides as they were.
                index += 1
                characters += 1
                if byte != 0x0D, index < bytes.count, bytes[index] < 0x80 {
                    cuts.append((index, characters))
                }
                continue
            }
            guard let length = Self.plainPunctuationLength(bytes, at: index) else { return nil }
            index += length
            characters += 1
        }
        return nil
    }

    /// The length in bytes of the plain punctuation mark at `index`, if there is one.
    private static func plainPunctuationLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let lead = bytes[index]
        let length = lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC2, lead < 0xF0, index + length <= bytes.count else { return nil }
        var value = UInt32(lead & (length == 3 ? 0x0F : 0x1F))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return plainPunctuation.contains(value) ? length : nil
    }
}

/// Matches ASCII words against search terms, ignoring ASCII case, as snippets do.
struct AsciiTermMatcher {
    private let terms: [[UInt8]]
    private let prefixLast: Bool

    init(terms: [String], prefixLast: Bool) {
        self.terms = terms.map { Array($0.utf8) }
        self.prefixLast = prefixLast
    }

    /// Whether a word of ASCII letters and digits matches a term: whole, or as a prefix
    /// for the last term when `prefixLast`.
    func matches(_ word: ArraySlice<UInt8>) -> Bool {
        for (termIndex, term) in terms.enumerated() {
            let prefix = prefixLast && termIndex == terms.count - 1
            guard word.count == term.count || (prefix && word.count > term.count) else {
                continue
            }
            var same = true
            for (byte, expected) in zip(word, term) {
                if SearchIndex.lowercasedASCII(byte) != expected {
                    same = false
                    break
                }
            }
            if same { return true }
        }
        return false
    }
}
