/// The panes of the explorer.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case navigator
    case reader
    case context

    public var title: String {
        switch self {
        case .navigator: "Contents"
        case .reader: "Reader"
        case .context: "Links"
        }
    }
}

/// Where each visible pane goes for a terminal size: three panes from 120 columns,
/// two from 60 (the reader and the side pane focused last, Contents on the left or Links
/// on the right), one below that; below 40x12 nothing fits.
public struct PaneLayout: Sendable, Hashable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var panes: [(pane: Pane, rect: Rect)]
    public var titleBar: Rect
    public var statusBar: Rect
    /// Everything between the title and status bars: the panes, or a framework view.
    public var body: Rect

    public static func == (lhs: PaneLayout, rhs: PaneLayout) -> Bool {
        lhs.panes.map(\.pane) == rhs.panes.map(\.pane)
            && lhs.panes.map(\.rect) == rhs.panes.map(\.rect)
            && lhs.titleBar == rhs.titleBar && lhs.statusBar == rhs.statusBar
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(panes.map(\.rect))
    }

    public static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    /// How many panes fit side by side at this width.
    public static func paneCount(width: Int) -> Int {
        width >= 120 ? 3 : width >= 60 ? 2 : 1
    }

    public init(
        width: Int, height: Int, focus: Pane, sidePane: Pane, zoomed: Bool,
        navigatorWidth: Int? = nil, contextWidth: Int? = nil
    ) {
        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        statusBar = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        body = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        let count = zoomed ? 1 : PaneLayout.paneCount(width: width)
        switch count {
        case 1:
            panes = [(focus, body)]
        case 2:
            // The side pane stays where it is with three: Contents left, Links right.
            if sidePane == .context {
                let right = min(contextWidth ?? max(24, width * 3 / 10), width / 2)
                let split = body.splitHorizontally(rightWidth: right)
                panes = [(.reader, split.left), (.context, split.right)]
            } else {
                let left = min(navigatorWidth ?? max(24, width * 3 / 10), width / 2)
                let split = body.splitHorizontally(leftWidth: left)
                panes = [(.navigator, split.left), (.reader, split.right)]
            }
        default:
            let left = min(navigatorWidth ?? max(28, width / 4), width / 3)
            let right = min(contextWidth ?? max(30, width / 4), width / 3)
            let first = body.splitHorizontally(leftWidth: left)
            let second = first.right.splitHorizontally(rightWidth: right)
            panes = [(.navigator, first.left), (.reader, second.left), (.context, second.right)]
        }
    }

    public func rect(of pane: Pane) -> Rect? {
        panes.first { $0.pane == pane }?.rect
    }

    /// Panes in screen order, left to right.
    public var order: [Pane] { panes.map(\.pane) }
}
