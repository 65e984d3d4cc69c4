/// What a framework view (the map, the matrix, the atlas) can be asked to do.
///
/// A view's own keys (Esc, and the matrix's filters) are looked up first; the explorer
/// hands the view its moving keys after them (``ViewKeys``).
public enum ViewAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case moveLeft = "move-left"
    case moveRight = "move-right"
    case next
    case previous
    case pageUp = "page-up"
    case pageDown = "page-down"
    case first
    case last
    case open
    case close
    case filterConnotation = "filter-connotation"
    case filterRegion = "filter-region"

    public static var keyTable: String { "keys.views" }

    public var help: String {
        switch self {
        case .moveUp: "Move up (the nearest item above, on the map and the atlas)"
        case .moveDown: "Move down"
        case .moveLeft: "Move left; in the atlas's list, the previous region"
        case .moveRight: "Move right; in the atlas's list, the next region"
        case .next: "The next item in order"
        case .previous: "The previous item in order"
        case .pageUp: "Up a screenful"
        case .pageDown: "Down a screenful"
        case .first: "The first item"
        case .last: "The last item"
        case .open: "Open the selected entity; Backspace comes back to the view"
        case .close: "Close the view"
        case .filterConnotation: "Show the cases of one connotation, the next, then all (matrix)"
        case .filterRegion: "Show the cases of one region, the next, then all (matrix)"
        }
    }

    public var group: String { "In the framework views" }

    public var hint: String? {
        switch self {
        case .open: "open"
        case .close: "back"
        case .filterConnotation: "connotation"
        case .filterRegion: "region"
        case .moveUp, .moveDown, .moveLeft, .moveRight, .next, .previous, .pageUp, .pageDown,
            .first, .last:
            nil
        }
    }

    /// Whether a count typed before it repeats it (`8l` moves eight columns).
    var repeats: Bool {
        switch self {
        case .moveUp, .moveDown, .moveLeft, .moveRight, .next, .previous, .pageUp, .pageDown:
            true
        case .first, .last, .open, .close, .filterConnotation, .filterRegion: false
        }
    }
}

extension Keymap where A == ViewAction {
    /// The views' own keys; the rest come from the explorer's keymap.
    public static let standard = Keymap([
        (.close, ["Esc"]),
        (.filterConnotation, ["f"]),
        (.filterRegion, ["r"]),
    ])
}

/// The keys that reach each view action, as the explorer resolves them: what the views'
/// hints (`f connotation`, `arrows/hjkl move`) are made from.
public struct ViewHints: Sendable, Hashable {
    public var keys: [ViewAction: [Key]]

    public init(keys: [ViewAction: [Key]]) {
        self.keys = keys
    }

    /// No keys, so no hints: for plain text.
    public static let none = ViewHints(keys: [:])

    /// `arrows/hjkl move  Enter open`: the moves when asked, then each action's first key
    /// and its hint; an action without a key or a hint is left out.
    public func text(_ actions: [ViewAction], withMoves: Bool = false) -> String {
        var parts: [String] = []
        if withMoves, let moves = moveKeys { parts.append(moves + " move") }
        for action in actions {
            guard let hint = action.hint, let key = keys[action]?.first else { continue }
            parts.append(key.name + " " + hint)
        }
        return parts.joined(separator: "  ")
    }

    /// `arrows/hjkl`: "arrows" when every arrow key moves, then the first letter key of
    /// left, down, up and right, as vim users know them.
    private var moveKeys: String? {
        let moves: [(ViewAction, Key)] = [
            (.moveLeft, .left), (.moveDown, .down), (.moveUp, .up), (.moveRight, .right),
        ]
        let arrows = moves.allSatisfy { keys[$0.0]?.contains($0.1) == true }
        let letters = moves.compactMap { move in
            keys[move.0]?.first { key in
                if case .character(let character) = key { return character.isLetter }
                return false
            }?.name
        }
        var parts: [String] = []
        if arrows { parts.append("arrows") }
        if letters.count == moves.count { parts.append(letters.joined()) }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
