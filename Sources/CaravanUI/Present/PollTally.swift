import CaravanContent

/// An answer to a poll from one follower, as the presenter's end of the link reports it.
/// The voter is named by that end (a user id, or what `caravan serve` said), never by
/// what the follower claims to be.
public struct Vote: Sendable, Hashable {
    /// Who answered: one answer counts per voter.
    public var voter: String
    /// The poll answered: its deck's id and slide (from 0).
    public var deck: String
    public var slide: Int
    /// The option chosen, from 0.
    public var choice: Int

    public init(voter: String, deck: String, slide: Int, choice: Int) {
        self.voter = voter
        self.deck = deck
        self.slide = slide
        self.choice = choice
    }
}

/// The answers to one slide's poll: one per voter, changeable while the poll is open.
public struct PollTally: Sendable, Hashable {
    public let poll: Poll
    /// Whether answers are taken.
    public var isOpen = false
    /// Whether the presenter shows the counts.
    public var revealed = false
    /// Each voter's answer, by option from 0.
    public private(set) var answers: [String: Int] = [:]

    public init(poll: Poll) {
        self.poll = poll
    }

    /// Takes an answer while the poll is open; false when it does not count (closed, or
    /// no such option). A voter who answers again changes their answer.
    @discardableResult
    public mutating func record(voter: String, choice: Int) -> Bool {
        guard isOpen, poll.options.indices.contains(choice) else { return false }
        answers[voter] = choice
        return true
    }

    /// Answers per option, in the options' order.
    public var counts: [Int] {
        var counts = Array(repeating: 0, count: poll.options.count)
        for choice in answers.values where counts.indices.contains(choice) { counts[choice] += 1 }
        return counts
    }

    public var answered: Int { answers.count }

    var status: PollStatus {
        PollStatus(
            question: poll.question, options: poll.options, open: isOpen, revealed: revealed,
            counts: counts, answered: answered)
    }
}

/// Poll results as CSV (RFC 4180): one row per option of every poll asked.
public enum PollResults {
    public static let header = "deck,slide,question,number,option,votes,answered"

    public static func csv(deck: Deck, tallies: [Int: PollTally]) -> String {
        var lines = [header]
        for slide in tallies.keys.sorted() {
            guard let tally = tallies[slide] else { continue }
            let counts = tally.counts
            for (index, option) in tally.poll.options.enumerated() {
                let fields = [
                    deck.id.description, String(slide + 1), tally.poll.question, String(index + 1),
                    option, String(counts[index]), String(tally.answered),
                ]
                lines.append(fields.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it must be. A leading `=`, `+`, `-` or `@` is prefixed with `'`
    /// so that a spreadsheet takes the text as text, never as a formula.
    static func field(_ text: String) -> String {
        var value = text
        // By scalar: as Characters, "\r\n" is one, and a lone "\r" or "\n" would not match it.
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
