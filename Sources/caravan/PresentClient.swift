import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A follower's end of the link: a background thread finds the presenter's socket,
/// reads its status lines and, after each change, writes a byte to a pipe whose read end
/// the terminal session watches (`Options.extraInput`), so the screen wakes without
/// polling. Without a presenter, or after it quits, the thread tries again every second.
///
/// All it writes to the presenter is the voter `caravan serve` named, when it connects,
/// and answers to polls (``send(_:)``).
final class PresentClient: @unchecked Sendable {
    /// The descriptor to watch: readable when there is news (see ``take()``).
    let notification: Int32
    private let notifyWrite: Int32
    private let stopPipe: (read: Int32, write: Int32)
    /// Written to when answers wait in `outgoing`.
    private let sendPipe: (read: Int32, write: Int32)
    private var outgoing: [FollowerMessage] = []
    private let voter: String?
    private let sockets: @Sendable () -> [String]
    private let owner: uid_t
    private let lock = NSLock()
    private var latest: PresenterLink = .waiting
    private let finished = DispatchSemaphore(value: 0)
    private var running = false

    /// - Parameters:
    ///   - sockets: the socket paths to try, in order, each time it connects.
    ///   - owner: the presenting user; sockets and folders owned by anyone else are ignored.
    ///   - voter: who this session answers polls as (given by `caravan serve`).
    init(sockets: @escaping @Sendable () -> [String], owner: uid_t, voter: String? = nil) throws {
        var notify: [Int32] = [-1, -1]
        var stop: [Int32] = [-1, -1]
        var outgoing: [Int32] = [-1, -1]
        guard pipe(&notify) == 0 else { throw PresentSocketError("cannot create a pipe") }
        guard pipe(&stop) == 0, pipe(&outgoing) == 0 else {
            for descriptor in notify + stop where descriptor >= 0 { close(descriptor) }
            throw PresentSocketError("cannot create a pipe")
        }
        for descriptor in notify + stop + outgoing {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        notification = notify[0]
        notifyWrite = notify[1]
        stopPipe = (stop[0], stop[1])
        sendPipe = (outgoing[0], outgoing[1])
        self.voter = voter
        self.sockets = sockets
        self.owner = owner
    }

    func start() {
        running = true
        let thread = Thread { [self] in
            follow()
            finished.signal()
        }
        thread.name = "caravan-present-client"
        thread.start()
    }

    /// The latest news, emptying the notification pipe.
    func take() -> PresenterLink {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(notification, &scratch, scratch.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        return latest
    }

    func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        if running { finished.wait() }
        running = false
        for descriptor in [
            notification, notifyWrite, stopPipe.read, stopPipe.write, sendPipe.read, sendPipe.write,
        ] {
            close(descriptor)
        }
    }

    /// Sends a message to the presenter (an answer to a poll) while connected; dropped
    /// when there is no presenter.
    func send(_ message: FollowerMessage) {
        lock.withLock {
            if outgoing.count < 16 { outgoing.append(message) }
        }
        var byte: UInt8 = 1
        _ = write(sendPipe.write, &byte, 1)
    }

    // MARK: The client's thread

    private func set(_ link: PresenterLink) {
        lock.lock()
        let changed = latest != link
        latest = link
        lock.unlock()
        guard changed else { return }
        var byte: UInt8 = 1
        _ = write(notifyWrite, &byte, 1)
    }

    /// Waits up to `milliseconds` for `descriptor` (or forever with -1); false when asked to
    /// stop. Messages waiting to go out are sent to `descriptor` meanwhile.
    private func wait(for descriptor: Int32?, milliseconds: Int32) -> Bool {
        while true {
            var descriptors = [
                pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
                pollfd(fd: sendPipe.read, events: Int16(POLLIN), revents: 0),
            ]
            if let descriptor {
                descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            while poll(&descriptors, nfds_t(descriptors.count), milliseconds) < 0 && errno == EINTR
            {}
            if descriptors[0].revents != 0 { return false }
            guard descriptors[1].revents != 0 else { return true }
            var scratch = [UInt8](repeating: 0, count: 64)
            while read(sendPipe.read, &scratch, scratch.count) > 0 {}
            let messages = lock.withLock {
                defer { outgoing = [] }
                return outgoing
            }
            if let descriptor { for message in messages { transmit(message, to: descriptor) } }
            if descriptors.count > 2, descriptors[2].revents != 0 { return true }
        }
    }

    private func transmit(_ message: FollowerMessage, to descriptor: Int32) {
        let line = message.jsonLine()
        _ = line.withUnsafeBytes { buffer in
            #if canImport(Glibc)
                Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            #else
                Darwin.send(descriptor, buffer.baseAddress, buffer.count, 0)
            #endif
        }
    }

    private func connect() -> Int32? {
        for path in sockets() {
            let folder = (path as NSString).deletingLastPathComponent
            guard PresentSocket.isFolder(folder, ownedBy: owner),
                PresentSocket.isSocket(path, ownedBy: owner),
                let descriptor = PresentSocket.connect(to: path)
            else { continue }
            return descriptor
        }
        return nil
    }

    private func follow() {
        while true {
            guard let descriptor = connect() else {
                set(.waiting)
                if !wait(for: nil, milliseconds: 1000) { return }
                continue
            }
            if let voter { transmit(FollowerMessage(voter: voter), to: descriptor) }
            let keepGoing = readLines(from: descriptor)
            close(descriptor)
            set(.waiting)
            if !keepGoing || !wait(for: nil, milliseconds: 1000) { return }
        }
    }

    /// Reads status lines until the presenter goes away (true) or we are stopped (false).
    private func readLines(from descriptor: Int32) -> Bool {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            guard wait(for: descriptor, milliseconds: -1) else { return false }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return true }
            buffer.append(contentsOf: chunk[0..<count])
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                if let status = PresenterStatus.decode(line: Data(line)) { set(.live(status)) }
                buffer.removeSubrange(buffer.startIndex...newline)
            }
            if buffer.count > PresenterStatus.maximumLineLength { return true }
        }
    }
}
