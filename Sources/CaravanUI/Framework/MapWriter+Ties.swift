import CaravanContent

/// How the connotations tie to the concepts and sections below the boxes: as a table of
/// marks, or as the notes themselves under each connotation's box.
extension MapWriter {
    /// A row per connotation and a column per concept or section, a mark where the
    /// connotation states a tie; returns the next free row.
    mutating func writeTieMatrix(y: Int) -> Int {
        let targets = index.tieTargets
        guard !targets.isEmpty else { return y }
        let rowLabels = index.connotations.map { $0.code + " " + firstWord($0.title) }
        let heading = "Ties"
        let labelWidth = min(
            max(TextFit.width(heading), rowLabels.map(TextFit.width).max() ?? 0) + 1,
            max(4, width / 4))
        let sections = targets.filter(\.isSection)
        let sectionWidth = max(3, (sections.map { TextFit.width($0.label) }.max() ?? 0) + 1)
        let conceptCount = targets.count - sections.count
        let remaining = width - labelWidth - sections.count * sectionWidth
        let conceptWidth =
            conceptCount > 0 ? min(24, max(5, remaining / conceptCount)) : 0

        canvas.text(heading, x: 0, y: y, width: labelWidth - 1, role: .heading)
        var columns: [(target: FrameworkIndex.TieTarget, x: Int, width: Int, markX: Int)] = []
        var x = labelWidth
        for target in targets {
            let columnWidth = target.isSection ? sectionWidth : conceptWidth
            let label = TextFit.truncate(
                target.isSection ? target.label : plainTitle(target.title),
                to: columnWidth - 1, ellipsis: glyphs.ellipsis)
            let labelShown = TextFit.width(label)
            canvas.text(label, x: x, y: y, width: columnWidth - 1, role: .heading)
            canvas.slot(
                .target(target.id),
                rect: Rect(x: x, y: y, width: columnWidth - 1, height: 1),
                detail: MapLayout.detail(target))
            columns.append((target, x, columnWidth, x + max(0, (labelShown - 1) / 2)))
            x += columnWidth
        }
        var row = y + 1
        for (connotation, label) in zip(index.connotations, rowLabels) {
            canvas.text(
                TextFit.truncate(label, to: labelWidth - 1, ellipsis: glyphs.ellipsis), x: 0,
                y: row, width: labelWidth - 1, role: .strong)
            for column in columns {
                guard let tie = index.tie(from: connotation, to: column.target.id) else { continue }
                canvas.text(glyphs.mark, x: column.markX, y: row, width: 1)
                canvas.slot(
                    .tie(connotation: connotation.id, target: column.target.id),
                    rect: Rect(x: column.x, y: row, width: column.width - 1, height: 1),
                    detail: MapLayout.detail(
                        tie, connotation: connotation, target: column.target, glyphs: glyphs))
            }
            row += 1
        }
        return row
    }

    /// For each concept the connotations tie to: a heading, then each connotation's note
    /// under its box; returns the next free row.
    mutating func writeConceptNotes(
        y: Int, columns: [(x: Int, width: Int)], lines limit: Int
    ) -> Int {
        var row = y
        for target in index.tieTargets where !target.isSection {
            let heading = glyphs.tie + " " + target.title
            let headingWidth = min(width, TextFit.width(heading))
            canvas.text(heading, x: 0, y: row, width: width, role: .heading)
            canvas.slot(
                .target(target.id),
                rect: Rect(x: 0, y: row, width: headingWidth, height: 1),
                detail: MapLayout.detail(target))
            row += 1
            row += writeNoteRow(target, columns: columns, y: row, limit: limit, label: nil)
        }
        return row
    }

    /// The sections the connotations tie to: a heading, then a row per section with each
    /// connotation's note under its box; returns the next free row.
    mutating func writeSectionNotes(
        y: Int, columns: [(x: Int, width: Int)], lines limit: Int
    ) -> Int {
        let sections = index.tieTargets.filter(\.isSection)
        guard let first = sections.first, let last = sections.last else { return y }
        var row = y
        let range =
            sections.count == 1
            ? "Section \(first.label)" : "Sections \(first.label)\(glyphs.range)\(last.label)"
        canvas.text(glyphs.tie + " " + range, x: 0, y: row, width: width, role: .heading)
        row += 1
        for section in sections {
            row += writeNoteRow(
                section, columns: columns, y: row, limit: limit, label: section.label)
        }
        return row
    }

    /// Each connotation's note on `target`, in its box's column; returns the rows used.
    private mutating func writeNoteRow(
        _ target: FrameworkIndex.TieTarget, columns: [(x: Int, width: Int)], y: Int, limit: Int,
        label: String?
    ) -> Int {
        var used = 1
        for (connotation, column) in zip(index.connotations, columns) {
            guard let tie = index.tie(from: connotation, to: target.id) else { continue }
            let textX = column.x + 2
            let textWidth = column.width - 3
            let labelWidth = label.map { TextFit.width($0) + 1 } ?? 0
            let noteLines = lines(tie.note, width: textWidth - labelWidth, limit: limit).nonEmpty
            if let label {
                canvas.text(label, x: textX, y: y, width: textWidth, role: .strong)
            }
            for (offset, line) in noteLines.enumerated() {
                canvas.text(
                    line, x: textX + labelWidth, y: y + offset, width: textWidth - labelWidth)
            }
            canvas.slot(
                .tie(connotation: connotation.id, target: target.id),
                rect: Rect(x: column.x + 1, y: y, width: column.width - 2, height: noteLines.count),
                detail: MapLayout.detail(
                    tie, connotation: connotation, target: target, glyphs: glyphs))
            used = max(used, noteLines.count)
        }
        return used
    }

    private func firstWord(_ title: String) -> String {
        String(title.split(separator: " ").first ?? Substring(title))
    }

    /// A title without a leading article or quotes, for a narrow column header.
    private func plainTitle(_ title: String) -> String {
        var text = Substring(title)
        for article in ["The ", "A ", "An "] where text.hasPrefix(article) {
            text = text.dropFirst(article.count)
        }
        return text.filter { $0 != "\"" && $0 != "“" && $0 != "”" }
    }
}
