import CaravanContent

/// The list of the content's problems (`E`), as a compiler's error list in an editor: every
/// error and warning with its file, line and column; Enter opens the entity of the
/// selected problem's file. It reads the model's diagnostics as data, so content loaded
/// again brings its own list.
public struct ProblemList: Sendable, Hashable {
    /// The selected problem and the first one shown.
    public var scroll = ScrollState()
    public var selection: Int { scroll.selection }
    /// Why the last Enter opened nothing, shown until the next key.
    public var notice: String?

    public init() {}

    /// How many problems fit in the list's box on a screen `height` rows high (each takes
    /// two rows; a summary line is above them and a notice line below).
    static func slots(height: Int) -> Int {
        max(1, (max(0, height - 4) - 2) / 2)
    }

    /// What a key does: moves the selection, closes the list, or opens an entity.
    mutating func perform(_ action: Action?, model: ContentModel, height: Int) -> ScreenOutcome {
        notice = nil
        let problems = model.problems.all
        let page = ProblemList.slots(height: height)
        // Tab and S-Tab step through the problems as they step through links.
        let motion: Motion? =
            action == .nextLink ? .lineDown : action == .previousLink ? .lineUp : action?.motion
        if let motion {
            scroll.move(
                motion, paging: .list(visible: page), visible: page, total: problems.count)
            return .handled
        }
        switch action {
        case .quit?, .problems?, .cancel?: return .close
        case .open?:
            guard problems.indices.contains(selection) else { return .handled }
            let path = problems[selection].location.path
            if let entity = model.entity(inFile: path) { return .open(entity.id) }
            notice = "No entity to open: the file could not be read far enough to name one"
        default:
            return .ignored
        }
        return .handled
    }
}

/// The problems list over the panes: a summary, then each problem on two rows (its
/// place, then its message), and why Enter opened nothing, when it did not.
struct ProblemsPanel: Widget {
    let list: ProblemList
    let explorer: Explorer
    let look: Look

    /// `Enter opens the entity, Esc closes`, with the keys as bound.
    private var title: String {
        let keymap = explorer.keymap
        let open = keymap.keys(for: .open).first.map { $0.name + " opens the entity" }
        let close = keymap.keys(for: .cancel).first.map { $0.name + " closes" }
        return "Problems" + look.glyphs.dash
            + [open, close].compactMap { $0 }.joined(separator: ", ")
    }

    func render(in area: Rect, into grid: inout Grid) {
        let theme = look.theme
        let problems = explorer.model.problems
        let frame = OverlayFrame(width: 100, height: area.height - 2, title: title, look: look)
        frame.render(in: area, into: &grid)
        let inner = frame.inner(in: area)
        guard inner.height > 0 else { return }
        let errors = problems.errorCount
        func counted(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
        var summary =
            counted(errors, "error") + ", " + counted(problems.all.count - errors, "warning")
        if errors > 0 { summary += " in " + counted(problems.filesWithErrors, "file") }
        summary += "; `caravan check` prints them"
        grid.write(summary, x: inner.x, y: inner.y, style: theme[.dim], maxWidth: inner.width)
        let slots = ProblemList.slots(height: area.height)
        for slot in 0..<slots {
            let index = list.scroll.offset + slot
            guard problems.all.indices.contains(index) else { break }
            let problem = problems.all[index]
            let y = inner.y + 1 + slot * 2
            guard y + 1 < inner.maxY else { break }
            let selected = index == list.selection
            let place =
                "\(problem.location.path):\(problem.location.line):\(problem.location.column)"
            if selected {
                grid.fill(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[.selection])
            }
            let severity = problem.severity.rawValue + " "
            let used = grid.write(
                severity, x: inner.x, y: y,
                style: theme[selected ? .selection : problem.severity == .error ? .error : .dim],
                maxWidth: inner.width)
            grid.write(
                place, x: inner.x + used, y: y, style: theme[selected ? .selection : .strong],
                maxWidth: inner.width - used)
            var message = problem.message
            if let suggestion = problem.suggestion { message += " (\(suggestion))" }
            grid.write(
                "  " + message, x: inner.x, y: y + 1, style: theme[.text], maxWidth: inner.width)
        }
        if let notice = list.notice {
            grid.write(
                notice, x: inner.x, y: inner.maxY - 1, style: theme[.statusMessage],
                maxWidth: inner.width)
        }
    }
}
