import CaravanContent

/// Framework views as they open: fresh ones by kind (they depend only on the model), and
/// sized ones by kind and size, so opening one again takes a copy instead of building it
/// and laying it out.
struct FreshViewCache: Sendable {
    struct Key: Hashable, Sendable {
        var kind: FrameworkViewKind
        var width: Int
        var height: Int
        var linear = false
    }

    static let capacity = 6
    private var fresh: [FrameworkViewKind: any FrameworkView] = [:]
    private var sized: [(key: Key, view: any FrameworkView)] = []

    /// The view of `key.kind`, fresh, sized to `key`.
    mutating func view(for key: Key, model: ContentModel) -> any FrameworkView {
        if let index = sized.firstIndex(where: { $0.key == key }) {
            let entry = sized.remove(at: index)
            sized.append(entry)
            return entry.view
        }
        var view =
            fresh[key.kind].flatMap { $0.isLinear == key.linear ? $0 : nil }
            ?? key.kind.makeView(model: model, linear: key.linear)
        fresh[key.kind] = view
        view.resize(width: key.width, height: key.height)
        sized.append((key, view))
        if sized.count > FreshViewCache.capacity { sized.removeFirst() }
        return view
    }
}
