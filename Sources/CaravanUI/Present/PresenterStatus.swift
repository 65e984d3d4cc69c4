import Foundation

/// What a presenter tells the notes and follow screens: one JSON object per line, sent
/// whenever it changes. Readers ignore fields they don't know, so fields can be added.
public struct PresenterStatus: JSONLine, Hashable, Sendable {
    /// The deck's id (`deck/lecture`) and title.
    public var deck: String
    public var deckTitle: String
    /// The current slide, from 0, and the number of slides.
    public var slide: Int
    public var count: Int
    public var title: String
    /// The current slide's speaker notes, as Markdown.
    public var notes: String
    /// The next slide's title; nil on the last slide.
    public var nextTitle: String?
    /// When the talk started, in seconds since 1970.
    public var started: Double
    /// Whether the presenter has blanked the screen.
    public var blank: Bool
    /// The seconds on the clock while it is paused; nil while it runs.
    public var pausedAt: Int?
    /// The entity the presenter has opened from the slide, if any.
    public var detour: DetourStatus?
    /// The current slide's poll, if it has one.
    public var poll: PollStatus?

    public init(
        deck: String, deckTitle: String, slide: Int, count: Int, title: String, notes: String,
        nextTitle: String?, started: Double, blank: Bool = false
    ) {
        self.deck = deck
        self.deckTitle = deckTitle
        self.slide = slide
        self.count = count
        self.title = title
        self.notes = notes
        self.nextTitle = nextTitle
        self.started = started
        self.blank = blank
    }

    /// The seconds on the clock at `now`.
    public func elapsed(now: Double) -> Int {
        pausedAt ?? max(0, Int(now - started))
    }

    /// What anyone but the presenting user is told: no speaker notes, no note of the
    /// lecturer's on a detour, and a poll's counts only once revealed.
    public var forAudience: PresenterStatus {
        var status = self
        status.notes = ""
        status.detour?.note = nil
        if status.poll?.revealed != true { status.poll?.counts = nil }
        return status
    }

    /// Longer lines are dropped: notes are short, and a reader must not grow without bound.
    public static let maximumLineLength = 1 << 20
}

/// The entity a presenter opened from a slide, as notes and followers are told of it.
public struct DetourStatus: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    /// The entity's links: how each is related, and the title it leads to.
    public var links: [DetourLink]
    /// The lecturer's own note on the entity (for the notes screen only).
    public var note: String?

    public init(id: String, title: String, links: [DetourLink], note: String?) {
        self.id = id
        self.title = title
        self.links = links
        self.note = note
    }
}

public struct DetourLink: Codable, Hashable, Sendable {
    public var relation: String
    public var title: String

    public init(relation: String, title: String) {
        self.relation = relation
        self.title = title
    }
}

/// A slide's poll as followers and notes see it.
public struct PollStatus: Codable, Hashable, Sendable {
    public var question: String
    public var options: [String]
    /// Whether answers are taken now.
    public var open: Bool
    /// Whether the presenter shows the counts.
    public var revealed: Bool
    /// Answers per option (nil to the audience until revealed).
    public var counts: [Int]?
    /// How many have answered.
    public var answered: Int

    public init(
        question: String, options: [String], open: Bool, revealed: Bool, counts: [Int]?,
        answered: Int
    ) {
        self.question = question
        self.options = options
        self.open = open
        self.revealed = revealed
        self.counts = counts
        self.answered = answered
    }
}
