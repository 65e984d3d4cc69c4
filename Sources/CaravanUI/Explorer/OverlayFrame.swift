/// A bordered box centred on the screen over the panes, its title in the top border: the
/// frame of the help, the prompts, the note editor and the problems list. Its contents go
/// in ``inner(in:)``.
struct OverlayFrame: Widget {
    /// The width and height wanted; a screen smaller than that less two gets a smaller box.
    let width: Int
    let height: Int
    let title: String
    let look: Look

    /// The box on a screen: centred, below the title bar; empty where no box fits.
    func outer(in area: Rect) -> Rect {
        let w = min(width, area.width - 2)
        let h = min(height, area.height - 2)
        let box = Rect(
            x: area.x + max(0, (area.width - w) / 2), y: area.y + max(1, (area.height - h) / 2),
            width: w, height: h)
        guard box.width >= 2, box.height >= 2, box.intersection(area) == box else {
            return Rect(x: area.x, y: area.y, width: 0, height: 0)
        }
        return box
    }

    /// Where the contents go: inside the border, a column of margin on each side.
    func inner(in area: Rect) -> Rect {
        let box = outer(in: area)
        return Rect(
            x: box.x + 2, y: box.y + 1, width: max(0, box.width - 4),
            height: max(0, box.height - 2))
    }

    func render(in area: Rect, into grid: inout Grid) {
        let box = outer(in: area)
        guard !box.isEmpty else { return }
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let style = look.theme[.focusedBorder]
        let chars = look.glyphs.box
        grid.fill(box, style: look.theme[.text])
        let horizontal = look.glyphs.rule(w - 2)
        grid.write(
            String(chars.topLeft) + horizontal + String(chars.topRight), x: x, y: y, style: style,
            maxWidth: w)
        grid.write(
            String(chars.bottomLeft) + horizontal + String(chars.bottomRight), x: x, y: y + h - 1,
            style: style, maxWidth: w)
        for row in (y + 1)..<max(y + 1, y + h - 1) {
            grid.write(String(chars.vertical), x: x, y: row, style: style, maxWidth: 1)
            grid.write(String(chars.vertical), x: x + w - 1, y: row, style: style, maxWidth: 1)
        }
        grid.write(
            " " + title + " ", x: x + 2, y: y, style: look.theme[.paneTitle],
            maxWidth: max(0, w - 4))
    }
}

/// A prompt's first row: the prompt and the input, offered text shown selected, the input's
/// start cut off when it is too long for the row.
struct PromptLine: Widget {
    let prompt: String
    let input: String
    let offered: Bool
    let theme: Theme

    func render(in rect: Rect, into grid: inout Grid) {
        let promptWidth = grid.write(
            prompt, x: rect.x, y: rect.y, style: theme[.key], maxWidth: rect.width)
        grid.write(
            shown(rect), x: rect.x + promptWidth, y: rect.y,
            style: theme[offered ? .selection : .text], maxWidth: rect.width - promptWidth - 1)
    }

    /// Where the text cursor goes: after the input.
    func cursor(in rect: Rect) -> (x: Int, y: Int) {
        let promptWidth = min(DisplayWidth.of(prompt), max(0, rect.width))
        return (rect.x + promptWidth + DisplayWidth.of(shown(rect)), rect.y)
    }

    private func shown(_ rect: Rect) -> String {
        let room = rect.width - DisplayWidth.of(prompt) - 1
        var shown = Sanitizer.visible(input)
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        return shown
    }
}
