/// Orders titles as people read them, the same way in every locale: punctuation before
/// numbers before letters, letters without regard to case, and runs of digits by their
/// value, so that "Path 2" comes before "Path 10".
///
/// Foundation's `localizedStandardCompare` orders much the same, but it depends on the
/// reader's locale and loads the Unicode collation tables, several megabytes of memory
/// for every running copy, just to sort a hundred titles.
public enum NaturalOrder {
    /// Whether `a` comes before `b`; strings that differ only in case are ordered by
    /// their code points, so that the order is total.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        Key(a).precedes(Key(b))
    }

    /// A text read into scalars once, for sorting many texts: a sort compares each
    /// text many times.
    public struct Key: Sendable {
        private let scalars: [Unicode.Scalar]

        public init(_ text: String) {
            scalars = Array(text.unicodeScalars)
        }

        /// Whether this text comes before `other`, as ``NaturalOrder/precedes(_:_:)``.
        public func precedes(_ other: Key) -> Bool {
            switch compare(scalars[...], other.scalars[...]) {
            case .before: return true
            case .after: return false
            case .same: return scalars.lexicographicallyPrecedes(other.scalars)
            }
        }
    }

    private enum Outcome { case before, same, after }

    /// The kinds of text, in the order they sort.
    private enum Class: Int, Comparable {
        case other, digit, letter
        static func < (a: Class, b: Class) -> Bool { a.rawValue < b.rawValue }
    }

    private static func compare(
        _ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>
    ) -> Outcome {
        var left = a
        var right = b
        while let x = left.first, let y = right.first {
            let (xClass, yClass) = (kind(of: x), kind(of: y))
            if xClass != yClass { return xClass < yClass ? .before : .after }
            if xClass == .digit {
                let xDigits = left.prefix { kind(of: $0) == .digit }
                let yDigits = right.prefix { kind(of: $0) == .digit }
                let order = compareNumbers(xDigits, yDigits)
                if order != .same { return order }
                left = left.dropFirst(xDigits.count)
                right = right.dropFirst(yDigits.count)
                continue
            }
            let (xKey, yKey) = (folded(x), folded(y))
            if xKey != yKey { return xKey < yKey ? .before : .after }
            left = left.dropFirst()
            right = right.dropFirst()
        }
        if left.isEmpty != right.isEmpty { return left.isEmpty ? .before : .after }
        return .same
    }

    /// Two runs of ASCII digits by value: leading zeros aside, the longer is larger.
    private static func compareNumbers(
        _ x: ArraySlice<Unicode.Scalar>, _ y: ArraySlice<Unicode.Scalar>
    ) -> Outcome {
        let xValue = x.drop { $0 == "0" }
        let yValue = y.drop { $0 == "0" }
        if xValue.count != yValue.count { return xValue.count < yValue.count ? .before : .after }
        for (p, q) in zip(xValue, yValue) where p != q { return p < q ? .before : .after }
        return .same
    }

    private static func kind(of scalar: Unicode.Scalar) -> Class {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            default: return .other
            }
        }
        return scalar.properties.isAlphabetic ? .letter : .other
    }

    /// A letter's sort key: its lower-case form (the first scalar of it).
    private static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.isASCII {
            let value = scalar.value
            return value >= 0x41 && value <= 0x5A ? value | 0x20 : value
        }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
    }
}
