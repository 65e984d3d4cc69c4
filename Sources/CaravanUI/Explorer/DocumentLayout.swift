import CaravanContent

/// A run of text with one role, possibly part of a link or a search match.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: Role
    /// Index into `DocumentLayout.links` when the text is a followable link.
    public var link: Int?
    /// Index into `DocumentLayout.matches` when the text is a search match.
    public var match: Int?
    /// Set on the empty span that stands for a hard line break: the line ends there.
    public var breaksLine = false

    public init(_ text: String, _ role: Role = .text, link: Int? = nil, match: Int? = nil) {
        self.text = text
        self.role = role
        self.link = link
        self.match = match
    }

    /// A hard line break, as Markdown writes it with two spaces or a backslash at the end
    /// of a line.
    public static var lineBreak: Span {
        var span = Span("")
        span.breaksLine = true
        return span
    }

    /// The same span in another role, as part of a link or not.
    func with(role: Role, link: Int?) -> Span {
        var span = self
        span.role = role
        span.link = link
        return span
    }
}

/// One screen line of laid-out text.
public struct LayoutLine: Hashable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public var text: String { spans.map(\.text).joined() }
}

/// Text wrapped to a width, with where its links and search matches fall.
public struct DocumentLayout: Sendable, Hashable {
    public struct LinkPlace: Sendable, Hashable {
        public var target: EntityID
        public var line: Int
    }

    public var width: Int
    public var lines: [LayoutLine] = []
    public var links: [LinkPlace] = []
    /// The line of each search match, in order.
    public var matches: [Int] = []

    public init(width: Int) {
        self.width = max(1, width)
    }
}

/// Builds a `DocumentLayout`: word wrapping by display width, with indents for lists and quotes.
struct LayoutBuilder {
    private(set) var layout: DocumentLayout
    /// Folded search terms to mark in the text, if any.
    let searchTerms: [String]

    /// The character a thematic break repeats.
    let ruleText: String

    init(width: Int, searchTerms: [String] = [], rule: String = "─") {
        layout = DocumentLayout(width: width)
        self.searchTerms = searchTerms
        self.ruleText = rule
    }

    var width: Int { layout.width }

    mutating func registerLink(_ target: EntityID) -> Int {
        layout.links.append(.init(target: target, line: -1))
        return layout.links.count - 1
    }

    mutating func blank() {
        if let last = layout.lines.last, last.spans.isEmpty { return }
        if layout.lines.isEmpty { return }
        layout.lines.append(LayoutLine())
    }

    mutating func line(_ spans: [Span]) {
        wrap(spans, firstIndent: [], restIndent: [])
    }

    /// A thematic break: a short rule after the indent of the list or quote it is in.
    mutating func rule(indent: [Span] = []) {
        let indent = LayoutBuilder.fitted(indent, to: width - 1)
        let used = indent.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let rule = String(repeating: ruleText, count: max(1, min(width - used, 40)))
        layout.lines.append(LayoutLine(indent + [Span(rule, .dim)]))
    }

    /// Wraps spans to the width; `firstIndent` starts the first line, `restIndent` the others.
    /// Lines break only at spaces, except that a word wider than a line is broken by character.
    mutating func wrap(_ spans: [Span], firstIndent: [Span], restIndent: [Span]) {
        let marked = searchTerms.isEmpty ? spans : markMatches(spans)
        // Deep nesting must not push the text off the line: the indent gives way first.
        let room = min(width, max(8, width / 4))
        let firstIndent = LayoutBuilder.fitted(firstIndent, to: width - room)
        let restIndent = LayoutBuilder.fitted(restIndent, to: width - room)
        let restWidth = restIndent.reduce(0) { $0 + DisplayWidth.of($1.text) }
        var current = LayoutLine(firstIndent)
        var used = firstIndent.reduce(0) { $0 + DisplayWidth.of($1.text) }
        var lineHasWords = false

        func newLine(_ builder: inout LayoutBuilder) {
            builder.trimTrailingSpace(&current)
            builder.appendLine(current)
            current = LayoutLine(restIndent)
            used = restWidth
            lineHasWords = false
        }

        for word in LayoutBuilder.words(marked) {
            if word.breaksLine {
                newLine(&self)
                continue
            }
            if word.isSpace {
                let spaceWidth = DisplayWidth.of(word.pieces.map(\.text).joined())
                if lineHasWords, used + spaceWidth <= width {
                    current.spans += word.pieces
                    used += spaceWidth
                }
                continue
            }
            let wordWidth = word.pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if used + wordWidth > width, lineHasWords { newLine(&self) }
            if used + wordWidth <= width {
                current.spans += word.pieces
                used += wordWidth
                lineHasWords = true
                continue
            }
            // Wider than a whole line: break it by character.
            for piece in word.pieces {
                var chunk = ""
                for character in piece.text {
                    let characterWidth = DisplayWidth.of(character)
                    if used + characterWidth > width {
                        if !chunk.isEmpty {
                            current.spans.append(
                                Span(chunk, piece.role, link: piece.link, match: piece.match))
                            chunk = ""
                            lineHasWords = true
                        }
                        if lineHasWords || used > restWidth { newLine(&self) }
                        // A character wider than the line itself is dropped rather than looped on.
                        if used + characterWidth > width { continue }
                    }
                    chunk.append(character)
                    used += characterWidth
                }
                if !chunk.isEmpty {
                    current.spans.append(
                        Span(chunk, piece.role, link: piece.link, match: piece.match))
                    lineHasWords = true
                }
            }
        }
        if lineHasWords || !current.spans.isEmpty {
            trimTrailingSpace(&current)
            appendLine(current)
        }
    }

