import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Counts open connections, in all and by address, and keeps the open ones so
/// a shutdown can close them.
final class ConnectionLimiter: Sendable {
    private let maxTotal: Int
    private let maxPerAddress: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var perAddress: [String: Int] = [:]
        var open: [ObjectIdentifier: any Channel] = [:]
        var shutdownHooks: [ObjectIdentifier: @Sendable () -> Void] = [:]
        var closing = false
    }

    /// Why a connection was turned away.
    enum Refusal: String {
        case serverFull = "refused: server full"
        case addressFull = "refused: too many connections from this address"
        case shuttingDown = "refused: shutting down"
    }

    init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Admits the connection, or tells why not.
    func admit(_ channel: any Channel, address: String) -> Refusal? {
        state.withLockedValue { state in
            if state.closing { return .shuttingDown }
            if state.open.count >= maxTotal { return .serverFull }
            if state.perAddress[address, default: 0] >= maxPerAddress { return .addressFull }
            state.perAddress[address, default: 0] += 1
            state.open[ObjectIdentifier(channel)] = channel
            return nil
        }
    }

    /// What to do with an admitted connection when the server shuts down.
    func onShutdown(of channel: any Channel, _ hook: @escaping @Sendable () -> Void) {
        state.withLockedValue { state in
            if state.open[ObjectIdentifier(channel)] != nil {
                state.shutdownHooks[ObjectIdentifier(channel)] = hook
            }
        }
    }

    /// Forgets an admitted connection.
    func release(_ channel: any Channel, address: String) {
        state.withLockedValue { state in
            state.open[ObjectIdentifier(channel)] = nil
            state.shutdownHooks[ObjectIdentifier(channel)] = nil
            let remaining = state.perAddress[address, default: 1] - 1
            state.perAddress[address] = remaining > 0 ? remaining : nil
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
}

/// The session processes still running or not yet reaped, so that a shutdown
/// can wait for them.
final class ChildRegistry: Sendable {
    private let pids = NIOLockedValueBox(Set<pid_t>())

    func insert(_ pid: pid_t) { _ = pids.withLockedValue { $0.insert(pid) } }
    func remove(_ pid: pid_t) { _ = pids.withLockedValue { $0.remove(pid) } }
    var count: Int { pids.withLockedValue { $0.count } }
}
