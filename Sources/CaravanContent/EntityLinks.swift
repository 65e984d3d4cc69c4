/// Each entity's links, outgoing and incoming, put in reading order once (of their
/// targets and of their sources) rather than on every question. Kept as link numbers
/// grouped by the entity's place in reading order, in two flat arrays each, so that a
/// model of many entities makes no array for each of them; the rare link from or to an
/// id that is no entity (a broken link) is kept by that id.
struct EntityLinks: Sendable {
    private let links: [Link]
    private let outgoing: Groups
    private let incoming: Groups
    private var strayOutgoing: [EntityID: [Link]] = [:]
    private var strayIncoming: [EntityID: [Link]] = [:]

    /// `ends` are each link's source and target by place in reading order (nil for an id
    /// that is no entity).
    init(_ links: [Link], ends: [(source: Int?, target: Int?)], entityCount: Int) {
        self.links = links
        outgoing = Groups(
            count: entityCount, owners: ends.map(\.source), places: ends.map(\.target))
        incoming = Groups(
            count: entityCount, owners: ends.map(\.target), places: ends.map(\.source))
        func inReadingOrder(_ group: [Int], places: (Int) -> Int?) -> [Link] {
            group.sorted { (places($0) ?? Int.max) < (places($1) ?? Int.max) }.map { links[$0] }
        }
        var strayFrom: [EntityID: [Int]] = [:]
        var strayTo: [EntityID: [Int]] = [:]
        for (number, end) in ends.enumerated() {
            if end.source == nil { strayFrom[links[number].source, default: []].append(number) }
            if end.target == nil { strayTo[links[number].target, default: []].append(number) }
        }
        strayOutgoing = strayFrom.mapValues { inReadingOrder($0) { ends[$0].target } }
        strayIncoming = strayTo.mapValues { inReadingOrder($0) { ends[$0].source } }
    }

    /// The links from `id`, whose place in reading order is `place`.
    func outgoing(from id: EntityID, at place: Int?) -> [Link] {
        guard let place else { return strayOutgoing[id] ?? [] }
        return outgoing.members(of: place).map { links[Int($0)] }
    }

    /// The links to `id`, whose place in reading order is `place`.
    func incoming(to id: EntityID, at place: Int?) -> [Link] {
        guard let place else { return strayIncoming[id] ?? [] }
        return incoming.members(of: place).map { links[Int($0)] }
    }

    /// Link numbers grouped by an owner's place: the group of place p is
    /// `order[starts[p]..<starts[p + 1]]`, sorted by the place of each link's other end
    /// (an id that is no entity last), links with the same place in the order given.
    private struct Groups: Sendable {
        private var starts: [Int32]
        private var order: [Int32]

        init(count: Int, owners: [Int?], places: [Int?]) {
            var starts = [Int32](repeating: 0, count: count + 1)
            for case let owner? in owners { starts[owner + 1] += 1 }
            for place in 0..<count { starts[place + 1] += starts[place] }
            var next = starts
            var order = [Int32](repeating: 0, count: Int(starts[count]))
            for (number, owner) in owners.enumerated() {
                guard let owner else { continue }
                order[Int(next[owner])] = Int32(number)
                next[owner] += 1
            }
            for place in 0..<count where starts[place + 1] - starts[place] > 1 {
                let group = Int(starts[place])..<Int(starts[place + 1])
                let sorted = order[group].sorted {
                    (places[Int($0)] ?? Int.max) < (places[Int($1)] ?? Int.max)
                }
                order.replaceSubrange(group, with: sorted)
            }
            self.starts = starts
            self.order = order
        }

        func members(of place: Int) -> ArraySlice<Int32> {
            order[Int(starts[place])..<Int(starts[place + 1])]
        }
    }
}
