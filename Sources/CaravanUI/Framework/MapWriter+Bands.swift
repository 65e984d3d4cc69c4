import CaravanContent

/// The map of more top-level parts than fit side by side: their boxes in bands, a few
/// side by side in each, every box with its ties inside as when stacked. Five parts at
/// 80 columns make a band of three and one of two, all on one screen.
extension MapWriter {
    /// How many boxes go in each band at this width: as many as fit at the narrowest box
    /// worth drawing, spread evenly (two and two rather than three and one); nil when
    /// not even two fit.
    static func bands(count: Int, width: Int) -> [Int]? {
        let most = (width + 1) / (MapLayout.minimumBoxWidth + 1)
        guard count > 1, most >= 2 else { return nil }
        let bandCount = (count + most - 1) / most
        let perBand = (count + bandCount - 1) / bandCount
        return stride(from: 0, to: count, by: perBand).map { min(perBand, count - $0) }
    }

    /// The parts' boxes in bands of the given sizes, a blank row between bands.
    mutating func writeBands(_ sizes: [Int]) {
        var y = 0
        var next = 0
        for size in sizes {
            let parts = index.connotations[next..<min(index.connotations.count, next + size)]
            next += size
            let gap = 1
            let usable = width - gap * (size - 1)
            var x = 0
            var heights: [(x: Int, width: Int, rows: Int)] = []
            for (position, connotation) in parts.enumerated() {
                let share = usable / size + (position < usable % size ? 1 : 0)
                let rows = writeBox(connotation, x: x, y: y + 1, width: share, withTies: true)
                heights.append((x, share, rows))
                x += share + gap
            }
            let bandHeight = (heights.map(\.rows).max() ?? 0) + 2
            for box in heights {
                canvas.boxBeneath(Rect(x: box.x, y: y, width: box.width, height: bandHeight))
            }
            y += bandHeight + 1
        }
        canvas.reserve(rows: max(0, y - 1))
    }
}
