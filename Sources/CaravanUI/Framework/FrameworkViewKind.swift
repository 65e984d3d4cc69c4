import CaravanContent

/// The three ways of seeing the framework.
public enum FrameworkViewKind: String, CaseIterable, Sendable, KeyAction {
    /// The connotations, their mechanisms and their ties.
    case map
    /// Cases against mechanisms.
    case matrix
    /// Cases by region and country.
    case atlas

    /// A name for menus and title bars.
    public var title: String {
        switch self {
        case .map: "Framework map"
        case .matrix: "Case matrix"
        case .atlas: "Atlas of cases"
        }
    }

    /// The name of the action that opens it, in a config file's `[keys]`.
    public var name: String {
        switch self {
        case .map: "framework-map"
        case .matrix: "case-matrix"
        case .atlas: "atlas"
        }
    }

    /// What the help says the key that opens it does.
    public var help: String {
        switch self {
        case .map: "Show the framework map (Backspace returns to it from an entity)"
        case .matrix: "Show the matrix of cases and mechanisms"
        case .atlas: "Show the atlas of cases by region"
        }
    }

    public var group: String { "Seeing the framework" }

    /// Opening a view is asked for in the explorer's own table.
    public static var keyTable: String { Action.keyTable }

    /// The views' names for a sentence: "map, matrix or atlas".
    public static var spokenList: String {
        let names = allCases.map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The view of this kind for a model, with nothing moved or filtered yet; `linear`
    /// lays the map out one item a line, for screen readers.
    public func makeView(model: ContentModel, linear: Bool = false) -> any FrameworkView {
        switch self {
        case .map: MapScreen(model: model, linear: linear)
        case .matrix: MatrixScreen(model: model)
        case .atlas: AtlasScreen(model: model)
        }
    }

    /// The view's content as plain text, every line at most `width` columns.
    public func plainText(model: ContentModel, width: Int) -> String {
        makeView(model: model).plainText(width: width)
    }
}

extension Keymap where A == FrameworkViewKind {
    /// The keys that open each view over the panes.
    public static let standard = Keymap([(.map, ["M"]), (.matrix, ["X"]), (.atlas, ["A"])])
}
