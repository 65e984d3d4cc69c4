import Foundation

/// How text becomes the words the index holds and a query is matched by.
extension SearchIndex {
    /// Case-, diacritic- and width-folded words of a text.
    ///
    /// Folding never reaches across an ASCII space or punctuation mark, so the text is
    /// folded a run at a time between them: a run of ASCII letters and digits is one word,
    /// lower-cased here; a run with other characters goes through ``fold(_:)`` and is split
    /// again. The words are those of folding the whole text and splitting it. A run of
    /// Han, kana or Hangul is a word of its own, cut from any letters beside it
    /// (``isUnspaced(_:)``).
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
                for word in fold(String(run)).split(whereSeparator: {
                    !($0.isLetter || $0.isNumber)
                }) {
                    words += splitAtScripts(word)
                }
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
    ///
    /// Half-width kana come out full width, their sound marks joined to them as the
    /// full-width letters have them (`ｶﾞ` reads as `ガ`).
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0.value == 0xFF9E || $0.value == 0xFF9F })
        else { return folded }
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.value {
            case 0xFF9E: scalars.append("\u{3099}")
            case 0xFF9F: scalars.append("\u{309A}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// An ASCII capital letter's small letter; any other byte as it is.
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether two characters next to each other belong to one word: both letters or
    /// digits, and both or neither in an unspaced script.
    public static func continuesWord(_ before: Character, _ character: Character) -> Bool {
        let (first, second) = (before.utf8, character.utf8)
        if first.count == 1, second.count == 1, let a = first.first, let b = second.first {
            return isASCIILetterOrDigit(a) && isASCIILetterOrDigit(b)
        }
        return isWordCharacter(before) && isWordCharacter(character)
            && isUnspaced(before) == isUnspaced(character)
    }

    /// `isLetter || isNumber`, answered for ASCII without looking up Unicode properties.
    static func isWordCharacter(_ character: Character) -> Bool {
        if character.utf8.count == 1, let byte = character.utf8.first {
            return isASCIILetterOrDigit(byte)
        }
        return character.isLetter || character.isNumber
    }
}
