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

    /// The slide as drawn with its body scrolled to `scroll`.
    public func widget(scroll: Int, theme: PresenterTheme) -> SlideWidget {
        SlideWidget(screen: self, scroll: scroll, theme: theme)
    }
}

/// A slide as drawn: the title (in large letters where it fits), the body from its scroll
/// on, and the "more" markers of a slide that scrolls, placed as the slide was laid out for
/// a screen of its size, from the area's top left. The footer is drawn by whoever owns
/// the screen.
public struct SlideWidget: Widget {
    let screen: SlideScreen
    let scroll: Int
    let theme: PresenterTheme

    private var geometry: SlideGeometry { screen.geometry }
    private var body: SlideGeometry.BodyLayout { screen.body }

    public func render(in area: Rect, into grid: inout Grid) {
        drawTitle(into: &grid, area)
        let scroll = min(max(0, self.scroll), screen.maximumScroll)
        for (index, column) in body.columns.enumerated() {
            let x = area.x + geometry.textX + index * (body.columnWidth + geometry.columnGap)
            for row in 0..<screen.bodyRows {
                let lineIndex = scroll + row
                guard column.indices.contains(lineIndex) else { break }
                let line = column[lineIndex]
                var lineX = x
                if screen.centred {
                    lineX += max(0, (body.columnWidth - Grid.measure(line.text)) / 2)
                }
                draw(
                    line, x: lineX, y: area.y + screen.bodyTop + row, width: body.columnWidth,
                    into: &grid)
            }
        }
        drawMarkers(into: &grid, area, scroll: scroll)
    }

    private func drawTitle(into grid: inout Grid, _ area: Rect) {
        let x = area.x + geometry.textX
        let width = geometry.textWidth
        var y = area.y + screen.titleTop
        for line in screen.title.lines {
            if screen.title.big {
                let rows = BlockFont.render(line, unicode: screen.unicode)
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

    private func draw(_ line: SlideLayout.Line, x: Int, y: Int, width: Int, into grid: inout Grid) {
        var column = x
        for run in line.runs {
            let left = x + width - column
            guard left > 0 else { break }
            column += grid.write(
                run.text, x: column, y: y, style: theme.style(run.style), maxWidth: left)
        }
    }

    private func drawMarkers(into grid: inout Grid, _ area: Rect, scroll: Int) {
        guard geometry.markerRow > screen.bodyTop, screen.overflows else { return }
        let row = area.y + geometry.markerRow
        let glyphs = Glyphs(unicode: screen.unicode)
        let left = area.x + geometry.textX
        if scroll > 0 {
            grid.write(" \(glyphs.arrowUp) more ", x: left, y: row, style: theme.notice)
        }
        if scroll < screen.maximumScroll {
            let text = " \(glyphs.arrowDown) more "
            let x = left + geometry.textWidth - Grid.measure(text)
            grid.write(text, x: x, y: row, style: theme.notice)
        }
    }
}

/// The presenter's bottom row: slide n/N, a progress bar and the elapsed time.
public struct SlideFooter: Widget, Sendable {
    public var index: Int
    public var count: Int
    /// Seconds since the talk started; nil hides the clock.
    public var elapsed: Int?
    /// Replaces the slide number on the left (a number being typed, a message).
    public var prompt: String?
    /// Follows the slide number ("following", "blanked").
    public var label: String?
    public var theme: PresenterTheme
    public var glyphs: Glyphs

    public init(
        index: Int, count: Int, elapsed: Int?, prompt: String? = nil, label: String? = nil,
        theme: PresenterTheme, glyphs: Glyphs
    ) {
        self.index = index
        self.count = count
        self.elapsed = elapsed
        self.prompt = prompt
        self.label = label
        self.theme = theme
        self.glyphs = glyphs
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

    /// Draws on the area's first row.
    public func render(in area: Rect, into grid: inout Grid) {
        let row = area.y
        guard row >= 0, row < grid.height, area.height > 0 else { return }
        grid.fill(Rect(x: area.x, y: row, width: area.width, height: 1), style: theme.background)
        let left =
            " "
            + (prompt ?? "\(index + 1)/\(count)"
                + (label.map { glyphs.separator + $0 } ?? "")) + " "
        let right = elapsed.map { " " + SlideFooter.clock($0) + " " } ?? " "
        let leftWidth = grid.write(
            left, x: area.x, y: row, style: prompt == nil ? theme.footer : theme.notice,
            maxWidth: area.width)
        let rightWidth = Grid.measure(right)
        let barX = area.x + leftWidth + 1
        let rightX = max(area.x + leftWidth, area.maxX - rightWidth)
        grid.write(right, x: rightX, y: row, style: theme.footer, maxWidth: area.maxX - rightX)
        let barWidth = rightX - barX
        guard barWidth >= 4 else { return }
        let done = count > 0 ? barWidth * (index + 1) / count : 0
        grid.write(
            String(repeating: glyphs.progressDone, count: done), x: barX, y: row,
            style: theme.barDone)
        grid.write(
            String(repeating: glyphs.progressLeft, count: barWidth - done), x: barX + done, y: row,
            style: theme.barLeft)
    }
}
