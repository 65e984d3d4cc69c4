/// The framework's shape: its top-level parts (connotations) in order, each with its
/// mechanisms as a tree, and the short code of every part and mechanism (`H`, `H2`,
/// `H2a`). The map, the matrix, the atlas, the navigator, `caravan list` and the jump
/// prompt all read the framework from here, so they agree on its order and its codes.
public struct FrameworkOutline: Sendable, Hashable {
    public struct Connotation: Sendable, Hashable {
        public var id: EntityID
        public var code: String
        /// Mechanisms in tree order: each followed by its parts.
        public var mechanisms: [Mechanism]
    }

    public struct Mechanism: Sendable, Hashable {
        public var id: EntityID
        public var code: String
        /// 0 for a mechanism of the connotation, 1 for its parts, and so on.
        public var depth: Int
        public var parent: EntityID?
        public var connotation: EntityID
    }

    /// The connotations in reading order (`order:`, then title).
    public let connotations: [Connotation]
    /// Every code, by entity.
    public let codes: [EntityID: String]

    public func code(of id: EntityID) -> String? { codes[id] }

    /// Mechanisms below `depth` 8 are followed; deeper ones, and any reached twice, are not.
    static let maximumDepth = 8

    public init(model: ContentModel) {
        // The trees first, with each mechanism's place among its siblings.
        var trees: [(entity: Entity, nodes: [(entity: Entity, node: Mechanism, place: Int)])] = []
        for connotation in model.entities(of: .connotation) {
            var nodes: [(entity: Entity, node: Mechanism, place: Int)] = []
            var seen: Set<EntityID> = [connotation.id]
            func add(_ mechanism: Entity, place: Int, depth: Int, parent: EntityID?) {
                guard !seen.contains(mechanism.id), depth < FrameworkOutline.maximumDepth else {
                    return
                }
                seen.insert(mechanism.id)
                nodes.append(
                    (
                        mechanism,
                        Mechanism(
                            id: mechanism.id, code: "", depth: depth, parent: parent,
                            connotation: connotation.id), place
                    ))
                let parts = model.sources(linkingTo: mechanism.id, by: .partOf)
                    .filter { $0.kind == .mechanism }
                for (index, part) in parts.enumerated() {
                    add(part, place: index, depth: depth + 1, parent: mechanism.id)
                }
            }
            let top = model.sources(linkingTo: connotation.id, by: .belongsTo)
                .filter { $0.kind == .mechanism }
            for (index, mechanism) in top.enumerated() {
                add(mechanism, place: index, depth: 0, parent: nil)
            }
            trees.append((connotation, nodes))
        }

        // Then the codes: those the author gave, then the rest around them.
        var codes = FrameworkCodes(
            declared: trees.flatMap { [$0.entity] + $0.nodes.map(\.entity) })
        var connotations: [Connotation] = []
        for (entity, nodes) in trees {
            let code = codes.assignConnotation(entity)
            var mechanisms: [Mechanism] = []
            for (mechanismEntity, node, place) in nodes {
                var node = node
                let base = node.parent.flatMap { codes.assigned[$0] } ?? code
                node.code = codes.assignMechanism(
                    mechanismEntity, base: base, depth: node.depth, place: place)
                mechanisms.append(node)
            }
            connotations.append(Connotation(id: entity.id, code: code, mechanisms: mechanisms))
        }
        self.connotations = connotations
        self.codes = codes.assigned
    }
}
