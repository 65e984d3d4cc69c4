import CaravanContent

/// Text made safe for CommonMark (and the GFM tables and strikethrough most renderers
/// add): control characters made visible, and a backslash before each character that
/// would otherwise start markup, inline anywhere or as a block at the start of a line.
enum MarkdownText {
    /// Characters escaped wherever they stand: emphasis, code, links and images, raw HTML
    /// and autolinks, table cells, strikethrough, and the backslash itself.
    static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~"]
    /// Characters that start a block at the start of a line: headings, quotes, lists,
    /// thematic breaks and setext underlines.
    static let lineStartSpecials: Set<Character> = ["#", ">", "-", "+", "=", "*"]

    /// `text` escaped; `also` names characters to escape wherever they stand besides the
    /// usual ones (`#` in a heading, where a trailing run of them would close it).
    static func escape(_ text: String, atLineStart: Bool, also: Set<Character> = []) -> String {
        var visible = Substring(Sanitizer.visible(text))
        // Spaces that open a line would make it code (four) or are dropped anyway.
        if atLineStart { visible = visible.drop { $0 == " " } }
        var result = ""
        result.reserveCapacity(visible.utf8.count + 8)
        var index = visible.startIndex
        while index < visible.endIndex {
            let character = visible[index]
            let atStart = atLineStart && index == visible.startIndex
            if inlineSpecials.contains(character) || also.contains(character)
                || (atStart && lineStartSpecials.contains(character))
            {
                result.append("\\")
            } else if character == "&", startsReference(visible[index...]) {
                result.append("\\")
            } else if atStart, character.isASCII, character.isNumber {
                // "1." or "1)" opening a line would start an ordered list.
                let digits = visible[index...].prefix { $0.isASCII && $0.isNumber }
                let after = digits.endIndex
                if after < visible.endIndex, visible[after] == "." || visible[after] == ")" {
                    result += digits + "\\" + String(visible[after])
                    index = visible.index(after: after)
                    continue
                }
            }
            result.append(character)
            index = visible.index(after: index)
        }
        return result
    }

    /// Whether `&` here starts what CommonMark reads as an entity or numeric character
    /// reference: `&copy;`, `&#169;`, `&#xA9;`.
    private static func startsReference(_ text: Substring) -> Bool {
        let body = text.dropFirst().prefix { $0 != ";" }
        guard body.endIndex < text.endIndex, !body.isEmpty, body.count <= 32 else { return false }
        let name = body.hasPrefix("#") ? body.dropFirst() : body
        return !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// A link destination: an anchor, or an address ``HandoutURL`` allows (no spaces,
    /// controls, quotes or angle brackets), with its brackets escaped.
    static func escapeDestination(_ destination: String) -> String {
        var result = ""
        for character in destination {
            if character == "(" || character == ")" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Inline code: backticks around it one more than the longest run inside, and a space
    /// inside each when it starts or ends with a backtick or a space.
    static func codeSpan(_ text: String, inTableCell: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        var content = inTableCell ? text.replacingAll("|", with: "\\|") : text
        if content.hasPrefix("`") || content.hasSuffix("`")
            || (content.hasPrefix(" ") && content.hasSuffix(" ") && content.contains { $0 != " " })
        {
            content = " " + content + " "
        }
        return fence + content + fence
    }

    /// The length of the longest run of `character` in `text`.
    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

extension String {
    /// Every `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
