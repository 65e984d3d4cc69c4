import CaravanContent

/// A slide laid out for one screen: where its title and body go and how far the body
/// can scroll. Built from the same ``SlideGeometry`` and ``SlideLayout`` that
/// `caravan check` uses, with the terminal's own character widths.
public struct SlideScreen: Sendable {
    public let slide: Slide
    public let geometry: SlideGeometry
    public let title: SlideGeometry.TitleLayout
    public let body: SlideGeometry.BodyLayout
    public let unicode: Bool
    /// A cover slide whose title and text fit sit in the middle of the screen.
    public let centred: Bool
    public let titleTop: Int
    public let bodyTop: Int
    public let bodyRows: Int

    public init(slide: Slide, model: ContentModel, width: Int, height: Int, unicode: Bool) {
        let measure: SlideLayout.Measure = { Grid.measure(String($0)) }
        let geometry = SlideGeometry(width: width, height: height, unicode: unicode)
        self.slide = slide
        self.geometry = geometry
        self.unicode = unicode
        title = geometry.title(slide.title, style: slide.style, measure: measure)
        body = geometry.bodyLines(
            SlideContent.body(for: slide, in: model), model: model, unicode: unicode,
            measure: measure)
        if slide.style == .cover,
            let top = geometry.coverTop(titleRows: title.rows, bodyLines: body.rows)
        {
            centred = true
            titleTop = top
            bodyTop = top + title.rows + 1
            bodyRows = body.rows
        } else {
            centred = false
            titleTop = geometry.topMargin
            (bodyTop, bodyRows) = geometry.body(titleRows: title.rows)
        }
    }

    /// How far the body scrolls at most: 0 when it fits.
    public var maximumScroll: Int { max(0, body.rows - bodyRows) }
    public var overflows: Bool { maximumScroll > 0 }

    /// Draws the title, the body from row `scroll` and the "more" markers. The footer is
    /// drawn by whoever owns the screen.
    public func draw(into grid: inout Grid, scroll: Int, theme: PresenterTheme) {
        drawTitle(into: &grid, theme: theme)
        let scroll = min(max(0, scroll), maximumScroll)
        for (index, column) in body.columns.enumerated() {
            let x = geometry.textX + index * (body.columnWidth + geometry.columnGap)
            for row in 0..<bodyRows {
                let lineIndex = scroll + row
                guard column.indices.contains(lineIndex) else { break }
                let line = column[lineIndex]
                var lineX = x
                if centred {
                    lineX += max(0, (body.columnWidth - Grid.measure(line.text)) / 2)
                }
                draw(
                    line, x: lineX, y: bodyTop + row, width: body.columnWidth, into: &grid,
                    theme: theme)
            }
        }
        drawMarkers(into: &grid, scroll: scroll, theme: theme)
    }

    private func drawTitle(into grid: inout Grid, theme: PresenterTheme) {
        let x = geometry.textX
        let width = geometry.textWidth
        var y = titleTop
        for line in title.lines {
            if title.big {
                let rows = BlockFont.render(line, unicode: unicode)
                let lineWidth = SlideGeometry.bigWidth(line) ?? 0
                for row in rows {
                    grid.write(
                        row, x: x + max(0, (width - lineWidth) / 2), y: y, style: theme.title,
                        maxWidth: width)
                    y += 1
                }
                y += 1
            } else {
                let lineWidth = Grid.measure(line)
                grid.write(
                    line, x: x + max(0, (width - lineWidth) / 2), y: y, style: theme.title,
                    maxWidth: width)
                y += 1
            }
        }
    }

    private func draw(
        _ line: SlideLayout.Line, x: Int, y: Int, width: Int, into grid: inout Grid,
        theme: PresenterTheme
    ) {
        var column = x
        for run in line.runs {
            let left = x + width - column
            guard left > 0 else { break }
            column += grid.write(
                run.text, x: column, y: y, style: theme.style(run.style), maxWidth: left)
        }
    }

    private func drawMarkers(into grid: inout Grid, scroll: Int, theme: PresenterTheme) {
        let row = geometry.markerRow
        guard row > bodyTop, overflows else { return }
        let glyphs = Glyphs(unicode: unicode)
        if scroll > 0 {
            grid.write(" \(glyphs.arrowUp) more ", x: geometry.textX, y: row, style: theme.notice)
        }
        if scroll < maximumScroll {
            let text = " \(glyphs.arrowDown) more "
            let x = geometry.textX + geometry.textWidth - Grid.measure(text)
            grid.write(text, x: x, y: row, style: theme.notice)
        }
    }
}

/// The presenter's bottom row: slide n/N, a progress bar and the elapsed time.
public struct SlideFooter: Sendable, Hashable {
    public var index: Int
    public var count: Int
    /// Seconds since the talk started; nil hides the clock.
    public var elapsed: Int?
    /// Replaces the slide number on the left (a number being typed, a message).
    public var prompt: String?
    /// Follows the slide number ("following", "blanked").
    public var label: String?

    public init(index: Int, count: Int, elapsed: Int?, prompt: String? = nil, label: String? = nil)
    {
        self.index = index
        self.count = count
        self.elapsed = elapsed
        self.prompt = prompt
        self.label = label
    }

    /// `mm:ss`, or `h:mm:ss` from an hour.
    public static func clock(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if seconds >= 3600 {
            return "\(seconds / 3600):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        }
        return "\(two(seconds / 60)):\(two(seconds % 60))"
    }

    public func draw(into grid: inout Grid, row: Int, theme: PresenterTheme, glyphs: Glyphs) {
        guard row >= 0, row < grid.height else { return }
        grid.fill(Rect(x: 0, y: row, width: grid.width, height: 1), style: theme.background)
        let left =
            " "
            + (prompt ?? "\(index + 1)/\(count)"
                + (label.map { glyphs.separator + $0 } ?? "")) + " "
        let right = elapsed.map { " " + SlideFooter.clock($0) + " " } ?? " "
        let leftWidth = grid.write(
            left, x: 0, y: row, style: prompt == nil ? theme.footer : theme.notice)
        let rightWidth = Grid.measure(right)
        let rightX = max(leftWidth, grid.width - rightWidth)
        grid.write(right, x: rightX, y: row, style: theme.footer)
        let barWidth = rightX - leftWidth - 1
        guard barWidth >= 4 else { return }
        let done = count > 0 ? barWidth * (index + 1) / count : 0
        grid.write(
            String(repeating: glyphs.progressDone, count: done), x: leftWidth + 1, y: row,
            style: theme.barDone)
        grid.write(
            String(repeating: glyphs.progressLeft, count: barWidth - done), x: leftWidth + 1 + done,
            y: row,
            style: theme.barLeft)
    }
}
