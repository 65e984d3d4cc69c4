/// A rectangle of cells: `x` and `y` are its top-left corner, `width` and
/// `height` are never negative. Arithmetic saturates, so no value traps.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Negative sizes become zero.
    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The first column to the right of the rectangle.
    public var maxX: Int { Saturating.add(x, width) }
    /// The first row below the rectangle.
    public var maxY: Int { Saturating.add(y, height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The part of the rectangle that is also inside `other` (empty if none).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(
            x: left, y: top, width: Saturating.subtract(right, left),
            height: Saturating.subtract(bottom, top))
    }

    /// The rectangle shrunk by `amount` on every side (grown if negative).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given amounts; it never gets a negative size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = Saturating.subtract(width, Saturating.add(left, right))
        let newHeight = Saturating.subtract(height, Saturating.add(top, bottom))
        return Rect(
            x: Saturating.add(x, min(left, width)), y: Saturating.add(y, min(top, height)),
            width: newWidth, height: newHeight)
    }

    /// Splits into a left part `leftWidth` columns wide (clamped to the width)
    /// and the rest on the right.
    public func splitHorizontally(leftWidth: Int) -> (left: Rect, right: Rect) {
        let leftPart = min(max(0, leftWidth), width)
        return (
            Rect(x: x, y: y, width: leftPart, height: height),
            Rect(x: Saturating.add(x, leftPart), y: y, width: width - leftPart, height: height)
        )
    }

    /// Splits into a right part `rightWidth` columns wide (clamped to the width)
    /// and the rest on the left.
    public func splitHorizontally(rightWidth: Int) -> (left: Rect, right: Rect) {
        splitHorizontally(leftWidth: width - min(max(0, rightWidth), width))
    }

    /// Splits into a top part `topHeight` rows high (clamped to the height) and
    /// the rest below.
    public func splitVertically(topHeight: Int) -> (top: Rect, bottom: Rect) {
        let topPart = min(max(0, topHeight), height)
        return (
            Rect(x: x, y: y, width: width, height: topPart),
            Rect(x: x, y: Saturating.add(y, topPart), width: width, height: height - topPart)
        )
    }

    /// Splits into a bottom part `bottomHeight` rows high (clamped to the
    /// height) and the rest above.
    public func splitVertically(bottomHeight: Int) -> (top: Rect, bottom: Rect) {
        splitVertically(topHeight: height - min(max(0, bottomHeight), height))
    }
}

/// Integer arithmetic that clamps to the range of `Int` instead of trapping.
enum Saturating {
    static func add(_ lhs: Int, _ rhs: Int) -> Int {
        let (result, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow { return rhs > 0 ? Int.max : Int.min }
        return result
    }

    static func subtract(_ lhs: Int, _ rhs: Int) -> Int {
        let (result, overflow) = lhs.subtractingReportingOverflow(rhs)
        if overflow { return rhs < 0 ? Int.max : Int.min }
        return result
    }
}
