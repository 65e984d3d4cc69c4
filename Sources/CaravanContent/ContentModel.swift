import Foundation

/// The loaded content: entities in reading order, their typed links and backlinks,
/// the problems found, and a search index. Immutable once built.
public struct ContentModel: Sendable {
    public let entities: [Entity]
    public let links: [Link]
    public internal(set) var diagnostics: [Diagnostic] {
        didSet { problems = ContentProblems(diagnostics) }
    }
    /// The diagnostics by file, for marking broken entities.
    public private(set) var problems: ContentProblems
    /// The full-text index, built (or read from a precompiled model) on another thread
    /// once ``prepareSearch()`` asks or a search first needs it; asking waits until it is
    /// ready.
    public var search: SearchIndex { searchIndex.value }

    /// Starts making the index on another thread, if nothing has yet: the explorer asks
    /// once its first screen is drawn, so the index does not take a core from it.
    public func prepareSearch() { searchIndex.start() }

    /// Whether the index has been started (or was ready from the start).
    var isSearchStarted: Bool { searchIndex.isStarted }
    private let searchIndex: BackgroundSearchIndex
    /// Decks cut into slides, kept once asked for (a deck's page and its presenter ask often).
    let parsedDecks = DeckCache()
    /// The content's words for its kinds, and the fields each needs: the built-in paper's
    /// unless a `caravan.yaml` declares others. Whatever names a kind to a reader asks here.
    public let vocabulary: Vocabulary
    /// The regions cases may name, in atlas order, with where the atlas places each.
    public let regions: RegionCatalog
    /// The framework's parts, mechanisms and codes, worked out when first asked for.
    public var framework: FrameworkOutline { outline.value { FrameworkOutline(model: self) } }
    private let outline = MadeOnce<FrameworkOutline>()
    /// The layers the content was loaded from, bottom first; empty for content loaded
    /// from files in memory.
    public let layers: [ContentLayer]

    private let position: [EntityID: Int]
    /// Each entity's place in reading order, by the path of its file.
    let entitiesByPath: [String: Int]
    /// Each entity's links both ways, in reading order.
    private let linksByEntity: EntityLinks
    /// The first reference in reading order with each citation key.
    private let referencesByKey: [String: Int]

    public init(entities: [Entity], links: [Link], diagnostics: [Diagnostic]) {
        self.init(entities: entities, links: links, diagnostics: diagnostics, indexed: true)
    }

    /// A model without a search index (`indexed: false`), for checks that only follow links.
    init(
        entities: [Entity], links: [Link], diagnostics: [Diagnostic], indexed: Bool,
        setup: ContentLoader.ContentSetup = .init()
    ) {
        self.init(
            sorted: ReadingOrder.sorted(entities), links: links, diagnostics: diagnostics,
            setup: setup, index: indexed ? .build : .none)
    }

    /// Where a model's search index comes from.
    enum IndexSource {
        /// Built from the entities on another thread.
        case build
        /// An empty index.
        case none
        /// Read from a precompiled model on another thread.
        case archived(@Sendable () -> SearchIndex)
    }

    /// A model of entities already in reading order (read back from a precompiled model).
    /// `linkEnds`, when given, are each link's source and target by place in `sorted`.
    init(
        sorted: [Entity], links: [Link], diagnostics: [Diagnostic],
        setup: ContentLoader.ContentSetup, index: IndexSource,
        linkEnds: [(source: Int, target: Int)]? = nil
    ) {
        vocabulary = setup.vocabulary
        regions = setup.regions
        layers = setup.layers
        self.entities = sorted
        self.links = links
        self.diagnostics = diagnostics
        problems = ContentProblems(diagnostics)
        var position: [EntityID: Int] = [:]
        position.reserveCapacity(sorted.count)
        var byPath: [String: Int] = [:]
        for (index, entity) in sorted.enumerated() {
            position[entity.id] = index
            byPath[entity.location.path] = index
        }
        self.position = position
        entitiesByPath = byPath
        let ends =
            linkEnds?.map { (source: Optional($0.source), target: Optional($0.target)) }
            ?? links.map { (source: position[$0.source], target: position[$0.target]) }
        linksByEntity = EntityLinks(links, ends: ends, entityCount: sorted.count)
        var referencesByKey: [String: Int] = [:]
        for (index, entity) in sorted.enumerated() {
            guard let key = entity.citationKey, referencesByKey[key] == nil else { continue }
            referencesByKey[key] = index
        }
        self.referencesByKey = referencesByKey
        switch index {
        case .build: searchIndex = BackgroundSearchIndex(entities: sorted)
        case .none: searchIndex = BackgroundSearchIndex(entities: [])
        case .archived(let read): searchIndex = BackgroundSearchIndex(making: read)
        }
    }

