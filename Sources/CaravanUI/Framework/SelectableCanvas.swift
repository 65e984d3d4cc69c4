import CaravanContent

/// What a canvas's slots are keyed by; each knows the entity it opens.
protocol CanvasSlotKey: Hashable, Sendable {
    var entity: EntityID { get }
}

extension EntityID: CanvasSlotKey {
    var entity: EntityID { self }
}

/// What lays a view out on a canvas for a size: the map's boxes, the atlas's regions.
protocol CanvasArrangement: Sendable {
    associatedtype SlotKey: CanvasSlotKey
    func arrange(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<SlotKey>
}

/// A canvas laid out for an area, with where the title, the body and the detail go.
struct CanvasLayout<SlotKey: CanvasSlotKey>: Sendable {
    var width: Int
    var height: Int
    var glyphs: Glyphs
    var chrome: ScreenChrome
    var canvas: Canvas<SlotKey>
    /// Whether the moves go to the nearest item on screen, as on a map; a list steps
    /// through its items in order instead.
    var isSpatial = true
}

/// A view laid out on a canvas (the map, the atlas): the layout at the size the view is
/// shown at, the selected slot, and the scroll that keeps it in sight. The views keep
/// one and say which of its moves each action makes.
struct SelectableCanvas<Arrangement: CanvasArrangement>: Sendable, Equatable {
    typealias SlotKey = Arrangement.SlotKey

    let arrangement: Arrangement
    /// The selected slot's key.
    private(set) var selected: SlotKey?
    private var scroll = ScrollState()
    private var width = 80
    private var height = 24
    /// The layout at the size last told, so that keys and drawing at that size do not lay
    /// the canvas out again (it changes only with the size).
    private var cached: CanvasLayout<SlotKey>?

    /// Two canvases of a view are equal when the selection, the scroll and the size are:
    /// the arrangement is the model's, and the layout follows from it and the size.
    static func == (lhs: SelectableCanvas, rhs: SelectableCanvas) -> Bool {
        lhs.selected == rhs.selected && lhs.scroll == rhs.scroll && lhs.width == rhs.width
            && lhs.height == rhs.height
    }

    init(_ arrangement: Arrangement, selected: SlotKey?) {
        self.arrangement = arrangement
        self.selected = selected
        cached = arrangement.arrange(width: width, height: height, glyphs: .unicode)
    }

    /// The layout for an area, from the cache when it is the size last told.
    func layout(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<SlotKey> {
        if let cached, cached.width == width, cached.height == height, cached.glyphs == glyphs {
            return cached
        }
        return arrangement.arrange(width: width, height: height, glyphs: glyphs)
    }

    /// The layout at the size last told, which moves and scrolling follow.
    var current: CanvasLayout<SlotKey> { layout(width: width, height: height, glyphs: .unicode) }

    mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cached = arrangement.arrange(width: self.width, height: self.height, glyphs: .unicode)
        keepVisible()
    }

    // MARK: Moving

    /// Selects a slot and brings it into sight.
    mutating func select(_ key: SlotKey?) {
        selected = key
        keepVisible()
    }

    /// To the nearest slot in a direction, as it is drawn.
    mutating func move(_ direction: SpatialNavigation.Direction) {
        let canvas = current.canvas
        guard let slot = selectedSlot(in: canvas) else { return }
        var next = slot.key
        if let index = SpatialNavigation.next(
            from: slot.rect, among: canvas.slots.map(\.rect), direction: direction)
        {
            next = canvas.slots[index].key
        }
        select(next)
    }

    /// Through the slots in the order they were laid out, round from the last to the first.
    mutating func step(by offset: Int) {
        let slots = current.canvas.slots
        guard !slots.isEmpty else { return }
        let position =
            selectedSlot(in: current.canvas).flatMap { slot in
                slots.firstIndex { $0.key == slot.key }
            } ?? 0
        select(slots[((position + offset) % slots.count + slots.count) % slots.count].key)
    }

    /// The slot at a position in layout order, clamped: 0 for the first, `Int.max` for the
    /// last.
    mutating func selectSlot(at position: Int) {
        let slots = current.canvas.slots
        guard !slots.isEmpty else { return }
        select(slots[min(max(0, position), slots.count - 1)].key)
    }

