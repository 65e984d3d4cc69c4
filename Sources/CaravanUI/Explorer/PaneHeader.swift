/// A pane's top row: a rule with the pane's title, and a short note on the right (the
/// Links pane's count) when there is room. The focused pane's rule is coloured.
struct PaneHeader: Widget {
    let title: String
    var right = ""
    let focused: Bool
    /// A screen reader would read the rule's characters aloud: it gets spaces.
    let screenReader: Bool
    let look: Look

    func render(in rect: Rect, into grid: inout Grid) {
        let theme = look.theme
        let role: Role = focused ? .focusedBorder : .border
        let rule = screenReader ? " " : String(look.glyphs.box.horizontal)
        let line = String(repeating: rule, count: max(0, rect.width))
        grid.write(line, x: rect.x, y: rect.y, style: theme[role], maxWidth: rect.width)
        let rightWidth = DisplayWidth.of(right)
        let titleText =
            " " + TextFit.cut(title, to: max(1, rect.width - rightWidth - 6), mark: look.glyphs.cut)
            + " "
        grid.write(
            titleText, x: rect.x + 1, y: rect.y, style: focused ? theme[.paneTitle] : theme[.dim],
            maxWidth: rect.width - 1)
        if !right.isEmpty, rect.width > DisplayWidth.of(titleText) + rightWidth + 3 {
            grid.write(
                right, x: rect.x + rect.width - rightWidth - 1, y: rect.y, style: theme[.dim],
                maxWidth: rightWidth)
        }
    }
}

/// A pane with its header: the header on the first row, the pane's body below.
struct PaneWithHeader<Body: Widget>: Widget {
    let header: PaneHeader
    let body: Body

    func render(in rect: Rect, into grid: inout Grid) {
        guard rect.width > 0, rect.height > 0 else { return }
        header.render(in: rect, into: &grid)
        body.render(in: rect.inset(top: 1), into: &grid)
    }
}
