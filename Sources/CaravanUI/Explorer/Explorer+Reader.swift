import CaravanContent

/// The reader pane: the current entity's page, scrolling, and the link selected on it.
extension Explorer {
    /// The reader's text width.
    var readerTextWidth: Int {
        let rect =
            paneLayout.rect(of: .reader)
            ?? PaneLayout(
                width: state.width, height: state.height, focus: .reader, sidePane: state.sidePane,
                zoomed: true
            )
            .rect(of: .reader) ?? Rect(x: 0, y: 0, width: state.width, height: state.height)
        return max(10, min(rect.width - 3, 100))
    }

    /// Lays the current page out again when the entity, the width or the search changed.
    mutating func refreshPage() {
        let key = PageKey(id: state.current, width: readerTextWidth, terms: state.searchTerms)
        guard key != pageKey else { return }
        pageKey = key
        page = layout(of: state.current)
        if let link = state.selectedLink, link >= page.links.count { state.selectedLink = nil }
        clampReader()
    }

    /// An entity's page at the reader's width with the search's words marked, from the
    /// cache when it was laid out before.
    mutating func layout(of id: EntityID) -> DocumentLayout {
        let width = readerTextWidth
        guard let entity = model.entity(id) else { return DocumentLayout(width: width) }
        let terms = state.searchTerms
        let ascii = !capabilities.unicode
        let key = PageCache.Key(id: id, width: width, terms: terms, ascii: ascii)
        let model = self.model
        return pageCache.page(for: key) {
            EntityPage.layout(entity, in: model, width: width, searchTerms: terms, ascii: ascii)
        }
    }

    mutating func clampReader() {
        state.reader.clampOffset(visible: visibleRows(.reader), total: page.lines.count)
    }

    mutating func readerMove(_ motion: Motion, count: Int) {
        let visible = visibleRows(.reader)
        scrollReader(
            to: motion.target(
                from: state.reader.offset, count: count, paging: .text(visible: visible),
                last: page.lines.count))
    }

    /// Enter in the reader follows the selected link.
    mutating func followSelectedLink() {
        if let link = state.selectedLink, page.links.indices.contains(link) {
            open(page.links[link].target, pushing: true)
        } else {
            let key = keymap.keyName(for: .nextLink).map { ": \($0) selects the next link" }
            state.message = "No link selected" + (key ?? "")
        }
    }

    /// Scrolls to a line; the selected link is let go when it leaves the screen.
    mutating func scrollReader(to line: Int) {
        let visible = visibleRows(.reader)
        state.reader.scroll(to: line, visible: visible, total: page.lines.count)
        if let link = state.selectedLink, page.links.indices.contains(link) {
            let place = page.links[link].line
            if place < state.reader.offset || place >= state.reader.offset + visible {
                state.selectedLink = nil
            }
        }
    }

    /// Selects the link `step` links on (back when negative), from the first on screen
    /// when none is selected, wrapping at the ends.
    mutating func moveLink(by step: Int) {
        guard !page.links.isEmpty else {
            state.message = "This page has no links"
            return
        }
        let visible = visibleRows(.reader)
        let top = state.reader.offset
        let count = page.links.count
        var next: Int
        if let current = state.selectedLink {
            next = ((current + step) % count + count) % count
        } else {
            // Start from the first link on screen (or the last, going backwards).
            let onScreen = page.links.indices.filter {
                page.links[$0].line >= top && page.links[$0].line < top + visible
            }
            if step > 0 {
                next =
                    onScreen.first ?? page.links.indices.first { page.links[$0].line >= top } ?? 0
                next = (next + step - 1) % count
            } else {
                next = onScreen.last ?? count - 1
                next = ((next + step + 1) % count + count) % count
            }
        }
        state.selectedLink = next
        let line = page.links[next].line
        state.reader.reveal(line..<(line + 1), visible: visible, total: page.lines.count)
    }

    /// Brings a line into view a third of the way down, unless it is on screen already.
    mutating func scrollToLine(_ line: Int) {
        state.reader.land(on: line, visible: visibleRows(.reader), total: page.lines.count)
    }
}
