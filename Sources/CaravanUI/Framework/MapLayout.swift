import CaravanContent

/// What can be selected on the framework map.
enum MapSlotKey: CanvasSlotKey {
    case connotation(EntityID)
    case mechanism(EntityID)
    /// A concept or section the connotations tie to (a heading or a column header).
    case target(EntityID)
    /// One connotation's tie to a concept or section.
    case tie(connotation: EntityID, target: EntityID)

    /// What Enter opens.
    var entity: EntityID {
        switch self {
        case .connotation(let id), .mechanism(let id), .target(let id): id
        case .tie(_, let target): target
        }
    }
}

/// How much the map shows. The screen tries levels from the richest down and keeps the
/// first whose height fits.
struct MapDetailLevel: Hashable, Sendable {
    enum Ties: Hashable, Sendable {
        /// A row per connotation, a column per concept or section, a mark where a tie is.
        case matrix
        /// The notes themselves, each cut to so many lines.
        case notes(conceptLines: Int, sectionLines: Int)
    }

    /// Show each connotation's summary in its box.
    var summaries: Bool
    /// Wrap long titles, fields and levers instead of cutting them.
    var wraps: Bool
    var ties: Ties
}

/// Lays out the framework map: the connotations as boxes (side by side, or stacked when
/// narrow) with their mechanisms, then how each ties to the concepts and sections its
/// `relations` name.
enum MapLayout {
    /// The narrowest box worth putting side by side with the others.
    static let minimumBoxWidth = 22

    static func isSideBySide(_ index: FrameworkIndex, width: Int) -> Bool {
        !index.connotations.isEmpty && width >= index.connotations.count * minimumBoxWidth
    }

    /// Levels of detail, richest first.
    static func levels(sideBySide: Bool) -> [MapDetailLevel] {
        let all = Int.max
        func level(_ summaries: Bool, _ wraps: Bool, _ ties: MapDetailLevel.Ties)
            -> MapDetailLevel
        {
            MapDetailLevel(summaries: summaries, wraps: wraps, ties: ties)
        }
        if !sideBySide {
            return [
                level(true, true, .notes(conceptLines: all, sectionLines: all)),
                level(false, true, .notes(conceptLines: all, sectionLines: all)),
                level(false, true, .notes(conceptLines: 2, sectionLines: 2)),
                level(false, false, .notes(conceptLines: 1, sectionLines: 1)),
            ]
        }
        return [
            level(true, true, .notes(conceptLines: all, sectionLines: all)),
            level(true, true, .notes(conceptLines: all, sectionLines: 2)),
            level(false, true, .notes(conceptLines: all, sectionLines: all)),
            level(false, true, .notes(conceptLines: all, sectionLines: 2)),
            level(false, true, .notes(conceptLines: 2, sectionLines: 1)),
            level(false, true, .notes(conceptLines: 1, sectionLines: 1)),
            level(false, false, .notes(conceptLines: 1, sectionLines: 1)),
            level(false, true, .matrix),
            level(false, false, .matrix),
        ]
    }

    /// The richest layout no taller than `height` rows, or the leanest when none is; with
    /// no height, the richest.
    static func canvas(
        _ index: FrameworkIndex, width: Int, height: Int?, glyphs: Glyphs
    ) -> Canvas<MapSlotKey> {
        let levels = levels(sideBySide: isSideBySide(index, width: width))
        var chosen = Canvas<MapSlotKey>(width: width)
        for level in levels {
            chosen = canvas(index, width: width, level: level, glyphs: glyphs)
            guard let height else { return chosen }
            if chosen.height <= height { return chosen }
        }
        return chosen
    }

    static func canvas(
        _ index: FrameworkIndex, width: Int, level: MapDetailLevel, glyphs: Glyphs
    ) -> Canvas<MapSlotKey> {
        var writer = MapWriter(index: index, level: level, glyphs: glyphs, width: width)
        if index.connotations.isEmpty {
            writer.canvas.text(
                "This content has no connotations.", x: 0, y: 0, width: width, role: .dim)
        } else if isSideBySide(index, width: width) {
            writer.writeSideBySide()
        } else {
            writer.writeStacked()
        }
        return writer.canvas
    }

    /// Every detail the map can show, to size the detail rows once for all selections.
    static func details(_ index: FrameworkIndex, glyphs: Glyphs) -> [SelectionDetail] {
        var details: [SelectionDetail] = []
        for connotation in index.connotations {
            details.append(detail(connotation, index: index))
            for mechanism in connotation.mechanisms {
                details.append(detail(mechanism, index: index))
            }
            for tie in connotation.ties {
                if let target = index.target(tie.target) {
                    details.append(
                        detail(tie, connotation: connotation, target: target, glyphs: glyphs))
                }
            }
        }
        details += index.tieTargets.map(detail)
        return details
    }

    static func detail(_ connotation: FrameworkIndex.Connotation, index: FrameworkIndex)
        -> SelectionDetail
    {
        var parts: [String] = []
        if !connotation.field.isEmpty { parts.append("Field: \(connotation.field).") }
        if !connotation.lever.isEmpty { parts.append("Lever: \(connotation.lever).") }
        if !connotation.summary.isEmpty { parts.append(connotation.summary) }
        return SelectionDetail(
            title:
                "\(connotation.code) \(connotation.title) (\(ScreenChrome.count(connotation.cases.count, "case")))",
            text: parts.joined(separator: " "))
    }

    static func detail(_ mechanism: FrameworkIndex.Mechanism, index: FrameworkIndex)
        -> SelectionDetail
    {
        let connotation = index.connotation(mechanism.connotation)?.title ?? "connotation"
        var context = "A mechanism of the \(connotation)."
        if let parentID = mechanism.parent, let parent = index.mechanism(parentID) {
            context = "Part of \(parent.code) \(parent.title) (\(connotation))."
        }
        let text = [context, mechanism.summary].filter { !$0.isEmpty }.joined(separator: " ")
        return SelectionDetail(
            title:
                "\(mechanism.code) \(mechanism.title) (\(ScreenChrome.count(mechanism.cases.count, "case")))",
            text: text)
    }

    static func detail(_ target: FrameworkIndex.TieTarget) -> SelectionDetail {
        SelectionDetail(title: target.title, text: target.summary)
    }

    static func detail(
        _ tie: FrameworkIndex.Tie, connotation: FrameworkIndex.Connotation,
        target: FrameworkIndex.TieTarget, glyphs: Glyphs
    ) -> SelectionDetail {
        SelectionDetail(
            title: "\(connotation.title) \(glyphs.tie) \(target.title)", text: tie.note)
    }
}

/// Records the map on a canvas for one level of detail.
private struct MapWriter {
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

    private var width: Int { canvas.width }

    /// A text as lines of `width`: wrapped, or cut to one line, as the level says.
    private func lines(_ text: String, width: Int, limit: Int = Int.max) -> [String] {
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

    // MARK: Ties

    /// A row per connotation and a column per concept or section, a mark where the
    /// connotation states a tie; returns the next free row.
    private mutating func writeTieMatrix(y: Int) -> Int {
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
    private mutating func writeConceptNotes(
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
    private mutating func writeSectionNotes(
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

extension Array where Element == String {
    /// At least one line: an empty list becomes one empty line, so an item keeps its row.
    fileprivate var nonEmpty: [String] { isEmpty ? [""] : self }
}
