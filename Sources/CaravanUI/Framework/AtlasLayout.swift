import CaravanContent
import Foundation

/// The cases of one region, those that name no country first, then by country.
struct AtlasRegion: Sendable, Hashable {
    struct CountryGroup: Sendable, Hashable {
        /// The countries as the cases give them (`China, Kazakhstan`); nil for cases that
        /// name none.
        var label: String?
        var cases: [FrameworkIndex.CaseStudy]
    }

    var name: String
    var groups: [CountryGroup]

    var cases: [FrameworkIndex.CaseStudy] { groups.flatMap(\.cases) }

    /// The regions that have cases, in the atlas order.
    static func regions(of index: FrameworkIndex) -> [AtlasRegion] {
        index.regions.map { name in
            let cases = index.cases.filter { $0.region == name }
            var labels: [String?] = []
            for item in cases {
                let label = item.countries.isEmpty ? nil : item.countries.joined(separator: ", ")
                if !labels.contains(label) { labels.append(label) }
            }
            labels.sort { a, b in
                switch (a, b) {
                case (nil, _): return b != nil
                case (_, nil): return false
                case (let x?, let y?): return NaturalOrder.precedes(x, y)
                }
            }
            let groups = labels.map { label in
                CountryGroup(
                    label: label,
                    cases: cases.filter {
                        ($0.countries.isEmpty ? nil : $0.countries.joined(separator: ", ")) == label
                    })
            }
            return AtlasRegion(name: name, groups: groups)
        }
    }
}

/// Lays out the atlas as a rough map (regions as boxes placed about where they lie) or as
/// a list (region, country, case). Slots are keyed by the case they show.
enum AtlasLayout {
    /// The smallest area worth drawing the map in.
    static let mapMinimumWidth = 100
    static let mapMinimumHeight = 30

    /// Columns of the map from west to east, each listing its regions from north to south.
    /// Regions not named here go in the band along the bottom with Global.
    static let mapColumns: [[String]] = [
        [Region.europe, .westAsia, .latinAmerica].map(\.rawValue),
        [Region.centralAsia, .southAsia].map(\.rawValue),
        [Region.china, .southeastAsia].map(\.rawValue),
        [Region.eastAsia].map(\.rawValue),
    ]

    /// The column (counting from 0) whose first box drops a little when there is room,
    /// so China sits in the middle of the map rather than along its top.
    static let loweredColumn = 2

    // MARK: Map

