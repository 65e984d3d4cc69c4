import CaravanContent

/// The framework map as linear text, for screen readers and braille displays: no boxes
/// and no columns, one item a line, read top to bottom. Each connotation with its field
/// and lever, then its mechanisms indented under it (parts under their parents), then
/// every tie, grouped by what it ties to.
extension MapLayout {
    static func linearCanvas(_ index: FrameworkIndex, width: Int, glyphs: Glyphs)
        -> Canvas<MapSlotKey>
    {
        var canvas = Canvas<MapSlotKey>(width: width)
        var y = 0
        func line(_ text: String, indent: Int, role: Role = .text) -> Rect {
            let room = max(1, width - indent)
            canvas.text(
                TextFit.truncate(text, to: room, ellipsis: glyphs.ellipsis), x: indent, y: y,
                width: room, role: role)
            defer { y += 1 }
            return Rect(x: 0, y: y, width: width, height: 1)
        }
        func cases(_ count: Int) -> String { ScreenChrome.count(count, "case") }

        if index.connotations.isEmpty {
            _ = line("This content has no connotations.", indent: 0, role: .dim)
            return canvas
        }
        for connotation in index.connotations {
            let rect = line(
                "\(connotation.code) \(connotation.title), \(cases(connotation.cases.count))",
                indent: 0, role: .title)
            canvas.slot(
                .connotation(connotation.id), rect: rect,
                detail: detail(connotation, index: index))
            if !connotation.field.isEmpty {
                _ = line("field: \(connotation.field)", indent: 2, role: .dim)
            }
            if !connotation.lever.isEmpty {
                _ = line("lever: \(connotation.lever)", indent: 2, role: .dim)
            }
            for mechanism in connotation.mechanisms {
                let rect = line(
                    "\(mechanism.code) \(mechanism.title), \(cases(mechanism.cases.count))",
                    indent: 2 + 2 * mechanism.depth)
                canvas.slot(
                    .mechanism(mechanism.id), rect: rect,
                    detail: detail(mechanism, index: index))
            }
            y += 1
        }
        let tied = index.tieTargets.filter { target in
            index.connotations.contains { index.tie(from: $0, to: target.id) != nil }
        }
        guard !tied.isEmpty else { return canvas }
        _ = line("Ties", indent: 0, role: .title)
        for target in tied {
            let rect = line(target.title, indent: 2, role: .strong)
            canvas.slot(.target(target.id), rect: rect, detail: detail(target))
            for connotation in index.connotations {
                guard let tie = index.tie(from: connotation, to: target.id) else { continue }
                let text =
                    "\(connotation.code) \(connotation.title)"
                    + (tie.note.isEmpty ? "" : ": " + tie.note)
                let rect = line(text, indent: 4)
                canvas.slot(
                    .tie(connotation: connotation.id, target: target.id),
                    rect: rect,
                    detail: detail(tie, connotation: connotation, target: target, glyphs: glyphs))
            }
        }
        return canvas
    }
}
