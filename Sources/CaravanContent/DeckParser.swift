import Foundation

/// Cuts a deck's body into slides.
///
/// - A line `---` (outside fenced code) separates slides. Blank space before the first
///   separator or after the last one is not a slide.
/// - A slide may start with a heading, which becomes its title: `# Title` makes a cover
///   slide, `## Title` (or deeper) a normal one.
/// - The next line may be `show: ID` (an entity) or `show: view/map` (a built-in view).
/// - A line `Poll:` followed by a list puts a question to the room (see ``Poll``).
/// - A line `Notes:` starts the speaker's notes, which run to the end of the slide; text
///   after the colon on that line is part of them.
public enum DeckParser {
    /// A `show:` line as written: the text after the colon and where it stands.
    public struct ShowDirective: Hashable, Sendable {
        public var target: String
        public var location: SourceLocation
        /// The slide (0-based) the line belongs to.
        public var slide: Int
    }

    /// The deck, the `show:` lines to resolve against the content, and what was wrong.
    public struct Result: Sendable {
        public var deck: Deck
        public var shows: [ShowDirective]
        public var diagnostics: [Diagnostic]
    }

    /// Parses a deck entity. With a model, slides that show an entity and have no heading
    /// take the entity's title.
    public static func parse(_ entity: Entity, in model: ContentModel? = nil) -> Result {
        var parser = Parser(path: entity.location.path, firstLine: entity.bodyLine)
        var slides = parser.slides(in: entity.body)
        if let model {
            for index in slides.indices {
                guard let id = slides[index].entity, slides[index].title == id.description,
                    let shown = model.entity(id)
                else { continue }
                slides[index].title = shown.displayTitle
            }
        }
        let deck = Deck(
            id: entity.id, title: entity.title, slides: slides, path: entity.location.path)
        return Result(deck: deck, shows: parser.shows, diagnostics: parser.diagnostics)
    }

    /// A slide title made from the start of its text, for slides without a heading.
    static func fallbackTitle(_ document: MarkdownDocument, number: Int) -> String {
        let text = document.blocks.first.map(\.plainText) ?? ""
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return "Slide \(number)" }
        var title = ""
        for word in words {
            if title.count + word.count + 1 > 48 {
                return title + "..."
            }
            title += title.isEmpty ? String(word) : " " + word
        }
        return title
    }
}

/// The lines of one slide, with the line number of the first.
private struct Chunk {
    var firstLine: Int
    var lines: [Substring]
    /// The separator line before the chunk, if any.
    var separatorLine: Int?
}

private struct Parser {
    let path: String
    let firstLine: Int
    var shows: [DeckParser.ShowDirective] = []
    var diagnostics: [Diagnostic] = []

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    private func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private mutating func warn(_ message: String, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    mutating func slides(in body: String) -> [Slide] {
        let chunks = Parser.chunks(body, firstLine: firstLine)
        var slides: [Slide] = []
        for (index, chunk) in chunks.enumerated() {
            let isBlank = chunk.lines.allSatisfy { $0.allSatisfy(\.isWhitespace) }
            if isBlank {
                if index > 0 && index < chunks.count - 1 {
                    warn(
                        "empty slide: nothing between two `---` lines",
                        at(chunk.separatorLine ?? chunk.firstLine))
                }
                continue
            }
            slides.append(slide(from: chunk, number: slides.count + 1))
        }
        return slides
    }

    /// Splits the body at `---` lines outside fenced code.
    static func chunks(_ body: String, firstLine: Int) -> [Chunk] {
        // Without carriage returns, lines end exactly at the line feed bytes.
        let lines =
            body.containsByte(0x0D)
            ? body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            : FrontMatterSplit.lines(of: body)
        var chunks = [Chunk(firstLine: firstLine, lines: [], separatorLine: nil)]
        var fence = FenceTracker()
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            let inCode = fence.isInside(after: line)
            // A separator has hyphens; most lines have none and need no trimming.
            if !inCode, line.utf8.contains(UInt8(ascii: "-")),
                line.trimmingCharacters(in: .whitespaces) == "---"
            {
                chunks.append(Chunk(firstLine: number + 1, lines: [], separatorLine: number))
                continue
            }
            chunks[chunks.count - 1].lines.append(line)
        }
        return chunks
    }

