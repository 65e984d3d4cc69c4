import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel: takes the terminal request, starts `caravan` on a
/// pseudo-terminal for the shell request (see `SessionChild.swift`), relays bytes
/// both ways, passes on window changes at most once a frame, and turns everything
/// else away (exec, subsystems, a shell without a terminal) with a line the client
/// shows, then closes. Lives on the connection's event loop.
final class ShellSessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// Input held while the pseudo-terminal's channel is being set up.
    static let pendingInputLimit = 64 * 1024
    /// Window changes reach the explorer at most this often; the last size wins.
    static let resizeInterval = TimeAmount.milliseconds(50)

    let server: ServerContext
    let record: ConnectionRecord
    let watchdog: ConnectionWatchdog
    var context: ChannelHandlerContext?
    /// The connection's event loop, kept after the handler leaves the pipeline
    /// so that a child can still be reaped.
    var loop: (any EventLoop)?
    var terminal: TerminalRequest?
    var clientVariables: [String: String] = [:]
    var phase = Phase.setup
    var closingNotice: String?
    private var resizes = ResizeCoalescer()

    struct TerminalRequest {
        var term: String
        var columns: Int
        var rows: Int
    }

    enum Phase {
        /// Waiting for pty-req and shell.
        case setup
        /// The child runs.
        case running(RunningShell)
        /// The child has ended or is being reaped, or the session was turned
        /// away; the channel is closing.
        case ending
    }

    /// A running child and the descriptors that reach its terminal.
    final class RunningShell {
        let child: ChildProcess
        /// A descriptor of the master kept for resizing; ours to close.
        var resizeDescriptor: Int32
        /// The master as a channel, once it is set up.
        var channel: (any Channel)?
        var pendingInput: [ByteBuffer] = []
        var pendingBytes = 0

        init(child: ChildProcess, resizeDescriptor: Int32) {
            self.child = child
            self.resizeDescriptor = resizeDescriptor
        }

        func closeResizeDescriptor() {
            if resizeDescriptor >= 0 {
                close(resizeDescriptor)
                resizeDescriptor = -1
            }
        }
    }

    init(server: ServerContext, record: ConnectionRecord, watchdog: ConnectionWatchdog) {
        self.server = server
        self.record = record
        self.watchdog = watchdog
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.loop = context.eventLoop
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: From the client

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard message.type == .channel, case .byteBuffer(let bytes) = message.data else { return }
        watchdog.noteInput()
        guard case .running(let shell) = phase else { return }
        if let channel = shell.channel {
            channel.writeAndFlush(bytes, promise: nil)
        } else if shell.pendingBytes + bytes.readableBytes <= Self.pendingInputLimit {
            shell.pendingInput.append(bytes)
            shell.pendingBytes += bytes.readableBytes
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let accepted: Bool
            if case .setup = phase, terminal == nil {
                terminal = TerminalRequest(
                    term: request.term, columns: request.terminalCharacterWidth,
                    rows: request.terminalRowHeight)
                accepted = true
            } else {
                accepted = false
            }
            reply(accepted, to: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = SessionEnvironment.accepts(name: request.name, value: request.value)
            if accepted { clientVariables[request.name] = request.value }
            reply(accepted, to: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startShell(wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            watchdog.noteInput()
            resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
        case let request as SSHChannelRequestEvent.ExecRequest:
            record.noteRefused("exec")
            turnAway(
                "this server opens the explorer only; it runs no commands",
                wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            record.noteRefused("subsystem")
            turnAway(
                "this server offers no subsystems (such as sftp)", wantReply: request.wantReply)
        case is SSHChannelRequestEvent.SignalRequest,
            is SSHChannelRequestEvent.LocalFlowControlRequest:
            break
        case ChannelEvent.inputClosed:
            // After a session was turned away the channel is closing already (a
            // client with nothing to send, `ssh host cmd </dev/null`, says so at once).
            if case .ending = phase { break }
            record.end("client closed its input")
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // Read from the child only as fast as the client takes the output.
        if case .running(let shell) = phase {
            shell.channel?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable)
                .whenFailure { _ in }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .running(let shell) = phase {
            record.end(server.limiter.isShuttingDown ? "server shutdown" : "client closed")
            phase = .ending
            hangUp(shell)
        }
        // One session per connection: the connection ends with it.
        context.channel.parent?.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The connection closing under the channel is no error of the session.
        if (error as? NIOSSHError)?.type != .tcpShutdown {
            record.end("session " + ConnectionErrorHandler.describe(error))
        }
        context.close(promise: nil)
    }

    // MARK: Window changes

    /// Applies a window change at once if none was applied within the last
    /// interval, else once the interval is over, with the latest size by then:
    /// a client sending a stream of them costs the explorer a redraw a frame.
    private func resize(columns: Int, rows: Int) {
        switch phase {
        case .setup:
            terminal?.columns = columns
            terminal?.rows = rows
        case .running(let shell) where shell.resizeDescriptor >= 0:
            guard let loop else { return }
            let now = NIODeadline.now()
            switch resizes.request(
                columns: columns, rows: rows, now: now, interval: Self.resizeInterval)
            {
            case .applyNow:
                applyPendingResize(shell)
            case .applyAt(let deadline):
                loop.assumeIsolated().scheduleTask(deadline: deadline) {
                    self.applyPendingResize(shell)
                }
            case .alreadyScheduled:
                break
            }
        case .running, .ending:
            break
        }
    }

    private func applyPendingResize(_ shell: RunningShell) {
        guard case .running(let current) = phase, current === shell, shell.resizeDescriptor >= 0,
            let size = resizes.take(now: .now())
        else { return }
        PseudoTerminal.resize(
            master: shell.resizeDescriptor, rows: size.rows, columns: size.columns)
    }

    // MARK: Replies

    func reply(_ accepted: Bool, to wantReply: Bool) {
        guard wantReply, let context else { return }
        let event: any Sendable = accepted ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }

    /// Ends the session with a line the client shows: the request is accepted, so
    /// that OpenSSH prints what comes back on standard error (it stops at a failed
    /// request without reading on), and the session then exits with status 1.
    func turnAway(_ reason: String, wantReply: Bool) {
        guard case .setup = phase, let context else {
            reply(false, to: wantReply)
            return
        }
        phase = .ending
        reply(true, to: wantReply)
        sendNotice(reason)
        context.triggerUserOutboundEvent(
            SSHChannelRequestEvent.ExitStatus(exitStatus: 1), promise: nil)
        context.close(promise: nil)
    }

    func sendNotice(_ text: String) {
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count + 16)
        buffer.writeString("\r\ncaravan: \(text)\r\n")
        context.writeAndFlush(
            wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
    }

    static func describe(seconds: Int) -> String {
        if seconds >= 120 && seconds % 60 == 0 { return "\(seconds / 60) minutes" }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }
}

/// Window changes, at most one an interval: the first at once, the rest held and
/// merged into the next one due, which takes the last size asked for.
struct ResizeCoalescer {
    enum Decision: Equatable {
        case applyNow
        case applyAt(NIODeadline)
        case alreadyScheduled
    }

    private(set) var pending: (columns: Int, rows: Int)?
    private var lastApplied: NIODeadline?
    private var scheduled = false

    /// Notes a new size and says when to apply what is pending.
    mutating func request(columns: Int, rows: Int, now: NIODeadline, interval: TimeAmount)
        -> Decision
    {
        pending = (columns, rows)
        if scheduled { return .alreadyScheduled }
        guard let lastApplied, now < lastApplied + interval else { return .applyNow }
        scheduled = true
        return .applyAt(lastApplied + interval)
    }

    /// The size to apply now, if one is pending.
    mutating func take(now: NIODeadline) -> (columns: Int, rows: Int)? {
        scheduled = false
        guard let size = pending else { return nil }
        pending = nil
        lastApplied = now
        return size
    }
}
