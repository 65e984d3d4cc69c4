/// The title bar's trail, `Caravan › Cases › Economic connotation › The Almaty "Silk Road"
/// brand`, fitted to a width: whole titles when they fit; otherwise the parts between the
/// first and the last are shortened first (the longest first, to no less than a dozen
/// columns), then the last; only then is the front cut.
enum Breadcrumb {
    /// The narrowest a part is cut to before the next is cut.
    static let shortest = 12

    static func fit(_ parts: [String], separator: String, ellipsis: String, width: Int)
        -> String
    {
        var parts = parts
        let separators = DisplayWidth.of(separator) * max(0, parts.count - 1)
        func excess() -> Int { parts.reduce(separators) { $0 + DisplayWidth.of($1) } - width }
        // The middle parts, longest first, then the last.
        while excess() > 0 {
            let middle = parts.indices.dropFirst().dropLast()
            guard
                let longest = middle.max(by: {
                    DisplayWidth.of(parts[$0]) < DisplayWidth.of(parts[$1])
                }), DisplayWidth.of(parts[longest]) > shortest
            else { break }
            let current = DisplayWidth.of(parts[longest])
            parts[longest] = cut(
                parts[longest], to: max(shortest, current - excess()), ellipsis: ellipsis)
        }
        if excess() > 0, let last = parts.indices.last, last > 0 {
            let current = DisplayWidth.of(parts[last])
            parts[last] = cut(
                parts[last], to: max(shortest, current - excess()), ellipsis: ellipsis)
        }
        var text = parts.joined(separator: separator)
        if DisplayWidth.of(text) > width {
            // Still too wide: keep the end, which says where you are.
            var characters = Array(text)
            while DisplayWidth.of(String(characters)) + DisplayWidth.of(ellipsis) > width,
                !characters.isEmpty
            {
                characters.removeFirst()
            }
            text = ellipsis + String(characters)
        }
        return text
    }

    /// The text in `width` columns, its end replaced by `ellipsis` when cut.
    static func cut(_ text: String, to width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > room { break }
            result.append(character)
            used += characterWidth
        }
        while result.last == " " { result.removeLast() }
        return result + ellipsis
    }
}