    /// The map, or nil when its boxes would be narrower than a usable width.
    /// `height`, when given, lets the China column drop to the middle; `wraps` wraps long
    /// titles instead of cutting them.
    static func map(
        _ regions: [AtlasRegion], index: FrameworkIndex, width: Int, height: Int?, wraps: Bool,
        glyphs: Glyphs
    ) -> Canvas<EntityID>? {
        let byName = Dictionary(regions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let placed = Set(mapColumns.joined())
        let columns = mapColumns.enumerated()
            .map { (place: $0.offset, regions: $0.element.compactMap { byName[$0] }) }
            .filter { !$0.regions.isEmpty }
        let bottom = regions.filter { !placed.contains($0.name) }
        guard !columns.isEmpty || !bottom.isEmpty else { return nil }
        let gap = 1
        let count = max(1, columns.count)
        let usable = width - gap * (count - 1)
        guard usable / count >= 20 else { return nil }

        var boxes: [[RegionBox]] = []
        var x = 0
        for (position, column) in columns.enumerated() {
            let share = usable / count + (position < usable % count ? 1 : 0)
            boxes.append(
                column.regions.map {
                    RegionBox($0, x: x, width: share, wraps: wraps, glyphs: glyphs)
                })
            x += share + gap
        }
        let bottomBoxes = bottom.map {
            RegionBox($0, x: 0, width: width, wraps: wraps, glyphs: glyphs)
        }
        let columnHeights = boxes.map { $0.reduce(0) { $0 + $1.height } }
        let mapHeight = (columnHeights.max() ?? 0) + bottomBoxes.reduce(0) { $0 + $1.height }
        let slack = height.map { max(0, $0 - mapHeight) } ?? 0

        var canvas = Canvas<EntityID>(width: width)
        var tallest = 0
        for (column, stack) in zip(columns, boxes) {
            var y = column.place == loweredColumn ? min(slack, 3) : 0
            for box in stack {
                box.write(at: y, on: &canvas, index: index, glyphs: glyphs)
                y += box.height
            }
            tallest = max(tallest, y)
        }
        var y = tallest
        for box in bottomBoxes {
            box.write(at: y, on: &canvas, index: index, glyphs: glyphs)
            y += box.height
        }
        return canvas
    }

    /// A region's box on the map: its name and count in the top border, then its
    /// countries (dim) and cases.
    private struct RegionBox {
        struct Line {
            var text: String
            var indent: Int
            var role: Role
            /// The case this line belongs to, when it shows one.
            var item: FrameworkIndex.CaseStudy?
        }

        let region: AtlasRegion
        let x: Int
        let width: Int
        let lines: [Line]

        var height: Int { lines.count + 2 }

        init(_ region: AtlasRegion, x: Int, width: Int, wraps: Bool, glyphs: Glyphs) {
            self.region = region
            self.x = x
            self.width = width
            let textWidth = width - 3
            var lines: [Line] = []
            for group in region.groups {
                var indent = 0
                if let label = group.label {
                    let texts =
                        wraps
                        ? TextFit.wrap(label, width: textWidth)
                        : [TextFit.truncate(label, to: textWidth, ellipsis: glyphs.ellipsis)]
                    for text in texts {
                        lines.append(Line(text: text, indent: 0, role: .dim, item: nil))
                    }
                    indent = 2
                }
                for item in group.cases {
                    let room = textWidth - indent
                    let texts =
                        wraps
                        ? TextFit.wrap(item.title, width: room - 2).enumerated().map {
                            $0.offset == 0 ? $0.element : "  " + $0.element
                        }
                        : [TextFit.truncate(item.title, to: room, ellipsis: glyphs.ellipsis)]
                    for text in texts.isEmpty ? [""] : texts {
                        lines.append(Line(text: text, indent: indent, role: .text, item: item))
                    }
                }
            }
            self.lines = lines
        }

        func write(
            at y: Int, on canvas: inout Canvas<EntityID>, index: FrameworkIndex,
            glyphs: Glyphs
        ) {
            canvas.box(Rect(x: x, y: y, width: width, height: height))
            let heading = " \(region.name) (\(region.cases.count)) "
            canvas.text(
                TextFit.truncate(heading, to: width - 4, ellipsis: glyphs.ellipsis), x: x + 2,
                y: y, width: width - 4, role: .heading)
            let textWidth = width - 3
            for (offset, line) in lines.enumerated() {
                canvas.text(
                    line.text, x: x + 2 + line.indent, y: y + 1 + offset,
                    width: textWidth - line.indent, role: line.role)
            }
            // One slot per case, over all its lines.
            var position = 0
            while position < lines.count {
                guard let item = lines[position].item else {
                    position += 1
                    continue
                }
                var end = position + 1
                while end < lines.count && lines[end].item?.id == item.id { end += 1 }
                canvas.slot(
                    item.id,
                    rect: Rect(
                        x: x + 1, y: y + 1 + position, width: width - 2, height: end - position),
                    detail: index.detail(of: item, glyphs: glyphs))
                position = end
            }
        }
    }

    // MARK: List

    /// Region headings, country lines and case lines, with the codes of what each case
    /// illustrates on the right when there is room. `wraps` wraps long titles instead of
    /// cutting them.
    static func list(
        _ regions: [AtlasRegion], index: FrameworkIndex, width: Int, wraps: Bool,
        glyphs: Glyphs
    ) -> Canvas<EntityID> {
        var canvas = Canvas<EntityID>(width: width)
        let codes = Dictionary(
            index.cases.map { ($0.id, index.codes(of: $0).joined(separator: " ")) },
            uniquingKeysWith: { a, _ in a })
        let codeWidth = min(16, codes.values.map(TextFit.width).max() ?? 0)
        let showsCodes = width >= 50 && codeWidth > 0
        var y = 0
        for (position, region) in regions.enumerated() {
            if position > 0 { y += 1 }
            canvas.text(
                TextFit.truncate(
                    "\(region.name) (\(region.cases.count))", to: width, ellipsis: glyphs.ellipsis),
                x: 0, y: y, width: width, role: .heading)
            y += 1
            for group in region.groups {
                var indent = 2
                if let label = group.label {
                    canvas.text(
                        TextFit.truncate(
                            glyphs.into + " " + label, to: width - 2, ellipsis: glyphs.ellipsis),
                        x: 2, y: y, width: width - 2, role: .dim)
                    y += 1
                    indent = 4
                }
                indent = min(indent, max(0, width / 4))
                for item in group.cases {
                    let room = width - indent - (showsCodes ? codeWidth + 2 : 0)
                    var titles =
                        wraps
                        ? TextFit.wrap(item.title, width: room - 2).enumerated().map {
                            $0.offset == 0 ? $0.element : "  " + $0.element
                        }
                        : [TextFit.truncate(item.title, to: room, ellipsis: glyphs.ellipsis)]
                    if titles.isEmpty { titles = [""] }
                    for (offset, title) in titles.enumerated() {
                        canvas.text(title, x: indent, y: y + offset, width: room)
                    }
                    if showsCodes, let text = codes[item.id] {
                        canvas.text(
                            TextFit.rightAligned(text, to: codeWidth, ellipsis: glyphs.ellipsis),
                            x: width - codeWidth, y: y, width: codeWidth, role: .dim)
                    }
                    canvas.slot(
                        item.id,
                        rect: Rect(x: 0, y: y, width: width, height: titles.count),
                        detail: index.detail(of: item, glyphs: glyphs))
                    y += titles.count
                }
            }
        }
        return canvas
    }
}
