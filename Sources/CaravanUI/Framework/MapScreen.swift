import CaravanContent

/// The framework at a glance: the three connotations as boxes, each with its field and
/// lever and its mechanisms (sub-mechanisms indented) and how many cases illustrate
/// each, then how every connotation ties to the five links and the other concepts and
/// to the sections of the realization path.
///
/// The moves go to the nearest item in that direction (arrows and `h j k l`), or through
/// the items in order (Tab and S-Tab), or a screenful up or down; Enter opens the
/// selection. The full title and text of the selection are shown at the bottom. The map
/// fits 80x24 with every item on screen; larger screens get wrapped titles, summaries and
/// the ties' notes.
public struct MapScreen: FrameworkView {
    private var screen: SelectableCanvas<MapArrangement>

    public init(model: ContentModel, linear: Bool = false) {
        let index = FrameworkIndex(model: model)
        screen = SelectableCanvas(
            MapArrangement(index: index, isLinear: linear),
            selected: index.connotations.first.map { .connotation($0.id) })
    }

    public var kind: FrameworkViewKind { .map }
    var index: FrameworkIndex { screen.arrangement.index }
    /// One item a line, without boxes: for screen readers.
    public var isLinear: Bool { screen.arrangement.isLinear }

    /// The entity Enter opens.
    public var selection: EntityID? { screen.selected?.entity }

    public mutating func resize(width: Int, height: Int) {
        screen.resize(width: width, height: height)
    }

    public mutating func perform(_ action: ViewAction) -> ScreenOutcome {
        switch action {
        case .moveUp: screen.move(.up)
        case .moveDown: screen.move(.down)
        case .moveLeft: screen.move(.left)
        case .moveRight: screen.move(.right)
        case .next: screen.step(by: 1)
        case .previous: screen.step(by: -1)
        case .pageUp: screen.page(by: -1)
        case .pageDown: screen.page(by: 1)
        case .first: screen.selectSlot(at: 0)
        case .last: screen.selectSlot(at: Int.max)
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
        screen.widget(title: title, emptyMessage: nil, rule: !isLinear, look: look)
    }

    public func selectionCursor(in area: Rect) -> (x: Int, y: Int)? {
        screen.selectionCursor(in: area)
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

    private var title: String {
        "Framework map: \(ScreenChrome.count(index.connotations.count, "connotation")), "
            + "\(ScreenChrome.count(index.mechanismCount, "mechanism")), "
            + "\(ScreenChrome.count(index.cases.count, "case")) (numbers: cases)"
    }
}

/// Lays the map out for a size: boxes side by side or stacked, or one item a line.
struct MapArrangement: CanvasArrangement {
    let index: FrameworkIndex
    let isLinear: Bool

    func arrange(width: Int, height: Int, glyphs: Glyphs) -> CanvasLayout<MapSlotKey> {
        let details = MapLayout.details(index, glyphs: glyphs)
        let detailRows = ScreenChrome.detailRows(for: details, width: width, limit: 8)
        let chrome = ScreenChrome(area: Rect(width: width, height: height), detailRows: detailRows)
        let canvas =
            isLinear
            ? MapLayout.linearCanvas(index, width: width, glyphs: glyphs)
            : MapLayout.canvas(index, width: width, height: chrome.body.height, glyphs: glyphs)
        return CanvasLayout(
            width: width, height: height, glyphs: glyphs, chrome: chrome, canvas: canvas)
    }
}
