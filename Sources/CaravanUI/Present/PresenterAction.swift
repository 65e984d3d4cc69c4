import CaravanContent

/// What a key does while presenting.
public enum PresenterAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case next
    case previous
    /// Scroll down a slide that overflows; at its end, the next slide.
    case down
    /// Scroll up; at the top, the previous slide.
    case up
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case first
    case last
    /// Open the slide's entity in the explorer, or go to the slide number typed.
    case open
    case overview
    case blank
    /// Stop the clock, or start it again.
    case pauseClock = "pause-clock"
    /// Set the clock to 00:00.
    case resetClock = "reset-clock"
    /// Open the slide's poll to answers, or close it.
    case poll
    /// Show the poll's counts and bars, or hide them.
    case reveal
    /// Write the polls' results as CSV.
    case writeResults = "write-results"
    case help
    case quit

    public static var keyTable: String { "keys.presenter" }

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
        case .open: "explore the slide's entity (Backspace returns)"
        case .overview: "overview of all slides (arrows, Enter)"
        case .blank: "blank the screen (any key returns)"
        case .help: "this help"
        case .pauseClock: "pause the clock, or start it again"
        case .resetClock: "reset the clock to 00:00"
        case .poll: "open the slide's poll to answers, or close it"
        case .reveal: "show the poll's answers, or hide them"
        case .writeResults: "write poll results as CSV (--results DIR, or here)"
        case .quit: "quit (asks: q or y again quits)"
        }
    }

    public var group: String { "Presenting" }
}

extension Keymap where A == PresenterAction {
    /// Space, Right, PgDn, n and j forward; Left, PgUp, k and Backspace back.
    public static let standard = Keymap([
        (.next, ["Space", "Right", "PgDn", "n"]),
        (.previous, ["Left", "PgUp", "Backspace"]),
        (.down, ["j"]),
        (.up, ["k"]),
        (.scrollDown, ["Down"]),
        (.scrollUp, ["Up"]),
        (.first, ["g", "Home"]),
        (.last, ["G", "End"]),
        (.open, ["Enter"]),
        (.overview, ["o"]),
        (.blank, ["b"]),
        (.pauseClock, ["p"]),
        (.resetClock, ["r"]),
        (.poll, ["a"]),
        (.reveal, ["v"]),
        (.writeResults, ["w"]),
        (.help, ["?"]),
        (.quit, ["q"]),
    ])

    /// One line per action, and going to a slide by number: what the presenter's help and
    /// `caravan keys` list.
    public var helpSection: HelpSection {
        var section = helpSections().first ?? HelpSection(title: "Presenting", entries: [])
        let byNumber = HelpEntry(keys: "1-9 Enter", text: "go to the slide with that number")
        section.entries.insert(byNumber, at: max(0, section.entries.count - 2))
        return section
    }
}

/// What a key does in the presenter's overview of slides.
public enum OverviewAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case left
    case right
    case up
    case down
    case first
    case last
    case open
    case close

    public static var keyTable: String { "keys.overview" }

    public var help: String {
        switch self {
        case .left: "the slide before"
        case .right: "the slide after"
        case .up: "the row above"
        case .down: "the row below"
        case .first: "the first slide"
        case .last: "the last slide"
        case .open: "present the selected slide"
        case .close: "back to the slide shown before"
        }
    }

    public var group: String { "In the slide overview" }
}

extension Keymap where A == OverviewAction {
    public static let standard = Keymap([
        (.left, ["Left", "h"]),
        (.right, ["Right", "l"]),
        (.up, ["Up", "k"]),
        (.down, ["Down", "j"]),
        (.first, ["Home", "g"]),
        (.last, ["End", "G"]),
        (.open, ["Enter"]),
        (.close, ["Esc", "o", "q"]),
    ])
}

/// What a key does on `caravan follow`'s screen, besides the explorer's moving keys
/// (which scroll a long slide) and its quit key.
public enum FollowAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case explore
    case rejoin

    public static var keyTable: String { "keys.follow" }

    public var help: String {
        switch self {
        case .explore: "step out into the explorer at the slide's entity while the talk goes on"
        case .rejoin: "from the explorer, rejoin the live slide"
        }
    }

    public var group: String { "Following a talk" }
}

extension Keymap where A == FollowAction {
    public static let standard = Keymap([(.explore, ["e", "Enter"]), (.rejoin, ["f"])])
}

/// The presenter's help: every key and what it does, as its keymap says.
struct PresenterHelp: Widget {
    let section: HelpSection
    let theme: PresenterTheme

    func render(in area: Rect, into grid: inout Grid) {
        let geometry = SlideGeometry(width: area.width, height: area.height)
        var y = geometry.topMargin
        grid.write("Keys", x: geometry.textX, y: y, style: theme.title)
        y += 2
        let entries = section.entries
        let keyWidth = min(24, (entries.map { Grid.measure($0.keys) }.max() ?? 0) + 2)
        let rows = HelpColumns.wrap(
            entries.map { HelpLine(keys: $0.keys, text: $0.text, isHeading: false) },
            keyWidth: keyWidth - 1, textWidth: geometry.textWidth - keyWidth)
        for row in rows where y < geometry.markerRow {
            grid.write(row.keys, x: geometry.textX, y: y, style: theme.marker, maxWidth: keyWidth)
            grid.write(
                row.text, x: geometry.textX + keyWidth, y: y, style: theme.text,
                maxWidth: geometry.textWidth - keyWidth)
            y += 1
        }
    }
}
