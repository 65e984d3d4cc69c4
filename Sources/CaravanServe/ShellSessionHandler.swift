import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel: takes the terminal request, starts `caravan` on a
/// pseudo-terminal for the shell request, relays bytes both ways, passes on
/// window changes, and refuses everything else (exec, subsystems).
/// Lives on the connection's event loop.
final class ShellSessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// Input held while the pseudo-terminal's channel is being set up.
    private static let pendingInputLimit = 64 * 1024

    private let server: ServerContext
    private let record: ConnectionRecord
    private let watchdog: ConnectionWatchdog
    private var context: ChannelHandlerContext?
    /// The connection's event loop, kept after the handler leaves the pipeline
    /// so that a child can still be reaped.
    private var loop: (any EventLoop)?
    private var terminal: TerminalRequest?
    private var clientVariables: [String: String] = [:]
    private var phase = Phase.setup
    private var closingNotice: String?

    private struct TerminalRequest {
        var term: String
        var columns: Int
        var rows: Int
    }

    private enum Phase {
        /// Waiting for pty-req and shell.
        case setup
        /// The child runs.
        case running(RunningShell)
        /// The child has ended or is being reaped; the channel is closing.
        case ending
    }

    /// A running child and the descriptors that reach its terminal.
    private final class RunningShell {
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
            refuse(
                "this server opens the explorer only; it runs no commands",
                wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            record.noteRefused("subsystem")
            refuse(
                "this server offers no subsystems (such as sftp)", wantReply: request.wantReply)
        case is SSHChannelRequestEvent.SignalRequest,
            is SSHChannelRequestEvent.LocalFlowControlRequest:
            break
        case ChannelEvent.inputClosed:
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
            record.end("session error: \(error)")
        }
        context.close(promise: nil)
    }

    // MARK: The child

    private func startShell(wantReply: Bool) {
        guard case .setup = phase else {
            reply(false, to: wantReply)
            return
        }
        guard let terminal else {
            record.noteRefused("shell without a terminal")
            refuse("this server needs a terminal; connect with ssh -t", wantReply: wantReply)
            return
        }
        guard let context else { return }
        server.configuration.sessionStarting?()
        let pseudoTerminal: PseudoTerminal
        let child: ChildProcess
        let resizeDescriptor: Int32
        let outputDescriptor: Int32
        do throws(ServeError) {
            pseudoTerminal = try PseudoTerminal.open(rows: terminal.rows, columns: terminal.columns)
            resizeDescriptor = fcntl(pseudoTerminal.master, F_DUPFD_CLOEXEC, 0)
            outputDescriptor = fcntl(pseudoTerminal.master, F_DUPFD_CLOEXEC, 0)
            guard resizeDescriptor >= 0, outputDescriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                for descriptor in [pseudoTerminal.master, resizeDescriptor, outputDescriptor]
                where descriptor >= 0 {
                    close(descriptor)
                }
                throw ServeError("cannot duplicate the terminal: \(reason)")
            }
            let arguments = ChildCommand.arguments(
                contentFolder: server.configuration.contentFolder,
                stateFolder: server.stateFolder(fingerprint: record.fingerprint),
                environment: server.environment)
            record.program = arguments.first
            do throws(ServeError) {
                child = try ChildProcess.spawn(
                    executable: server.configuration.executablePath,
                    arguments: arguments,
                    environment: SessionEnvironment.build(
                        server: server.environment, requestedTerm: terminal.term,
                        clientVariables: clientVariables),
                    slavePath: pseudoTerminal.slavePath, registry: server.children)
            } catch {
                for descriptor in [pseudoTerminal.master, resizeDescriptor, outputDescriptor] {
                    close(descriptor)
                }
                throw error
            }
        } catch {
            record.end("could not start: \(error.message)")
            refuse("could not start the explorer (\(error.message))", wantReply: wantReply)
            return
        }

        let shell = RunningShell(child: child, resizeDescriptor: resizeDescriptor)
        phase = .running(shell)
        reply(true, to: wantReply)
        watchOverChild(shell)

        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        PseudoTerminalRelay(session: handler.value))
                }
            }
            .takingOwnershipOfDescriptors(input: pseudoTerminal.master, output: outputDescriptor)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    self.terminalChannelReady(channel, for: shell)
                case .failure(let error):
                    close(pseudoTerminal.master)
                    close(outputDescriptor)
                    self.record.end("terminal relay failed: \(error)")
                    self.childStopped(shell)
                }
            }
    }

    private func terminalChannelReady(_ channel: any Channel, for shell: RunningShell) {
        guard case .running(let current) = phase, current === shell else {
            channel.close(promise: nil)
            return
        }
        shell.channel = channel
        for bytes in shell.pendingInput { channel.write(bytes, promise: nil) }
        channel.flush()
        shell.pendingInput = []
        shell.pendingBytes = 0
    }

    /// Output from the child, for the client.
    func terminalOutput(_ bytes: ByteBuffer) {
        context?.writeAndFlush(
            wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))), promise: nil)
    }

    /// The child's terminal can take more input, or cannot.
    func terminalWritabilityChanged(_ writable: Bool) {
        context?.channel.setOption(ChannelOptions.autoRead, value: writable).whenFailure { _ in }
    }

    /// The child's terminal closed: the child has ended, or is about to.
    func terminalClosed() {
        guard case .running(let shell) = phase else { return }
        shell.channel = nil
        childStopped(shell)
    }

    /// Checks now and then that the child still runs, in case it ended while
    /// something else keeps its terminal open.
    private func watchOverChild(_ shell: RunningShell) {
        guard let loop else { return }
        loop.assumeIsolated().scheduleTask(in: .seconds(1)) {
            guard case .running(let current) = self.phase, current === shell else { return }
            if shell.child.poll() != nil {
                // Give the terminal a moment to deliver the last output.
                loop.assumeIsolated().scheduleTask(in: .milliseconds(500)) {
                    guard case .running(let current) = self.phase, current === shell else { return }
                    shell.channel?.close(promise: nil)
                    self.childStopped(shell)
                }
            } else {
                self.watchOverChild(shell)
            }
        }
    }

    private func childStopped(_ shell: RunningShell) {
        guard let loop else { return }
        phase = .ending
        shell.closeResizeDescriptor()
        shell.child.reap(on: loop, hangUpAfter: .seconds(2)) { exit in
            self.report(exit)
        }
    }

    /// Tells the client how the child ended and closes the channel.
    private func report(_ exit: ChildExit) {
        guard let context else { return }
        switch exit {
        case .exited(let code):
            record.end("exited \(code)")
            if let closingNotice { sendNotice(closingNotice) }
            context.triggerUserOutboundEvent(
                SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code)), promise: nil)
        case .signalled(let signal):
            record.end(exit.description)
            if let closingNotice {
                sendNotice(closingNotice)
            } else if signal != SIGHUP && signal != SIGTERM && signal != SIGKILL {
                sendNotice("the explorer stopped unexpectedly (\(exit.description))")
            }
            context.triggerUserOutboundEvent(
                SSHChannelRequestEvent.ExitSignal(
                    signalName: ChildExit.signalName(signal), errorMessage: "", language: "",
                    dumpedCore: false), promise: nil)
        case .unknown:
            record.end(exit.description)
        }
        context.close(promise: nil)
    }

    /// The client went away: hang up the child's session and reap it.
    private func hangUp(_ shell: RunningShell) {
        shell.channel?.close(promise: nil)
        shell.channel = nil
        shell.closeResizeDescriptor()
        shell.child.signal(SIGHUP)
        if let loop {
            shell.child.reap(on: loop, hangUpAfter: .milliseconds(500)) { _ in }
        }
    }

    /// Asks the child to end (idle timeout, server shutdown), telling the
    /// client why; its exit then closes the session as usual, so that the
    /// child can put the client's terminal back first.
    func end(notice: String) {
        closingNotice = notice
        if case .running(let shell) = phase {
            shell.child.signal(SIGHUP)
        } else {
            context?.close(promise: nil)
        }
    }

    private func resize(columns: Int, rows: Int) {
        switch phase {
        case .setup:
            terminal?.columns = columns
            terminal?.rows = rows
        case .running(let shell) where shell.resizeDescriptor >= 0:
            PseudoTerminal.resize(master: shell.resizeDescriptor, rows: rows, columns: columns)
        case .running, .ending:
            break
        }
    }

    // MARK: Replies

    private func reply(_ accepted: Bool, to wantReply: Bool) {
        guard wantReply, let context else { return }
        let event: any Sendable = accepted ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }

    /// Refuses a request with a line on the client's standard error.
    private func refuse(_ reason: String, wantReply: Bool) {
        sendNotice(reason)
        reply(false, to: wantReply)
        if case .setup = phase, !wantReply {
            context?.close(promise: nil)
        }
    }

    private func sendNotice(_ text: String) {
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

/// Relays the child's terminal to its session: output to the client, and
/// the end of the terminal when the child is gone.
final class PseudoTerminalRelay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var session: ShellSessionHandler?

    init(session: ShellSessionHandler) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session?.terminalOutput(unwrapInboundIn(data))
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session?.terminalWritabilityChanged(context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let session = self.session
        self.session = nil
        session?.terminalClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // EIO once the child has closed the terminal: its normal end.
        context.close(promise: nil)
    }
}
