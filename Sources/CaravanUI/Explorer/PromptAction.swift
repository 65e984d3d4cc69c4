/// What the search and jump prompts can be asked to do; any other character key types
/// itself.
public enum PromptAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case open
    case nextChoice = "next-choice"
    case previousChoice = "previous-choice"
    case complete
    case deleteBackward = "delete-backward"
    case deleteWord = "delete-word"
    case clear
    case earlier
    case later
    case keepOffer = "keep-offer"
    case close

    public static var keyTable: String { "keys.prompts" }

    public var help: String {
        switch self {
        case .open: "Open the selected result"
        case .nextChoice: "The next result (without a list: a later entry)"
        case .previousChoice: "The previous result (without a list: an earlier entry)"
        case .complete: "Complete the id (jump prompt); the next result (search)"
        case .deleteBackward: "Delete the last character; in an empty prompt, close it"
        case .deleteWord: "Delete the last word"
        case .clear: "Clear the input"
        case .earlier: "An earlier entry"
        case .later: "A later entry"
        case .keepOffer: "Keep the offered search to edit it"
        case .close: "Close the prompt"
        }
    }

    public var group: String { "In prompts" }

    public var hint: String? {
        switch self {
        case .open: "opens"
        case .complete: "completes"
        case .close: "closes"
        case .nextChoice, .previousChoice, .deleteBackward, .deleteWord, .clear, .earlier,
            .later, .keepOffer:
            nil
        }
    }
}

extension Keymap where A == PromptAction {
    /// Readline's and less's keys.
    public static let standard = Keymap([
        (.open, ["Enter"]),
        (.nextChoice, ["Down"]),
        (.previousChoice, ["Up", "S-Tab"]),
        (.complete, ["Tab"]),
        (.deleteBackward, ["Backspace"]),
        (.deleteWord, ["Ctrl-w"]),
        (.clear, ["Ctrl-u"]),
        (.earlier, ["Ctrl-p"]),
        (.later, ["Ctrl-n"]),
        (.keepOffer, ["Right", "End"]),
        (.close, ["Esc"]),
    ])

    /// `Enter opens, Esc closes`: what a prompt's title says of its keys.
    func title(_ actions: [PromptAction]) -> String {
        hints(actions, separator: ", ")
    }
}
