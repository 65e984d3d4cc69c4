/// Lays slide text out in lines of styled runs for a given width.
///
/// The presenter draws these lines and `caravan check` counts them to warn about slides
/// that overflow, so both see the same layout. Only the width of a character is supplied
/// by the caller: a terminal's own measure on screen, ``SlideLayout/estimatedWidth(_:)``
/// when checking.
public struct SlideLayout: Sendable {
    /// What a run of text is, for the presenter to choose a style.
    public enum Style: Hashable, Sendable {
        case plain
        case emphasis
        case strong
        case code
        case link
        case citation
        case heading
        case quote
        /// Bullets, numbers, quote bars and rules: the furniture of the text.
        case marker
    }

    /// A piece of one line in one style.
    public struct Run: Hashable, Sendable {
        public var text: String
        public var style: Style
        /// The entity a link run leads to.
        public var link: EntityID?

        public init(_ text: String, _ style: Style = .plain, link: EntityID? = nil) {
            self.text = text
            self.style = style
            self.link = link
        }
    }

    /// One screen line.
    public struct Line: Hashable, Sendable {
        public var runs: [Run]

        public init(_ runs: [Run] = []) {
            self.runs = runs
        }

        public var text: String { runs.map(\.text).joined() }
    }

    public typealias Measure = @Sendable (Character) -> Int

    public let width: Int
    public let unicode: Bool
    private let measure: Measure
    private let model: ContentModel?
    public private(set) var lines: [Line] = []

    /// - Parameters:
    ///   - model: resolves links and citations; without it every id link is kept as a link
    ///     and citations show their keys.
    ///   - unicode: whether bullets and bars may be drawn with non-ASCII characters.
    public init(
        width: Int, unicode: Bool = true, model: ContentModel? = nil,
        measure: @escaping Measure = SlideLayout.estimatedWidth
    ) {
        self.width = max(1, width)
        self.unicode = unicode
        self.model = model
        self.measure = measure
    }

    /// Lays out Markdown blocks, a blank line between blocks.
    public static func lines(
        _ blocks: [MarkdownDocument.Block], width: Int, unicode: Bool = true,
        model: ContentModel? = nil,
        measure: @escaping Measure = SlideLayout.estimatedWidth
    ) -> [Line] {
        var layout = SlideLayout(width: width, unicode: unicode, model: model, measure: measure)
        layout.add(blocks)
        return layout.lines
    }

    /// Columns a character takes in most terminals: 2 for East Asian wide characters and
    /// emoji, 0 for combining marks and format characters, 1 for the rest. The presenter
    /// passes the terminal layer's exact measure instead.
    public static func estimatedWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// The columns a string takes.
    public func width(of text: String) -> Int {
        text.reduce(0) { $0 + measure($1) }
    }

    // MARK: Blocks

    public mutating func add(_ blocks: [MarkdownDocument.Block]) {
        add(blocks, first: [], rest: [], separated: true)
    }

    /// A blank line, never two in a row and never at the top.
    public mutating func blank() {
        guard let last = lines.last, !last.runs.isEmpty else { return }
        lines.append(Line())
    }

    private var bullet: String { unicode ? "• " : "* " }
    private var bar: String { unicode ? "│ " : "| " }

    private mutating func add(
        _ blocks: [MarkdownDocument.Block], first: [Run], rest: [Run], separated: Bool
    ) {
        for (index, block) in blocks.enumerated() {
            if index > 0 && separated {
                if rest.isEmpty {
                    blank()
                } else {
                    lines.append(Line(rest.filter { $0.style == .marker }))
                }
            }
            let lead = index == 0 ? first : rest
            switch block {
            case .heading(_, let inlines):
                let runs = self.runs(inlines).map { Run($0.text, .heading, link: $0.link) }
                wrap(runs, first: lead, rest: rest)
            case .paragraph(let inlines):
                paragraph(inlines, first: lead, rest: rest)
            case .list(let ordered, let start, let items):
                for (offset, item) in items.enumerated() {
                    let marker = ordered ? "\(start + offset). " : bullet
                    let pad = Run(String(repeating: " ", count: width(of: marker)))
                    let itemFirst = (offset == 0 ? lead : rest) + [Run(marker, .marker)]
                    add(item, first: itemFirst, rest: rest + [pad], separated: false)
                }
            case .quote(let children):
                add(
                    children, first: lead + [Run(bar, .marker)], rest: rest + [Run(bar, .marker)],
                    separated: true)
            case .code(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    code(String(line), first: lead, rest: rest)
                }
            case .thematicBreak:
                let rule = String(
                    repeating: unicode ? "─" : "-",
                    count: max(1, min(width - width(ofRuns: lead), 40)))
                lines.append(Line(lead + [Run(rule, .marker)]))
            }
        }
    }

    private mutating func paragraph(_ inlines: [MarkdownDocument.Inline], first: [Run], rest: [Run])
    {
        var segment: [MarkdownDocument.Inline] = []
        var lead = first
        for inline in inlines {
            if inline == .lineBreak {
                wrap(runs(segment), first: lead, rest: rest)
                segment = []
                lead = rest
            } else {
                segment.append(inline)
            }
        }
        wrap(runs(segment), first: lead, rest: rest)
    }

