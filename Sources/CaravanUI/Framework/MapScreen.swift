import CaravanContent

/// The framework at a glance: the three connotations as boxes, each with its field and
/// lever and its mechanisms (sub-mechanisms indented) and how many cases illustrate
/// each, then how every connotation ties to the five links and the other concepts and
/// to the sections of the realization path.
///
/// Arrow keys and `h j k l` move the selection to the nearest item in that direction,
/// `Tab` and `S-Tab` through the items in order; Enter opens the selection. The full
/// title and text of the selection are shown at the bottom. The map fits 80x24 with every
/// item on screen; larger screens get wrapped titles, summaries and the ties' notes.
public struct MapScreen: Sendable {
    let index: FrameworkIndex
    private var selectedKey: MapSlotKey?
    private var scroll = 0
    private var viewportWidth = 80
    private var viewportHeight = 24
    /// The layout at the size last given to `resize`, kept so that keys and drawing at
    /// that size do not lay the map out again (it only changes with the size).
    private var viewportCache: Layout?

    /// One item a line, without boxes: for screen readers.
    public let isLinear: Bool

    public init(model: ContentModel, linear: Bool = false) {
        index = FrameworkIndex(model: model)
        isLinear = linear
        selectedKey = index.connotations.first.map { .connotation($0.id) }
        viewportCache = layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
    }

    /// The entity Enter opens.
    public var selection: EntityID? { selectedKey?.id }

    /// Tells the screen the size it is drawn at, so that moves and scrolling match what is
    /// shown. Call it when the screen opens and on every resize.
    public mutating func resize(width: Int, height: Int) {
        viewportWidth = max(0, width)
        viewportHeight = max(0, height)
        viewportCache = layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
        keepSelectionVisible()
    }

    public mutating func handle(_ key: Key) -> ScreenOutcome {
        switch key {
        case .up, .character("k"): move(.up)
        case .down, .character("j"): move(.down)
        case .left, .character("h"): move(.left)
        case .right, .character("l"): move(.right)
        case .tab: step(by: 1)
        case .backTab: step(by: -1)
        case .home, .character("g"): selectSlot(at: 0)
        case .end, .character("G"): selectSlot(at: Int.max)
        case .enter:
            if let selection { return .open(selection) }
        case .escape, .backspace, .character("q"):
            return .close
        default:
            return .ignored
        }
        return .handled
    }

