import CaravanContent

/// The overview: every slide's number and title in a grid of cells, read left to right,
/// with one selected. Titles are shown whole: cells are as wide as the longest title needs
/// (fewer columns, down to one), and in one column a title wider than the screen wraps
/// onto the rows below it.
public struct SlideOverview: Sendable, Hashable {
    public var selection: Int
    /// The first row shown.
    public var scroll: Int = 0
    /// The slides' titles, in order.
    public var titles: [String]

    public init(selection: Int, titles: [String] = []) {
        self.selection = selection
        self.titles = titles
    }

    /// The overview of a deck, with the selection on one slide.
    public init(_ deck: Deck, selection: Int) {
        self.init(selection: selection, titles: deck.slides.map(\.title))
    }

    /// Where the cells go on a screen.
    struct Layout {
        let x: Int
        let top: Int
        let columns: Int
        let cellWidth: Int
        let rows: Int
        /// The row (from the first) each slide starts on, and the lines of its title.
        let starts: [Int]
        let lines: [[String]]

        /// Columns a cell takes besides its title: the number before it, a space after.
        static let padding = 7

        init(width: Int, height: Int, titles: [String]) {
            let geometry = SlideGeometry(width: width, height: height)
            x = geometry.textX
            top = geometry.topMargin + 2
            let most = max(1, geometry.textWidth / 30)
            let wanted = (titles.map { Grid.measure($0) }.max() ?? 0) + Layout.padding
            let columns = (1...most).last { geometry.textWidth / $0 >= wanted } ?? 1
            self.columns = columns
            cellWidth = max(1, geometry.textWidth / columns)
            rows = max(1, geometry.markerRow - top)
            let space = max(1, cellWidth - Layout.padding)
            var starts: [Int] = []
            var lines: [[String]] = []
            var row = 0
            for (index, title) in titles.enumerated() {
                let wrapped = columns == 1 ? TextFit.wrap(title, width: space) : [title]
                starts.append(columns == 1 ? row : index / columns)
                lines.append(wrapped.isEmpty ? [""] : wrapped)
                row += wrapped.isEmpty ? 1 : wrapped.count
            }
            self.starts = starts
            self.lines = lines
        }

        /// The first and last row of a slide's cell.
        func span(of index: Int) -> ClosedRange<Int> {
            guard starts.indices.contains(index) else { return index / columns...index / columns }
            return starts[index]...(starts[index] + lines[index].count - 1)
        }
    }

    private func layout(width: Int, height: Int) -> Layout {
        Layout(width: width, height: height, titles: titles)
    }

    /// Moves the selection by `step` cells, staying within `count`, and keeps it visible.
    public mutating func move(by step: Int, count: Int, width: Int, height: Int) {
        selection = min(max(0, selection + step), max(0, count - 1))
        reveal(width: width, height: height)
    }

    /// Cells in a row on this screen: Up and Down move by this many.
    public func columns(width: Int, height: Int) -> Int {
        layout(width: width, height: height).columns
    }

    public mutating func reveal(width: Int, height: Int) {
        let layout = layout(width: width, height: height)
        let span = layout.span(of: selection)
        if span.lowerBound < scroll { scroll = span.lowerBound }
        if span.upperBound >= scroll + layout.rows { scroll = span.upperBound - layout.rows + 1 }
        scroll = max(0, scroll)
    }

    /// The overview of a deck as drawn.
    public func widget(_ deck: Deck, theme: PresenterTheme, glyphs: Glyphs) -> SlideOverviewWidget {
        var overview = self
        if overview.titles.count != deck.slides.count { overview.titles = deck.slides.map(\.title) }
        return SlideOverviewWidget(overview: overview, deck: deck, theme: theme, glyphs: glyphs)
    }
}

/// The overview as drawn: the deck's title and its slides' numbers and titles in cells,
/// the selected one highlighted.
public struct SlideOverviewWidget: Widget {
    let overview: SlideOverview
    let deck: Deck
    let theme: PresenterTheme
    let glyphs: Glyphs

    public func render(in area: Rect, into grid: inout Grid) {
        let layout = SlideOverview.Layout(
            width: area.width, height: area.height, titles: overview.titles)
        let header = "\(deck.title): \(deck.slides.count) slides"
        grid.write(
            header, x: layout.x, y: max(0, layout.top - 2), style: theme.title,
            maxWidth: area.width - layout.x)
        for index in deck.slides.indices {
            let x = layout.x + (layout.columns == 1 ? 0 : index % layout.columns) * layout.cellWidth
            let selected = index == overview.selection
            let style = selected ? theme.selection : theme.text
            for (offset, line) in layout.lines[index].enumerated() {
                let row = layout.span(of: index).lowerBound + offset - overview.scroll
                guard row >= 0, row < layout.rows else { continue }
                let y = layout.top + row
                if selected {
                    grid.fill(
                        Rect(x: x, y: y, width: layout.cellWidth - 1, height: 1), style: style)
                }
                let number = index + 1 < 10 ? " \(index + 1)" : "\(index + 1)"
                let used = grid.write(
                    offset == 0 ? " \(number)  " : "     ", x: x, y: y,
                    style: selected ? style : theme.marker)
                grid.write(
                    TextFit.cut(line, to: layout.cellWidth - used - 1, mark: glyphs.cut),
                    x: x + used, y: y, style: style, maxWidth: layout.cellWidth - used - 1)
            }
        }
    }
}
