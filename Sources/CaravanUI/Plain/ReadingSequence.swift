import CaravanContent

/// Every entity in the order a reader goes through the content, for `caravan read` and
/// `caravan list`: kinds in their order, and within the framework the order the navigator
/// and the map use: connotation by connotation, each mechanism followed by its parts
/// (H1, H2, H2a, H2b, H3, then E1...). Other kinds keep the model's reading order.
public struct ReadingSequence: Sendable {
    public let entities: [Entity]

    public init(model: ContentModel) {
        var framework: [EntityID] = []
        for connotation in FrameworkIndex(model: model).connotations {
            framework += connotation.mechanisms.map(\.id)
        }
        // Mechanisms outside any connotation's tree follow, in the model's order.
        let placed = Set(framework)
        let mechanisms =
            framework.compactMap(model.entity)
            + model.entities(of: .mechanism).filter { !placed.contains($0.id) }
        entities = EntityKind.allCases.flatMap { kind in
            kind == .mechanism ? mechanisms : model.entities(of: kind)
        }
    }

    /// The entities of one kind, in reading order.
    public func entities(of kind: EntityKind) -> [Entity] {
        entities.filter { $0.kind == kind }
    }
}