    /// About a screenful up (`-1`) or down (`1`): to the slot nearest that many rows away.
    mutating func page(by direction: Int) {
        let layout = current
        guard let slot = selectedSlot(in: layout.canvas) else { return }
        let target = slot.rect.y + direction * max(1, layout.chrome.body.height - 1)
        let candidates = layout.canvas.slots.filter { other in
            direction > 0 ? other.rect.y > slot.rect.y : other.rect.y < slot.rect.y
        }
        /// How far a slot is from where a screenful lands: rows first, then columns.
        func distance(_ other: CanvasSlot<SlotKey>) -> (Int, Int) {
            (abs(other.rect.y - target), abs(other.rect.x - slot.rect.x))
        }
        if let best = candidates.min(by: { distance($0) < distance($1) }) { select(best.key) }
    }

    private mutating func keepVisible() {
        let layout = current
        guard let slot = selectedSlot(in: layout.canvas) else {
            scroll = ScrollState()
            return
        }
        scroll.reveal(
            slot.rect.y..<slot.rect.maxY, visible: layout.chrome.body.height,
            total: layout.canvas.height)
    }

    // MARK: Drawing

    /// The selected slot, or the first showing the same entity when this layout lacks it
    /// (a column header on a narrow screen, say), or the first slot.
    func selectedSlot(in canvas: Canvas<SlotKey>) -> CanvasSlot<SlotKey>? {
        if let selected {
            if let slot = canvas.slot(for: selected) { return slot }
            if let slot = canvas.slots.first(where: { $0.id == selected.entity }) { return slot }
        }
        return canvas.slots.first
    }

    /// The first canvas row shown in a body `visible` rows high: the selection in sight.
    func top(of layout: CanvasLayout<SlotKey>) -> Int {
        var rows = scroll
        if let slot = selectedSlot(in: layout.canvas) {
            rows.reveal(
                slot.rect.y..<slot.rect.maxY, visible: layout.chrome.body.height,
                total: layout.canvas.height)
        }
        rows.clampOffset(visible: layout.chrome.body.height, total: layout.canvas.height)
        return rows.offset
    }

    /// Where the selected slot is drawn in `area`, for the terminal's cursor.
    func selectionCursor(in area: Rect) -> (x: Int, y: Int)? {
        let layout = layout(width: area.width, height: area.height, glyphs: .unicode)
        guard let slot = selectedSlot(in: layout.canvas) else { return nil }
        let body = layout.chrome.body
        let y = slot.rect.y - top(of: layout)
        guard y >= 0, y < body.height else { return nil }
        return (area.x + body.x + slot.rect.x, area.y + body.y + y)
    }

    /// The view drawn: its title, the canvas scrolled to the selection, and the selection's
    /// detail below with the keys' hints; `rule` puts a line above the detail.
    func widget(title: String, emptyMessage: String?, rule: Bool, look: ViewLook)
        -> CanvasScreenWidget<Arrangement>
    {
        CanvasScreenWidget(
            screen: self, title: title, emptyMessage: emptyMessage, rule: rule, look: look)
    }
}

/// A view on a canvas as drawn: the title, the canvas rows that fit scrolled to keep the
/// selection in sight, and the selection's detail.
struct CanvasScreenWidget<Arrangement: CanvasArrangement>: Widget {
    let screen: SelectableCanvas<Arrangement>
    let title: String
    let emptyMessage: String?
    let rule: Bool
    let look: ViewLook

    func render(in rect: Rect, into grid: inout Grid) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let layout = screen.layout(width: area.width, height: area.height, glyphs: look.glyphs)
        let chrome = layout.chrome
        let slot = screen.selectedSlot(in: layout.canvas)
        var local = Grid(width: area.width, height: area.height)
        local.fill(local.bounds, style: look.theme[.text])
        TitleRow(text: title, hints: "", look: look).render(in: chrome.title, into: &local)
        CanvasRows(
            canvas: layout.canvas, top: screen.top(of: layout), selected: slot?.key,
            theme: look.theme, chars: look.glyphs.box
        )
        .render(in: chrome.body, into: &local)
        if let emptyMessage, !chrome.body.isEmpty {
            local.write(
                emptyMessage, x: chrome.body.x, y: chrome.body.y, style: look.theme[.dim],
                maxWidth: chrome.body.width)
        }
        // Without a rule, the rule's row stays blank between the body and the detail.
        let detail = rule || chrome.detail.height < 2 ? chrome.detail : chrome.detail.inset(top: 1)
        DetailPanel(
            detail: slot?.detail, rule: rule,
            hints: look.hints.text([.open, .close], withMoves: true), look: look
        )
        .render(in: detail, into: &local)
        grid.blit(local, x: area.x, y: area.y)
    }
}
