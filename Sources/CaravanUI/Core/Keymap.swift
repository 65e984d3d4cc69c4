/// Something a key asks for: a request with a name, one line of help, and the group the
/// help lists it under. Views receive these, never keys, so a key can be rebound without
/// the view knowing (as tig maps keys to requests).
public protocol KeyAction: Hashable, Sendable, CaseIterable where AllCases == [Self] {
    /// The name a config file gives it: `line-down`.
    var name: String { get }
    /// What it does, as the help shows it.
    var help: String { get }
    /// The help's heading it is listed under.
    var group: String { get }
    /// A word or two for a hint on screen (`? help`), when it has one.
    var hint: String? { get }
    /// The table of a config file where its keys are given: `keys`, `keys.views`...
    static var keyTable: String { get }
}

extension KeyAction {
    public var hint: String? { nil }
}

extension KeyAction where Self: RawRepresentable, RawValue == String {
    public var name: String { rawValue }
}

/// What a key means to a view that also takes text (a prompt, the note editor): one of
/// its actions, a character to insert, or nothing.
public enum KeyInput<A: KeyAction>: Hashable, Sendable {
    case action(A)
    case text(Character)
    case none
}

/// Keys bound to actions, as data: the help screens, `caravan keys`, the manual's KEYS
/// section and the hints on screen are made from it, and a config file rebinds it.
///
/// Where a view has keys of its own, its keymap is looked up first and the explorer's
/// after it, as tig looks up a view's keymap before the generic one.
public struct Keymap<A: KeyAction>: Sendable {
    public typealias Binding = (key: Key, action: A)

    public private(set) var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// Bindings given by key names, in order; each name is read by ``Key/init(name:)``.
    public init(_ entries: [(A, [String])]) {
        bindings = entries.flatMap { entry in
            entry.1.compactMap { name in Key(name: name).map { ($0, entry.0) } }
        }
    }

    public func action(for key: Key) -> A? {
        bindings.first { $0.key == key }?.action
    }

    /// The keys bound to an action, in the order they were bound.
    public func keys(for action: A) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// The name of the first key bound to an action, for a message that names it
    /// (`Tab selects the next link`); nil when it has none.
    public func keyName(for action: A) -> String? {
        keys(for: action).first?.name
    }

    /// What a key means where text can also be typed: a bound action first, else a
    /// character to insert.
    public func input(for key: Key) -> KeyInput<A> {
        if let action = action(for: key) { return .action(action) }
        if case .character(let character) = key { return .text(character) }
        return .none
    }

    /// Binds `key` to `action`, replacing what the key did before.
    public mutating func bind(_ key: Key, to action: A) {
        bindings.removeAll { $0.key == key }
        bindings.append((key, action))
    }

    /// This keymap with each given action's keys replaced by the ones given (none unbinds
    /// it). Every key in `taken` is first taken from whatever action had it, so a key
    /// given to one action in a config file leaves the others.
    public func replacing(_ changes: [A: [Key]], taken: Set<Key> = []) -> Keymap {
        let given = taken.union(changes.values.joined())
        var result = bindings.filter { changes[$0.action] == nil && !given.contains($0.key) }
        for action in A.allCases {
            for key in changes[action] ?? [] where !result.contains(where: { $0.key == key }) {
                result.append((key, action))
            }
        }
        return Keymap(bindings: result)
    }

    /// This keymap with the keys a config table gives, by action name: each action named
    /// gets exactly its keys, and every key given is taken from the others.
    public func applying(_ table: [String: [Key]]) -> Keymap {
        var changes: [A: [Key]] = [:]
        for action in A.allCases {
            if let keys = table[action.name] { changes[action] = keys }
        }
        return replacing(changes, taken: Set(table.values.joined()))
    }

    /// One help section per group, in the order the actions are declared; an action with
    /// no key is left out. `keys` gives an action's keys (by default, this keymap's).
    public func helpSections(keys: ((A) -> [Key])? = nil) -> [HelpSection] {
        var sections: [HelpSection] = []
        for action in A.allCases {
            let names = (keys?(action) ?? self.keys(for: action)).map(\.name)
            guard !names.isEmpty else { continue }
            let entry = HelpEntry(keys: names.joined(separator: " "), text: action.help)
            if let index = sections.firstIndex(where: { $0.title == action.group }) {
                sections[index].entries.append(entry)
            } else {
                sections.append(HelpSection(title: action.group, entries: [entry]))
            }
        }
        return sections
    }

    /// Hints for a status or title bar: each action's first key and its hint, two spaces
    /// apart (`? help  / search`); actions without a key or a hint are left out.
    public func hints(
        _ actions: [A], separator: String = "  ", keys: ((A) -> [Key])? = nil
    ) -> String {
        actions.compactMap { action -> String? in
            guard let hint = action.hint, let key = (keys?(action) ?? self.keys(for: action)).first
            else { return nil }
            return key.name + " " + hint
        }.joined(separator: separator)
    }
}

/// A key, or several, and what they do.
public struct HelpEntry: Hashable, Sendable {
    public var keys: String
    public var text: String

    public init(keys: String, text: String) {
        self.keys = keys
        self.text = text
    }
}

/// A titled list of keys, as the help screens and `caravan keys` show them.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}
