import CaravanContent

/// The navigator's tree: the paper and its sections, the framework, cases by connotation,
/// concepts, references, reading paths and decks. Groups and entities with parts fold.
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
        var roots: [Node] = []
        func entityNode(_ entity: Entity, childType: LinkType, seen: Set<EntityID> = []) -> Node {
            var seen = seen
            seen.insert(entity.id)
            let children = model.sources(linkingTo: entity.id, by: childType)
                .filter { !seen.contains($0.id) }
                .map { entityNode($0, childType: childType, seen: seen) }
            return Node(key: entity.id.description, item: .entity(entity.id), children: children)
        }
        func group(_ key: String, _ title: String, _ children: [Node]) -> Node? {
            children.isEmpty
                ? nil : Node(key: "group:" + key, item: .group(title), children: children)
        }

        // The paper: its record, then the sections as a tree.
        var paperChildren: [Node] = []
        if let paper = model.paper {
            paperChildren.append(
                Node(key: paper.id.description, item: .entity(paper.id), children: []))
        }
        let sections = model.entities(of: .section)
        let topSections = sections.filter { section in
            !model.targets(of: section.id, by: .partOf).contains { $0.kind == .section }
        }
        paperChildren += topSections.map { entityNode($0, childType: .partOf) }
        roots += [group("paper", model.paper.map { _ in "The paper" } ?? "Sections", paperChildren)]
            .compactMap { $0 }

        // The framework: connotations with their mechanisms, mechanisms with their parts.
        let connotations = model.entities(of: .connotation)
        var framework: [Node] = connotations.map { connotation in
            let mechanisms = model.sources(linkingTo: connotation.id, by: .belongsTo)
                .map { entityNode($0, childType: .partOf) }
            return Node(
                key: connotation.id.description, item: .entity(connotation.id), children: mechanisms
            )
        }
        let placed = Set(framework.flatMap(NavigatorTree.allIDs))
        framework += model.entities(of: .mechanism)
            .filter { !placed.contains($0.id) && model.targets(of: $0.id, by: .partOf).isEmpty }
            .map { entityNode($0, childType: .partOf) }
        roots += [group("framework", "Framework", framework)].compactMap { $0 }

        // Cases grouped by the connotation they illustrate (through a mechanism or directly).
        let cases = model.entities(of: .case)
        var byConnotation: [EntityID: [Entity]] = [:]
        var unplaced: [Entity] = []
        for item in cases {
            if let connotation = NavigatorTree.connotation(of: item, in: model) {
                byConnotation[connotation, default: []].append(item)
            } else {
                unplaced.append(item)
            }
        }
        var caseGroups: [Node] = connotations.compactMap { connotation in
            let members = byConnotation[connotation.id] ?? []
            return group(
                "cases:" + connotation.id.slug, connotation.title,
                members.map { Node(key: $0.id.description, item: .entity($0.id), children: []) })
        }
        if let other = group(
            "cases:other", "Other",
            unplaced.map { Node(key: $0.id.description, item: .entity($0.id), children: []) })
        {
            caseGroups.append(other)
        }
        roots += [group("cases", "Cases", caseGroups)].compactMap { $0 }

        for kind in [EntityKind.concept, .reference, .path, .deck] {
            let flat = model.entities(of: kind).map {
                Node(key: $0.id.description, item: .entity($0.id), children: [])
            }
            roots += [group(kind.rawValue, kind.pluralTitle, flat)].compactMap { $0 }
        }
        self.roots = roots
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

    private static func allIDs(_ node: Node) -> [EntityID] {
        var ids: [EntityID] = []
        if case .entity(let id) = node.item { ids.append(id) }
        for child in node.children { ids += allIDs(child) }
        return ids
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
