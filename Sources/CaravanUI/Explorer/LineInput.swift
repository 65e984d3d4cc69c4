import Foundation

/// One line of typed text with the entries typed before it, for the search and jump
/// prompts, as less and a shell keep them.
///
/// Typing adds at the end, Backspace takes the last character off, Ctrl-W the last word,
/// Ctrl-U everything. Ctrl-P and Ctrl-N step back and forward through earlier entries
/// (Up and Down too, when the prompt has nothing to choose from). Text offered from before,
/// such as the last search, is shown selected: typing replaces it, Backspace clears it, and
/// Right or End keeps it for editing.
public struct LineInput: Sendable, Hashable {
    /// The longest text a prompt takes.
    public static let maximumLength = 200
    /// How many earlier entries are kept.
    public static let historyLimit = 50

    public private(set) var text: String
    /// Whether the text was offered rather than typed, and is replaced by typing.
    public private(set) var isOffered: Bool
    /// Earlier entries, oldest first.
    private let history: [String]
    /// The entry shown, counted back from the newest; nil while editing the draft.
    private var recalled: Int?
    /// What was typed before stepping into the history, given back on stepping out.
    private var draft = ""

    public init(history: [String] = [], offering offered: String? = nil) {
        self.history = history
        text = offered ?? ""
        isOffered = !(offered ?? "").isEmpty
    }

    /// Adds an entry to a history: the newest last, without repeating it, at most
    /// ``historyLimit`` kept.
    public static func remember(_ entry: String, in history: inout [String]) {
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        history.removeAll { $0 == trimmed }
        history.append(trimmed)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    /// Handles a key if it edits the line or steps through history. `hasChoices` says
    /// whether the prompt lists something Up and Down move through; without, they step
    /// through history. Returns nil for a key the line does not use, else whether the
    /// text changed.
    public mutating func handle(_ key: Key, hasChoices: Bool) -> Bool? {
        let before = text
        switch key {
        case .character(let character):
            if isOffered {
                text = ""
                isOffered = false
            }
            guard text.count < LineInput.maximumLength else { return false }
            text.append(character)
            recalled = nil
        case .backspace:
            if isOffered {
                text = ""
                isOffered = false
            } else if !text.isEmpty {
                text.removeLast()
            }
            recalled = nil
        case .control("u"):
            text = ""
            isOffered = false
            recalled = nil
        case .control("w"):
            isOffered = false
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
            recalled = nil
        case .right, .end:
            isOffered = false
        case .control("p"):
            recall(by: 1)
        case .control("n"):
            recall(by: -1)
        case .up where !hasChoices:
            recall(by: 1)
        case .down where !hasChoices:
            recall(by: -1)
        default:
            return nil
        }
        return text != before
    }

    /// Steps `step` entries back (positive) or forward (negative) through history.
    private mutating func recall(by step: Int) {
        guard !history.isEmpty else { return }
        let current = recalled ?? -1
        let next = min(max(-1, current + step), history.count - 1)
        guard next != current else { return }
        if recalled == nil { draft = text }
        recalled = next < 0 ? nil : next
        text = next < 0 ? draft : history[history.count - 1 - next]
        isOffered = false
    }
}
