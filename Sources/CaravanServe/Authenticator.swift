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

    init(
        policy: Policy, address: String, record: ConnectionRecord, maxFailures: Int,
        channel: any Channel
    ) {
        self.policy = policy
        self.address = address
        self.record = record
        self.maxFailures = maxFailures
        self.channel = channel
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        switch (policy, request.request) {
        case (.open, .none):
            record.authenticationSucceeded(user: request.username, fingerprint: nil)
            responsePromise.succeed(.success)
        case (.open, .publicKey(let offer)):
            // NIOSSH passes on only keys whose signature it has checked.
            record.authenticationSucceeded(
                user: request.username, fingerprint: KeyFingerprint.sha256(of: offer.publicKey))
            responsePromise.succeed(.success)
        case (.authorizedKeys(let file), .publicKey(let offer))
        where file.authorizes(offer.publicKey, from: address):
            record.authenticationSucceeded(
                user: request.username, fingerprint: KeyFingerprint.sha256(of: offer.publicKey))
            responsePromise.succeed(.success)
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
}
