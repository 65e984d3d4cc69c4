import CaravanContent
import CaravanUI

/// Runs a presenter, hands its status to the server whenever it changes and followers'
/// answers to it, and asks its host to save where it is (``PresenterHost``) when that
/// changes, when a poll closes or results are asked for, and at the end. With `--watch`,
/// a change to the content's files asks the host to read them again.
struct BroadcastingPresenter: Program {
    typealias Reply = PresenterReply

    var presenter: Presenter
    let server: PresentServer
    private var published: PresenterStatus?
    /// Whether the presenter is quitting or being stopped: the last save writes results.
    private(set) var ending = false

    init(presenter: Presenter, server: PresentServer) {
        self.presenter = presenter
        self.server = server
        publish()
    }

    mutating func update(_ event: InputEvent) -> [Effect] {
        if event == .contentChanged { return [.reloadContent] }
        if event == .external {
            presenter.receive(server.takeVotes())
            publish()
            return []
        }
        let before = saveKey
        var effects = presenter.update(event)
        publish()
        ending = effects.contains(.quit) || event == .terminate
        if ending || saveKey != before {
            effects.insert(.save, at: effects.firstIndex(of: .quit) ?? effects.endIndex)
        }
        return effects
    }

    mutating func update(reply: PresenterReply) -> [Effect] {
        switch reply {
        case .message(let text): presenter.showMessage(text)
        case .reloaded(let model): presenter.reload(model)
        }
        publish()
        return []
    }

    func view() -> Frame {
        presenter.view()
    }

    /// What changes when there is something to save: the slide, the clock's start and
    /// pause, polls closed and results asked for.
    private var saveKey: [Double] {
        let state = presenter.state
        return [
            Double(state.index), state.started, Double(state.pausedAt ?? -1),
            Double(state.closedPolls), Double(state.resultsRequests),
        ]
    }

    private mutating func publish() {
        let status = presenter.status
        guard status != published else { return }
        published = status
        server.publish(status)
    }
}

/// Runs a notes or follow screen, giving it the client's news on each `.external` event.
struct LinkedScreen<Screen: FollowsPresenter>: Program {
    var screen: Screen
    let client: PresentClient

    mutating func update(_ event: InputEvent) -> [Effect] {
        if event == .external {
            screen.receive(client.take())
            return []
        }
        let effects = screen.update(event)
        for message in screen.takeOutgoing() { client.send(message) }
        return effects
    }

    func view() -> Frame {
        screen.view()
    }
}
