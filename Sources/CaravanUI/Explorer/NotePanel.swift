import CaravanContent

/// The built-in note editor over the panes: the note's lines scrolled to the cursor's, a
/// long line moved sideways to keep the cursor in sight, and the keys at the bottom.
struct NotePanel: Widget {
    let editor: NoteEditor
    let id: EntityID
    let explorer: Explorer
    let look: Look

    private var frame: OverlayFrame {
        let title = "Note on " + (explorer.model.entity(id)?.title ?? id.description)
        return OverlayFrame(
            width: 76, height: 18, title: TextFit.cut(title, to: 50, mark: look.glyphs.cut),
            look: look)
    }

    func render(in area: Rect, into grid: inout Grid) {
        let frame = self.frame
        frame.render(in: area, into: &grid)
        let inner = frame.inner(in: area)
        let dash = look.glyphs.dash
        let hint =
            editor.isFull
            ? "The note is full: notes hold up to \(NoteEditor.maximumBytes / 1024) KB"
            : explorer.keys.editor.hints([.save, .cancel], separator: dash) + dash
                + "an empty note is removed"
        grid.write(
            hint, x: inner.x, y: inner.y + inner.height - 1,
            style: look.theme[editor.isFull ? .error : .dim], maxWidth: inner.width)
        for (slot, line) in lines(inner).enumerated() {
            grid.write(
                line.shown, x: inner.x, y: inner.y + slot, style: look.theme[.text],
                maxWidth: inner.width)
        }
    }

    /// On the cursor, in its line.
    func cursor(in area: Rect) -> (x: Int, y: Int) {
        let inner = frame.inner(in: area)
        for (slot, line) in lines(inner).enumerated() where line.index == editor.row {
            return (inner.x + min(inner.width - 1, line.cursor), inner.y + slot)
        }
        return (inner.x, inner.y)
    }

    /// The lines shown, above the hint and a blank row: each as shown, and on the cursor's
    /// line the columns before the cursor.
    private func lines(_ inner: Rect) -> [(index: Int, shown: String, cursor: Int)] {
        let rows = max(1, inner.height - 2)
        let top = min(max(0, editor.row - rows + 1), max(0, editor.lines.count - rows))
        return (top..<(top + rows)).filter { editor.lines.indices.contains($0) }.map { index in
            let line = Array(editor.lines[index])
            guard index == editor.row else { return (index, String(line), 0) }
            // Moved sideways by columns as shown (CJK two, a control character as its
            // visible form), so the cursor keeps a column in the box.
            let end = min(editor.column, line.count)
            var start = end
            var before = 0
            while start > 0 {
                let width = DisplayWidth.of(Sanitizer.visible(String(line[start - 1])))
                guard before + width <= inner.width - 2 else { break }
                before += width
                start -= 1
            }
            return (index, String(line[start...]), before)
        }
    }
}
