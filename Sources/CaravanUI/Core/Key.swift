/// A key press, independent of the terminal that reported it.
///
/// Every key has a ``name`` that ``init(name:)`` reads back; keymaps, the
/// help screen and scripted tests all use these names:
///
/// | key | name |
/// | --- | --- |
/// | `.character("j")`, `.character("J")`, `.character("?")` | `j`, `J`, `?` |
/// | `.character(" ")` | `Space` |
/// | `.up`, `.down`, `.left`, `.right` | `Up`, `Down`, `Left`, `Right` |
/// | `.pageUp`, `.pageDown`, `.home`, `.end` | `PgUp`, `PgDn`, `Home`, `End` |
/// | `.enter`, `.tab`, `.backTab`, `.escape` | `Enter`, `Tab`, `S-Tab`, `Esc` |
/// | `.backspace`, `.delete`, `.insert` | `Backspace`, `Del`, `Ins` |
/// | `.function(5)` | `F5` |
/// | `.control("d")`, `.control(" ")` | `Ctrl-d`, `Ctrl-Space` |
///
/// Control keys hold the lower-case letter (or the punctuation: `\`, `]`,
/// `^`, `_`); use ``ctrl(_:)`` to build one from either case. Tab, Enter,
/// Backspace and Esc are reported as themselves, never as `Ctrl-i`, `Ctrl-m`,
/// `Ctrl-h` or `Ctrl-[`.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case escape
    case insert
    case function(Int)
    case control(Character)

    /// A control key in its canonical (lower-case) form.
    public static func ctrl(_ character: Character) -> Key {
        .control(Character(character.lowercased()))
    }

    /// Named keys, in the order the help screen lists them.
    private static let namedKeys: [(key: Key, name: String)] = [
        (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"),
        (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.home, "Home"), (.end, "End"),
        (.enter, "Enter"), (.tab, "Tab"), (.backTab, "S-Tab"), (.backspace, "Backspace"),
        (.delete, "Del"), (.escape, "Esc"), (.insert, "Ins"),
    ]

    /// Other spellings `init(name:)` accepts, lower-cased.
    private static let aliases: [String: Key] = [
        "pageup": .pageUp, "pagedown": .pageDown, "pgdown": .pageDown,
        "return": .enter, "ret": .enter, "cr": .enter,
        "shift-tab": .backTab, "s-tab": .backTab, "backtab": .backTab, "btab": .backTab,
        "bs": .backspace, "bksp": .backspace, "delete": .delete, "escape": .escape,
        "insert": .insert,
    ]

    /// The key's name, as shown in help and accepted by `init(name:)`.
    public var name: String {
        switch self {
        case .character(" "):
            return "Space"
        case .character(let character):
            // A lone invisible character is named by its code point, which
            // `init(name:)` reads back; `Sanitizer.visible` would drop a soft hyphen.
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                scalar.value >= 0x7F, Sanitizer.needsReplacement(scalar)
            {
                return Sanitizer.marker(for: scalar)
            }
            return Sanitizer.visible(String(character))
        case .function(let number):
            return "F\(number)"
        case .control(" "):
            return "Ctrl-Space"
        case .control(let character):
            return "Ctrl-" + Sanitizer.visible(character.lowercased())
        default:
            return Key.namedKeys.first { $0.key == self }?.name ?? "?"
        }
    }

    /// Reads a key name: a single character (`j`, `J`, `/`), `Space`, a
    /// named key (`Up`, `PgDn`, `S-Tab`, `Enter`, `Esc`, …; case does not
    /// matter and common spellings such as `PageDown` or `Escape` are
    /// accepted), `F1`…`F63`, a control key written `Ctrl-x`, `C-x` or `^x`,
    /// or an invisible character by its code point, `<U+00AD>`.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        if name.hasPrefix("<U+"), name.hasSuffix(">"), name.count >= 8, name.count <= 10,
            let value = UInt32(name.dropFirst(3).dropLast(), radix: 16),
            let scalar = Unicode.Scalar(value), Sanitizer.marker(for: scalar) == name
        {
            self = .character(Character(scalar))
            return
        }
        let lower = name.lowercased()
        if lower == "space" {
            self = .character(" ")
            return
        }
        if let named = Key.namedKeys.first(where: { $0.name.lowercased() == lower }) {
            self = named.key
            return
        }
        if let alias = Key.aliases[lower] {
            self = alias
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...63).contains(number),
            String(number) == String(lower.dropFirst())
        {
            self = .function(number)
            return
        }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if rest.lowercased() == "space" {
                self = .control(" ")
                return
            }
            if rest.count == 1, let character = rest.first, character.isASCII,
                !character.isWhitespace
            {
                self = Key.ctrl(character)
                return
            }
        }
        return nil
    }
}
