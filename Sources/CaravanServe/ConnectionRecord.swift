import Foundation
import NIOCore

/// What happened on one connection, logged as one line when it closes:
/// time, remote address, user and key fingerprint, duration, how it ended.
/// Lives on the connection's event loop.
final class ConnectionRecord {
    let remote: String
    let started = Date()
    private(set) var user: String?
    private(set) var fingerprint: String?
    private(set) var authenticated = false
    private(set) var failedAttempts = 0
    private(set) var ending: String?
    /// Requests that were refused (exec, forwarding, ...), in order, once each.
    private(set) var refused: [String] = []
    /// Session channels opened so far; one is allowed.
    var sessionChannels = 0
    /// What the session ran: `explore`, or `follow` while a presentation is live.
    var program: String?
    /// Why the connection may not have a session although it logged in (the
    /// sessions filled up meanwhile); the session tells the client.
    var refusal: ConnectionLimiter.Refusal?
    /// The shell session, told when the connection idles out.
    weak var session: ShellSessionHandler?

    init(remote: String) {
        self.remote = remote
    }

    func authenticationSucceeded(user: String, fingerprint: String?) {
        authenticated = true
        self.user = user
        self.fingerprint = fingerprint
    }

    func authenticationFailed() {
        failedAttempts += 1
    }

    func noteRefused(_ what: String) {
        if !refused.contains(what) { refused.append(what) }
    }

    /// Notes how the connection ended; the first reason given wins. Reasons may
    /// carry what a client sent (an error quoting its version line): they are cut
    /// short here, and the log writes their control characters as escapes.
    func end(_ reason: String) {
        if ending == nil { ending = reason.count > 300 ? reason.prefix(300) + "..." : reason }
    }

    /// The log line, given when the connection has closed.
    func logLine(now: Date = Date()) -> String {
        let duration = String(format: "%.1fs", now.timeIntervalSince(started))
        let who = authenticated ? (user ?? "?") : "-"
        var reason = ending ?? (authenticated ? "client closed" : "closed before login")
        if !authenticated && failedAttempts > 0 {
            reason += " (\(failedAttempts) failed attempts)"
        }
        if !refused.isEmpty { reason += "; refused \(refused.joined(separator: ", "))" }
        return
            "\(ServeLog.timestamp(started)) \(remote) user=\(sanitized(who)) key=\(fingerprint ?? "none") session=\(program ?? "none") duration=\(duration) end=\(reason)"
    }

    private func sanitized(_ text: String) -> String {
        String(
            text.prefix(64).map { character in
                character.isLetter || character.isNumber || "._-@".contains(character)
                    ? character : "?"
            })
    }
}
