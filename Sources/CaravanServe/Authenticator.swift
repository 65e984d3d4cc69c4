import NIOCore
import NIOSSH

/// Decides who may log in on one connection: the keys of the authorized-keys
/// file, or anyone when the server is open. Runs on the connection's event loop.
final class Authenticator: NIOSSHServerUserAuthenticationDelegate {
    enum Policy {
        case authorizedKeys(AuthorizedKeysFile)
        case open
    }

    private let policy: Policy
    /// The client's IP address, for `from=` options.
    private let address: String
    private let record: ConnectionRecord
    private let maxFailures: Int
    private let channel: any Channel
    /// Called once the client has logged in.
    private let loggedIn: () -> Void

    init(
        policy: Policy, address: String, record: ConnectionRecord, maxFailures: Int,
        channel: any Channel, loggedIn: @escaping () -> Void
    ) {
        self.policy = policy
        self.address = address
        self.record = record
        self.maxFailures = maxFailures
        self.channel = channel
        self.loggedIn = loggedIn
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        switch (policy, request.request) {
        case (.open, .none):
            succeed(user: request.username, fingerprint: nil, responsePromise)
        case (.open, .publicKey(let offer)):
            // NIOSSH passes on only keys whose signature it has checked.
            succeed(
                user: request.username, fingerprint: KeyFingerprint.sha256(of: offer.publicKey),
                responsePromise)
        case (.authorizedKeys(let file), .publicKey(let offer))
        where file.authorizes(offer.publicKey, from: address):
            succeed(
                user: request.username, fingerprint: KeyFingerprint.sha256(of: offer.publicKey),
                responsePromise)
        case (.authorizedKeys, .none):
            // Clients ask with "none" first to learn the methods; that is no attempt.
            responsePromise.succeed(.failure)
        default:
            record.authenticationFailed()
            responsePromise.succeed(.failure)
            if record.failedAttempts >= maxFailures {
                record.end("too many authentication failures")
                channel.close(promise: nil)
            }
        }
    }

    private func succeed(
        user: String, fingerprint: String?,
        _ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        let first = !record.authenticated
        record.authenticationSucceeded(user: user, fingerprint: fingerprint)
        if first { loggedIn() }
        promise.succeed(.success)
    }
}
