import Foundation

/// One line of typed text with the entries typed before it, for the search and jump
/// prompts, as less and a shell keep them.
///
/// Typing adds at the end; the prompts' keys (``PromptAction``) take the last character or
/// word off, clear it, and step back and forward through earlier entries. Text offered from
/// before, such as the last search, is shown selected: typing replaces it, deleting clears
/// it, and ``keepOffer()`` keeps it for editing.
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

    /// Types a character at the end (replacing text that was only offered).
    public mutating func type(_ character: Character) {
        if isOffered {
            text = ""
            isOffered = false
        }
        guard text.count < LineInput.maximumLength else { return }
        text.append(character)
        recalled = nil
    }

    /// Takes the last character off, or the whole offered text.
    public mutating func deleteBackward() {
        if isOffered {
            text = ""
            isOffered = false
        } else if !text.isEmpty {
            text.removeLast()
        }
        recalled = nil
    }

    /// Takes the last word off, and the spaces after it.
    public mutating func deleteWord() {
        isOffered = false
        while text.last == " " { text.removeLast() }
        while let last = text.last, last != " " { text.removeLast() }
        recalled = nil
    }

    public mutating func clear() {
        text = ""
        isOffered = false
        recalled = nil
    }

    /// Keeps offered text as if typed, to edit it.
    public mutating func keepOffer() {
        isOffered = false
    }

    /// Steps `step` entries back (positive) or forward (negative) through history.
    public mutating func recall(by step: Int) {
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