    private mutating func slide(from chunk: Chunk, number: Int) -> Slide {
        var lines = chunk.lines.enumerated().map {
            (line: chunk.firstLine + $0.offset, text: $0.element)
        }
        func dropBlank() {
            while let first = lines.first, first.text.allSatisfy(\.isWhitespace) {
                lines.removeFirst()
            }
        }
        dropBlank()
        let start = lines.first?.line ?? chunk.firstLine

        var heading: (title: String, level: Int)?
        if let first = lines.first, let parsed = Parser.heading(first.text) {
            heading = parsed
            lines.removeFirst()
            dropBlank()
        }
        var show: (target: String, location: SourceLocation)?
        if let first = lines.first, let value = Parser.directive("show", in: first.text) {
            show = (value.text, at(first.line, value.column))
            lines.removeFirst()
        }

        // Body and notes: the first `Notes:` line outside code starts the notes.
        var bodyLines: [PollReader.Line] = []
        var codeLines: Set<Int> = []
        var noteLines: [Substring] = []
        var inNotes = false
        var fence = FenceTracker()
        for entry in lines {
            if inNotes {
                noteLines.append(entry.text)
                continue
            }
            let inCode = fence.isInside(after: entry.text)
            if !inCode, let value = Parser.directive("notes", in: entry.text) {
                inNotes = true
                if !value.text.isEmpty { noteLines.append(Substring(value.text)) }
                continue
            }
            if !inCode, Parser.directive("show", in: entry.text) != nil {
                warn(
                    "`show:` must be the first line of a slide (after its heading); shown as text",
                    at(entry.line))
            }
            if inCode { codeLines.insert(bodyLines.count) }
            bodyLines.append(entry)
        }
        let found = PollReader.read(bodyLines, path: path) { codeLines.contains($0) }
        diagnostics += found.diagnostics
        let bodyText = found.lines.map(\.text).joined(separator: "\n")
        let notes = noteLines.joined(separator: "\n").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let style: Slide.Style = heading?.level == 1 ? .cover : .normal
        let hasBody = !bodyText.allSatisfy(\.isWhitespace)

        if let show {
            if let poll = found.poll {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "a poll goes on a slide of text, not on a `show:` slide; give it a slide "
                            + "of its own",
                        at: at(poll.line)))
            } else if hasBody,
                let firstText = lines.first(where: { !$0.text.allSatisfy(\.isWhitespace) })
            {
                warn(
                    "text on a `show:` slide is not shown; move it to the notes or to a slide of its own",
                    at(firstText.line))
            }
            if let kind = showKind(show.target, location: show.location, slide: number - 1) {
                let title = heading?.title ?? defaultTitle(kind)
                return Slide(title: title, style: style, kind: kind, notes: notes, line: start)
            }
        }
        let document = MarkdownParser.parse(bodyText)
        if heading == nil && show == nil && !hasBody {
            warn("empty slide: it has no heading and no text, only notes", at(start))
        }
        let title =
            heading?.title ?? show?.target ?? DeckParser.fallbackTitle(document, number: number)
        return Slide(
            title: title, style: style, kind: .text(document), notes: notes, line: start,
            poll: found.poll)
    }

    /// The kind a `show:` target gives, or nil (with an error) when it can't be read.
    private mutating func showKind(_ target: String, location: SourceLocation, slide: Int) -> Slide
        .Kind?
    {
        if target.hasPrefix(SlideView.prefix) {
            let name = String(target.dropFirst(SlideView.prefix.count))
            if let view = SlideView(rawValue: name) { return .view(view) }
            diagnostics.append(
                Diagnostic(
                    .error,
                    "unknown view `\(target)`; views are "
                        + SlideView.allCases.map { "`\($0.name)`" }.joined(separator: ", "),
                    at: location,
                    suggestion: Suggestion.didYouMean(target, among: SlideView.allCases.map(\.name))
                ))
            return nil
        }
        shows.append(DeckParser.ShowDirective(target: target, location: location, slide: slide))
        // An id that can't be read is reported when the deck is checked against the content.
        return EntityID(target).map { .entity($0) }
    }

    private func defaultTitle(_ kind: Slide.Kind) -> String {
        switch kind {
        case .view(let view): view.title
        case .entity(let id): id.description
        case .text: ""
        }
    }

    /// `# Title` or `## Title ##`: the title (Markdown removed) and the level.
    static func heading(_ line: Substring) -> (title: String, level: Int)? {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3 else { return nil }
        let level = text.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = text.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let document = MarkdownParser.parse(String(text))
        let title = document.plainText.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return nil }
        return (title, level)
    }

    /// The value of a `name:` line (`show: case/x`, `Notes: ...`), any case, and its column.
    static func directive(_ name: String, in line: Substring) -> (text: String, column: Int)? {
        guard line.lowercased().hasPrefix(name + ":") else { return nil }
        let afterColon = line.dropFirst(name.count + 1)
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        let column = name.count + 1 + (afterColon.count - value.count) + 1
        return (value.trimmingCharacters(in: .whitespaces), column)
    }
}

/// Follows fenced code blocks (```` ``` ```` or `~~~`) line by line.
private struct FenceTracker {
    private var open: (character: Character, length: Int)?

    /// Feeds a line; true when the line belongs to a fenced block (its fences included).
    mutating func isInside(after line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        // The spaces dropped, counted without counting the rest of the line.
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3, let first = text.first, first == "`" || first == "~"
        else {
            return open != nil
        }
        let length = text.prefix { $0 == first }.count
        guard length >= 3 else { return open != nil }
        if let current = open {
            if current.character == first && length >= current.length
                && text.dropFirst(length).allSatisfy(\.isWhitespace)
            {
                open = nil
            }
            return true
        }
        open = (first, length)
        return true
    }
}
