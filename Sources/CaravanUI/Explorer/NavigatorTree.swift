import CaravanContent

/// The navigator's tree: the paper and its sections, the framework, cases by connotation,
/// then a group for each kind listed on its own (concepts, references, reading paths,
/// decks), each kind where its ``EntityKind/listing`` puts it. Groups and entities with
/// parts fold.
public struct NavigatorTree: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public enum Item: Sendable, Hashable {
            case group(String)
            case entity(EntityID)
        }

        /// A stable key for folding state: `group:cases` or the entity id.
        public var key: String
        public var item: Item
        public var children: [Node]
    }

    /// One visible row of the tree.
    public struct Row: Sendable, Hashable {
        public var key: String
        public var item: Node.Item
        public var depth: Int
        public var hasChildren: Bool
        public var isExpanded: Bool
        public var childCount: Int
        /// How many entities are under the row, at any depth: what a group's count shows.
        public var entityCount: Int
    }

    public let roots: [Node]

    public init(model: ContentModel) {
        let builder = Builder(model: model)
        var roots: [Node] = []
        roots += [builder.paper()].compactMap { $0 }
        roots += [builder.framework()].compactMap { $0 }
        roots += [builder.byConnotation()].compactMap { $0 }
        for kind in EntityKind.allCases where kind.listing == .groupOfItsOwn {
            let title = model.vocabulary.pluralTitle(kind)
            roots += [builder.group(kind.rawValue, title, builder.entities(kind))]
                .compactMap { $0 }
        }
        self.roots = roots
    }

    /// Builds the tree's groups, each from the kinds whose ``EntityKind/listing`` puts
    /// them there.
    private struct Builder {
        let model: ContentModel

        func entities(listed listing: EntityKind.Listing) -> [Entity] {
            EntityKind.allCases.filter { $0.listing == listing }.flatMap(model.entities(of:))
        }

        func entities(_ kind: EntityKind) -> [Node] {
            model.entities(of: kind).map(leaf)
        }

        func leaf(_ entity: Entity) -> Node {
            Node(key: entity.id.description, item: .entity(entity.id), children: [])
        }

        func group(_ key: String, _ title: String, _ children: [Node]) -> Node? {
            children.isEmpty
                ? nil : Node(key: "group:" + key, item: .group(title), children: children)
        }

        /// An entity with what links to it by `types` under it, at any depth (each entity
        /// once on its branch).
        func tree(_ entity: Entity, by types: [LinkType], seen: Set<EntityID> = []) -> Node {
            let seen = seen.union([entity.id])
            let children = types.flatMap { model.sources(linkingTo: entity.id, by: $0) }
                .filter { !seen.contains($0.id) }
                .map { tree($0, by: types, seen: seen) }
            return Node(key: entity.id.description, item: .entity(entity.id), children: children)
        }

        /// The paper: its record, then what is under it as a tree of parts.
        func paper() -> Node? {
            let parts = entities(listed: .underThePaper)
            let members = Set(parts.map(\.id))
            let tops = parts.filter { part in
                !model.targets(of: part.id, by: .partOf).contains { members.contains($0.id) }
            }
            let children =
                entities(listed: .paper).map(leaf)
                + tops.map { tree($0, by: [.partOf]) }
            let words = model.vocabulary
            let title = model.paper.map { _ in "The " + words.singular(.paper) }
            return group("paper", title ?? words.pluralTitle(.section), children)
        }

        /// The framework: what belongs to nothing and is part of nothing (the
        /// connotations, and any mechanism of none) with what belongs to it and its parts
        /// under it.
        func framework() -> Node? {
            let tops = entities(listed: .framework).filter { member in
                [LinkType.belongsTo, .partOf].allSatisfy {
                    model.targets(of: member.id, by: $0).isEmpty
                }
            }
            return group(
                "framework", "Framework", tops.map { tree($0, by: [.belongsTo, .partOf]) })
        }

        /// Cases grouped by the connotation they illustrate (through a mechanism or
        /// directly); those that reach none under "Other".
        func byConnotation() -> Node? {
            var byConnotation: [EntityID: [Entity]] = [:]
            var unplaced: [Entity] = []
            for item in entities(listed: .byConnotation) {
                if let connotation = NavigatorTree.connotation(of: item, in: model) {
                    byConnotation[connotation, default: []].append(item)
                } else {
                    unplaced.append(item)
                }
            }
            var groups: [Node] = model.entities(of: .connotation).compactMap { connotation in
                group(
                    "cases:" + connotation.id.slug, connotation.title,
                    (byConnotation[connotation.id] ?? []).map(leaf))
            }
            if let other = group("cases:other", "Other", unplaced.map(leaf)) {
                groups.append(other)
            }
            return group("cases", model.vocabulary.pluralTitle(.case), groups)
        }
    }

    /// The connotation a case belongs to: the first it illustrates, in the order the author
    /// wrote them, directly or through a mechanism.
    public static func connotation(of entity: Entity, in model: ContentModel) -> EntityID? {
        for target in model.targetsAsWritten(of: entity.id, by: .illustrates) {
            if target.kind == .connotation { return target.id }
            var current = target
            var guardCount = 0
            while guardCount < 32 {
                guardCount += 1
                if let connotation = model.targets(of: current.id, by: .belongsTo).first {
                    return connotation.id
                }
                guard let parent = model.targets(of: current.id, by: .partOf).first else { break }
                current = parent
            }
        }
        return nil
    }

    /// Every key that can fold.
    public var foldableKeys: Set<String> {
        var keys: Set<String> = []
        func visit(_ node: Node) {
            if !node.children.isEmpty { keys.insert(node.key) }
            node.children.forEach(visit)
        }
        roots.forEach(visit)
        return keys
    }

    /// The rows shown, given which keys are folded.
    public func rows(collapsed: Set<String>) -> [Row] {
        var rows: [Row] = []
        func entities(under node: Node) -> Int {
            node.children.reduce(0) { count, child in
                let isEntity = if case .entity = child.item { 1 } else { 0 }
                return count + isEntity + entities(under: child)
            }
        }
        func visit(_ node: Node, depth: Int) {
            let expanded = !collapsed.contains(node.key)
            rows.append(
                Row(
                    key: node.key, item: node.item, depth: depth,
                    hasChildren: !node.children.isEmpty,
                    isExpanded: expanded, childCount: node.children.count,
                    entityCount: entities(under: node)))
            if expanded {
                for child in node.children { visit(child, depth: depth + 1) }
            }
        }
        for root in roots { visit(root, depth: 0) }
        return rows
    }

    /// The keys of the ancestors of the node showing `id`, outermost first.
    public func ancestors(of id: EntityID) -> [String]? {
        func search(_ node: Node, path: [String]) -> [String]? {
            if case .entity(let found) = node.item, found == id { return path }
            for child in node.children {
                if let result = search(child, path: path + [node.key]) { return result }
            }
            return nil
        }
        for root in roots {
            if let path = search(root, path: []) { return path }
        }
        return nil
    }
}
