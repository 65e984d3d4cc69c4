/// The parts every framework screen shares: a title row with key hints, the body, and
/// the detail lines about the selection at the bottom.
struct ScreenChrome: Sendable {
    var title: Rect
    var body: Rect
    var detail: Rect

    /// Splits an area: one title row when there is room for it, the detail rows (at most
    /// a third of the rest, at least one), and the body between them.
    init(area: Rect, detailRows: Int) {
        let titleRows = area.height >= 6 ? 1 : 0
        let rest = area.height - titleRows
        var rows = min(max(0, detailRows), rest / 3)
        if rows == 0 && rest >= 2 && detailRows > 0 { rows = 1 }
        title = Rect(x: area.x, y: area.y, width: area.width, height: titleRows)
        body = Rect(x: area.x, y: area.y + titleRows, width: area.width, height: rest - rows)
        detail = Rect(x: area.x, y: body.maxY, width: area.width, height: rows)
    }

    /// The rows the detail needs at `width`: a rule, the title and the wrapped text.
    static func detailRows(for details: [SelectionDetail], width: Int, limit: Int) -> Int {
        let textWidth = max(1, width)
        let tallest =
            details.map { detail in
                max(1, TextFit.wrap(detail.title, width: textWidth).count)
                    + TextFit.wrap(detail.text, width: textWidth).count
            }.max() ?? 1
        return min(limit, 1 + tallest)
    }

    /// Words for a count: "1 case", "7 cases".
    static func count(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}

/// Picking the item to move to with an arrow key, from where things are on the screen.
enum SpatialNavigation {
    enum Direction: Sendable {
        case up
        case down
        case left
        case right
    }

    /// The index of the rectangle to move to from `current` in `direction`, or nil.
    ///
    /// Only rectangles wholly past the current one in that direction count. The nearest
    /// wins; one that is not level with the current one (not overlapping it across the
    /// direction of travel) pays a penalty plus twice its offset, so a move goes to the
    /// neighbour in the same row or column before jumping diagonally.
    static func next(from current: Rect, among rects: [Rect], direction: Direction) -> Int? {
        var best: (index: Int, score: Int, offset: Int)?
        for (index, rect) in rects.enumerated() where rect != current {
            let distance: Int
            let across: Int
            let offset: Int
            switch direction {
            case .right:
                guard rect.x >= current.maxX else { continue }
                distance = rect.x - current.maxX
                across = gap(rect.y, rect.maxY, current.y, current.maxY)
                offset = abs(2 * rect.y + rect.height - 2 * current.y - current.height)
            case .left:
                guard rect.maxX <= current.x else { continue }
                distance = current.x - rect.maxX
                across = gap(rect.y, rect.maxY, current.y, current.maxY)
                offset = abs(2 * rect.y + rect.height - 2 * current.y - current.height)
            case .down:
                guard rect.y >= current.maxY else { continue }
                distance = rect.y - current.maxY
                across = gap(rect.x, rect.maxX, current.x, current.maxX)
                offset = abs(2 * rect.x + rect.width - 2 * current.x - current.width)
            case .up:
                guard rect.maxY <= current.y else { continue }
                distance = current.y - rect.maxY
                across = gap(rect.x, rect.maxX, current.x, current.maxX)
                offset = abs(2 * rect.x + rect.width - 2 * current.x - current.width)
            }
            let score = distance + (across > 0 ? 8 + 2 * across : 0)
            if let chosen = best, (chosen.score, chosen.offset) <= (score, offset) { continue }
            best = (index, score, offset)
        }
        return best?.index
    }

    /// How far apart two intervals are; 0 when they overlap.
    private static func gap(_ start: Int, _ end: Int, _ otherStart: Int, _ otherEnd: Int) -> Int {
        max(0, start - otherEnd + 1, otherStart - end + 1)
    }
}

/// A view's title on the left, the key hints on the right when both fit.
struct TitleRow: Widget {
    var text: String
    var hints: String
    var look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let hintWidth = TextFit.width(hints)
        let titleWidth = TextFit.width(text)
        let showHints = !hints.isEmpty && rect.width >= titleWidth + hintWidth + 3
        let room = showHints ? rect.width - hintWidth - 2 : rect.width
        grid.write(
            TextFit.truncate(text, to: room, ellipsis: look.glyphs.ellipsis), x: rect.x, y: rect.y,
            style: look.theme[.title], maxWidth: room)
        if showHints {
            grid.write(
                hints, x: rect.maxX - hintWidth, y: rect.y, style: look.theme[.dim],
                maxWidth: hintWidth)
        }
    }
}

/// What the bottom of a view says about the selection: a rule with the key hints near its
/// right end (when asked for and there are two rows or more), then the selection's title
/// and text wrapped to the width; when rows run out the last one ends with an ellipsis.
struct DetailPanel: Widget {
    var detail: SelectionDetail?
    var rule = true
    var hints = ""
    var look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let theme = look.theme
        var y = rect.y
        if rule && rect.height >= 2 {
            grid.write(
                look.glyphs.rule(rect.width), x: rect.x, y: y, style: theme[.border],
                maxWidth: rect.width)
            let label = " " + hints + " "
            let labelWidth = TextFit.width(label)
            if !hints.isEmpty && labelWidth + 4 <= rect.width {
                grid.write(
                    label, x: rect.maxX - labelWidth - 2, y: y, style: theme[.dim],
                    maxWidth: labelWidth)
            }
            y += 1
        }
        guard let detail else { return }
        var lines: [(String, Role)] = []
        lines += TextFit.wrap(detail.title, width: rect.width).map { ($0, Role.strong) }
        lines += TextFit.wrap(detail.text, width: rect.width).map { ($0, Role.text) }
        let room = rect.maxY - y
        guard room > 0 else { return }
        if lines.count > room {
            let rest = lines[(room - 1)...].map(\.0).joined(separator: " ")
            let cut = TextFit.truncate(rest, to: rect.width, ellipsis: look.glyphs.ellipsis)
            lines = Array(lines.prefix(room - 1)) + [(cut, lines[room - 1].1)]
        }
        for (offset, line) in lines.enumerated() {
            grid.write(line.0, x: rect.x, y: y + offset, style: theme[line.1], maxWidth: rect.width)
        }
    }
}
