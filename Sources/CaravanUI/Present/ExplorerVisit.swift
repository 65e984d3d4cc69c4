import CaravanContent

/// The explorer opened from a slide, full screen, until the user steps back out: with Esc
/// (when there is nothing for Esc to cancel), Back at the start of its history, `q`, or
/// one of `leaveKeys` (when no prompt is open).
public struct ExplorerVisit {
    public private(set) var explorer: Explorer
    public let leaveKeys: [Key]

    /// What an event did: the effects to carry out, and whether the visit is over.
    public struct Outcome: Sendable {
        public var effects: [Effect]
        public var leaves: Bool
    }

    public init(
        model: ContentModel, start: EntityID, width: Int, height: Int, capabilities: Capabilities,
        keys: KeyBindings = .standard, leaveKeys: [Key] = []
    ) {
        explorer = Explorer(
            model: model, width: width, height: height, start: start, keys: keys,
            theme: capabilities.colors == .none ? .monochrome : .dark, capabilities: capabilities)
        self.leaveKeys = leaveKeys
    }

    public mutating func update(_ event: InputEvent) -> Outcome {
        switch event {
        case .tick, .external, .externalFinished:
            return Outcome(effects: [], leaves: false)
        case .interrupt, .terminate:
            return Outcome(effects: [.quit], leaves: false)
        case .key(let key) where leaves(on: key):
            return Outcome(effects: [], leaves: true)
        case .key, .mouse, .resize:
            break
        }
        let effects = explorer.update(event)
        if effects.contains(.quit) {
            return Outcome(effects: effects.filter { $0 != .quit }, leaves: true)
        }
        return Outcome(effects: effects, leaves: false)
    }

    func leaves(on key: Key) -> Bool {
        let state = explorer.state
        guard state.overlay == nil, state.count.value == nil else { return false }
        if leaveKeys.contains(key) { return true }
        switch explorer.keymap.action(for: key) {
        case .cancel?: return state.searchTerms.isEmpty
        case .back?: return state.historyIndex == 0
        default: return false
        }
    }

    public func view() -> Frame {
        explorer.view()
    }
}
