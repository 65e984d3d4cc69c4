/// A front-matter value, kept with where it was written so diagnostics can point at it.
public indirect enum FieldValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case list([FieldValue])
    case map([(key: String, value: FieldValue)])

    public static func == (lhs: FieldValue, rhs: FieldValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .integer(let i): hasher.combine(i)
        case .number(let d): hasher.combine(d)
        case .bool(let b): hasher.combine(b)
        case .null: hasher.combine(0)
        case .list(let l): hasher.combine(l)
        case .map(let m):
            for entry in m {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }

    /// The value as text when it is a scalar.
    public var text: String? {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .bool(let b): String(b)
        case .null, .list, .map: nil
        }
    }

    /// A list's items, or a single scalar as a one-item list.
    public var items: [FieldValue] {
        switch self {
        case .list(let items): items
        case .null: []
        default: [self]
        }
    }

    /// The value for a key when this is a map.
    public subscript(key: String) -> FieldValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// Scalars of a list (or a scalar) as strings.
    public var strings: [String] { items.compactMap(\.text) }
}
