import CaravanContent

/// The title bar: where the reader is, as a trail from "Caravan" through the navigator's
/// groups to the entity (`Caravan › Cases › Economic connotation › …`), or the view open.
struct TitleBar: Widget {
    let explorer: Explorer
    let look: Look

    func render(in rect: Rect, into grid: inout Grid) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        grid.fill(row, style: look.theme[.titleBar])
        let text = Breadcrumb.fit(
            crumbs, separator: look.glyphs.crumb, ellipsis: look.glyphs.ellipsis,
            width: rect.width - 1)
        grid.write(
            " " + text, x: rect.x, y: rect.y, style: look.theme[.titleBar], maxWidth: rect.width)
    }

    private var crumbs: [String] {
        if let view = explorer.framework { return ["Caravan", view.kind.title] }
        let model = explorer.model
        let current = explorer.state.current
        var crumbs = ["Caravan"]
        for key in explorer.tree.ancestors(of: current) ?? [] {
            if key.hasPrefix("group:") {
                if let title = groupTitle(key) { crumbs.append(title) }
            } else if let id = EntityID(key), let entity = model.entity(id) {
                crumbs.append(shortTitle(entity))
            }
        }
        if let entity = model.entity(current) { crumbs.append(shortTitle(entity)) }
        return crumbs
    }

    private func shortTitle(_ entity: Entity) -> String {
        if entity.kind == .section, let number = entity.number {
            // At the start of a crumb: "§3b", or "Section 3b".
            let section = look.glyphs.section
            return section.prefix(1).uppercased() + section.dropFirst() + number
        }
        return Sanitizer.visible(entity.title)
    }

    private func groupTitle(_ key: String) -> String? {
        func find(_ nodes: [NavigatorTree.Node]) -> String? {
            for node in nodes {
                if node.key == key, case .group(let title) = node.item { return title }
                if let found = find(node.children) { return found }
            }
            return nil
        }
        return find(explorer.tree.roots)
    }
}

/// What a terminal below 40x12 shows: that it is too small, its size, and the key that
/// quits.
struct TooSmallNotice: Widget {
    let theme: Theme
    /// The quit key's name, as the keymap binds it; nil when nothing quits.
    var quitKey: String? = "q"

    func render(in rect: Rect, into grid: inout Grid) {
        let quits = quitKey.map { ["\($0) quits"] } ?? []
        let lines =
            rect.width >= 24
            ? [
                "Terminal too small",
                "\(rect.width)x\(rect.height); needs \(PaneLayout.minimumWidth)x\(PaneLayout.minimumHeight)",
            ] + quits
            : ["Too small", "\(rect.width)x\(rect.height)"] + quits
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < rect.maxY {
            let x = rect.x + max(0, (rect.width - DisplayWidth.of(line)) / 2)
            grid.write(
                line, x: x, y: top + offset, style: offset == 0 ? theme[.error] : theme[.text],
                maxWidth: rect.width)
        }
    }
}
