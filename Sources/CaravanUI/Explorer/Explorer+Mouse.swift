import CaravanContent

/// Clicks and the wheel: a click focuses a pane and selects or opens what is under it; the
/// wheel scrolls the pane under the pointer by three lines.
extension Explorer {
    mutating func handleMouse(_ mouse: MouseEvent) {
        guard state.overlay == nil else { return }
        state.count.drop()
        let layout = paneLayout
        for (pane, rect) in layout.panes where rect.contains(x: mouse.x, y: mouse.y) {
            switch mouse.kind {
            case .wheelUp:
                state.focus = pane
                _ = perform(.lineUp, count: 3)
            case .wheelDown:
                state.focus = pane
                _ = perform(.lineDown, count: 3)
            case .click:
                setFocus(pane)
                let row = mouse.y - rect.y - 1
                guard row >= 0 else { return }
                switch pane {
                case .navigator:
                    selectRow(state.navigator.offset + row)
                case .context:
                    let index = state.context.offset + row
                    if context.rows.indices.contains(index),
                        case .entry(let id) = context.rows[index]
                    {
                        open(id, pushing: true)
                    }
                case .reader:
                    let line = state.reader.offset + row
                    if let link = page.links.firstIndex(where: { $0.line == line }) {
                        state.selectedLink = link
                    }
                }
            }
        }
    }
}
