import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// The session's child: starting it on its pseudo-terminal, relaying its output,
/// noticing its end, reaping it and telling the client how it ended.
extension ShellSessionHandler {
    func startShell(wantReply: Bool) {
        guard case .setup = phase else {
            reply(false, to: wantReply)
            return
        }
        if let refusal = record.refusal {
            record.end(refusal.rawValue)
            turnAway(refusal.clientMessage, wantReply: wantReply)
            return
        }
        guard let terminal else {
            record.noteRefused("shell without a terminal")
            turnAway("this server needs a terminal; connect with ssh -t", wantReply: wantReply)
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
                voter: Voter.name(
                    fingerprint: record.fingerprint, open: server.authorizedKeys == nil,
                    connection: Voter.nextConnection()),
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
            turnAway("could not start the explorer", wantReply: wantReply)
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
    func hangUp(_ shell: RunningShell) {
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
