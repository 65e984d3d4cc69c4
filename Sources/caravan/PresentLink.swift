import CaravanContent
import CaravanUI

/// Runs a presenter and hands its status to the server whenever it changes. With
/// `--watch`, a change to the content's files asks the host to read them again.
struct BroadcastingPresenter: Program {
    typealias Reply = ContentModel

    var presenter: Presenter
    let server: PresentServer
    private var published: PresenterStatus?

    init(presenter: Presenter, server: PresentServer) {
        self.presenter = presenter
        self.server = server
        publish()
    }

    mutating func update(_ event: InputEvent) -> [Effect] {
        if event == .contentChanged { return [.reloadContent] }
        let effects = presenter.update(event)
        publish()
        return effects
    }

    mutating func update(reply model: ContentModel) -> [Effect] {
        presenter.reload(model)
        publish()
        return []
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

/// Carries out the one request a presenter makes of its host: reading the content again
/// from its files after they changed (`--watch`).
struct ContentReloadHost<Hosted: Program>: ProgramHost where Hosted.Reply == ContentModel {
    /// Reads the content as it is on disk now.
    let load: () -> ContentModel

    func perform(
        _ request: Effect, for program: Hosted, runExternal: ([String]) -> ExternalResult
    ) -> [ContentModel] {
        request == .reloadContent ? [load()] : []
    }
}
