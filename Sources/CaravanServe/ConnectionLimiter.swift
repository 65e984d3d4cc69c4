import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Counts open connections in two pools, and keeps the open ones so a shutdown
/// can close them.
///
/// - *Waiting*: connected, not yet logged in. A small pool (`maxWaiting`, and a
///   quarter of it for one address), so that connections which never log in
///   cannot take the class's places. When it is full, a newcomer takes the place
///   of a waiting connection: the oldest one of the address holding the most, when
///   that address holds clearly more than the newcomer's; otherwise the oldest one
///   it competes with, if that has waited `replaceAfter` (an honest client logs in
///   within a second). Otherwise the newcomer is refused as busy.
/// - *Sessions*: logged in. At most `maxSessions`, and `maxPerAddress` from one
///   address.
final class ConnectionLimiter: Sendable {
    struct Limits: Sendable {
        var maxSessions: Int
        var maxPerAddress: Int
        var maxWaiting: Int
        var replaceAfter: TimeAmount = .seconds(2)

        /// The most connections one address may have waiting to log in.
        var maxWaitingPerAddress: Int { max(4, maxWaiting / 4) }
    }

    /// Why a connection was turned away; the raw value is for the log.
    enum Refusal: String, Sendable {
        case serverFull = "refused: server full"
        case addressFull = "refused: too many sessions from this address"
        case busy = "refused: too many connections waiting to log in"
        case addressBusy = "refused: too many connections waiting to log in from this address"
        case shuttingDown = "refused: shutting down"

        /// What the client is told (OpenSSH prints it after "Received disconnect").
        var clientMessage: String {
            switch self {
            case .serverFull: "the server is full; try again later"
            case .addressFull: "too many sessions from your address; try again later"
            case .busy: "too many people are logging in at once; try again in a moment"
            case .addressBusy:
                "too many logins from your address at once; try again in a moment"
            case .shuttingDown: "the server is shutting down"
            }
        }
    }

    /// What became of a new connection.
    enum Admission {
        case admitted
        case refused(Refusal)
    }

    private struct Waiting {
        var address: String
        var since: NIODeadline
    }

    private struct State {
        var waiting: [ObjectIdentifier: Waiting] = [:]
        var waitingPerAddress: [String: Int] = [:]
        var sessions: Set<ObjectIdentifier> = []
        var sessionsPerAddress: [String: Int] = [:]
        var open: [ObjectIdentifier: any Channel] = [:]
        var replacedHooks: [ObjectIdentifier: @Sendable () -> Void] = [:]
        var shutdownHooks: [ObjectIdentifier: @Sendable () -> Void] = [:]
        var closing = false
    }

    let limits: Limits
    private let state = NIOLockedValueBox(State())

    init(limits: Limits) {
        self.limits = limits
    }

    /// Admits a new connection to the waiting pool, or tells why not. A waiting
    /// connection it replaces is told so (its `onReplaced` hook), outside the lock.
    func admit(_ channel: any Channel, address: String, now: NIODeadline = .now()) -> Admission {
        let (admission, replaced) = state.withLockedValue {
            state -> (Admission, (@Sendable () -> Void)?) in
            if state.closing { return (.refused(.shuttingDown), nil) }
            if state.sessionsPerAddress[address, default: 0] >= limits.maxPerAddress {
                return (.refused(.addressFull), nil)
            }
            if state.sessions.count >= limits.maxSessions { return (.refused(.serverFull), nil) }
            var hook: (@Sendable () -> Void)?
            let own = state.waitingPerAddress[address, default: 0]
            if own >= limits.maxWaitingPerAddress || state.waiting.count >= limits.maxWaiting {
                guard
                    let victim = Self.victim(
                        in: state, for: address, own: own, limits: limits, now: now)
                else {
                    return (
                        .refused(own >= limits.maxWaitingPerAddress ? .addressBusy : .busy), nil
                    )
                }
                hook = Self.forget(victim, in: &state)
            }
            let key = ObjectIdentifier(channel)
            state.waiting[key] = Waiting(address: address, since: now)
            state.waitingPerAddress[address, default: 0] += 1
            state.open[key] = channel
            return (.admitted, hook)
        }
        replaced?()
        return admission
    }

