import NIOCore
import NIOSSH

/// Sets up each accepted connection: limits, SSH, authentication, sessions, logging.
enum ConnectionSetup {
    static func initialize(_ channel: any Channel, context: ServerContext) -> EventLoopFuture<Void>
    {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let remote = channel.remoteAddress.map(CaravanServer.describe) ?? "unknown"
        if case .refused(let refusal) = context.limiter.admit(channel, address: address) {
            let record = ConnectionRecord(remote: remote)
            record.end(refusal.rawValue)
            ServeLog.line(record.logLine())
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    RefusalHandler(message: refusal.clientMessage))
            }
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
            let authenticator = Authenticator(
                policy: policy, address: address, record: record,
                maxFailures: configuration.maxAuthFailures, channel: channel
            ) {
                record.refusal = context.limiter.loggedIn(channel, address: address)
            }
            var sshConfiguration = SSHServerConfiguration(
                hostKeys: [context.hostKey], userAuthDelegate: authenticator,
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
            context.limiter.register(
                channel,
                onReplaced: {
                    channel.eventLoop.execute {
                        loopBoundRecord.value.end(
                            "login timeout: replaced by a newer connection while the server was busy"
                        )
                        channel.close(promise: nil)
                    }
                },
                onShutdown: {
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
                })
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
                record.noteRefused("second session")
                return child.eventLoop.makeFailedFuture(ServeError("one session per connection"))
            }
            record.sessionChannels += 1
            return child.eventLoop.makeCompletedFuture {
                // The session handles the client's EOF itself: left to NIOSSH, an EOF
                // that arrives after the session has closed the channel (a client with
                // nothing to send turned away) makes it send a second close, which it
                // then takes for a protocol violation, dropping what was still to go out.
                try child.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
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
            record.end(Self.describe(error))
        }
        context.close(promise: nil)
    }

    /// An error as the log says it. The SSH library cannot read some messages that
    /// OpenSSH sends (a break request for `~B`, an X11 request, a keyboard-interactive
    /// login) and drops the connection on them: that is said in words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? NIOSSHError else { return "error: \(error)" }
        return describe(type: error.type, text: "\(error)")
    }

    static func describe(type: NIOSSHError.ErrorType, text: String) -> String {
        if type == .invalidPacketFormat {
            return "dropped: the client sent a request this server cannot read "
                + "(such as a break from ~B, X11 forwarding or keyboard-interactive login)"
        }
        let prefix = "NIOSSHError."
        return "SSH error: "
            + (text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
    }
}
