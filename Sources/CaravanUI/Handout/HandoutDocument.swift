import CaravanContent

/// A handout as structure, before it is written as HTML or Markdown: the same parts,
/// headings, facts, tables and links for both, so the two formats cannot drift apart.
/// Text in it is as content wrote it; the writers make it safe for their format.
struct HandoutDocument: Sendable {
    /// What the handout is of, which decides its print layout.
    enum Layout: Sendable, Equatable {
        /// Pages of text: the whole content, one entity or a reading path.
        case text
        /// A deck: one slide a page, landscape; with notes, each slide above its notes on
        /// a portrait page.
        case slides(notes: Bool)
    }

    var title: String
    var layout: Layout
    var blocks: [HandoutBlock]

    /// Every anchor the document defines, so a link to anything else is written as text.
    var anchors: Set<String> {
        var found: Set<String> = []
        var pending = blocks[...]
        var nested: [[HandoutBlock]] = []
        while true {
            guard let block = pending.popFirst() else {
                guard let next = nested.popLast() else { return found }
                pending = next[...]
                continue
            }
            switch block {
            case .section(let section):
                if let anchor = section.anchor { found.insert(anchor) }
                nested.append(section.blocks)
            case .list(_, _, let items): nested += items
            case .quote(let children): nested.append(children)
            default: break
            }
        }
    }
}

/// A part of a handout with a place of its own: an entity's page, a slide, a part of the
/// whole content. Its anchor is what links to it point at: an entity's id, or a name of
/// the handout's own (`slide-3`, `contents`) that holds no `/` and so never clashes with one.
struct HandoutSection: Sendable {
    enum Role: String, Sendable {
        /// The handout's title block, above its first slide.
        case header
        /// A group of entities under a heading: the sections, the cases...
        case part
        case entity
        case slide
        /// A cover slide: its title large, in the middle.
        case coverSlide
        /// A slide's speaker notes.
        case notes
        /// The table of contents.
        case contents
        /// What the handout links to but does not hold in full: references, then the rest.
        case backMatter
        /// One short entry of the back matter.
        case brief
    }

    var role: Role
    var anchor: String?
    var blocks: [HandoutBlock]
}

indirect enum HandoutBlock: Sendable {
    case section(HandoutSection)
    case heading(level: Int, [HandoutInline])
    case paragraph([HandoutInline], ParagraphRole = .text)
    /// Short facts, one a line: *Region:* Central Asia; or a key to codes, in columns.
    case facts([HandoutFact], FactsRole = .facts)
    case list(ordered: Bool, start: Int, items: [[HandoutBlock]])
    case quote([HandoutBlock])
    case code(String)
    case rule
    case table(HandoutTable)

    enum FactsRole: String, Sendable {
        case facts
        /// The key to a table's codes: short, many, set in columns.
        case key
    }

    enum ParagraphRole: String, Sendable {
        case text
        /// The entity's summary, set apart below its title.
        case summary
        /// The line under a title that names the kind: "Case study · Economic connotation".
        case kind
        /// A small line: a count, affiliations.
        case small
        /// A slide's number, "3 / 21", at its foot.
        case number
    }
}

/// One labelled fact: a label in the page's words and its value.
struct HandoutFact: Sendable {
    var label: String
    var value: [HandoutInline]
}

indirect enum HandoutInline: Sendable {
    case text(String)
    case emphasis([HandoutInline])
    case strong([HandoutInline])
    case code(String)
    /// A link to an entity: to its place in the handout when it has one, or else its text.
    case entity(EntityID, [HandoutInline])
    /// A link to a place of the handout's own (a slide).
    case anchor(String, [HandoutInline])
    /// A link to an address outside, already checked by ``HandoutURL/isAllowed(_:)``.
    case url(String, [HandoutInline])
    /// An entity's names in other languages, beside its title.
    case names([LocalizedName])
    case softBreak
    case lineBreak
}

/// A table: header rows, body rows, footer rows. Cells hold lines of inline text.
struct HandoutTable: Sendable {
    enum Role: String, Sendable {
        case figures
        case map
        case matrix
    }

    struct Cell: Sendable {
        /// Lines of the cell, each with how deep it is indented (a mechanism's parts).
        var lines: [(depth: Int, inlines: [HandoutInline])]
        /// How many columns it spans (header rows only).
        var span = 1
        /// A header cell: the row's name, or a column's.
        var isHeader = false
        /// A mark of the matrix, centred.
        var isMark = false

        init(_ inlines: [HandoutInline], span: Int = 1, isHeader: Bool = false) {
            lines = inlines.isEmpty ? [] : [(0, inlines)]
            self.span = span
            self.isHeader = isHeader
        }

        init(lines: [(depth: Int, inlines: [HandoutInline])]) {
            self.lines = lines
        }

        static func text(_ text: String, isHeader: Bool = false) -> Cell {
            Cell(text.isEmpty ? [] : [.text(text)], isHeader: isHeader)
        }
    }

    var role: Role
    var caption: String
    /// Rows above the body; the last one names the columns (the one Markdown keeps).
    var header: [[Cell]]
    var rows: [[Cell]]
    var footer: [[Cell]] = []
}
