import Foundation

/// The command line each SSH session runs, after the executable's own path.
///
/// This is the one place that decides what a new session shows: the explorer,
/// or, while a `caravan present` session of the serving user is live, a
/// follower of it. Either way the child is told it is served (`--served`): it then
/// forbids itself to start programs, takes no editor from the config, and keeps
/// its state in the reader's own folder, or none.
public enum ChildCommand {
    /// The arguments for a new session's `caravan`.
    ///
    /// - Parameters:
    ///   - contentFolder: the `--content` folder given to `caravan serve`, if any.
    ///   - stateFolder: the reader's own state folder; nil keeps no state (`--open`).
    ///   - voter: who answers the presenter's polls from this session (``Voter``); a
    ///     follower passes it to the presenter, which counts one answer per voter.
    ///   - environment: the server's environment, to find the presenter's socket.
    ///   - presenterIsLive: tells whether a presenter answers on a socket (injected for tests).
    public static func arguments(
        contentFolder: String?, stateFolder: String?, voter: String? = nil,
        environment: [String: String],
        presenterIsLive: (String) -> Bool = PresenterProbe.answers
    ) -> [String] {
        let content = contentFolder.map { ["--content", $0] } ?? []
        if presenterIsLive(presentSocketPath(environment: environment)) {
            let voting = voter.map { ["--voter", $0] } ?? []
            return ["follow", "--auto", "--served"] + voting + content
        }
        let state = stateFolder.map { ["--state-dir", $0] } ?? ["--no-state"]
        return ["explore", "--served"] + state + content
    }

    /// Where a live `caravan present` session keeps its socket:
    /// `$XDG_RUNTIME_DIR/caravan/present.sock`, or `/tmp/caravan-$UID/present.sock`
    /// when `XDG_RUNTIME_DIR` is not set.
    public static func presentSocketPath(environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return (runtime as NSString).appendingPathComponent("caravan/present.sock")
        }
        return "/tmp/caravan-\(getuid())/present.sock"
    }
}

/// Who answers polls from a served session, as the server names them on the child's
/// command line (which the client cannot reach): the key's fingerprint when keys are
/// listed, so one student is one voter however many times they log in; with `--open`,
/// where anyone may offer any key, the connection's own number.
public enum Voter {
    public static func name(fingerprint: String?, open: Bool, connection: Int) -> String {
        if !open, let fingerprint { return "key:" + fingerprint }
        return "open:\(getpid())-\(connection)"
    }

    private static let counter = ConnectionCounter()

    /// A number no other connection of this server has had.
    static func nextConnection() -> Int { counter.next() }
}

private final class ConnectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}

/// Whether a presenter is listening on its socket. A presenter that was killed
/// leaves the file behind, so the file's existence says nothing: a connection
/// does. The connection is made without waiting and closed at once; the presenter
/// takes it for a follower that left.
public enum PresenterProbe {
    public static func answers(at path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8)
        }
        #if canImport(Darwin)
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #else
            let descriptor = socket(
                AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        // EAGAIN: the presenter's queue of new connections is full; it is there.
        return result == 0 || errno == EAGAIN || errno == EINPROGRESS
    }
}
