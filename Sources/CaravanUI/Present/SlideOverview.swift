import CaravanContent

/// The overview: every slide's number and title in a grid of cells, read left to right,
/// with one selected.
public struct SlideOverview: Sendable, Hashable {
    public var selection: Int
    /// The first row of cells shown.
    public var scroll: Int = 0

    public init(selection: Int) {
        self.selection = selection
    }

    /// Where the cells go on a screen.
    struct Layout {
        let x: Int
        let top: Int
        let columns: Int
        let cellWidth: Int
        let rows: Int

        init(width: Int, height: Int) {
            let geometry = SlideGeometry(width: width, height: height)
            x = geometry.textX
            top = geometry.topMargin + 2
            columns = max(1, geometry.textWidth / 30)
            cellWidth = max(1, geometry.textWidth / columns)
            rows = max(1, geometry.markerRow - top)
        }
    }

    /// Moves the selection by `step` cells, staying within `count`, and keeps it visible.
    public mutating func move(by step: Int, count: Int, width: Int, height: Int) {
        selection = min(max(0, selection + step), max(0, count - 1))
        reveal(width: width, height: height)
    }

    /// Cells in a row on this screen: Up and Down move by this many.
    public static func columns(width: Int, height: Int) -> Int {
        Layout(width: width, height: height).columns
    }

    public mutating func reveal(width: Int, height: Int) {
        let layout = Layout(width: width, height: height)
        let row = selection / layout.columns
        if row < scroll { scroll = row }
        if row >= scroll + layout.rows { scroll = row - layout.rows + 1 }
        scroll = max(0, scroll)
    }

    /// The overview of a deck as drawn.
    public func widget(_ deck: Deck, theme: PresenterTheme, glyphs: Glyphs) -> SlideOverviewWidget {
        SlideOverviewWidget(overview: self, deck: deck, theme: theme, glyphs: glyphs)
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
        let layout = SlideOverview.Layout(width: area.width, height: area.height)
        let header = "\(deck.title): \(deck.slides.count) slides"
        grid.write(
            header, x: layout.x, y: max(0, layout.top - 2), style: theme.title,
            maxWidth: area.width - layout.x)
        for (index, slide) in deck.slides.enumerated() {
            let row = index / layout.columns - overview.scroll
            guard row >= 0, row < layout.rows else { continue }
            let x = layout.x + (index % layout.columns) * layout.cellWidth
            let y = layout.top + row
            let number = index + 1 < 10 ? " \(index + 1)" : "\(index + 1)"
            let style = index == overview.selection ? theme.selection : theme.text
            if index == overview.selection {
                grid.fill(Rect(x: x, y: y, width: layout.cellWidth - 1, height: 1), style: style)
            }
            let used = grid.write(
                " \(number)  ", x: x, y: y,
                style: index == overview.selection ? style : theme.marker)
            grid.write(
                TextFit.cut(slide.title, to: layout.cellWidth - used - 2, mark: glyphs.cut),
                x: x + used,
                y: y,
                style: style, maxWidth: layout.cellWidth - used - 1)
        }
    }
}
