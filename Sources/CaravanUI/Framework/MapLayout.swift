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