    /// What the layers declared, as the loader gathered it.
    var setup: ContentLoader.ContentSetup {
        ContentLoader.ContentSetup(vocabulary: vocabulary, regions: regions, layers: layers)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public func entity(_ id: EntityID) -> Entity? {
        position[id].map { entities[$0] }
    }

    public func contains(_ id: EntityID) -> Bool { position[id] != nil }

    /// The entity's place in reading order.
    public func index(of id: EntityID) -> Int? { position[id] }

    public func entities(of kind: EntityKind) -> [Entity] {
        entities.filter { $0.kind == kind }
    }

    /// Links written from this entity, in reading order of their targets.
    public func outgoing(from id: EntityID) -> [Link] {
        linksByEntity.outgoing(from: id, at: position[id])
    }

    /// Backlinks: links from other entities to this one.
    public func incoming(to id: EntityID) -> [Link] {
        linksByEntity.incoming(to: id, at: position[id])
    }

    /// Entities linked to `id` by links of `type` pointing at it (e.g. the parts of a section).
    public func sources(linkingTo id: EntityID, by type: LinkType) -> [Entity] {
        incoming(to: id).filter { $0.type == type }.compactMap { entity($0.source) }
    }

    /// Entities `id` links to by links of `type`.
    public func targets(of id: EntityID, by type: LinkType) -> [Entity] {
        outgoing(from: id).filter { $0.type == type }.compactMap { entity($0.target) }
    }

    /// Entities `id` links to by links of `type`, in the order the author wrote them: a
    /// case's `illustrates: [b, a]` gives b, then a. (``targets(of:by:)`` gives them in
    /// reading order.) A relation is written in the file of its source, so its place in
    /// that file is its order.
    public func targetsAsWritten(of id: EntityID, by type: LinkType) -> [Entity] {
        outgoing(from: id).filter { $0.type == type }
            .sorted { $0.location < $1.location }
            .compactMap { entity($0.target) }
    }

    /// The paper record, when the content has one.
    public var paper: Entity? { entities.first { $0.kind == .paper } }

    /// The reference a citation key names.
    public func reference(forKey key: String) -> Entity? {
        referencesByKey[key].map { entities[$0] }
    }

    /// A short fingerprint of the content, to keep per-content state apart.
    public var identity: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for entity in entities {
            for byte in entity.id.description.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let title = paper?.id.description ?? "content"
        return title.replacingOccurrences(of: "/", with: "-") + "-" + String(hash, radix: 16)
    }

    /// A title without leading quotes and articles, for sorting.
    static func sortingTitle(_ title: String) -> String {
        var text = Substring(title).drop { !($0.isLetter || $0.isNumber) }
        for article in ["The ", "A ", "An "] where text.hasPrefix(article) {
            text = text.dropFirst(article.count).drop { !($0.isLetter || $0.isNumber) }
        }
        return String(text)
    }

    /// Kinds first, then sections by number, then `order`, then title.
    static func readingOrder(_ a: Entity, _ b: Entity) -> Bool {
        ReadingOrder.Key(a).precedes(ReadingOrder.Key(b))
    }
}

/// Kinds first, then sections by number, then `order`, then title, then id. What an
/// entity is sorted by is worked out once, not at each of the sort's comparisons.
enum ReadingOrder {
    struct Key {
        var kind: EntityKind
        /// The section number, for sections.
        var number: String?
        var order: Int?
        var title: String
        var titleOrder: NaturalOrder.Key
        var id: EntityID

        init(_ entity: Entity) {
            kind = entity.kind
            number = entity.kind == .section ? entity.number : nil
            order = entity.order
            title = ContentModel.sortingTitle(entity.title)
            titleOrder = NaturalOrder.Key(title)
            id = entity.id
        }

        func precedes(_ other: Key) -> Bool {
            if kind != other.kind { return kind < other.kind }
            if kind == .section, let x = number, let y = other.number, x != y {
                return x.compare(y, options: .numeric) == .orderedAscending
            }
            switch (order, other.order) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if title != other.title {
                return titleOrder.precedes(other.titleOrder)
            }
            return id < other.id
        }
    }

    static func sorted(_ entities: [Entity]) -> [Entity] {
        let keys = entities.map(Key.init)
        return keys.indices.sorted { keys[$0].precedes(keys[$1]) }.map { entities[$0] }
    }
}

/// A search index made on a background thread once started, and waited for on first
/// use (which starts it when nothing has).
final class BackgroundSearchIndex: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var built: SearchIndex?
    /// Guarded by `condition`; nil once started.
    private var make: (@Sendable () -> SearchIndex)?

    convenience init(entities: [Entity]) {
        guard !entities.isEmpty else {
            self.init(ready: SearchIndex(entities: []))
            return
        }
        self.init(making: { SearchIndex(entities: entities) })
    }

    private init(ready: SearchIndex) {
        built = ready
    }

    init(making make: @escaping @Sendable () -> SearchIndex) {
        self.make = make
    }

    /// Whether the index has been started or is ready.
    var isStarted: Bool {
        condition.lock()
        defer { condition.unlock() }
        return make == nil
    }

    func start() {
        condition.lock()
        defer { condition.unlock() }
        startLocked()
    }

    /// Call with `condition` locked.
    private func startLocked() {
        guard let make else { return }
        self.make = nil
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = make()
            condition.lock()
            built = index
            condition.broadcast()
            condition.unlock()
        }
    }

    var value: SearchIndex {
        condition.lock()
        defer { condition.unlock() }
        startLocked()
        while true {
            if let built { return built }
            condition.wait()
        }
    }
}

/// Decks already parsed, by id; the model never changes, so neither does a parse.
final class DeckCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var decks: [EntityID: Deck] = [:]

    func deck(_ id: EntityID, parse: () -> Deck) -> Deck {
        lock.lock()
        if let deck = decks[id] {
            lock.unlock()
            return deck
        }
        lock.unlock()
        let deck = parse()
        lock.lock()
        decks[id] = deck
        lock.unlock()
        return deck
    }
}