    public func render(
        into grid: inout Grid, in rect: Rect, theme: Theme, capabilities: Capabilities
    ) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        let glyphs = capabilities.glyphs
        let frame = layout(width: area.width, height: area.height, glyphs: glyphs)
        ScreenChrome.renderCanvasScreen(
            title: title, chrome: frame.chrome, canvas: frame.canvas,
            slot: currentSlot(in: frame.canvas), scroll: scroll, emptyMessage: nil,
            into: &grid, area: area, theme: theme, glyphs: glyphs, rule: !isLinear)
    }

    /// Where the selected item is drawn in `rect`, for the terminal's cursor.
    public func selectionCursor(in rect: Rect) -> (x: Int, y: Int)? {
        let frame = layout(width: rect.width, height: rect.height, glyphs: .unicode)
        guard let slot = currentSlot(in: frame.canvas) else { return nil }
        let body = frame.chrome.body
        var top = ScreenChrome.scroll(
            scroll, toShow: slot.rect, visible: body.height, total: frame.canvas.height)
        top = min(max(0, top), max(0, frame.canvas.height - body.height))
        let y = slot.rect.y - top
        guard y >= 0, y < body.height else { return nil }
        return (rect.x + body.x + slot.rect.x, rect.y + body.y + y)
    }

    /// The whole map as text, every line at most `width` columns, with ASCII lines and
    /// symbols: the richest layout, wrapped, with every note written out.
    public func plainText(width: Int) -> String {
        let width = min(max(1, width), Grid.maximumDimension)
        let glyphs = Glyphs.ascii
        let canvas = MapLayout.canvas(index, width: width, height: nil, glyphs: glyphs)
        var lines = TextFit.wrap(title, width: width)
        lines.append("")
        lines += canvas.plainLines()
        lines.append("")
        lines += TextFit.wrap(
            "Numbers count the cases that illustrate each mechanism; a connotation counts "
                + "every case that illustrates it or any of its mechanisms.", width: width)
        return lines.joined(separator: "\n")
    }

    // MARK: Layout

    private var title: String {
        "Framework map: \(ScreenChrome.count(index.connotations.count, "connotation")), "
            + "\(ScreenChrome.count(index.mechanismCount, "mechanism")), "
            + "\(ScreenChrome.count(index.cases.count, "case")) (numbers: cases)"
    }

    /// Where the title, body and detail go, and the map laid out for the body.
    private struct Layout: Sendable {
        var width: Int
        var height: Int
        var glyphs: Glyphs
        var chrome: ScreenChrome
        var canvas: Canvas<MapSlotKey>
    }

    private func layout(width: Int, height: Int, glyphs: Glyphs) -> Layout {
        if let cached = viewportCache, cached.width == width, cached.height == height,
            cached.glyphs == glyphs
        {
            return cached
        }
        let details = MapLayout.details(index, glyphs: glyphs)
        let detailRows = ScreenChrome.detailRows(for: details, width: width, limit: 8)
        let chrome = ScreenChrome(
            area: Rect(width: width, height: height), detailRows: detailRows)
        let canvas =
            isLinear
            ? MapLayout.linearCanvas(index, width: width, glyphs: glyphs)
            : MapLayout.canvas(index, width: width, height: chrome.body.height, glyphs: glyphs)
        return Layout(width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: canvas)
    }

    /// The layout at the size the screen was last told, for moving and scrolling.
    private var viewportLayout: Layout {
        layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
    }

    /// The selected slot, or the first showing the same entity when this layout lacks it
    /// (a column header on a narrow screen, say), or the first slot.
    private func currentSlot(in canvas: Canvas<MapSlotKey>) -> CanvasSlot<MapSlotKey>? {
        if let key = selectedKey {
            if let slot = canvas.slot(for: key) { return slot }
            if let slot = canvas.slots.first(where: { $0.id == key.id }) { return slot }
        }
        return canvas.slots.first
    }

    private mutating func move(_ direction: SpatialNavigation.Direction) {
        let layout = viewportLayout
        let canvas = layout.canvas
        guard let current = currentSlot(in: canvas) else { return }
        selectedKey = current.key
        if let next = SpatialNavigation.next(
            from: current.rect, among: canvas.slots.map(\.rect), direction: direction)
        {
            selectedKey = canvas.slots[next].key
        }
        keepSelectionVisible(in: layout)
    }

    private mutating func step(by offset: Int) {
        let layout = viewportLayout
        let canvas = layout.canvas
        guard !canvas.slots.isEmpty else { return }
        let position =
            currentSlot(in: canvas).flatMap { slot in
                canvas.slots.firstIndex { $0.key == slot.key }
            } ?? 0
        let count = canvas.slots.count
        selectedKey = canvas.slots[((position + offset) % count + count) % count].key
        keepSelectionVisible(in: layout)
    }

    private mutating func selectSlot(at position: Int) {
        let layout = viewportLayout
        let canvas = layout.canvas
        guard !canvas.slots.isEmpty else { return }
        selectedKey = canvas.slots[min(max(0, position), canvas.slots.count - 1)].key
        keepSelectionVisible(in: layout)
    }

    private mutating func keepSelectionVisible() {
        keepSelectionVisible(in: viewportLayout)
    }

    private mutating func keepSelectionVisible(in layout: Layout) {
        guard let slot = currentSlot(in: layout.canvas) else {
            scroll = 0
            return
        }
        scroll = ScreenChrome.scroll(
            scroll, toShow: slot.rect, visible: layout.chrome.body.height,
            total: layout.canvas.height)
    }
}
