import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// What every connection of one server shares.
final class ServerContext: Sendable {
    let configuration: ServeConfiguration
    let environment: [String: String]
    let hostKey: NIOSSHPrivateKey
    let authorizedKeys: AuthorizedKeysFile?
    let limiter: ConnectionLimiter
    let children = ChildRegistry()

    init(
        configuration: ServeConfiguration, environment: [String: String], hostKey: NIOSSHPrivateKey,
        authorizedKeys: AuthorizedKeysFile?
    ) {
        self.configuration = configuration
        self.environment = environment
        self.hostKey = hostKey
        self.authorizedKeys = authorizedKeys
        self.limiter = ConnectionLimiter(
            limits: .init(
                maxSessions: configuration.maxSessions, maxPerAddress: configuration.maxPerAddress,
                maxWaiting: configuration.maxWaiting))
    }

    /// The state folder of the reader with this key; nil keeps no state (`--open`).
    func stateFolder(fingerprint: String?) -> String? {
        guard authorizedKeys != nil, let fingerprint, let readers = configuration.readersFolder
        else { return nil }
        return (readers as NSString).appendingPathComponent(
            ServedSession.folderName(fingerprint: fingerprint))
    }
}

/// `caravan serve`: an SSH server whose sessions each run the explorer.
public struct CaravanServer: Sendable {
    public let configuration: ServeConfiguration

    public init(configuration: ServeConfiguration) {
        self.configuration = configuration
    }

    /// Serves until SIGINT or SIGTERM, then closes every session and reaps
    /// every child before returning.
    public func run(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServeError)
    {
        signal(SIGPIPE, SIG_IGN)
        let hostKey = try HostKey.loadOrCreate(at: configuration.hostKeyPath)
        if hostKey.created {
            ServeLog.line("caravan serve: created a new host key at \(configuration.hostKeyPath)")
        }
        ServeLog.line("caravan serve: host key \(hostKey.fingerprint) (ED25519)")

        let authorizedKeys: AuthorizedKeysFile?
        switch configuration.access {
        case .open:
            authorizedKeys = nil
            ServeLog.line(
                "caravan serve: WARNING: --open lets anyone who can reach this port in, without a password"
            )
        case .authorizedKeys(let path):
            let file = AuthorizedKeysFile(path: path)
            let parsed = try file.load()
            for problem in parsed.problems { ServeLog.line("  \(path): \(problem)") }
            ServeLog.line("caravan serve: \(parsed.keys.count) authorized keys from \(path)")
            if parsed.keys.isEmpty {
                ServeLog.line(
                    "caravan serve: nobody can log in until keys are added (the file is read again when it changes)"
                )
            }
            authorizedKeys = file
        }

        let context = ServerContext(
            configuration: configuration, environment: environment, hostKey: hostKey.sshKey,
            authorizedKeys: authorizedKeys)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, min(System.coreCount, 4)))
        defer { try? group.syncShutdownGracefully() }

        let serverChannel: any Channel
        do {
            serverChannel = try ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    ConnectionSetup.initialize(channel, context: context)
                }
                .bind(host: configuration.listen.host, port: configuration.listen.port)
                .wait()
        } catch {
            throw ServeError("cannot listen on \(configuration.listen): \(error)")
        }
        let signals = ShutdownSignals { signalNumber in
            ServeLog.line(
                "caravan serve: \(ChildExit.signalName(signalNumber) == "INT" ? "interrupted" : "terminated"); closing \(context.limiter.openCount) sessions"
            )
            serverChannel.close(promise: nil)
            for hook in context.limiter.beginShutdown() { hook() }
        }
        defer { signals.cancel() }
        // Only now, with SIGINT and SIGTERM handled: whoever waits for this line may stop us.
        let bound =
            serverChannel.localAddress.map(Self.describe) ?? configuration.listen.description
        ServeLog.line("caravan serve: listening on \(bound)")

        try? serverChannel.closeFuture.wait()
        // Sessions hang up their children as they close; wait for every one to be reaped.
        let deadline = Date().addingTimeInterval(10)
        while (context.limiter.openCount > 0 || context.children.count > 0) && Date() < deadline {
            usleep(50_000)
        }
        ServeLog.line("caravan serve: stopped")
    }

    static func describe(_ address: SocketAddress) -> String {
        guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }
}

/// Runs a handler, once, on the first SIGINT or SIGTERM.
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ handler: @escaping @Sendable (Int32) -> Void) {
        let once = OnceFlag()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if once.claim() { handler(number) }
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}

/// True the first time only, from any thread.
private final class OnceFlag: Sendable {
    private let claimed = NIOLockedValueBox(false)

    func claim() -> Bool {
        claimed.withLockedValue { value in
            defer { value = true }
            return !value
        }
    }
}
