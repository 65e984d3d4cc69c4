import CaravanContent

/// What a follower shows of the presenter's detours and polls.
enum FollowerDetour {
    /// The entity the presenter opened, as a slide: laid out as a `show:` slide when the
    /// local content has it, else its title and links as the presenter sent them.
    static func slide(_ detour: DetourStatus, in model: ContentModel) -> Slide {
        if let id = EntityID(detour.id), model.contains(id) {
            return Slide(title: detour.title, kind: .entity(id), line: 1)
        }
        let items = detour.links.map { link in
            [MarkdownDocument.Block.paragraph([.text(link.relation + ": " + link.title)])]
        }
        var blocks: [MarkdownDocument.Block] = [
            .paragraph([.emphasis([.text("(This entity is not in your content.)")])])
        ]
        if !items.isEmpty { blocks.append(.list(ordered: false, start: 0, items: items)) }
        return Slide(title: detour.title, kind: .text(MarkdownDocument(blocks: blocks)), line: 1)
    }

    /// The poll's answers over the slide's body, once the presenter reveals them.
    static func drawResults(
        _ poll: PollStatus, on screen: SlideScreen, into grid: inout Grid, theme: PresenterTheme
    ) {
        let geometry = screen.geometry
        let top = screen.bodyTop
        let rows = max(0, geometry.markerRow - top)
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: rows), style: theme.background)
        PollResultsView(poll: poll, theme: theme, glyphs: Glyphs(unicode: screen.unicode))
            .render(
                in: Rect(x: geometry.textX, y: top, width: geometry.textWidth, height: rows),
                into: &grid)
    }

}

/// "f follow again" at the right end of the bottom row, over the explorer a follower
/// stepped into, naming the first rejoin key of the keymap.
struct RejoinHint: Widget {
    let key: String
    let theme: PresenterTheme

    var text: String { " \(key) follow again " }

    func render(in area: Rect, into grid: inout Grid) {
        let width = Grid.measure(text)
        guard area.height > 0, area.width > width else { return }
        grid.write(
            text, x: area.x + area.width - width, y: area.y + area.height - 1, style: theme.notice)
    }
}
