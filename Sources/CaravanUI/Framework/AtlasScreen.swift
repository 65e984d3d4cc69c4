import CaravanContent

/// Where the case studies are: grouped by region (Central Asia, West Asia, South Asia,
/// Southeast Asia, East Asia, Europe, Latin America, China, Global; only those with
/// cases) and by country.
///
/// From about 100x30 the regions are drawn as boxes placed roughly as they lie on a map:
/// Europe top left, Central Asia top centre with South Asia below it, China centre right
/// with Southeast Asia below it, East Asia on the right, Latin America on the far left
/// and Global along the bottom. Smaller screens get a list (region, country, case) with
/// the codes of what each case illustrates.
///
/// Arrow keys and `j`/`k` move between cases (on the map, to the nearest case in that
/// direction; in the list `h`/`l` jump to the previous or next region); Enter opens the
/// case.
public struct AtlasScreen: Sendable {
    let index: FrameworkIndex
    private let regions: [AtlasRegion]
    /// Every case in atlas order: by region, then country.
    private let order: [EntityID]
    private var selectedCase: EntityID?
    private var scroll = 0
    private var viewportWidth = 80
    private var viewportHeight = 24
    /// The layout at the size last given to `resize`, kept so that keys and drawing at
    /// that size do not lay the atlas out again (it only changes with the size).
    private var viewportCache: Layout?

    public init(model: ContentModel) {
        index = FrameworkIndex(model: model)
        regions = AtlasRegion.regions(of: index)
        order = regions.flatMap(\.cases).map(\.id)
        selectedCase = order.first
        viewportCache = layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
    }

    /// The selected case: what Enter opens.
    public var selection: EntityID? { selectedCase }

    /// Whether an area of this size shows the map rather than the list.
    public func showsMap(width: Int, height: Int) -> Bool {
        layout(width: width, height: height, glyphs: .unicode).isMap
    }

    /// Tells the screen the size it is drawn at, so moves and scrolling match what is
    /// shown. Call it when the screen opens and on every resize.
    public mutating func resize(width: Int, height: Int) {
        viewportWidth = max(0, width)
        viewportHeight = max(0, height)
        viewportCache = layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
        keepSelectionVisible(in: viewportLayout)
    }

