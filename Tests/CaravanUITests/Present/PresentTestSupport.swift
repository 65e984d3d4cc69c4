import CaravanContent
import Foundation
import XCTest

@testable import CaravanUI

/// A deck written inline, loaded together with the shipped content.
enum PresentFixture {
    /// The shipped content (with its decks).
    static var model: ContentModel { TestContent.model }

    /// A deck of the shipped content by id.
    static func deck(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> Deck
    {
        let deckID = try XCTUnwrap(EntityID(id), "\(id) is not an id", file: file, line: line)
        return try XCTUnwrap(model.deck(deckID), "no deck \(id)", file: file, line: line)
    }

    /// A presenter at a size with a clock stopped 754 seconds (12:34) into the talk.
    static func presenter(
        _ deck: Deck, width: Int = 80, height: Int = 24, capabilities: Capabilities = .full
    ) -> Presenter {
        let times = ClockSteps(start: 1_000_000, later: 1_000_754)
        return Presenter(
            model: model, deck: deck, width: width, height: height, capabilities: capabilities,
            clock: { times.next() })
    }
}

/// A clock that reads `start` once, then `later` for ever.
final class ClockSteps: Sendable {
    private let start: Double
    private let later: Double
    private let readings = Counter()

    init(start: Double, later: Double) {
        self.start = start
        self.later = later
    }

    func next() -> Double { readings.increment() == 1 ? start : later }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Presses keys given by name, separated by spaces.
@discardableResult
func pressKeys(
    _ program: inout some Program, _ keys: String, file: StaticString = #filePath,
    line: UInt = #line
) -> [Effect] {
    var effects: [Effect] = []
    for name in keys.split(separator: " ") {
        guard let key = Key(name: String(name)) else {
            XCTFail("unknown key name «\(name)»", file: file, line: line)
            continue
        }
        effects += program.update(.key(key))
    }
    return effects
}

/// The text of a presenter's frame at its size.
func frameText(_ presenter: Presenter) -> String {
    dump(presenter.view().grid)
}
