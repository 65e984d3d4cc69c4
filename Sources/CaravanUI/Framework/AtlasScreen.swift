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
/// The moves go between cases: on the map to the nearest case in that direction; in the
/// list up and down through the cases, left and right to the previous or next region.
/// Enter opens the case.
public struct AtlasScreen: FrameworkView {
    private var screen: SelectableCanvas<AtlasArrangement>
    /// Every case in atlas order: by region, then country.
    private let order: [EntityID]

    public init(model: ContentModel) {
        let index = FrameworkIndex(model: model)
        let regions = AtlasRegion.regions(of: index)
        order = regions.flatMap(\.cases).map(\.id)
        screen = SelectableCanvas(
            AtlasArrangement(index: index, regions: regions), selected: order.first)
    }

    public var kind: FrameworkViewKind { .atlas }
    var index: FrameworkIndex { screen.arrangement.index }
    private var regions: [AtlasRegion] { screen.arrangement.regions }

    /// The selected case: what Enter opens.
    public var selection: EntityID? { screen.selected }

    /// Whether an area of this size shows the map rather than the list.
    public func showsMap(width: Int, height: Int) -> Bool {
        screen.layout(width: width, height: height, glyphs: .unicode).isSpatial
    }

    public mutating func resize(width: Int, height: Int) {
        screen.resize(width: width, height: height)
    }

    public mutating func perform(_ action: ViewAction) -> ScreenOutcome {
        let isMap = screen.current.isSpatial
        switch action {
        case .moveUp:
            if isMap { screen.move(.up) } else { step(by: -1) }
        case .moveDown:
            if isMap { screen.move(.down) } else { step(by: 1) }
        case .moveLeft:
            if isMap { screen.move(.left) } else { jumpRegion(by: -1) }
        case .moveRight:
            if isMap { screen.move(.right) } else { jumpRegion(by: 1) }
        case .next: step(by: 1)
        case .previous: step(by: -1)
        case .pageUp: screen.page(by: -1)
        case .pageDown: screen.page(by: 1)
        case .first: screen.select(order.first)
        case .last: screen.select(order.last)
        case .open:
            if let selection { return .open(selection) }
        case .close:
            return .close
        default:
            // Another view's action (the matrix's filters): the explorer's for the key.
            return .ignored
        }
        return .handled
    }

    public func widget(_ look: ViewLook) -> any Widget {
        screen.widget(
            title: title, emptyMessage: order.isEmpty ? "No case studies in this content." : nil,
            rule: true, look: look)
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

    private var title: String {
        "Atlas: \(ScreenChrome.count(order.count, "case")) in "
            + "\(ScreenChrome.count(regions.count, "region"))"
    }

    /// Through the cases in atlas order, stopping at the first and the last.
    private mutating func step(by offset: Int) {
        guard !order.isEmpty else { return }
        let position = selection.flatMap { order.firstIndex(of: $0) } ?? 0
        screen.select(order[min(max(0, position + offset), order.count - 1)])
    }

    private mutating func jumpRegion(by offset: Int) {
        let position =
            regions.firstIndex { region in
                region.cases.contains { $0.id == selection }
            } ?? 0
        let target = min(max(0, position + offset), regions.count - 1)
        guard regions.indices.contains(target), let first = regions[target].cases.first else {
            return
        }
        screen.select(first.id)
    }
}

/// Lays the atlas out for a size: the map of regions where it fits, else the list.
struct AtlasArrangement: CanvasArrangement {
    let index: FrameworkIndex
    let regions: [AtlasRegion]

    func arrange(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<EntityID> {
        let details = index.cases.map { index.detail(of: $0, glyphs: glyphs) }
        let detailRows = ScreenChrome.detailRows(for: details, width: width, limit: 6)
        let chrome = ScreenChrome(area: Rect(width: width, height: height), detailRows: detailRows)
        if width >= AtlasLayout.mapMinimumWidth && height >= AtlasLayout.mapMinimumHeight {
            for wraps in [true, false] {
                if let map = AtlasLayout.map(
                    regions, index: index, width: width, height: chrome.body.height, wraps: wraps,
                    glyphs: glyphs), map.height <= chrome.body.height
                {
                    return CanvasLayout(
                        width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: map)
                }
            }
        }
        let list = AtlasLayout.list(
            regions, index: index, width: width, wraps: false, glyphs: glyphs)
        return CanvasLayout(
            width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: list,
            isSpatial: false)
    }
}
