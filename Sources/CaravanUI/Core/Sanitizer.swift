/// Makes untrusted text safe to show on a terminal.
///
/// Nothing that a terminal interprets survives: every control character is
/// replaced by a visible form, so an escape sequence (`ESC [ 6 n`,
/// `ESC ] 52 ; … BEL`) loses its introducer and shows as harmless text
/// (`^[[6n`). Characters that reorder or hide text are shown as markers.
///
/// | input | shown as |
/// | --- | --- |
/// | C0 controls U+0000–U+001F | caret form: `^@`, `^A`, …, `^[` (ESC), `^_` |
/// | tab | `tabWidth` spaces |
/// | DEL U+007F | `^?` |
/// | C1 controls U+0080–U+009F | `<U+009B>` |
/// | format characters (bidi embeddings, overrides, isolates and marks, zero-width space and joiners, word joiner, BOM, …), line and paragraph separators | `<U+202E>` |
/// | soft hyphen U+00AD | removed (an invisible hyphenation hint) |
public enum Sanitizer {
    /// The text with every control and invisible formatting character made visible.
    public static func visible(_ text: String, tabWidth: Int = 4) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsReplacement(scalar) else {
                result.append(scalar)
                continue
            }
            result.append(contentsOf: replacement(for: scalar, tabWidth: tabWidth).unicodeScalars)
        }
        return String(result)
    }

    /// Whether `visible(text)` would change the text.
    public static func isVisible(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: needsReplacement)
    }

    /// Text of printable ASCII only, which needs nothing replaced: checked byte by byte.
    static func isPrintableASCII(_ text: String) -> Bool {
        let contiguous = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            while index < bytes.count {
                let byte = base[index]
                if byte < 0x20 || byte >= 0x7F { return false }
                index += 1
            }
            return true
        }
        if let contiguous { return contiguous }
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            return false
        }
        return true
    }

    /// Whether a scalar is replaced by `visible`.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0xA0 { return true }  // C0, DEL, C1
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control:
            return true
        default:
            return false
        }
    }

    private static func replacement(for scalar: Unicode.Scalar, tabWidth: Int) -> String {
        let value = scalar.value
        switch value {
        case 0x09:
            return String(repeating: " ", count: max(1, tabWidth))
        case 0x00..<0x20:
            return "^" + String(UnicodeScalar(UInt8(value + 0x40)))
        case 0x7F:
            return "^?"
        case 0xAD:
            return ""
        default:
            return marker(for: scalar)
        }
    }

    /// `<U+XXXX>`: the code point in upper-case hexadecimal, at least four digits.
    public static func marker(for scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