    /// The waiting connection a newcomer from `address` may replace, if any.
    private static func victim(
        in state: State, for address: String, own: Int, limits: Limits, now: NIODeadline
    ) -> ObjectIdentifier? {
        func oldest(of holder: String) -> (key: ObjectIdentifier, since: NIODeadline)? {
            state.waiting.filter { $0.value.address == holder }
                .min { $0.value.since < $1.value.since }
                .map { ($0.key, $0.value.since) }
        }
        if own >= limits.maxWaitingPerAddress {
            guard let candidate = oldest(of: address), now - candidate.since >= limits.replaceAfter
            else { return nil }
            return candidate.key
        }
        guard let busiest = state.waitingPerAddress.max(by: { $0.value < $1.value }),
            let candidate = oldest(of: busiest.key)
        else { return nil }
        if busiest.value > own + 1 || now - candidate.since >= limits.replaceAfter {
            return candidate.key
        }
        return nil
    }

    /// Takes a waiting connection out of every count; returns its hook.
    private static func forget(_ key: ObjectIdentifier, in state: inout State)
        -> @Sendable () -> Void
    {
        let channel = state.open[key]
        if let waiting = state.waiting.removeValue(forKey: key) {
            decrement(&state.waitingPerAddress, waiting.address)
        }
        state.open[key] = nil
        state.shutdownHooks[key] = nil
        let hook = state.replacedHooks.removeValue(forKey: key)
        return hook ?? { channel?.close(promise: nil) }
    }

    private static func decrement(_ counts: inout [String: Int], _ address: String) {
        let remaining = counts[address, default: 1] - 1
        counts[address] = remaining > 0 ? remaining : nil
    }

    /// What to do with a connection when it is replaced, and when the server shuts down.
    func register(
        _ channel: any Channel, onReplaced: @escaping @Sendable () -> Void,
        onShutdown: @escaping @Sendable () -> Void
    ) {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            guard state.open[key] != nil else { return }
            state.replacedHooks[key] = onReplaced
            state.shutdownHooks[key] = onShutdown
        }
    }

    /// A waiting connection has logged in: it moves to the sessions, or is told
    /// why it cannot (the sessions filled up while it was logging in).
    func loggedIn(_ channel: any Channel, address: String) -> Refusal? {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            if state.sessions.contains(key) { return nil }
            if state.waiting.removeValue(forKey: key) != nil {
                Self.decrement(&state.waitingPerAddress, address)
            }
            state.replacedHooks[key] = nil
            if state.closing { return .shuttingDown }
            if state.sessionsPerAddress[address, default: 0] >= limits.maxPerAddress {
                return .addressFull
            }
            if state.sessions.count >= limits.maxSessions { return .serverFull }
            state.sessions.insert(key)
            state.sessionsPerAddress[address, default: 0] += 1
            return nil
        }
    }

    /// Forgets a connection that has closed.
    func release(_ channel: any Channel, address: String) {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            if state.waiting.removeValue(forKey: key) != nil {
                Self.decrement(&state.waitingPerAddress, address)
            }
            if state.sessions.remove(key) != nil {
                Self.decrement(&state.sessionsPerAddress, address)
            }
            state.open[key] = nil
            state.replacedHooks[key] = nil
            state.shutdownHooks[key] = nil
        }
    }

    /// Refuses new connections from now on and returns what to do with the
    /// open ones: their shutdown hooks, or closing them when they have none.
    func beginShutdown() -> [@Sendable () -> Void] {
        state.withLockedValue { state in
            state.closing = true
            return state.open.map { key, channel in
                state.shutdownHooks[key] ?? { channel.close(promise: nil) }
            }
        }
    }

    var isShuttingDown: Bool { state.withLockedValue { $0.closing } }

    var openCount: Int { state.withLockedValue { $0.open.count } }

    /// Connections waiting to log in, and logged-in sessions.
    var counts: (waiting: Int, sessions: Int) {
        state.withLockedValue { ($0.waiting.count, $0.sessions.count) }
    }
}

/// The session processes still running or not yet reaped, so that a shutdown
/// can wait for them.
final class ChildRegistry: Sendable {
    private let pids = NIOLockedValueBox(Set<pid_t>())

    func insert(_ pid: pid_t) { _ = pids.withLockedValue { $0.insert(pid) } }
    func remove(_ pid: pid_t) { _ = pids.withLockedValue { $0.remove(pid) } }
    var count: Int { pids.withLockedValue { $0.count } }
}
