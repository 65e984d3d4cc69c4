import Foundation

/// What a presenter tells the notes and follow screens: one JSON object per line, sent
/// whenever it changes. Readers ignore fields they don't know, so fields can be added.
public struct PresenterStatus: Codable, Hashable, Sendable {
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

    /// The status as one line of JSON, newline included.
    public func jsonLine() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Reads one line of JSON; nil when it is not a status.
    public static func decode(line: Data) -> PresenterStatus? {
        guard line.count <= maximumLineLength else { return nil }
        return try? JSONDecoder().decode(PresenterStatus.self, from: line)
    }

    /// Longer lines are dropped: notes are short, and a reader must not grow without bound.
    public static let maximumLineLength = 1 << 20
}
