import CNcursesw
import CaravanUI

/// Drawing: each frame is compared with what the terminal shows, and only what changed
/// is handed to ncurses.
extension TerminalSession {
    /// Shows a frame, writing only the cells that differ from what the
    /// terminal shows; an identical frame writes nothing at all. A grid of
    /// another size is clipped or padded to the terminal.
    public func draw(_ frame: Frame) {
        guard isOpen else { return }
        let (width, height) = size
        var grid = frame.grid
        if grid.width != width || grid.height != height {
            var fitted = Grid(width: width, height: height)
            fitted.blit(grid, x: 0, y: 0)
            grid = fitted
        }
        var cursor: Int?
        if let position = frame.cursor, position.x >= 0, position.x < width, position.y >= 0,
            position.y < height
        {
            cursor = position.y * width + position.x
        }
        let gridChanged = shown != grid
        guard gridChanged || cursor != shownCursor || shown == nil else { return }

        let window = caravan_stdscr()
        if gridChanged {
            paintDifferences(grid, previous: shown, in: window)
        }
        if let cursor {
            setCursor(visible: true)
            leaveok(window, false)
            wmove(window, Int32(cursor / max(1, width)), Int32(cursor % max(1, width)))
        } else {
            // A hidden cursor can stay wherever the update leaves it.
            setCursor(visible: false)
            leaveok(window, true)
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid
        shownCursor = cursor
    }

    /// Paints each row that has a changed cell, whole; ncurses then compares
    /// it with what the terminal shows and sends only what differs. Whole rows
    /// keep each painted row a function of its own cells (a space's attributes
    /// follow a neighbour's, see ``CellPainter/paintRow(_:in:)``),
    /// so a row that moved up or down matches its old copy and ncurses can
    /// scroll it rather than rewrite it.
    private func paintDifferences(
        _ grid: Grid, previous: Grid?, in window: UnsafeMutablePointer<WINDOW>?
    ) {
        let cells = grid.cells
        let before = previous?.cells
        for y in 0..<grid.height {
            let rowStart = y * grid.width
            let row = rowStart..<rowStart + grid.width
            if let before, before[row] == cells[row] { continue }
            wmove(window, Int32(y), 0)
            painter.paintRow(cells[row], in: window)
        }
    }

    /// Rings the terminal bell.
    public func bell() {
        guard isOpen else { return }
        beep()
    }

    func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    /// Forgets what the terminal shows, so the next frame is drawn in full.
    func invalidate() {
        shown = nil
        shownCursor = nil
        cursorVisible = nil
        clearok(caravan_curscr(), true)
    }
}
