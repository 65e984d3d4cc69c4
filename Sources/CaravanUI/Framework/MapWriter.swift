import CaravanContent

struct MapWriter {
    let index: FrameworkIndex
    let level: MapDetailLevel
    let glyphs: Glyphs
    var canvas: Canvas<MapSlotKey>
    /// The widest mechanism code, so titles line up.
    let codeWidth: Int
    /// The widest case count.
    let countWidth: Int

    init(index: FrameworkIndex, level: MapDetailLevel, glyphs: Glyphs, width: Int) {
        self.index = index
        self.level = level
        self.glyphs = glyphs
        canvas = Canvas(width: width)
        let mechanisms = index.connotations.flatMap(\.mechanisms)
        codeWidth = max(
            mechanisms.map { TextFit.width($0.code) }.max() ?? 1,
            index.connotations.map { TextFit.width($0.code) }.max() ?? 1)
        let counts = index.connotations.map(\.cases.count) + mechanisms.map(\.cases.count)
        countWidth = String(counts.max() ?? 0).count
    }

    var width: Int { canvas.width }

    /// A text as lines of `width`: wrapped, or cut to one line, as the level says.
    func lines(_ text: String, width: Int, limit: Int = Int.max) -> [String] {
        guard width > 0, !text.isEmpty else { return [] }
        if level.wraps {
            return TextFit.wrap(text, width: width, limit: limit, ellipsis: glyphs.ellipsis)
        }
        return [TextFit.truncate(text, to: width, ellipsis: glyphs.ellipsis)]
    }

    // MARK: Boxes

    /// The connotations side by side, then their ties below.
    mutating func writeSideBySide() {
        let columns = boxColumns()
        var rows: [Int] = []
        for (connotation, column) in zip(index.connotations, columns) {
            rows.append(
                writeBox(connotation, x: column.x, y: 1, width: column.width, withTies: false))
        }
        let boxHeight = (rows.max() ?? 0) + 2
        for column in columns {
            canvas.boxBeneath(Rect(x: column.x, y: 0, width: column.width, height: boxHeight))
        }
        var y = boxHeight + 1
        switch level.ties {
        case .matrix:
            y = writeTieMatrix(y: y)
        case .notes(let conceptLines, let sectionLines):
            y = writeConceptNotes(y: y, columns: columns, lines: conceptLines)
            y = writeSectionNotes(y: y, columns: columns, lines: sectionLines)
        }
        canvas.reserve(rows: y)
    }

    /// The connotations one below the other, each with its ties inside its box.
    mutating func writeStacked() {
        var y = 0
        for connotation in index.connotations {
            let rows = writeBox(connotation, x: 0, y: y + 1, width: width, withTies: true)
            canvas.boxBeneath(Rect(x: 0, y: y, width: width, height: rows + 2))
            y += rows + 3
        }
    }

    /// The x and width of each box: equal shares, with a gap between boxes when it fits.
    private func boxColumns() -> [(x: Int, width: Int)] {
        let count = index.connotations.count
        guard count > 0 else { return [] }
        let gap = width >= count * MapLayout.minimumBoxWidth + (count - 1) ? 1 : 0
        let usable = width - gap * (count - 1)
        var columns: [(x: Int, width: Int)] = []
        var x = 0
        for position in 0..<count {
            let share = usable / count + (position < usable % count ? 1 : 0)
            columns.append((x, share))
            x += share + gap
        }
        return columns
    }

    /// A connotation's box contents from row `y`; returns the rows used.
    private mutating func writeBox(
        _ connotation: FrameworkIndex.Connotation, x: Int, y: Int, width: Int, withTies: Bool
    ) -> Int {
        let textX = x + 2
        let textWidth = width - 3
        var row = y

        // The connotation: code, title, number of cases.
        let codeSpace = TextFit.width(connotation.code) + 1
        let titleWidth = textWidth - codeSpace - countWidth - 1
        let titleLines = lines(connotation.title, width: titleWidth).nonEmpty
        canvas.text(connotation.code, x: textX, y: row, width: textWidth, role: .title)
        for (offset, line) in titleLines.enumerated() {
            canvas.text(
                line, x: textX + codeSpace, y: row + offset, width: titleWidth, role: .title)
        }
        writeCount(connotation.cases.count, x: textX + textWidth - countWidth, y: row, role: .title)
        canvas.slot(
            .connotation(connotation.id),
            rect: Rect(x: x + 1, y: row, width: width - 2, height: titleLines.count),
            detail: MapLayout.detail(connotation, index: index))
        row += titleLines.count

        row += writeLabelled("field", connotation.field, x: textX, y: row, width: textWidth)
        row += writeLabelled("lever", connotation.lever, x: textX, y: row, width: textWidth)
        if level.summaries {
            for line in TextFit.wrap(connotation.summary, width: textWidth) {
                canvas.text(line, x: textX, y: row, width: textWidth, role: .dim)
                row += 1
            }
        }

        canvas.divider(x: x, y: row, width: width)
        row += 1
        if connotation.mechanisms.isEmpty {
            canvas.text("No mechanisms", x: textX, y: row, width: textWidth, role: .dim)
            row += 1
        }
        for mechanism in connotation.mechanisms {
            row += writeMechanism(mechanism, x: x, y: row, width: width)
        }

        if withTies && !connotation.ties.isEmpty {
            canvas.divider(x: x, y: row, width: width)
            row += 1
            for tie in connotation.ties {
                row += writeStackedTie(tie, of: connotation, x: x, y: row, width: width)
            }
        }
        return row - y
    }

