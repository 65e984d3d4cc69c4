import CaravanContent
import Foundation

/// What a notes or follow screen knows of the presenter.
public enum PresenterLink: Sendable, Hashable {
    /// No presenter yet, or it has gone: the screen waits and retries.
    case waiting
    case live(PresenterStatus)

    public var status: PresenterStatus? {
        if case .live(let status) = self { return status }
        return nil
    }
}

/// A screen that follows a presenter: the backend wiring hands it each change.
public protocol FollowsPresenter: Program {
    mutating func receive(_ link: PresenterLink)
    /// What the screen has to tell the presenter (answers to polls), emptied as read.
    mutating func takeOutgoing() -> [FollowerMessage]
}

extension FollowsPresenter {
    public mutating func takeOutgoing() -> [FollowerMessage] { [] }
}

/// `caravan notes`: the current slide's speaker notes, the next slide's title, n/N and the
/// elapsed time, following the presenter live. Read-only: nothing typed here reaches the
/// presenter. Feed it with ``receive(_:)``; run it with ticks for the clock.
public struct NotesScreen: FollowsPresenter {
    public private(set) var link: PresenterLink = .waiting
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var scroll = 0
    public var theme: PresenterTheme
    public var capabilities: Capabilities
    /// The explorer's keys, whose moving keys scroll the notes.
    public var keymap: Keymap<Action>
    private var now: Double
    private let clock: @Sendable () -> Double

    public init(
        width: Int, height: Int, capabilities: Capabilities = .full,
        keymap: Keymap<Action> = .standard,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.keymap = keymap
        self.width = width
        self.height = height
        self.capabilities = capabilities
        theme = PresenterTheme.forTerminal(capabilities)
        self.clock = clock
        now = clock()
    }

    /// Takes news from the presenter; a new slide starts its notes from the top.
    public mutating func receive(_ link: PresenterLink) {
        if link.status?.slide != self.link.status?.slide
            || link.status?.deck != self.link.status?.deck
        {
            scroll = 0
        }
        self.link = link
        now = clock()
    }

    public mutating func update(_ event: InputEvent) -> [Effect] {
        now = clock()
        switch event {
        case .resize(let width, let height):
            self.width = max(0, width)
            self.height = max(0, height)
        case .interrupt, .terminate:
            return [.quit]
        case .key(let key):
            let action = keymap.action(for: key)
            if action == .quit { return [.quit] }
            guard let motion = action?.motion, let status = link.status else { break }
            // A page keeps a line of the last one in sight.
            var notes = ScrollState(offset: scroll)
            notes.scroll(
                motion, paging: Paging(page: notesRows - 1, halfPage: notesRows / 2),
                visible: notesRows, total: noteLines(status).count)
            scroll = notes.offset
        case .tick, .external, .externalFinished, .mouse, .contentChanged:
            break
        }
        return []
    }

    // MARK: Layout

    private var geometry: SlideGeometry {
        SlideGeometry(width: width, height: height, unicode: capabilities.unicode)
    }

    /// The notes' first row and the rows they have (above the poll, the rule, "Next" and
    /// the footer).
    private var notesTop: Int { 3 }
    private var notesRows: Int { max(0, height - 4 - notesTop - pollRows) }

    /// Rows the poll's answers take above the rule, with a blank row above them.
    private var pollRows: Int {
        guard let poll = link.status?.poll, height >= 16 else { return 0 }
        return PollResultsView(poll: poll, theme: theme, glyphs: capabilities.glyphs).rows + 1
    }

    private func noteLines(_ status: PresenterStatus) -> [SlideLayout.Line] {
        if let detour = status.detour {
            return DetourNotes.lines(
                detour, width: geometry.textWidth, unicode: capabilities.unicode)
        }
        let document = MarkdownParser.parse(status.notes)
        if document.blocks.isEmpty {
            return [SlideLayout.Line([SlideLayout.Run("(no notes for this slide)", .emphasis)])]
        }
        return SlideLayout.lines(
            document.blocks, width: geometry.textWidth, unicode: capabilities.unicode,
            measure: { Grid.measure(String($0)) })
    }

    private var maximumScroll: Int {
        guard let status = link.status else { return 0 }
        return max(0, noteLines(status).count - notesRows)
    }

    // MARK: View

    public func view() -> Frame {
        var grid = Grid(width: width, height: height)
        grid.fill(grid.bounds, style: theme.background)
        guard let status = link.status else {
            WaitingNotice(theme: theme, what: "notes").render(in: grid.bounds, into: &grid)
            return Frame(grid: grid)
        }
        let x = geometry.textX
        let textWidth = geometry.textWidth
        var header = "Speaker notes: " + status.deckTitle
        if status.blank { header += " (screen blanked)" }
        if let detour = status.detour {
            header = "Slide \(status.slide + 1)/\(status.count): \(status.title)"
            grid.write(header, x: x, y: 0, style: theme.marker, maxWidth: textWidth)
            grid.write(
                "Detour: \(detour.title) (Backspace on the presenter returns)", x: x, y: 1,
                style: theme.title, maxWidth: textWidth)
        } else {
            grid.write(header, x: x, y: 0, style: theme.marker, maxWidth: textWidth)
            grid.write(
                "Slide \(status.slide + 1)/\(status.count): \(status.title)", x: x, y: 1,
                style: theme.title,
                maxWidth: textWidth)
        }
        if let poll = status.poll, pollRows > 0 {
            let view = PollResultsView(poll: poll, theme: theme, glyphs: capabilities.glyphs)
            view.render(
                in: Rect(x: x, y: height - 3 - view.rows, width: textWidth, height: view.rows),
                into: &grid)
        }
        let lines = noteLines(status)
        let top = min(scroll, max(0, lines.count - notesRows))
        for row in 0..<notesRows where top + row < lines.count {
            var column = x
            for run in lines[top + row].runs {
                column += grid.write(
                    run.text, x: column, y: notesTop + row, style: theme.style(run.style),
                    maxWidth: x + textWidth - column)
            }
        }
        let glyphs = capabilities.glyphs
        if top + notesRows < lines.count, height > 5 {
            let key = keymap.keyName(for: .lineDown).map { " (\($0))" } ?? ""
            let more = " \(glyphs.arrowDown) more\(key) "
            grid.write(
                more, x: x + textWidth - Grid.measure(more), y: notesTop + notesRows - 1,
                style: theme.notice)
        }
        let rule = glyphs.rule(textWidth)
        grid.write(rule, x: x, y: height - 3, style: theme.barLeft)
        let next = status.nextTitle.map { "Next: " + $0 } ?? "Last slide"
        grid.write(next, x: x, y: height - 2, style: theme.heading, maxWidth: textWidth)
        let elapsed = status.elapsed(now: now)
        SlideFooter(
            index: status.slide, count: status.count, elapsed: elapsed, label: "following",
            theme: theme, glyphs: glyphs
        )
        .render(in: Rect(y: height - 1, width: width, height: 1), into: &grid)
        return Frame(grid: grid)
    }
}

/// What is shown until a presenter is found.
struct WaitingNotice: Widget {
    let theme: PresenterTheme
    /// What appears once it runs: "notes", "slides".
    let what: String

    func render(in area: Rect, into grid: inout Grid) {
        let lines = [
            "Waiting for the presenter...",
            "Start `caravan present` in another terminal;",
            "the \(what) appear here as soon as it runs. q quits.",
        ]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = area.x + max(0, (area.width - Grid.measure(line)) / 2)
            grid.write(line, x: x, y: top + offset, style: offset == 0 ? theme.title : theme.text)
        }
    }
}
