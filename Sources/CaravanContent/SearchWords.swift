import Foundation

/// How text becomes the words the index holds and a query is matched by.
extension SearchIndex {
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
}
