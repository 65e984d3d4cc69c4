import Foundation

/// Where a presenter left a deck: the slide, the time on the clock and whether the
/// clock was stopped, so that `caravan present` can offer to go on from there.
public struct PresenterPlace: Codable, Hashable, Sendable, Timestamped {
    /// The slide, from 0.
    public var slide: Int
    /// Seconds on the presenter's clock.
    public var elapsed: Int
    /// Whether the clock was paused.
    public var paused: Bool
    public var updated: Date

    public init(slide: Int, elapsed: Int, paused: Bool, updated: Date) {
        self.slide = max(0, slide)
        self.elapsed = max(0, elapsed)
        self.paused = paused
        self.updated = updated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            slide: try container.decode(Int.self, forKey: .slide),
            elapsed: try container.decode(Int.self, forKey: .elapsed),
            paused: try container.decodeIfPresent(Bool.self, forKey: .paused) ?? false,
            updated: try container.decode(Date.self, forKey: .updated))
    }

    /// "slide 7, 12:31" (slides counted from 1), as the resume prompt says it.
    public var summary: String {
        let clock = String(format: "%d:%02d", elapsed / 60, elapsed % 60)
        return "slide \(slide + 1), \(clock)" + (paused ? " (clock paused)" : "")
    }
}

extension ReaderState {
    /// Where the presenter left a deck, if it was presented before.
    public func place(in deck: String) -> PresenterPlace? {
        presentations[deck]
    }

    /// Remembers where the presenter is in a deck.
    public mutating func setPlace(_ place: PresenterPlace, in deck: String) {
        presentations[deck] = place
    }
}
