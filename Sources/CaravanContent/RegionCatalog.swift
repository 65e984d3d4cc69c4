/// The regions cases may name, and where the atlas places each: the built-in list, with
/// any that content declares in `caravan.yaml` added.
///
/// The atlas is a rough map in columns from west to east, each listing its regions from
/// north to south; a region without a place goes in the band along the bottom, as
/// `Global` does.
public struct RegionCatalog: Sendable, Hashable {
    /// Where the atlas puts a region: a column counted from the west (1 is Europe's) and
    /// a row counted from the north within it. Rows only order a column's regions, so
    /// `row: 4` below three regions is the fourth box, and below one is the second.
    public struct Placement: Sendable, Hashable, Comparable {
        public var column: Int
        public var row: Int

        public init(column: Int, row: Int) {
            self.column = column
            self.row = row
        }

        public static func < (lhs: Placement, rhs: Placement) -> Bool {
            (lhs.column, lhs.row) < (rhs.column, rhs.row)
        }
    }

    public struct Region: Sendable, Hashable {
        public var name: String
        /// Nil: the band along the bottom of the atlas.
        public var placement: Placement?
        /// Where content declared it; nil for a built-in region not declared again.
        public var declaredAt: SourceLocation?

        public init(name: String, placement: Placement?, declaredAt: SourceLocation? = nil) {
            self.name = name
            self.placement = placement
            self.declaredAt = declaredAt
        }

        public var isBuiltIn: Bool { RegionCatalog.builtInNames.contains(name) }
    }

    /// Every region in atlas order: placed regions by column, then row, then the order
    /// they were declared in; then the unplaced ones.
    public private(set) var regions: [Region]
    private var positions: [String: Int]

    /// The built-in regions, placed as the atlas has always placed them.
    public static let builtIn = RegionCatalog(regions: [
        Region(name: "Europe", placement: Placement(column: 1, row: 1)),
        Region(name: "West Asia", placement: Placement(column: 1, row: 2)),
        Region(name: "Latin America", placement: Placement(column: 1, row: 3)),
        Region(name: "Central Asia", placement: Placement(column: 2, row: 1)),
        Region(name: "South Asia", placement: Placement(column: 2, row: 2)),
        Region(name: "China", placement: Placement(column: 3, row: 1)),
        Region(name: "Southeast Asia", placement: Placement(column: 3, row: 2)),
        Region(name: "East Asia", placement: Placement(column: 4, row: 1)),
        Region(name: "Global", placement: nil),
    ])

    static let builtInNames = Set(CaravanContent.Region.allCases.map(\.rawValue))

    init(regions: [Region]) {
        self.regions = []
        positions = [:]
        for region in regions { add(region) }
    }

    /// The region with this name, written exactly.
    public func region(named name: String) -> Region? {
        positions[name].map { regions[$0] }
    }

    public func contains(_ name: String) -> Bool { positions[name] != nil }

    /// The names in atlas order.
    public var names: [String] { regions.map(\.name) }

    /// The atlas's columns from west to east, each with its regions from north to south;
    /// the unplaced regions are not in any.
    public var columns: [[Region]] {
        var byColumn: [Int: [Region]] = [:]
        for region in regions {
            guard let placement = region.placement else { continue }
            byColumn[placement.column, default: []].append(region)
        }
        return byColumn.keys.sorted().compactMap { byColumn[$0] }
    }

    /// The regions with no place, for the band along the bottom.
    public var unplaced: [Region] { regions.filter { $0.placement == nil } }

    /// Adds a region, or places one already known where the declaration says.
    mutating func add(_ region: Region) {
        if let index = positions[region.name] {
            regions.remove(at: index)
        }
        // After every region placed at or before it, in the order given.
        let index: Int
        if let placement = region.placement {
            index =
                regions.firstIndex { other in other.placement.map { placement < $0 } ?? true }
                ?? regions.count
        } else {
            index = regions.count
        }
        regions.insert(region, at: index)
        positions = Dictionary(
            regions.enumerated().map { ($0.element.name, $0.offset) },
            uniquingKeysWith: { first, _ in first })
    }

    /// This catalogue with a layer's declarations added, in their order.
    func adding(_ declared: [Region]) -> RegionCatalog {
        var result = self
        for region in declared { result.add(region) }
        return result
    }
}
