/// Fitting text into a number of cells: measuring, cutting with an ellipsis, wrapping at
/// spaces.
///
/// Widths are the ones ``Grid/write(_:x:y:style:maxWidth:)`` gives: text is made visible
/// first, and every grapheme takes the columns the grid gives it, so what fits here fits
/// there and a wide character is never split.
enum TextFit {
    /// The columns `text` takes on a grid.
    static func width(_ text: String) -> Int {
        // Printable ASCII, by far the most common text, takes a column a byte.
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return Grid.measure(text) }
            count += 1
        }
        return count
    }

    /// The columns one grapheme of visible text takes on a grid.
    static func width(of character: Character) -> Int { Grid.drawable(character).width }

    /// The text cut to `width` columns, ending with `ellipsis` when something was cut
    /// (and the ellipsis fits).
    static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let visible = Sanitizer.visible(text)
        guard TextFit.width(visible) > width else { return visible }
        let ellipsisWidth = TextFit.width(ellipsis)
        let showsEllipsis = ellipsisWidth < width
        let room = showsEllipsis ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in visible {
            let characterWidth = TextFit.width(of: character)
            if used + characterWidth > room { break }
            result.append(character)
            used += characterWidth
        }
        while result.last == " " { result.removeLast() }
        return showsEllipsis ? result + ellipsis : result
    }

    /// The text made visible and cut to `width` columns, its end replaced by `mark` (one
    /// column: `…` or `~`) when cut; a width of one or less cuts nothing.
    static func cut(_ text: String, to width: Int, mark: String) -> String {
        let visible = Sanitizer.visible(text)
        guard DisplayWidth.of(visible) > width, width > 1 else { return visible }
        var result = ""
        var used = 0
        for character in visible {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + mark
    }

    /// The text made visible keeping its end in `width` columns, `mark` at the front when
    /// cut: for ids, whose end tells them apart.
    static func cutFront(_ text: String, to width: Int, mark: String) -> String {
        let visible = Sanitizer.visible(text)
        guard DisplayWidth.of(visible) > width, width > 1 else { return visible }
        var characters = Array(visible)
        while DisplayWidth.of(String(characters)) > width - 1, !characters.isEmpty {
            characters.removeFirst()
        }
        return mark + String(characters)
    }

    /// The text broken into lines of at most `width` columns, at spaces where it can be
    /// and inside a word only when the word alone is wider than a line. Empty text gives
    /// no lines; so does a width below one.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if let lines = wrapASCII(text, width: width) { return lines }
        let words = Sanitizer.visible(text).split(separator: " ").map(String.init)
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in words {
            let wordWidth = TextFit.width(word)
            if used > 0 && used + 1 + wordWidth <= width {
                line += " " + word
                used += 1 + wordWidth
                continue
            }
            if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            if wordWidth <= width {
                line = word
                used = wordWidth
                continue
            }
            // A word wider than a line: break it between graphemes. A character wider
            // than the whole line becomes a space, as on a grid.
            for original in word {
                let fits = TextFit.width(of: original) <= width
                let character: Character = fits ? original : " "
                let characterWidth = TextFit.width(of: character)
                if used > 0 && used + characterWidth > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                line.append(character)
                used += characterWidth
            }
        }
        if used > 0 { lines.append(line) }
        return lines
    }

    /// `wrap` for printable ASCII, a byte a column, done on bytes because it is most
    /// of the text and the screens wrap a lot of it; nil for any other text.
    private static func wrapASCII(_ text: String, width: Int) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var line: [UInt8] = []
        var position = 0
        while position < bytes.count {
            if bytes[position] == space {
                position += 1
                continue
            }
            var end = position
            while end < bytes.count && bytes[end] != space { end += 1 }
            var word = bytes[position..<end]
            position = end
            if !line.isEmpty && line.count + 1 + word.count <= width {
                line.append(space)
                line.append(contentsOf: word)
                continue
            }
            if !line.isEmpty {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            }
            // A word wider than a line is cut into pieces that fit, after a hyphen when
            // there is one.
            while word.count > width {
                let piece = word.prefix(width)
                let hyphen = piece.dropFirst().lastIndex(of: UInt8(ascii: "-"))
                let cut = hyphen.map { $0 + 1 - piece.startIndex } ?? width
                lines.append(String(decoding: word.prefix(cut), as: UTF8.self))
                word = word.dropFirst(cut)
            }
            line.append(contentsOf: word)
        }
        if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// At most `limit` wrapped lines; when the text needs more, the last one ends with the
    /// ellipsis.
    static func wrap(_ text: String, width: Int, limit: Int, ellipsis: String) -> [String] {
        let lines = wrap(text, width: width)
        guard limit > 0 else { return [] }
        guard lines.count > limit else { return lines }
        var kept = Array(lines.prefix(limit))
        kept[limit - 1] = truncate(
            kept[limit - 1] + " " + lines[limit], to: width, ellipsis: ellipsis)
        return kept
    }

    /// The text followed by spaces up to `width` columns (or cut to it).
    static func padded(_ text: String, to width: Int, ellipsis: String) -> String {
        let fitted = truncate(text, to: width, ellipsis: ellipsis)
        return fitted + String(repeating: " ", count: max(0, width - TextFit.width(fitted)))
    }

    /// The text preceded by spaces so that it ends at `width` columns (or cut to it).
    static func rightAligned(_ text: String, to width: Int, ellipsis: String) -> String {
        let fitted = truncate(text, to: width, ellipsis: ellipsis)
        return String(repeating: " ", count: max(0, width - TextFit.width(fitted))) + fitted
    }
}
