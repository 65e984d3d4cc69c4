import ArgumentParser
import CaravanConfig
import CaravanTerminal
import CaravanUI

/// `caravan follow`: the audience's view, following the presenter.
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Show the slides of a running presentation, following it live.",
        discussion: """
            Read-only: keys here never move the presenter. j/k scroll a long slide, e steps out \
            into the explorer at the slide's entity, f or Esc rejoins the live slide, q quits. \
            Start it before or after 'caravan present'; it waits for the presenter.
            """)

    @OptionGroup var presenter: PresenterOptions
    @OptionGroup var content: ContentOptions

    @Flag(
        name: .long,
        help:
            "Follow whichever presentation is running (the default session first); for 'caravan serve'."
    )
    var auto = false

    @OptionGroup var served: ServedOptions

    func run() throws {
        try served.confine()
        // A served follower takes the server's keys, or the defaults if they are broken.
        let config = served.served ? ServedOptions.sessionConfig().config : try loadUserConfig()
        let keys = config.apply(to: KeyBindings.standard)
        let model = try content.loadValid()
        // Only a served session's voter is the server's word; see FollowerConnection.
        let client = try presenter.client(
            anySession: auto, voter: served.served ? served.voter : nil)
        try runFollowing(
            {
                Follower(
                    model: model, width: $0.size.width, height: $0.size.height,
                    capabilities: $0.capabilities, keys: keys)
            },
            client: client)
    }
}
