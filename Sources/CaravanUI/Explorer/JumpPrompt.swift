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

    mutating func handle(_ key: Key, lookup: EntityLookup, screenHeight: Int) -> Outcome {
        let visible = JumpOverlay.visibleTargets(screenHeight: screenHeight)
        switch key {
        case .escape:
            return .close
        case .enter:
            return targets.indices.contains(selection) ? .open(targets[selection]) : .nothing
        case .backspace where input.text.isEmpty:
            return .close
        case .tab:
            // Completion: take the selected target's name.
            if targets.indices.contains(selection) {
                input = LineInput(offeringTyped: targets[selection].completion, from: input)
                refresh(lookup: lookup)
            }
        case .up where !targets.isEmpty, .backTab:
            list.move(
                .lineUp, paging: .list(visible: visible), visible: visible, total: targets.count)
        case .down where !targets.isEmpty:
            list.move(
                .lineDown, paging: .list(visible: visible), visible: visible, total: targets.count)
        default:
            if input.handle(key, hasChoices: !targets.isEmpty) == true { refresh(lookup: lookup) }
        }
        return .editing
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
        _ = handle(.control("u"), hasChoices: true)
        for character in text { _ = handle(.character(character), hasChoices: true) }
    }
}
