import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Broadcasts a presentation started from the explorer (`P`) as `caravan present` does:
/// a ``PresentServer`` opens when presenting starts and closes when it ends, so notes,
/// followers and served sessions join it and answer its polls.
///
/// The terminal watches ``notification`` from the start (its extra input is fixed when it
/// opens); the server pokes it when votes come in. A served session never broadcasts:
/// it gets no socket in the serving user's name.
final class ExplorerBroadcast {
    /// Readable when followers' votes wait: for `Options.extraInput`.
    let notification: Int32
    private let notifyWrite: Int32
    private var server: PresentServer?
    private var published: PresenterStatus?
    /// Why this presentation is not broadcast, once, for the presenter's footer.
    private(set) var refusal: String?

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for descriptor in ends {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        (notification, notifyWrite) = (ends[0], ends[1])
    }

    deinit {
        end()
        close(notification)
        close(notifyWrite)
    }

    /// Keeps the broadcast in step with the presenter: starts it on the first status,
    /// sends each change, and ends it when presenting ends (nil). Returns a message for
    /// the presenter's footer when the broadcast cannot start.
    func follow(_ status: PresenterStatus?) -> String? {
        guard let status else {
            end()
            return nil
        }
        if server == nil && published == nil {
            do {
                let started = try PresentServer(
                    session: nil, audience: .owner, alsoNotifying: notifyWrite)
                started.start()
                server = started
            } catch {
                published = status
                return "Not broadcast: \(error)"
            }
        }
        guard status != published else { return nil }
        published = status
        server?.publish(status)
        return nil
    }

    /// Followers' votes since the last call.
    func takeVotes() -> [Vote] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(notification, &scratch, scratch.count) > 0 {}
        return server?.takeVotes() ?? []
    }

    private func end() {
        server?.stop()
        server = nil
        published = nil
    }
}
