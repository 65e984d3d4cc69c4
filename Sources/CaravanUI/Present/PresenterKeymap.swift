/// What a key does while presenting.
public enum PresenterAction: String, CaseIterable, Sendable, Hashable {
    case next
    case previous
    /// Scroll down a slide that overflows; at its end, the next slide.
    case down
    /// Scroll up; at the top, the previous slide.
    case up
    case scrollDown
    case scrollUp
    case first
    case last
    /// Open the slide's entity in the explorer, or go to the slide number typed.
    case open
    case overview
    case blank
    case help
    /// Stop the clock, or start it again.
    case pauseClock
    /// Set the clock to 00:00.
    case resetClock
    /// Open the slide's poll to answers, or close it.
    case poll
    /// Show the poll's counts and bars, or hide them.
    case reveal
    /// Write the polls' results as CSV.
    case writeResults
    case quit

    public var help: String {
        switch self {
        case .next: "next slide"
        case .previous: "previous slide"
        case .down: "scroll down, then next slide"
        case .up: "scroll up, then previous slide"
        case .scrollDown: "scroll a long slide down"
        case .scrollUp: "scroll a long slide up"
        case .first: "first slide"
        case .last: "last slide"
        case .open:
            "explore the slide's entity (Backspace or Esc comes back); after digits, go to that slide"
        case .overview: "overview of all slides (arrows, Enter)"
        case .blank: "blank the screen (any key returns)"
        case .help: "this help"
        case .pauseClock: "pause the clock, or start it again"
        case .resetClock: "reset the clock to 00:00"
        case .poll: "open the slide's poll to answers (1-9 on followers), or close it"
        case .reveal: "show the poll's answers on the slide, or hide them"
        case .writeResults: "write the polls' results as CSV (--results DIR, else here)"
        case .quit: "quit (asks first: q or y again)"
        }
    }
}

/// Keys bound to presenter actions, as data: the help screen is made from it.
public struct PresenterKeymap: Sendable {
    public private(set) var bindings: [(key: Key, action: PresenterAction)]

    public init(bindings: [(key: Key, action: PresenterAction)]) {
        self.bindings = bindings
    }

    public func action(for key: Key) -> PresenterAction? {
        bindings.first { $0.key == key }?.action
    }

    public func keys(for action: PresenterAction) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// Space, Right, PgDn, n and j forward; Left, PgUp, k and Backspace back.
    public static let standard: PresenterKeymap = {
        var bindings: [(key: Key, action: PresenterAction)] = []
        func add(_ action: PresenterAction, _ names: String...) {
            for name in names {
                if let key = Key(name: name) { bindings.append((key, action)) }
            }
        }
        add(.next, "Space", "Right", "PgDn", "n")
        add(.previous, "Left", "PgUp", "Backspace")
        add(.down, "j")
        add(.up, "k")
        add(.scrollDown, "Down")
        add(.scrollUp, "Up")
        add(.first, "g", "Home")
        add(.last, "G", "End")
        add(.open, "Enter")
        add(.overview, "o")
        add(.blank, "b")
        add(.help, "?")
        add(.pauseClock, "p")
        add(.resetClock, "r")
        add(.poll, "a")
        add(.reveal, "v")
        add(.writeResults, "w")
        add(.quit, "q")
        return PresenterKeymap(bindings: bindings)
    }()

    /// One line per action: its keys and what it does.
    public func helpLines() -> [(keys: String, help: String)] {
        var lines = PresenterAction.allCases.compactMap { action -> (keys: String, help: String)? in
            let keys = keys(for: action)
            guard !keys.isEmpty else { return nil }
            return (keys.map(\.name).joined(separator: " "), action.help)
        }
        lines.insert(("1-9 Enter", "go to the slide with that number"), at: lines.count - 2)
        return lines
    }
}
