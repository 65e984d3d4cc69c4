import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// send(2) without blocking and, on Linux, without SIGPIPE (elsewhere SIGPIPE is
/// ignored by the commands that use sockets).
private func sendNow(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        return send(descriptor, bytes, count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
    #else
        return send(descriptor, bytes, count, MSG_DONTWAIT)
    #endif
}

/// The presenter's end of the link: a Unix-domain socket that sends the presenter's status,
/// one JSON line per change, to every follower that connects, and takes their answers to
/// polls.
///
/// A follower can only answer polls: every line it sends is read as a
/// ``FollowerMessage`` (anything else is dropped), and its votes go to ``takeVotes()``
/// under the name its ``FollowerConnection`` gives it. Followers of another user get the
/// status without speaker notes (``PresenterStatus/forAudience``). A background thread
/// does all socket work and waits in poll(2), so the presenter's screen never blocks on a
/// slow or vanished follower: a follower whose line does not fit at once is dropped (it
/// reconnects), writes never raise SIGPIPE, and each peer's credentials are checked
/// against the audience when it connects.
final class PresentServer: @unchecked Sendable {
    let path: String
    /// Readable when votes wait in ``takeVotes()``: for `Options.extraInput`.
    let notification: Int32
    private let audience: Audience
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let notifyWrite: Int32
    /// Another descriptor poked with `notification` (a pipe the terminal already watches).
    private let alsoNotifying: Int32?
    private let lock = NSLock()
    private var latest: (full: Data, audience: Data)?
    private var votes: [Vote] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var running = false

    /// Votes kept waiting for the presenter at most; more are dropped until it reads them.
    static let voteQueueLimit = 4096

    /// Creates the folder and socket (removing a stale socket left by a presenter that
    /// died), ready for `start`.
    init(session: String?, audience: Audience, alsoNotifying: Int32? = nil) throws {
        self.alsoNotifying = alsoNotifying
        let folder = PresentSocket.folder(for: audience, uid: geteuid())
        try PresentSocket.prepareFolder(folder, mode: audience.folderMode)
        path = folder + "/" + PresentSocket.fileName(session: session)
        self.audience = audience
        try PresentServer.removeStale(path, session: session)

        let listener = PresentSocket.makeSocket()
        guard listener >= 0 else { throw PresentSocketError("cannot create a socket") }
        self.listener = listener
        var address = try PresentSocket.address(path)
        // Created owner-only, then opened up to the audience.
        let previousMask = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        umask(previousMask)
        guard bound == 0, chmod(path, audience.socketMode) == 0, listen(listener, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            unlink(path)
            throw PresentSocketError("cannot listen on \(path): \(reason)")
        }
        var wakeEnds: [Int32] = [-1, -1]
        var notifyEnds: [Int32] = [-1, -1]
        guard pipe(&wakeEnds) == 0 else {
            close(listener)
            unlink(path)
            throw PresentSocketError("cannot create a pipe")
        }
        guard pipe(&notifyEnds) == 0 else {
            for descriptor in [listener] + wakeEnds { close(descriptor) }
            unlink(path)
            throw PresentSocketError("cannot create a pipe")
        }
        wake = (wakeEnds[0], wakeEnds[1])
        notification = notifyEnds[0]
        notifyWrite = notifyEnds[1]
        for descriptor in [listener] + wakeEnds + notifyEnds {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    /// A socket that refuses connections is left from a presenter that died: remove it.
    /// One that accepts them belongs to a running presenter.
    private static func removeStale(_ path: String, session: String?) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw PresentSocketError("refusing to replace \(path): it is not a socket")
        }
        if let descriptor = PresentSocket.connect(to: path) {
            close(descriptor)
            let option = session.map { " --session \($0)" } ?? ""
            throw PresentSocketError(
                "a presenter is already running (\(path)); quit it, or choose another session, "
                    + "e.g. 'caravan present --session other' and 'caravan notes --session other'"
                    + (option.isEmpty ? "" : " (this one is\(option))"))
        }
        guard errno == ECONNREFUSED || errno == ENOENT else {
            throw PresentSocketError("cannot use \(path): \(String(cString: strerror(errno)))")
        }
        unlink(path)
    }

    func start() {
        running = true
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "caravan-present-server"
        thread.start()
    }

    /// Sends this status to every follower (now, on the server's thread).
    func publish(_ status: PresenterStatus) {
        let lines = (status.jsonLine(), status.forAudience.jsonLine())
        lock.withLock { latest = lines }
        poke()
    }

    /// The votes that came in since the last call, oldest first.
    func takeVotes() -> [Vote] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(notification, &scratch, scratch.count) > 0 {}
        return lock.withLock {
            defer { votes = [] }
            return votes
        }
    }

    /// Disconnects every follower and removes the socket.
    func stop() {
        lock.withLock { stopping = true }
        poke()
        if running { finished.wait() }
        running = false
        for descriptor in [listener, wake.read, wake.write, notification, notifyWrite] {
            close(descriptor)
        }
        unlink(path)
    }

    private func poke() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    // MARK: The server's thread

    /// A connected follower.
    private struct Peer {
        let descriptor: Int32
        var connection: FollowerConnection
        /// The status it gets.
        var full: Bool { connection.isPresentingUser }
    }

    private func serve() {
        var peers: [Peer] = []
        var sent: (full: Data, audience: Data)?
        defer {
            for peer in peers { close(peer.descriptor) }
        }
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            var descriptors = [
                pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
                pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
            ]
            descriptors += peers.map {
                pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0)
            }
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            var gone: Set<Int32> = []
            var arrived: [Vote] = []
            for (index, entry) in descriptors.dropFirst(2).enumerated() where entry.revents != 0 {
                let count = recv(entry.fd, &scratch, scratch.count, Int32(MSG_DONTWAIT))
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) {
                    gone.insert(entry.fd)
                    continue
                }
                guard count > 0 else { continue }
                let (votes, hangUp) = peers[index].connection.receive(scratch[0..<count])
                arrived += votes
                if hangUp { gone.insert(entry.fd) }
            }
            if !arrived.isEmpty { deliver(arrived) }
            for descriptor in gone { close(descriptor) }
            peers.removeAll { gone.contains($0.descriptor) }
            if descriptors[0].revents != 0 {
                while read(wake.read, &scratch, scratch.count) > 0 {}
                let (lines, stop) = lock.withLock { (latest, stopping) }
                if stop { return }
                if let lines, lines.full != sent?.full || lines.audience != sent?.audience {
                    peers = peers.filter {
                        send($0.full ? lines.full : lines.audience, to: $0.descriptor)
                    }
                    sent = lines
                }
            }
            if descriptors[1].revents != 0 {
                peers += acceptFollowers(sending: sent)
            }
        }
    }

    private func deliver(_ arrived: [Vote]) {
        lock.withLock {
            votes += arrived.prefix(max(0, PresentServer.voteQueueLimit - votes.count))
        }
        var byte: UInt8 = 1
        _ = write(notifyWrite, &byte, 1)
        if let alsoNotifying { _ = write(alsoNotifying, &byte, 1) }
    }

    private func acceptFollowers(sending lines: (full: Data, audience: Data)?) -> [Peer] {
        var accepted: [Peer] = []
        while true {
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { break }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            guard let peer = PresentSocket.peer(of: descriptor),
                PresentSocket.admits(peer, audience: audience)
            else {
                close(descriptor)
                continue
            }
            let connection = FollowerConnection(
                uid: UInt32(peer.uid), isPresentingUser: peer.uid == geteuid())
            let follower = Peer(descriptor: descriptor, connection: connection)
            if let lines, !send(follower.full ? lines.full : lines.audience, to: descriptor) {
                continue
            }
            accepted.append(follower)
        }
        return accepted
    }

    /// Sends a whole line without blocking and without SIGPIPE; false (and the follower
    /// closed) when it could not go out at once.
    private func send(_ line: Data, to descriptor: Int32) -> Bool {
        let written = line.withUnsafeBytes { buffer in
            sendNow(descriptor, buffer.baseAddress, buffer.count)
        }
        if written == line.count { return true }
        close(descriptor)
        return false
    }
}
