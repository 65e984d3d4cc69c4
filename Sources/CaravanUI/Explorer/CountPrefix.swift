/// A count typed before a key, as in vim and less (`5j`, `8l`): digits build it, and the
/// next key takes it.
///
/// A count belongs to the place it was typed in (a pane, or a framework view). The key
/// after it takes it in that place; in any other place, or after ``drop()``, there is no
/// count, so digits typed in one view never reach a key pressed in another.
public struct CountPrefix<Place: Hashable & Sendable>: Sendable, Hashable {
    /// The largest count kept; more digits do not grow it.
    public static var maximum: Int { 9999 }

    /// The count typed so far, or nil.
    public private(set) var value: Int?
    /// Where it was typed.
    private var place: Place?

    public init() {}

    /// Adds a digit when `key` is one, typed in `place`, and says whether it was. A `0`
    /// with no count before it is not a digit (it can be a key of its own).
    public mutating func add(_ key: Key, in place: Place) -> Bool {
        let current = self.place == place ? value : nil
        guard case .character(let character) = key, character.isASCII,
            let digit = character.wholeNumberValue, digit != 0 || current != nil
        else { return false }
        self.place = place
        value = min(CountPrefix.maximum, (current ?? 0) * 10 + digit)
        return true
    }

    /// The count for a key pressed in `place`, at least 1, and forgets it.
    public mutating func take(in place: Place) -> Int {
        defer { drop() }
        guard self.place == place, let value else { return 1 }
        return max(1, value)
    }

    /// Forgets the count.
    public mutating func drop() {
        value = nil
        place = nil
    }
}

/// Where an explorer count was typed: a pane, or a framework view over the panes.
public enum CountPlace: Sendable, Hashable {
    case pane(Pane)
    case view(FrameworkViewKind)
}