    private mutating func code(_ text: String, first: [Run], rest: [Run]) {
        var line = first + [Run("  ")]
        var used = width(ofRuns: line)
        var piece = ""
        for character in text {
            let characterWidth = measure(character)
            if used + characterWidth > width && !piece.isEmpty {
                lines.append(Line(line + [Run(piece, .code)]))
                line = rest + [Run("  ")]
                used = width(ofRuns: line)
                piece = ""
            }
            piece.append(character)
            used += characterWidth
        }
        lines.append(Line(line + [Run(piece, .code)]))
    }

    // MARK: Inlines

    /// The runs of inline Markdown; line breaks become spaces.
    public func runs(_ inlines: [MarkdownDocument.Inline], style: Style = .plain) -> [Run] {
        var result: [Run] = []
        for inline in inlines {
            switch inline {
            case .text(let text): result.append(Run(text, style))
            case .code(let text): result.append(Run(text, .code))
            case .softBreak, .lineBreak: result.append(Run(" ", style))
            case .emphasis(let children):
                result += runs(children, style: style == .strong ? .strong : .emphasis)
            case .strong(let children): result += runs(children, style: .strong)
            case .link(_, let target, let children):
                if let target, model?.contains(target) ?? true {
                    result += runs(children, style: .link).map { Run($0.text, .link, link: target) }
                } else {
                    result += runs(children, style: style)
                }
            case .citation(let citations):
                let labels = citations.map { citation -> String in
                    var label = citationLabel(citation.key)
                    if let locator = citation.locator { label += ", " + locator }
                    return label
                }
                result.append(Run("(" + labels.joined(separator: "; ") + ")", .citation))
            }
        }
        return result
    }

    /// "Zhao, 2019" for a cited key, as the explorer shows it; the key when unknown.
    private func citationLabel(_ key: String) -> String {
        guard let reference = model?.reference(forKey: key) else { return "@" + key }
        return SlideLayout.citationLabel(reference)
    }

    /// "Zhao, 2019"; "Hu & Zhang, 2017"; "Li et al., 2017".
    public static func citationLabel(_ reference: Entity) -> String {
        let surnames = reference.strings("authors").map { author in
            String(author.split(separator: ",").first ?? Substring(author)).trimmingCharacters(
                in: .whitespaces)
        }
        let year = reference.string("year") ?? "n.d."
        switch surnames.count {
        case 0: return "\(reference.title), \(year)"
        case 1: return "\(surnames[0]), \(year)"
        case 2: return "\(surnames[0]) & \(surnames[1]), \(year)"
        default: return "\(surnames[0]) et al., \(year)"
        }
    }

    // MARK: Wrapping

    private func width(ofRuns runs: [Run]) -> Int {
        runs.reduce(0) { $0 + width(of: $1.text) }
    }

    /// Wraps runs greedily at spaces; a word longer than a line is cut. `first` starts the
    /// first line and `rest` the others (bullets, indents, quote bars).
    public mutating func wrap(_ runs: [Run], first: [Run] = [], rest: [Run] = []) {
        var line = first
        var used = width(ofRuns: first)
        let restWidth = width(ofRuns: rest)
        var hasWords = false
        var emitted = false

        func newLine(_ layout: inout SlideLayout) {
            layout.lines.append(Line(line))
            emitted = true
            line = rest
            used = restWidth
            hasWords = false
        }

        for word in SlideLayout.words(runs) {
            let wordWidth = word.reduce(0) { $0 + width(of: $1.text) }
            if hasWords {
                if used + 1 + wordWidth > width {
                    newLine(&self)
                } else {
                    // The space takes the style around it only when both sides share it.
                    let next = word[0]
                    let same =
                        line.last.map { $0.style == next.style && $0.link == next.link } ?? false
                    line.append(same ? Run(" ", next.style, link: next.link) : Run(" "))
                    used += 1
                }
            }
            if used + wordWidth <= width {
                line += word
                used += wordWidth
                hasWords = true
                continue
            }
            // Longer than a line: cut it by character.
            for run in word {
                var piece = ""
                for character in run.text {
                    let characterWidth = measure(character)
                    if used + characterWidth > width {
                        if !piece.isEmpty { line.append(Run(piece, run.style, link: run.link)) }
                        piece = ""
                        if used > restWidth || hasWords { newLine(&self) }
                        if used + characterWidth > width { continue }  // not even one fits
                    }
                    piece.append(character)
                    used += characterWidth
                    hasWords = true
                }
                if !piece.isEmpty { line.append(Run(piece, run.style, link: run.link)) }
            }
        }
        if hasWords || (!emitted && !first.isEmpty) {
            lines.append(Line(line))
        }
    }

    /// Runs split into words at white space; a word keeps the styles of its parts
    /// (`**bold**,` is one word of two runs).
    static func words(_ runs: [Run]) -> [[Run]] {
        var words: [[Run]] = []
        var word: [Run] = []
        for run in runs {
            var piece = ""
            for character in run.text {
                if character == " " || character == "\n" || character == "\t" {
                    if !piece.isEmpty { word.append(Run(piece, run.style, link: run.link)) }
                    piece = ""
                    if !word.isEmpty { words.append(word) }
                    word = []
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty { word.append(Run(piece, run.style, link: run.link)) }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
