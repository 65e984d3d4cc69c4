/// A move through a list or a pane, as the keys of less and vim name them.
public enum Motion: Sendable, Hashable, CaseIterable {
    case lineDown
    case lineUp
    case pageDown
    case pageUp
    case halfPageDown
    case halfPageUp
    case top
    case bottom

    /// The row the motion leads to from `row`, repeated `count` times, in a list whose last
    /// row is `last`; not clamped.
    public func target(from row: Int, count: Int, paging: Paging, last: Int) -> Int {
        let times = max(1, count)
        switch self {
        case .lineDown: return row + times
        case .lineUp: return row - times
        case .pageDown: return row + paging.page * times
        case .pageUp: return row - paging.page * times
        case .halfPageDown: return row + paging.halfPage * times
        case .halfPageUp: return row - paging.halfPage * times
        case .top: return 0
        case .bottom: return last
        }
    }
}

/// How many rows a page and half a page move.
public struct Paging: Sendable, Hashable {
    public var page: Int
    public var halfPage: Int

    public init(page: Int, halfPage: Int) {
        self.page = max(1, page)
        self.halfPage = max(1, halfPage)
    }

    /// A list that shows `visible` rows: a page is a screenful.
    public static func list(visible: Int) -> Paging {
        Paging(page: visible, halfPage: visible / 2)
    }

    /// Text that shows `visible` rows: a page keeps two rows of the last one in sight, as
    /// less does; half a page is half the screen.
    public static func text(visible: Int) -> Paging {
        Paging(page: visible - 2, halfPage: visible / 2)
    }
}

/// Where a list or a pane is scrolled to and which of its rows is selected: the one
/// piece of code that moves a selection, pages, clamps, and keeps the selection in sight,
/// for every list and pane (as ratatui's `ListState`).
///
/// `total` is the number of rows and `visible` how many fit; a pane that only scrolls
/// leaves ``selection`` at 0 and moves ``offset``.
public struct ScrollState: Sendable, Hashable {
    /// The first row shown.
    public var offset: Int
    /// The selected row.
    public var selection: Int

    public init(offset: Int = 0, selection: Int = 0) {
        self.offset = offset
        self.selection = selection
    }

    /// The first row that can be at the top without blank rows after the last one.
    public static func maximumOffset(visible: Int, total: Int) -> Int {
        max(0, total - max(0, visible))
    }

    // MARK: Scrolling

    /// Keeps the offset between the top and the last screenful.
    public mutating func clampOffset(visible: Int, total: Int) {
        offset = min(max(0, offset), ScrollState.maximumOffset(visible: visible, total: total))
    }

    /// Scrolls to show from row `row` on, clamped.
    public mutating func scroll(to row: Int, visible: Int, total: Int) {
        offset = row
        clampOffset(visible: visible, total: total)
    }

    /// Scrolls by a motion, as a pane of text does: the selection does not move.
    public mutating func scroll(
        _ motion: Motion, count: Int = 1, paging: Paging, visible: Int, total: Int
    ) {
        let row = motion.target(from: offset, count: count, paging: paging, last: total)
        scroll(to: row, visible: visible, total: total)
    }

    /// Scrolls as little as possible to show every row of `rows`; the first of them wins
    /// when they do not all fit.
    public mutating func reveal(_ rows: Range<Int>, visible: Int, total: Int) {
        guard visible > 0 else {
            offset = 0
            return
        }
        if rows.upperBound > offset + visible { offset = rows.upperBound - visible }
        if rows.lowerBound < offset { offset = rows.lowerBound }
        clampOffset(visible: visible, total: total)
    }

    /// Shows `row` a third of the way down when it is off screen, with what comes before it
    /// above, as a jump to it lands; leaves the offset alone when it is in sight.
    public mutating func land(on row: Int, visible: Int, total: Int) {
        if row < offset || row >= offset + visible {
            offset = max(0, row - visible / 3)
        }
        clampOffset(visible: visible, total: total)
    }

    // MARK: Selecting

    /// Keeps the selection on a row and in sight, with `above` rows before it shown as
    /// well when it comes into view from below (a heading over the first of a group).
    public mutating func keepVisible(visible: Int, total: Int, above: Int = 0) {
        selection = min(max(0, selection), max(0, total - 1))
        let top = max(0, selection - above)
        if top < offset {
            offset = top
        } else if selection >= offset + visible {
            offset = selection - visible + 1
        }
        clampOffset(visible: visible, total: total)
    }

    /// Selects `row` (clamped to the list) and keeps it in sight.
    public mutating func select(_ row: Int, visible: Int, total: Int, above: Int = 0) {
        selection = row
        keepVisible(visible: visible, total: total, above: above)
    }

    /// Moves the selection by a motion and keeps it in sight.
    public mutating func move(
        _ motion: Motion, count: Int = 1, paging: Paging, visible: Int, total: Int
    ) {
        let row = motion.target(from: selection, count: count, paging: paging, last: total - 1)
        select(row, visible: visible, total: total)
    }
}