    /// `label value`, the value wrapped under itself; returns the rows used.
    private mutating func writeLabelled(
        _ label: String, _ value: String, x: Int, y: Int, width: Int
    )
        -> Int
    {
        guard !value.isEmpty else { return 0 }
        let labelWidth = TextFit.width(label) + 1
        let valueLines = lines(value, width: width - labelWidth)
        canvas.text(label, x: x, y: y, width: width, role: .dim)
        for (offset, line) in valueLines.enumerated() {
            canvas.text(line, x: x + labelWidth, y: y + offset, width: width - labelWidth)
        }
        return max(1, valueLines.count)
    }

    private mutating func writeCount(_ count: Int, x: Int, y: Int, role: Role) {
        let text = TextFit.rightAligned(String(count), to: countWidth, ellipsis: "")
        canvas.text(text, x: x, y: y, width: countWidth, role: role)
    }

    /// A mechanism row: code, indented title, number of cases; returns the rows used.
    private mutating func writeMechanism(
        _ mechanism: FrameworkIndex.Mechanism, x: Int, y: Int, width: Int
    ) -> Int {
        let textX = x + 2
        let textWidth = width - 3
        let indent = min(2 * mechanism.depth, max(0, textWidth / 4))
        let titleX = textX + codeWidth + 1 + indent
        let titleWidth = textWidth - codeWidth - 1 - indent - countWidth - 1
        let titleLines = lines(mechanism.title, width: titleWidth).nonEmpty
        canvas.text(
            TextFit.padded(mechanism.code, to: codeWidth, ellipsis: ""), x: textX, y: y,
            width: textWidth, role: .dim)
        let role: Role = mechanism.depth == 0 ? .strong : .text
        for (offset, line) in titleLines.enumerated() {
            canvas.text(line, x: titleX, y: y + offset, width: titleWidth, role: role)
        }
        writeCount(mechanism.cases.count, x: textX + textWidth - countWidth, y: y, role: .text)
        canvas.slot(
            .mechanism(mechanism.id),
            rect: Rect(x: x + 1, y: y, width: width - 2, height: titleLines.count),
            detail: MapLayout.detail(mechanism, index: index))
        return titleLines.count
    }

    /// `↔ label: note` inside a stacked box; returns the rows used.
    private mutating func writeStackedTie(
        _ tie: FrameworkIndex.Tie, of connotation: FrameworkIndex.Connotation, x: Int, y: Int,
        width: Int
    ) -> Int {
        guard let target = index.target(tie.target) else { return 0 }
        let textX = x + 2
        let textWidth = width - 3
        let limit: Int
        switch level.ties {
        case .notes(let conceptLines, let sectionLines):
            limit = target.isSection ? sectionLines : conceptLines
        case .matrix:
            limit = 1
        }
        let prefix = glyphs.tie + " " + target.label + ":"
        let text = prefix + " " + tie.note
        // Lines after the first are indented under the tie sign.
        let textLines = lines(text, width: textWidth - 2, limit: limit).nonEmpty
        for (offset, line) in textLines.enumerated() {
            let indent = offset == 0 ? 0 : 2
            canvas.text(line, x: textX + indent, y: y + offset, width: textWidth - indent)
        }
        canvas.text(
            prefix, x: textX, y: y, width: min(textWidth, TextFit.width(prefix)), role: .strong)
        canvas.slot(
            .tie(connotation: connotation.id, target: target.id),
            rect: Rect(x: x + 1, y: y, width: width - 2, height: textLines.count),
            detail: MapLayout.detail(tie, connotation: connotation, target: target, glyphs: glyphs))
        return textLines.count
    }
}

extension Array where Element == String {
    /// At least one line: an empty list becomes one empty line, so an item keeps its row.
    var nonEmpty: [String] { isEmpty ? [""] : self }
}
