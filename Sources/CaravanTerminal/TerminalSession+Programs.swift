import CNcursesw
import CaravanUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Leaving the screen for a while: a suspension (Ctrl-Z) or another program (an editor).
extension TerminalSession {
    /// Suspends like Ctrl-Z: restores the terminal, stops the job so the shell
    /// takes over, and on `fg` goes back to full-screen mode and queues a
    /// `.resize` event so that everything is drawn again.
    ///
    /// The job is stopped with SIGTSTP (default action) sent to its process
    /// group, as a shell's Ctrl-Z does; in an orphaned process group, where no
    /// shell could resume it, the kernel discards the signal and the program
    /// simply carries on.
    public func suspend() {
        guard isOpen else { return }
        leaveScreen()
        relay.setTemporarily(SIGTSTP, disposition: 0)  // SIG_DFL
        kill(0, SIGTSTP)
        relay.relay([SIGTSTP])
        returnToScreen()
    }

    /// Runs another program on the terminal and waits for it: full-screen
    /// mode is left, `arguments` are started directly with posix_spawnp (no
    /// shell), and the screen is redrawn afterwards (a `.resize` is queued). While
    /// it runs, Ctrl-C and Ctrl-\ reach only that program; if it is stopped (Ctrl-Z),
    /// this process stops with it.
    public func runExternal(_ arguments: [String]) -> ExternalResult {
        guard isOpen else { return .notStarted(reason: "the terminal is closed") }
        guard let command = arguments.first, !command.isEmpty else {
            return .notStarted(reason: "no program given")
        }
        leaveScreen()
        for number in [SIGINT, SIGQUIT, SIGTSTP] {
            relay.setTemporarily(number, disposition: 1)  // SIG_IGN
        }
        defer {
            relay.relay([SIGINT, SIGQUIT, SIGTSTP])
            returnToScreen()
        }
        let processID: pid_t
        switch spawn(arguments) {
        case .success(let started): processID = started
        case .failure(let error): return .notStarted(reason: error.reason)
        }
        var status: Int32 = 0
        while true {
            let result = waitpid(processID, &status, WUNTRACED)
            if result == -1 {
                if errno == EINTR { continue }
                return .notStarted(reason: String(cString: strerror(errno)))
            }
            if status & 0xFF == 0x7F {
                // The program was stopped: stop with it, and let it go on when we do.
                kill(getpid(), SIGSTOP)
                kill(processID, SIGCONT)
                continue
            }
            break
        }
        if status & 0x7F == 0 { return .exited(status: (status >> 8) & 0xFF) }
        return .killed(signal: status & 0x7F)
    }

    /// Why posix_spawnp failed.
    struct SpawnError: Error {
        var reason: String
    }

    private func spawn(_ arguments: [String]) -> Result<pid_t, SpawnError> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in TerminalSession.relayedSignals + [SIGPIPE] {
            sigaddset(&defaults, number)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
        }
        var processID = pid_t()
        let result = posix_spawnp(&processID, arguments[0], nil, &attributes, &argv, environ)
        guard result == 0 else {
            return .failure(SpawnError(reason: String(cString: strerror(result))))
        }
        return .success(processID)
    }

    /// Leaves full-screen mode for a while (suspend, external program).
    private func leaveScreen() {
        curs_set(1)
        cursorVisible = nil
        endwin()
        cursesActive = false
    }

    /// Comes back to full-screen mode and arranges a full redraw.
    private func returnToScreen() {
        cursesActive = true
        // Any SIGCONT received meanwhile was ours; other signals still count.
        for number in relay.drain() where number != SIGCONT && number != SIGTSTP {
            handle(signal: number)
        }
        doupdate()
        invalidate()
        updateSize(alwaysReport: true)
    }
}
