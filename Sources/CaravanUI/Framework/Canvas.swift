import CaravanContent

/// What the bottom of a screen says about the selected item: a title and a longer text.
struct SelectionDetail: Sendable, Hashable {
    var title: String
    var text: String
}

/// A selectable place on a canvas: what it opens, where it is, what the detail line says.
struct CanvasSlot<SlotKey: CanvasSlotKey>: Sendable {
    var key: SlotKey
    var rect: Rect
    var detail: SelectionDetail

    /// The entity Enter opens.
    var id: EntityID { key.entity }
}

/// A screen's content laid out before it is shown: as wide as the screen's area and as
/// tall as it needs. The screen then shows the rows that fit, scrolled to the selection;
/// plain text shows all of them.
///
/// Drawing is recorded, not done, so a layout can be measured, tried at several levels of
/// detail, and drawn with any theme and line characters.
struct Canvas<SlotKey: CanvasSlotKey>: Sendable {
    enum Paint: Sendable {
        case text(String, x: Int, y: Int, width: Int, role: Role)
        case box(Rect, role: Role)
        /// A horizontal line across a box, joined to its sides: `├────┤`.
        case divider(x: Int, y: Int, width: Int, role: Role)
        /// A plain horizontal line: `─────`.
        case rule(x: Int, y: Int, width: Int, role: Role)
    }

    let width: Int
    private(set) var paints: [Paint] = []
    private(set) var slots: [CanvasSlot<SlotKey>] = []
    /// The rows used so far.
    private(set) var height = 0

    init(width: Int) {
        self.width = max(0, width)
    }

    mutating func text(_ text: String, x: Int, y: Int, width: Int, role: Role = .text) {
        guard width > 0, !text.isEmpty else { return }
        paints.append(.text(text, x: x, y: y, width: width, role: role))
        height = max(height, y + 1)
    }

    mutating func box(_ rect: Rect, role: Role = .border) {
        guard !rect.isEmpty else { return }
        paints.append(.box(rect, role: role))
        height = max(height, rect.maxY)
    }

    /// A box drawn beneath everything recorded so far, for a frame whose size is known
    /// only once its contents are laid out.
    mutating func boxBeneath(_ rect: Rect, role: Role = .border) {
        guard !rect.isEmpty else { return }
        paints.insert(.box(rect, role: role), at: 0)
        height = max(height, rect.maxY)
    }

    mutating func divider(x: Int, y: Int, width: Int, role: Role = .border) {
        guard width > 0 else { return }
        paints.append(.divider(x: x, y: y, width: width, role: role))
        height = max(height, y + 1)
    }

    mutating func rule(x: Int, y: Int, width: Int, role: Role = .border) {
        guard width > 0 else { return }
        paints.append(.rule(x: x, y: y, width: width, role: role))
        height = max(height, y + 1)
    }

    mutating func slot(_ key: SlotKey, rect: Rect, detail: SelectionDetail) {
        slots.append(CanvasSlot(key: key, rect: rect, detail: detail))
        height = max(height, rect.maxY)
    }

    /// Keeps at least `rows` rows, blank ones included.
    mutating func reserve(rows: Int) {
        height = max(height, rows)
    }

    func slot(for key: SlotKey) -> CanvasSlot<SlotKey>? {
        slots.first { $0.key == key }
    }

    /// The whole canvas as text lines, with ASCII lines and no highlight.
    func plainLines() -> [String] {
        var grid = Grid(width: width, height: height)
        CanvasRows(canvas: self, top: 0, selected: nil, theme: .monochrome, chars: .ascii)
            .render(in: grid.bounds, into: &grid)
        return grid.textLines()
    }
}

/// A canvas as drawn: its rows from `top` on, from the area's first row, with the
/// selected slot highlighted.
struct CanvasRows<SlotKey: CanvasSlotKey>: Widget {
    let canvas: Canvas<SlotKey>
    let top: Int
    let selected: SlotKey?
    let theme: Theme
    let chars: BoxChars

    func render(in area: Rect, into target: inout Grid) {
        // Drawn on a grid of the area's size, so nothing spills out of it.
        var grid = Grid(width: area.width, height: area.height)
        grid.fill(grid.bounds, style: theme[.text])
        for paint in canvas.paints {
            switch paint {
            case .text(let text, let x, let y, let width, let role):
                grid.write(text, x: x, y: y - top, style: theme[role], maxWidth: width)
            case .box(let rect, let role):
                var shifted = rect
                shifted.y -= top
                grid.drawBox(shifted, chars: chars, style: theme[role])
            case .divider(let x, let y, let width, let role):
                let inner = String(repeating: chars.horizontal, count: max(0, width - 2))
                let line =
                    width >= 2
                    ? String(chars.teeRight) + inner + String(chars.teeLeft)
                    : String(chars.horizontal)
                grid.write(line, x: x, y: y - top, style: theme[role], maxWidth: width)
            case .rule(let x, let y, let width, let role):
                let line = String(repeating: chars.horizontal, count: width)
                grid.write(line, x: x, y: y - top, style: theme[role], maxWidth: width)
            }
        }
        if let selected, let slot = canvas.slot(for: selected) {
            var rect = slot.rect
            rect.y -= top
            let style = theme[.selection]
            grid.restyle(rect) { $0 = style }
        }
        target.blit(grid, x: area.x, y: area.y)
    }
}
