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

/// Framework screens as they open: fresh ones by kind (they depend only on the model),
/// and sized ones by kind and size, so opening one again takes a copy instead of
/// building it and laying it out.
struct FreshScreenCache: Sendable {
    struct Key: Hashable, Sendable {
        var kind: FrameworkViewKind
        var width: Int
        var height: Int
        var linear = false
    }

    static let capacity = 6
    private var fresh: [FrameworkViewKind: FrameworkScreen] = [:]
    private var sized: [(key: Key, screen: FrameworkScreen)] = []

    /// The screen of `key.kind`, fresh, sized to `key`.
    mutating func screen(for key: Key, model: ContentModel) -> FrameworkScreen {
        if let index = sized.firstIndex(where: { $0.key == key }) {
            let entry = sized.remove(at: index)
            sized.append(entry)
            return entry.screen
        }
        var screen =
            fresh[key.kind].flatMap { $0.isLinear == key.linear ? $0 : nil }
            ?? key.kind.makeScreen(model: model, linear: key.linear)
        fresh[key.kind] = screen
        screen.resize(width: key.width, height: key.height)
        sized.append((key, screen))
        if sized.count > FreshScreenCache.capacity { sized.removeFirst() }
        return screen
    }
}
