/// Columns too many for the width, set in bands: the first few side by side, a blank row,
/// the next few, so that a map of five or six parts fits an 80-column slide. Each band is
/// made into whole lines here, padded between columns, so the presenter draws it as one
/// column of text and `caravan check` counts exactly the rows it draws.
extension SlideGeometry {
    /// How many columns go in each band: as many as fit at 20 columns of text or more,
    /// spread evenly over the bands (two and two rather than three and one); nil when not
    /// even two fit.
    public func bands(count: Int) -> [Int]? {
        let most = (textWidth + columnGap) / (20 + columnGap)
        guard count > 0, most >= 2 else { return nil }
        let bandCount = (count + most - 1) / most
        let perBand = (count + bandCount - 1) / bandCount
        var sizes: [Int] = []
        var left = count
        while left > 0 {
            sizes.append(min(perBand, left))
            left -= perBand
        }
        return sizes
    }

    /// The lines of columns set in bands of the given sizes, a blank line between bands.
    func bandLines(
        _ columns: [[MarkdownDocument.Block]], bands: [Int], unicode: Bool,
        model: ContentModel?, measure: @escaping SlideLayout.Measure
    ) -> [SlideLayout.Line] {
        var lines: [SlideLayout.Line] = []
        var start = 0
        for size in bands {
            let band = columns[start..<min(columns.count, start + size)]
            start += size
            let width = (textWidth - columnGap * (size - 1)) / size
            let laid = band.map {
                SlideLayout.lines(
                    $0, width: width, unicode: unicode, model: model, measure: measure)
            }
            if !lines.isEmpty { lines.append(SlideLayout.Line()) }
            for row in 0..<(laid.map(\.count).max() ?? 0) {
                lines.append(joined(laid.map { row < $0.count ? $0[row] : nil }, width, measure))
            }
        }
        return lines
    }

    /// One row of a band: each column's line padded to its width, a gap between.
    private func joined(
        _ cells: [SlideLayout.Line?], _ width: Int, _ measure: SlideLayout.Measure
    ) -> SlideLayout.Line {
        var runs: [SlideLayout.Run] = []
        var pending = 0
        for (index, cell) in cells.enumerated() {
            if index > 0 { pending += columnGap }
            guard let cell, !cell.runs.isEmpty else {
                pending += width
                continue
            }
            if pending > 0 { runs.append(SlideLayout.Run(String(repeating: " ", count: pending))) }
            runs += cell.runs
            pending = max(0, width - cell.text.reduce(0) { $0 + measure($1) })
        }
        return SlideLayout.Line(runs)
    }
}
