import CaravanContent

/// A poll's answers as a chart: the question with how many answered, then one row per
/// option, its number, its text, a bar as long as its share of the answers and its count.
///
/// ```
/// Poll: Which lever does the paper put first?          open · 5 answered
///  1  Cultural brand     ██████████████████████████   3
///  2  Cultural trade     █████████████████            2
///  3  Cultural services                               0
/// ```
public struct PollResultsView: Widget, Sendable {
    public var poll: PollStatus
    public var theme: PresenterTheme
    public var glyphs: Glyphs

    public init(poll: PollStatus, theme: PresenterTheme, glyphs: Glyphs) {
        self.poll = poll
        self.theme = theme
        self.glyphs = glyphs
    }

    /// Rows it needs: the question, a blank row, one per option.
    public var rows: Int { 2 + poll.options.count }

    /// "open · 5 answered", "closed · 5 answered".
    public var summary: String {
        (poll.open ? "open" : "closed") + glyphs.separator
            + (poll.answered == 1 ? "1 answered" : "\(poll.answered) answered")
    }

    public func render(in area: Rect, into grid: inout Grid) {
        guard area.width > 8, area.height > 0 else { return }
        let summary = " " + self.summary
        let summaryWidth = Grid.measure(summary)
        let questionWidth = max(1, area.width - summaryWidth)
        grid.write(
            "Poll: " + poll.question, x: area.x, y: area.y, style: theme.title,
            maxWidth: questionWidth)
        grid.write(
            summary, x: area.x + area.width - summaryWidth, y: area.y, style: theme.marker,
            maxWidth: summaryWidth)
        let counts = poll.counts ?? Array(repeating: 0, count: poll.options.count)
        let most = max(1, counts.max() ?? 0)
        let countWidth = max(3, String(most).count + 1)
        let labelWidth = min(
            (poll.options.map { Grid.measure($0) }.max() ?? 0) + 2, max(8, area.width / 2))
        let numberWidth = 4
        let barWidth = max(0, area.width - numberWidth - labelWidth - countWidth - 1)
        let bar = glyphs.chartBar
        for (index, option) in poll.options.enumerated() {
            let y = area.y + 2 + index
            guard y < area.y + area.height else { break }
            let count = counts.indices.contains(index) ? counts[index] : 0
            grid.write(" \(index + 1) ", x: area.x, y: y, style: theme.marker)
            grid.write(
                option, x: area.x + numberWidth, y: y, style: theme.text,
                maxWidth: labelWidth - 1)
            let length = poll.counts == nil ? 0 : barWidth * count / most
            let barX = area.x + numberWidth + labelWidth
            grid.write(
                String(repeating: bar, count: length), x: barX, y: y, style: theme.barDone)
            if poll.counts != nil {
                let text = String(count)
                grid.write(
                    text, x: barX + barWidth + 1 + countWidth - 1 - text.count, y: y,
                    style: theme.strong)
            }
        }
    }
}
