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
            maxTotal: configuration.maxSessions, maxPerAddress: configuration.maxPerAddress)
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
        let bound =
            serverChannel.localAddress.map(Self.describe) ?? configuration.listen.description
        ServeLog.line("caravan serve: listening on \(bound)")

        let signals = ShutdownSignals { signalNumber in
            ServeLog.line(
                "caravan serve: \(ChildExit.signalName(signalNumber) == "INT" ? "interrupted" : "terminated"); closing \(context.limiter.openCount) sessions"
            )
            serverChannel.close(promise: nil)
            for hook in context.limiter.beginShutdown() { hook() }
        }
        defer { signals.cancel() }

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

/// Sets up each accepted connection: limits, SSH, authentication, sessions, logging.
enum ConnectionSetup {
    static func initialize(_ channel: any Channel, context: ServerContext) -> EventLoopFuture<Void>
    {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let remote = channel.remoteAddress.map(CaravanServer.describe) ?? "unknown"
        if let refusal = context.limiter.admit(channel, address: address) {
            let record = ConnectionRecord(remote: remote)
            record.end(refusal.rawValue)
            ServeLog.line(record.logLine())
            return channel.eventLoop.makeFailedFuture(ServeError(refusal.rawValue))
        }
        return channel.eventLoop.makeCompletedFuture {
            let configuration = context.configuration
            let record = ConnectionRecord(remote: remote)
            let watchdog = ConnectionWatchdog(
                channel: channel, record: record,
                loginGraceSeconds: configuration.loginGraceTime,
                idleSeconds: configuration.idleTimeout)
            let policy: Authenticator.Policy =
                context.authorizedKeys.map { .authorizedKeys($0) } ?? .open
            var sshConfiguration = SSHServerConfiguration(
                hostKeys: [context.hostKey],
                userAuthDelegate: Authenticator(
                    policy: policy, address: address, record: record,
                    maxFailures: configuration.maxAuthFailures, channel: channel),
                globalRequestDelegate: ForwardingRefusal(record: record))
            // NIOSSH counts every request, key queries and "none" included; the
            // Authenticator counts real failures. This is only a backstop.
            sshConfiguration.maxAuthAttempts = 3 * configuration.maxAuthFailures + 2
            let sshHandler = NIOSSHHandler(
                role: .server(sshConfiguration), allocator: channel.allocator,
                inboundChildChannelInitializer: { child, type in
                    openChannel(
                        child, type: type, record: record, watchdog: watchdog, context: context)
                })
            try channel.pipeline.syncOperations.addHandlers([
                sshHandler, ConnectionErrorHandler(record: record),
            ])
            channel.closeFuture.assumeIsolated().whenComplete { _ in
                watchdog.stop()
                context.limiter.release(channel, address: address)
                ServeLog.line(record.logLine())
            }
            watchdog.start()
            let loopBoundRecord = NIOLoopBound(record, eventLoop: channel.eventLoop)
            context.limiter.onShutdown(of: channel) {
                channel.eventLoop.execute {
                    let record = loopBoundRecord.value
                    record.end("server shutdown")
                    guard let session = record.session else {
                        channel.close(promise: nil)
                        return
                    }
                    session.end(notice: "the server is shutting down")
                    channel.eventLoop.assumeIsolated().scheduleTask(in: .seconds(3)) {
                        channel.close(promise: nil)
                    }
                }
            }
        }
    }

    /// Accepts one session channel per connection; refuses port forwarding.
    static func openChannel(
        _ child: any Channel, type: SSHChannelType, record: ConnectionRecord,
        watchdog: ConnectionWatchdog, context: ServerContext
    ) -> EventLoopFuture<Void> {
        switch type {
        case .session:
            guard record.sessionChannels == 0 else {
                return child.eventLoop.makeFailedFuture(ServeError("one session per connection"))
            }
            record.sessionChannels += 1
            return child.eventLoop.makeCompletedFuture {
                let handler = ShellSessionHandler(
                    server: context, record: record, watchdog: watchdog)
                record.session = handler
                try child.pipeline.syncOperations.addHandler(handler)
            }
        case .directTCPIP, .forwardedTCPIP:
            record.noteRefused("port forwarding")
            return child.eventLoop.makeFailedFuture(ServeError("port forwarding is not offered"))
        }
    }
}

/// Refuses remote port forwarding (tcpip-forward), noting the attempt.
final class ForwardingRefusal: GlobalRequestDelegate {
    private let record: ConnectionRecord

    init(record: ConnectionRecord) {
        self.record = record
    }

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        record.noteRefused("port forwarding")
        promise.fail(ServeError("port forwarding is not offered"))
    }
}

/// Ends a connection on a protocol or network error, noting why.
final class ConnectionErrorHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let record: ConnectionRecord

    init(record: ConnectionRecord) {
        self.record = record
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if (error as? NIOSSHError)?.type != .tcpShutdown {
            record.end("error: \(error)")
        }
        context.close(promise: nil)
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
