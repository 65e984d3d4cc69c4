import Foundation

/// What a follower may tell the presenter, one JSON object per line: who it votes as
/// (only believed from a session of the presenting user, which `caravan serve` starts)
/// and its answer to a poll. Nothing else is read, so a follower cannot move the
/// slides or open, close or reveal a poll.
public struct FollowerMessage: JSONLine, Hashable, Sendable {
    /// The voter `caravan serve` named on the session's command line.
    public var voter: String?
    /// An answer: the poll's deck and slide (from 0), and the option (from 1, as typed).
    public var answer: Answer?

    public struct Answer: Codable, Hashable, Sendable {
        public var deck: String
        public var slide: Int
        public var option: Int

        public init(deck: String, slide: Int, option: Int) {
            self.deck = deck
            self.slide = slide
            self.option = option
        }
    }

    public init(voter: String? = nil, answer: Answer? = nil) {
        self.voter = voter
        self.answer = answer
    }

    /// Longer lines end the connection: a follower has nothing long to say.
    public static let maximumLineLength = 1024
    /// The longest voter name taken.
    public static let maximumVoterLength = 128

    /// A voter name as a follower sent it, if it is one: printable ASCII without spaces
    /// or quotes, short, of the forms `caravan serve` gives (`key:...`, `open:...`).
    public static func validVoter(_ name: String) -> String? {
        guard name.utf8.count <= maximumVoterLength,
            name.hasPrefix("key:") || name.hasPrefix("open:")
        else { return nil }
        let allowed = name.utf8.allSatisfy { byte in
            (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: ",")
                && byte != UInt8(ascii: "\\")
        }
        return allowed ? name : nil
    }

    /// The vote this answer makes for `voter`, or nil when it makes none.
    public func vote(as voter: String) -> Vote? {
        guard let answer, (1...9).contains(answer.option), answer.slide >= 0,
            answer.deck.utf8.count <= 256
        else { return nil }
        return Vote(voter: voter, deck: answer.deck, slide: answer.slide, choice: answer.option - 1)
    }
}

/// The presenter's side of one follower's connection: gathers its bytes into lines and
/// turns them into votes under the right name.
///
/// The name is the peer's user id, from the kernel (`SO_PEERCRED`), so one local user is
/// one voter. A session of the presenting user itself may name another voter (what
/// `caravan serve` passed to a student's session), once, before it answers; other users
/// cannot, so nobody can answer as someone else.
public struct FollowerConnection: Sendable {
    public let uid: UInt32
    /// Whether the peer runs as the presenting user.
    public let isPresentingUser: Bool
    public private(set) var voter: String
    private var announced = false
    private var buffer: [UInt8] = []

    public init(uid: UInt32, isPresentingUser: Bool) {
        self.uid = uid
        self.isPresentingUser = isPresentingUser
        voter = "uid:\(uid)"
    }

    /// Takes bytes read from the peer; the votes they complete, and whether to hang up
    /// (a line too long to be a message).
    public mutating func receive(_ bytes: some Collection<UInt8>) -> (votes: [Vote], hangUp: Bool) {
        buffer.append(contentsOf: bytes)
        var votes: [Vote] = []
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = Data(buffer[..<newline])
            buffer.removeSubrange(...newline)
            guard let message = FollowerMessage.decode(line: line) else { continue }
            if let name = message.voter {
                if isPresentingUser, !announced, let valid = FollowerMessage.validVoter(name) {
                    voter = valid
                }
                announced = true
            }
            announced = announced || message.answer != nil
            if let vote = message.vote(as: voter) { votes.append(vote) }
        }
        return (votes, buffer.count > FollowerMessage.maximumLineLength)
    }
}
