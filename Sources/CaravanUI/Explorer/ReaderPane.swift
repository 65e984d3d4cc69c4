/// The reader's text from its scroll on: each span in its role, the selected link and the
/// search's matches (the current one apart) highlighted.
struct ReaderPane: Widget {
    let page: DocumentLayout
    let state: ExplorerState
    let theme: Theme

    func render(in rect: Rect, into grid: inout Grid) {
        for line in 0..<rect.height {
            let index = state.reader.offset + line
            guard page.lines.indices.contains(index) else { break }
            var x = rect.x + 1
            let limit = rect.x + rect.width - 1
            for span in page.lines[index].spans {
                guard x < limit else { break }
                var role = span.role
                if let link = span.link, link == state.selectedLink { role = .selectedLink }
                if let match = span.match {
                    role = match == state.currentMatch ? .currentMatch : .match
                }
                x += grid.write(
                    span.text, x: x, y: rect.y + line, style: theme[role], maxWidth: limit - x)
            }
        }
    }
}
