import CaravanContent

/// The last few pages laid out, so that going back, zooming, or returning to a width
/// seen before shows a page without laying it out again. A page depends only on what
/// its key holds (the model never changes under an explorer).
struct PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var id: EntityID
        var width: Int
        var terms: [String]
        var ascii: Bool
    }

    /// How many pages are kept, least recently used first.
    static let capacity = 32
    private var entries: [(key: Key, page: DocumentLayout)] = []

    /// The page for a key, made by `make` when it is not kept.
    mutating func page(for key: Key, make: () -> DocumentLayout) -> DocumentLayout {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.page
        }
        let page = make()
        entries.append((key, page))
        if entries.count > PageCache.capacity { entries.removeFirst() }
        return page
    }
}
