#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Signal handlers may only do async-signal-safe work, so they write the
// signal's number to a pipe (the "self-pipe"): the main loop polls the pipe
// together with the terminal and does the real work. The state handlers read
// is set up before any handler is installed and is only read by them.

/// The write end of the self-pipe, read by `relaySignal`.
nonisolated(unsafe) private var relayWriteDescriptor: Int32 = -1

/// Writes the signal number to the self-pipe. Only write(2); errno is kept.
private func relaySignal(_ number: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(relayWriteDescriptor, &byte, 1)
    errno = savedErrno
}

/// Builds a `sigaction` that runs `handler`.
func makeSignalAction(_ handler: (@convention(c) (Int32) -> Void)?, flags: Int32 = 0) -> sigaction {
    var action = sigaction()
    #if canImport(Glibc)
        action.__sigaction_handler = .init(sa_handler: handler)
    #else
        action.__sigaction_u = .init(__sa_handler: handler)
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    return action
}

/// `SIG_IGN` or `SIG_DFL` as a `sigaction`.
func makeSignalAction(disposition: Int) -> sigaction {
    makeSignalAction(unsafeBitCast(disposition, to: (@convention(c) (Int32) -> Void)?.self))
}

/// Turns signals into bytes on a pipe that the event loop can poll.
final class SignalRelay {
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private var savedActions: [Int32: sigaction] = [:]

    init() throws {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw TerminalError.setupFailed(
                "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        relayWriteDescriptor = writeDescriptor
    }

    /// Relays the given signals from now on, remembering their previous actions.
    func relay(_ signals: [Int32]) {
        for number in signals {
            var action = makeSignalAction(relaySignal, flags: SA_RESTART)
            var previous = sigaction()
            sigaction(number, &action, &previous)
            if savedActions[number] == nil {
                savedActions[number] = previous
            }
        }
    }

    /// Sets a signal's action for a while (during an external program, say);
    /// `relay` or `restore` puts it back.
    func setTemporarily(_ number: Int32, disposition: Int) {
        var action = makeSignalAction(disposition: disposition)
        sigaction(number, &action, nil)
    }

    /// The signals received since the last call, oldest first.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            if count > 0 {
                received += buffer[0..<count].map { Int32($0) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return received
    }

    /// Puts back the actions the signals had before `relay`, and closes the pipe.
    func restore() {
        for (number, action) in savedActions {
            var previous = action
            sigaction(number, &previous, nil)
        }
        savedActions = [:]
        relayWriteDescriptor = -1
        close(readDescriptor)
        close(writeDescriptor)
    }
}
