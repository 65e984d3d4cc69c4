/// Each entity's links, outgoing and incoming, put in reading order once (of their
/// targets and of their sources) rather than on every question. Kept by the entity's
/// place in reading order; the rare link from or to an id that is no entity (a broken
/// link) is kept by that id.
struct EntityLinks: Sendable {
    private var outgoing: [[Link]]
    private var incoming: [[Link]]
    private var strayOutgoing: [EntityID: [Link]] = [:]
    private var strayIncoming: [EntityID: [Link]] = [:]

    /// `ends` are each link's source and target by place in reading order (nil for an id
    /// that is no entity).
    init(_ links: [Link], ends: [(source: Int?, target: Int?)], entityCount: Int) {
        var outgoing = Array(repeating: Group(), count: entityCount)
        var incoming = Array(repeating: Group(), count: entityCount)
        var strayOutgoing: [EntityID: Group] = [:]
        var strayIncoming: [EntityID: Group] = [:]
        for (link, end) in zip(links, ends) {
            if let source = end.source {
                outgoing[source].add(link, place: end.target)
            } else {
                strayOutgoing[link.source, default: Group()].add(link, place: end.target)
            }
            if let target = end.target {
                incoming[target].add(link, place: end.source)
            } else {
                strayIncoming[link.target, default: Group()].add(link, place: end.source)
            }
        }
        self.outgoing = outgoing.map(\.inReadingOrder)
        self.incoming = incoming.map(\.inReadingOrder)
        self.strayOutgoing = strayOutgoing.mapValues(\.inReadingOrder)
        self.strayIncoming = strayIncoming.mapValues(\.inReadingOrder)
    }

    /// The links from `id`, whose place in reading order is `place`.
    func outgoing(from id: EntityID, at place: Int?) -> [Link] {
        guard let place else { return strayOutgoing[id] ?? [] }
        return outgoing[place]
    }

    /// The links to `id`, whose place in reading order is `place`.
    func incoming(to id: EntityID, at place: Int?) -> [Link] {
        guard let place else { return strayIncoming[id] ?? [] }
        return incoming[place]
    }

    /// Links as they come, with the place of their other end (an id that is no entity
    /// goes last).
    private struct Group {
        var links: [Link] = []
        var places: [Int] = []

        mutating func add(_ link: Link, place: Int?) {
            links.append(link)
            places.append(place ?? Int.max)
        }

        var inReadingOrder: [Link] {
            guard links.count > 1 else { return links }
            return links.indices.sorted { places[$0] < places[$1] }.map { links[$0] }
        }
    }
}