    /// A run of spaces, or a word made of pieces that may come from several spans, or a
    /// hard line break.
    struct Word {
        var isSpace: Bool
        var pieces: [Span]
        var breaksLine = false
    }

    /// Splits spans into words and runs of spaces; a word may cross span boundaries.
    static func words(_ spans: [Span]) -> [Word] {
        var words: [Word] = []
        for span in spans {
            if span.breaksLine {
                words.append(Word(isSpace: false, pieces: [], breaksLine: true))
                continue
            }
            for token in tokens(span.text) {
                let isSpace = token.first == " "
                let piece = Span(token, span.role, link: span.link, match: span.match)
                if let last = words.last, last.isSpace == isSpace, !isSpace, !last.breaksLine {
                    words[words.count - 1].pieces.append(piece)
                } else {
                    words.append(Word(isSpace: isSpace, pieces: [piece]))
                }
            }
        }
        return words
    }

    private mutating func appendLine(_ line: LayoutLine) {
        var merged = LayoutLine()
        for span in line.spans where !span.text.isEmpty {
            if var last = merged.spans.last, last.role == span.role, last.link == span.link,
                last.match == span.match
            {
                last.text += span.text
                merged.spans[merged.spans.count - 1] = last
            } else {
                merged.spans.append(span)
            }
        }
        for span in merged.spans {
            if let link = span.link, layout.links.indices.contains(link),
                layout.links[link].line < 0
            {
                layout.links[link].line = layout.lines.count
            }
            if let match = span.match, match == layout.matches.count {
                layout.matches.append(layout.lines.count)
            }
        }
        layout.lines.append(merged)
    }

    /// An indent cut from the front (where the outer levels are) to at most `limit` cells,
    /// keeping the marks of the innermost level.
    static func fitted(_ indent: [Span], to limit: Int) -> [Span] {
        var excess = indent.reduce(0) { $0 + DisplayWidth.of($1.text) } - max(0, limit)
        guard excess > 0 else { return indent }
        var result = indent
        while excess > 0, !result.isEmpty {
            var text = result[0].text
            guard let first = text.first else {
                result.removeFirst()
                continue
            }
            text.removeFirst()
            excess -= DisplayWidth.of(first)
            if text.isEmpty { result.removeFirst() } else { result[0].text = text }
        }
        return result
    }

    func trimTrailingSpace(_ line: inout LayoutLine) {
        while let last = line.spans.last, last.text.allSatisfy({ $0 == " " }), !last.text.isEmpty {
            line.spans.removeLast()
        }
    }

    /// Words and runs of spaces, in order; newlines become spaces.
    static func tokens(_ text: String) -> [String] {
        if let tokens = asciiTokens(text) { return tokens }
        var tokens: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            let isSpace = character == " " || character == "\n" || character == "\t"
            if isSpace != inSpace, !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            inSpace = isSpace
            current.append(isSpace ? " " : character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `tokens` for ASCII text without carriage returns, where every byte is a Character:
    /// cut at the bytes where spaces start and stop. Nil for any other text.
    static func asciiTokens(_ text: String) -> [String]? {
        var tokens: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        var inSpace = false
        func cut(at end: String.Index) {
            if inSpace {
                tokens.append(String(repeating: " ", count: utf8.distance(from: start, to: end)))
            } else {
                tokens.append(String(text[start..<end]))
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 || byte == 0x0D { return nil }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09
            if isSpace != inSpace, start < index {
                cut(at: index)
                start = index
            }
            inSpace = isSpace
            utf8.formIndex(after: &index)
        }
        if start < utf8.endIndex { cut(at: utf8.endIndex) }
        return tokens
    }

    /// Splits spans so each search match is a span of its own, numbered in order.
    private mutating func markMatches(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        for span in spans {
            if span.breaksLine {
                result.append(span)
                continue
            }
            let characters = Array(span.text)
            var index = 0
            var plainStart = 0
            while index < characters.count {
                let isWordStart =
                    (characters[index].isLetter || characters[index].isNumber)
                    && (index == 0
                        || !(characters[index - 1].isLetter || characters[index - 1].isNumber))
                guard isWordStart else {
                    index += 1
                    continue
                }
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber {
                    end += 1
                }
                let word = SearchIndex.fold(String(characters[index..<end]))
                if let term = searchTerms.first(where: { word.hasPrefix($0) }) {
                    let length = min(end - index, term.count)
                    if plainStart < index {
                        result.append(
                            Span(String(characters[plainStart..<index]), span.role, link: span.link)
                        )
                    }
                    result.append(
                        Span(
                            String(characters[index..<(index + length)]), span.role,
                            link: span.link,
                            match: nextMatchNumber))
                    nextMatchNumber += 1
                    plainStart = index + length
                }
                index = end
            }
            if plainStart < characters.count {
                result.append(Span(String(characters[plainStart...]), span.role, link: span.link))
            }
        }
        return result
    }

    private var nextMatchNumber = 0
}
