import NIOCore

/// Closes a connection that has not logged in and started the explorer within
/// the grace time (a silent socket, `ssh -N`, a client that never asks for a
/// terminal), or whose client sends no input for the idle timeout. Lives on the
/// connection's event loop.
final class ConnectionWatchdog {
    private let channel: any Channel
    private let record: ConnectionRecord
    private let loginGrace: TimeAmount
    private let idleSeconds: Int
    private var lastInput = NIODeadline.now()
    private var loginCheck: Scheduled<Void>?
    private var idleCheck: Scheduled<Void>?

    init(channel: any Channel, record: ConnectionRecord, loginGraceSeconds: Int, idleSeconds: Int) {
        self.channel = channel
        self.record = record
        self.loginGrace = .seconds(Int64(max(1, loginGraceSeconds)))
        self.idleSeconds = idleSeconds
    }

    func start() {
        let loop = channel.eventLoop.assumeIsolated()
        loginCheck = loop.scheduleTask(in: loginGrace) {
            guard self.record.program == nil, self.channel.isActive else { return }
            self.record.end(self.record.authenticated ? "no session started" : "login timeout")
            self.channel.close(promise: nil)
        }
        if idleSeconds > 0 { checkIdleness(at: lastInput + idleTimeout) }
    }

    /// The connection closed: nothing more to watch.
    func stop() {
        loginCheck?.cancel()
        idleCheck?.cancel()
        loginCheck = nil
        idleCheck = nil
    }

    /// The client typed something or resized its window.
    func noteInput() {
        lastInput = .now()
    }

    private var idleTimeout: TimeAmount { .seconds(Int64(idleSeconds)) }

    private func checkIdleness(at deadline: NIODeadline) {
        idleCheck = channel.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            guard self.channel.isActive else { return }
            let due = self.lastInput + self.idleTimeout
            if due > .now() {
                self.checkIdleness(at: due)
                return
            }
            self.record.end("idle timeout")
            if let session = self.record.session {
                session.end(
                    notice:
                        "closed after \(ShellSessionHandler.describe(seconds: self.idleSeconds)) without input"
                )
                // If the child does not end by itself, the connection goes anyway.
                self.channel.eventLoop.assumeIsolated().scheduleTask(in: .seconds(5)) {
                    self.channel.close(promise: nil)
                }
            } else {
                self.channel.close(promise: nil)
            }
        }
    }
}
