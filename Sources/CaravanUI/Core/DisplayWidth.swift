/// How many terminal columns text occupies.
///
/// Widths follow the model terminals and the C library (`wcwidth`) use, so
/// that what a view lays out is where the terminal puts it:
/// - East Asian Wide and Fullwidth characters (CJK, Hangul syllables,
///   fullwidth forms) and characters with default emoji presentation take 2;
/// - combining marks, format characters and Hangul medial/final jamo take 0;
/// - controls take 0 (they never reach a grid: see ``Sanitizer``);
/// - everything else takes 1.
///
/// A `Character` (grapheme cluster) takes the width of its first scalar when
/// that is 2, otherwise the sum of its scalars' widths, at most 2: `é` written
/// as `e` + U+0301 is 1, a flag (two regional indicators) is 2. A text-style
/// symbol followed by VS16 (`❤️`) stays 1, as the C library counts it.
public enum DisplayWidth {
    /// The columns one grapheme occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let byte = character.asciiValue {
            return byte >= 0x20 && byte < 0x7F ? 1 : 0
        }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        var total = of(first)
        if total >= 2 { return 2 }
        while let scalar = scalars.next() {
            total += of(scalar)
            if total >= 2 { return 2 }
        }
        return total
    }

    /// The columns a string occupies: the sum over its graphemes. Control
    /// characters count 0 here; ``Grid/measure(_:)`` gives the width after
    /// they are made visible.
    public static func of(_ text: String) -> Int {
        // Printable ASCII is one column a byte.
        if Sanitizer.isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// The columns one scalar occupies on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value == 0xAD { return 1 }  // soft hyphen: the C library gives it a column
        if isCommonNarrow(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0  // Hangul jungseong and jongseong join the preceding syllable
        }
        if isRegionalIndicator(value) { return 1 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(value) { return 2 }
        return 1
    }

    /// Blocks common in text that are one column throughout, answered without looking
    /// up Unicode properties: Latin-1 and Latin Extended letters and signs, spacing
    /// modifiers, the dashes, quotes, bullet and ellipsis of General Punctuation, and
    /// box drawing, block elements and geometric shapes up to the first emoji (U+25FD).
    static func isCommonNarrow(_ value: UInt32) -> Bool {
        (0xA0...0x2FF).contains(value) || (0x2010...0x2027).contains(value)
            || (0x2500...0x25FC).contains(value)
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, from EastAsianWidth.txt,
    /// merged into whole blocks; emoji are covered by `isEmojiPresentation`.
    private static let eastAsianWideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK enclosed
        0x3400...0x4DBF,  // CJK Extension A
        0x4DC0...0x4DFF,  // Yijing hexagrams (wide in the C library)
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FFF,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x18D00...0x18D7F,  // Tangut supplement
        0x1AFF0...0x1AFFF,  // Kana Extended-B
        0x1B000...0x1B2FF,  // Kana supplement, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK Extensions B–F
        0x30000...0x3FFFD,  // CJK Extensions G–H
    ]

    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = eastAsianWideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = eastAsianWideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
