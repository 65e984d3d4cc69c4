import CaravanContent
import Foundation

/// Something the jump prompt can open: a framework view or an entity.
public enum JumpTarget: Sendable, Hashable {
    case view(FrameworkViewKind)
    case entity(EntityID)

    /// The text Tab completes to.
    var completion: String {
        switch self {
        case .view(let kind): kind.rawValue
        case .entity(let id): id.description
        }
    }
}

/// The jump prompt (`:`): a name typed live, what it matches ranked by
/// ``EntityLookup``, a selection, completion with Tab.
public struct JumpOverlay: Sendable, Hashable {
    public var input: LineInput
    /// Views and entities that match, best first.
    public private(set) var targets: [JumpTarget] = []
    /// The selected target and the first one shown.
    public var list = ScrollState()
    public var selection: Int { list.selection }

    /// What a key did.
    enum Outcome: Equatable {
        case editing
        case close
        case open(JumpTarget)
        /// Enter with nothing to open.
        case nothing
    }

    public init(history: [String] = []) {
        input = LineInput(history: history)
    }

    public var text: String { input.text }

    /// How many targets the prompt lists on a screen `height` rows high, in its box of at
    /// most 20 rows under the input and a blank row.
    static func visibleTargets(screenHeight height: Int) -> Int {
        max(1, min(height - 2, 20) - 4)
    }

    /// What a key did: one of the prompt's actions, or a character typed.
    mutating func handle(
        _ input: KeyInput<PromptAction>, lookup: EntityLookup, screenHeight: Int
    ) -> Outcome {
        switch input {
        case .action(let action):
            return perform(action, lookup: lookup, screenHeight: screenHeight)
        case .text(let character): edit(lookup) { $0.type(character) }
        case .none: break
        }
        return .editing
    }

    mutating func perform(_ action: PromptAction, lookup: EntityLookup, screenHeight: Int)
        -> Outcome
    {
        let visible = JumpOverlay.visibleTargets(screenHeight: screenHeight)
        let paging = Paging.list(visible: visible)
        switch action {
        case .close:
            return .close
        case .open:
            return targets.indices.contains(selection) ? .open(targets[selection]) : .nothing
        case .deleteBackward where input.text.isEmpty:
            return .close
        case .deleteBackward: edit(lookup) { $0.deleteBackward() }
        case .complete:
            // Takes the selected target's name.
            if targets.indices.contains(selection) {
                input = LineInput(offeringTyped: targets[selection].completion, from: input)
                refresh(lookup: lookup)
            }
        case .previousChoice where !targets.isEmpty:
            list.move(.lineUp, paging: paging, visible: visible, total: targets.count)
        case .nextChoice where !targets.isEmpty:
            list.move(.lineDown, paging: paging, visible: visible, total: targets.count)
        case .previousChoice, .earlier: edit(lookup) { $0.recall(by: 1) }
        case .nextChoice, .later: edit(lookup) { $0.recall(by: -1) }
        case .deleteWord: edit(lookup) { $0.deleteWord() }
        case .clear: edit(lookup) { $0.clear() }
        case .keepOffer: input.keepOffer()
        }
        return .editing
    }

    /// Changes the input and ranks again when its text changed.
    private mutating func edit(_ lookup: EntityLookup, _ change: (inout LineInput) -> Void) {
        let before = input.text
        change(&input)
        if input.text != before { refresh(lookup: lookup) }
    }

    /// Ranks views and entities for the text: views that match as well as the best entity
    /// come first.
    mutating func refresh(lookup: EntityLookup) {
        let typed = input.text.lowercased().trimmingCharacters(in: .whitespaces)
        let entities = lookup.matches(input.text, limit: 200)
        var views: [(kind: FrameworkViewKind, tier: EntityLookup.Tier)] = []
        if !typed.isEmpty {
            let name = typed.hasPrefix("view/") ? String(typed.dropFirst(5)) : typed
            for kind in FrameworkViewKind.allCases {
                let title = kind.title.lowercased()
                if kind.rawValue == name || title == name {
                    views.append((kind, .exact))
                } else if kind.rawValue.hasPrefix(name) || title.hasPrefix(name) {
                    views.append((kind, .prefix))
                }
            }
        }
        let best = entities.first?.tier ?? .fuzzy
        let leading = views.filter { $0.tier <= best }.map { JumpTarget.view($0.kind) }
        let trailing = views.filter { $0.tier > best }.map { JumpTarget.view($0.kind) }
        targets = leading + entities.map { JumpTarget.entity($0.id) } + trailing
        list = ScrollState()
    }
}

extension LineInput {
    /// A line holding `text` as if typed, keeping the history of `other`.
    init(offeringTyped text: String, from other: LineInput) {
        self = other
        clear()
        for character in text { type(character) }
    }
}
