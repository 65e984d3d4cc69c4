import CaravanContent

/// The jump prompt over the panes: the name typed, then every view and entity it matches,
/// best first: each entity's code and title, its id on the right.
struct JumpPanel: Widget {
    let jump: JumpOverlay
    let explorer: Explorer
    let look: Look

    private var frame: OverlayFrame {
        OverlayFrame(
            width: 80, height: 20,
            title: "Jump to" + look.glyphs.dash
                + explorer.keys.prompts.title([.complete, .open]),
            look: look)
    }

    func render(in area: Rect, into grid: inout Grid) {
        let frame = self.frame
        frame.render(in: area, into: &grid)
        let inner = frame.inner(in: area)
        let theme = look.theme
        prompt.render(in: inner, into: &grid)
        if jump.targets.isEmpty {
            grid.write(
                "Nothing matches", x: inner.x, y: inner.y + 1, style: theme[.dim],
                maxWidth: inner.width)
        }
        for (slot, index) in shown(area).enumerated() {
            let y = inner.y + 2 + slot
            let selected = index == jump.selection
            let (title, idText) = label(jump.targets[index])
            let idWidth = min(DisplayWidth.of(idText), inner.width / 2)
            if selected {
                grid.fill(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[.selection])
            }
            let titleWidth = max(1, inner.width - idWidth - 2)
            grid.write(
                TextFit.cut(title, to: titleWidth, mark: look.glyphs.cut), x: inner.x, y: y,
                style: theme[selected ? .selection : .text], maxWidth: titleWidth)
            grid.write(
                TextFit.cutFront(idText, to: idWidth, mark: look.glyphs.cut),
                x: inner.x + inner.width - idWidth, y: y,
                style: theme[selected ? .selection : .dim], maxWidth: idWidth)
        }
    }

    /// After the name; a screen reader's cursor goes on the selected target, which it reads.
    func cursor(in area: Rect) -> (x: Int, y: Int) {
        let inner = frame.inner(in: area)
        if explorer.screenReader, let slot = shown(area).firstIndex(of: jump.selection) {
            return (inner.x, inner.y + 2 + slot)
        }
        return prompt.cursor(in: inner)
    }

    private var prompt: PromptLine {
        PromptLine(
            prompt: ":", input: jump.input.text, offered: jump.input.isOffered, theme: look.theme)
    }

    /// The targets on screen, scrolled to keep the selection in sight.
    private func shown(_ area: Rect) -> [Int] {
        let capacity = JumpOverlay.visibleTargets(screenHeight: area.height)
        var list = jump.list
        list.keepVisible(visible: capacity, total: jump.targets.count)
        return (list.offset..<(list.offset + capacity)).filter { jump.targets.indices.contains($0) }
    }

    /// A target's title and id: a view's, or an entity's with the framework's code first,
    /// as the map and the matrix show it.
    private func label(_ target: JumpTarget) -> (title: String, id: String) {
        switch target {
        case .view(let kind):
            return (kind.title, "view/" + kind.rawValue)
        case .entity(let id):
            let code = explorer.lookup.codes[id].map { $0 + " " } ?? ""
            return (code + (explorer.model.entity(id)?.displayTitle ?? ""), id.description)
        }
    }
}
