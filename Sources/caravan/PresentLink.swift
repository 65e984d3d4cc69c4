import CaravanUI

/// Runs a presenter and hands its status to the server whenever it changes.
struct BroadcastingPresenter: Program {
    var presenter: Presenter
    let server: PresentServer
    private var published: PresenterStatus?

    init(presenter: Presenter, server: PresentServer) {
        self.presenter = presenter
        self.server = server
        publish()
    }

    mutating func update(_ event: InputEvent) -> [Effect] {
        let effects = presenter.update(event)
        publish()
        return effects
    }

    func view() -> Frame {
        presenter.view()
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
        return screen.update(event)
    }

    func view() -> Frame {
        screen.view()
    }
}