    public mutating func handle(_ key: Key) -> ScreenOutcome {
        let layout = viewportLayout
        switch key {
        case .up, .character("k"):
            if layout.isMap { move(.up, in: layout) } else { step(by: -1) }
        case .down, .character("j"):
            if layout.isMap { move(.down, in: layout) } else { step(by: 1) }
        case .left, .character("h"):
            if layout.isMap { move(.left, in: layout) } else { jumpRegion(by: -1) }
        case .right, .character("l"):
            if layout.isMap { move(.right, in: layout) } else { jumpRegion(by: 1) }
        case .tab: step(by: 1)
        case .backTab: step(by: -1)
        case .pageUp, .character("b"): page(by: -1, in: layout)
        case .pageDown, .character(" "): page(by: 1, in: layout)
        case .home, .character("g"): selectedCase = order.first
        case .end, .character("G"): selectedCase = order.last
        case .enter:
            if let selection { return .open(selection) }
            return .handled
        case .escape, .backspace, .character("q"):
            return .close
        default:
            return .ignored
        }
        keepSelectionVisible(in: layout)
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
            slot: currentSlot(in: frame.canvas), scroll: scroll,
            emptyMessage: order.isEmpty ? "No case studies in this content." : nil,
            into: &grid, area: area, theme: theme, glyphs: glyphs)
    }

    /// The atlas as text, every line at most `width` columns, in ASCII: the map from 100
    /// columns, the list below that; then each case's place and what it illustrates.
    public func plainText(width: Int) -> String {
        let width = min(max(1, width), Grid.maximumDimension)
        let glyphs = Glyphs.ascii
        var lines = TextFit.wrap(title, width: width)
        lines.append("")
        let map =
            width >= AtlasLayout.mapMinimumWidth
            ? AtlasLayout.map(
                regions, index: index, width: width, height: nil, wraps: true, glyphs: glyphs)
            : nil
        let canvas =
            map
            ?? AtlasLayout.list(regions, index: index, width: width, wraps: true, glyphs: glyphs)
        lines += canvas.plainLines()
        return lines.joined(separator: "\n")
    }

    // MARK: Layout

    private var title: String {
        "Atlas: \(ScreenChrome.count(order.count, "case")) in "
            + "\(ScreenChrome.count(regions.count, "region"))"
    }

    /// Where the title, body and detail go, and the map or list laid out for the body.
    private struct Layout: Sendable {
        var width: Int
        var height: Int
        var glyphs: Glyphs
        var chrome: ScreenChrome
        var canvas: Canvas<EntityID>
        var isMap: Bool
    }

    private func layout(width: Int, height: Int, glyphs: Glyphs) -> Layout {
        if let cached = viewportCache, cached.width == width, cached.height == height,
            cached.glyphs == glyphs
        {
            return cached
        }
        let details = index.cases.map { index.detail(of: $0, glyphs: glyphs) }
        let detailRows = ScreenChrome.detailRows(for: details, width: width, limit: 6)
        let chrome = ScreenChrome(area: Rect(width: width, height: height), detailRows: detailRows)
        if width >= AtlasLayout.mapMinimumWidth && height >= AtlasLayout.mapMinimumHeight {
            for wraps in [true, false] {
                if let map = AtlasLayout.map(
                    regions, index: index, width: width, height: chrome.body.height, wraps: wraps,
                    glyphs: glyphs), map.height <= chrome.body.height
                {
                    return Layout(
                        width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: map,
                        isMap: true)
                }
            }
        }
        let list = AtlasLayout.list(
            regions, index: index, width: width, wraps: false, glyphs: glyphs)
        return Layout(
            width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: list,
            isMap: false)
    }

    private var viewportLayout: Layout {
        layout(width: viewportWidth, height: viewportHeight, glyphs: .unicode)
    }

    private func currentSlot(in canvas: Canvas<EntityID>) -> CanvasSlot<EntityID>? {
        if let selectedCase, let slot = canvas.slot(for: selectedCase) { return slot }
        return canvas.slots.first
    }

    private mutating func move(_ direction: SpatialNavigation.Direction, in layout: Layout) {
        guard let current = currentSlot(in: layout.canvas) else { return }
        if let next = SpatialNavigation.next(
            from: current.rect, among: layout.canvas.slots.map(\.rect), direction: direction)
        {
            selectedCase = layout.canvas.slots[next].key
        }
    }

    private mutating func step(by offset: Int) {
        guard !order.isEmpty else { return }
        let position = selectedCase.flatMap { order.firstIndex(of: $0) } ?? 0
        selectedCase = order[min(max(0, position + offset), order.count - 1)]
    }

    private mutating func jumpRegion(by offset: Int) {
        let position =
            regions.firstIndex { region in
                region.cases.contains { $0.id == selectedCase }
            } ?? 0
        let target = min(max(0, position + offset), regions.count - 1)
        guard regions.indices.contains(target), let first = regions[target].cases.first else {
            return
        }
        selectedCase = first.id
    }

    /// Moves about a screenful up or down: to the case nearest that many rows away.
    private mutating func page(by direction: Int, in layout: Layout) {
        guard let current = currentSlot(in: layout.canvas) else { return }
        let target = current.rect.y + direction * max(1, layout.chrome.body.height - 1)
        let candidates = layout.canvas.slots.filter { slot in
            direction > 0 ? slot.rect.y > current.rect.y : slot.rect.y < current.rect.y
        }
        let best = candidates.min { a, b in
            (abs(a.rect.y - target), abs(a.rect.x - current.rect.x))
                < (abs(b.rect.y - target), abs(b.rect.x - current.rect.x))
        }
        if let best { selectedCase = best.key }
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
