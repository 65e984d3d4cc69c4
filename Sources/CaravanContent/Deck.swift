/// A slide deck for teaching: an entity of kind `deck` whose body is cut into slides.
///
/// See the "Decks" section of `docs/content-format.md` for the format.
public struct Deck: Hashable, Sendable {
    public var id: EntityID
    public var title: String
    public var slides: [Slide]
    /// The file the deck was read from, for diagnostics.
    public var path: String

    public init(id: EntityID, title: String, slides: [Slide], path: String) {
        self.id = id
        self.title = title
        self.slides = slides
        self.path = path
    }
}

/// One slide: a title, what it shows, and the speaker's notes.
public struct Slide: Hashable, Sendable {
    /// What a slide shows below its title.
    public enum Kind: Hashable, Sendable {
        /// Free Markdown (the heading that gave the title is not part of it).
        case text(MarkdownDocument)
        /// An entity of the content, laid out as a slide (`show: case/...`).
        case entity(EntityID)
        /// A built-in view (`show: view/map`); see ``SlideView``.
        case view(SlideView)
    }

    /// How the title is set: a cover slide (written `# Title`) centres a large title
    /// on the screen; a normal slide (`## Title`, or no heading) puts it at the top.
    public enum Style: Hashable, Sendable {
        case cover
        case normal
    }

    public var title: String
    public var style: Style
    public var kind: Kind
    /// The speaker's notes, as Markdown source (empty when there are none).
    public var notes: String
    /// The line of the file where the slide starts.
    public var line: Int
    /// The question the slide puts to the room, if any.
    public var poll: Poll?

    public init(
        title: String, style: Style = .normal, kind: Kind, notes: String = "", line: Int,
        poll: Poll? = nil
    ) {
        self.title = title
        self.style = style
        self.kind = kind
        self.notes = notes
        self.line = line
        self.poll = poll
    }

    /// The entity the slide is about, when it shows one.
    public var entity: EntityID? {
        if case .entity(let id) = kind { return id }
        return nil
    }

    /// Entity links written in the slide's text, in reading order.
    public var textLinks: [EntityID] {
        if case .text(let document) = kind { return document.entityLinks }
        return []
    }

    /// The notes as plain text, paragraphs separated by blank lines.
    public var notesText: String {
        MarkdownParser.parse(notes).plainText
    }
}

/// The built-in views a slide can show with `show: view/NAME`.
public enum SlideView: String, CaseIterable, Hashable, Sendable {
    /// The framework: the three connotations, each with its field, lever and mechanisms.
    case map

    /// The pseudo-kind that names views in `show:` lines.
    public static let prefix = "view/"

    /// `view/map`
    public var name: String { SlideView.prefix + rawValue }

    /// The title a slide of this view gets when it has no heading.
    public var title: String {
        switch self {
        case .map: "The framework at a glance"
        }
    }
}

extension ContentModel {
    /// Every deck of the content, in reading order.
    public var decks: [Entity] { entities(of: .deck) }

    /// The deck with this id, cut into slides; nil when there is no such deck.
    public func deck(_ id: EntityID) -> Deck? {
        guard id.kind == .deck, let entity = entity(id) else { return nil }
        return parsedDecks.deck(id) { DeckParser.parse(entity, in: self).deck }
    }
}
