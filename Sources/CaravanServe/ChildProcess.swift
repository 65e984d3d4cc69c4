import CPty
import Foundation
import NIOCore

/// A pseudo-terminal master whose slave a session's child will open.
struct PseudoTerminal {
    /// The master's descriptor; whoever takes it must close it.
    let master: Int32
    let slavePath: String

    /// Opens a new pair with the given window size.
    static func open(rows: Int, columns: Int) throws(ServeError) -> PseudoTerminal {
        var path = [CChar](repeating: 0, count: 128)
        let master = cpty_open_master(
            &path, path.count, clamped(rows, to: maxRows), clamped(columns, to: maxColumns))
        guard master >= 0 else {
            throw ServeError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        return PseudoTerminal(master: master, slavePath: slavePath)
    }

    /// Tells the terminal behind `master` its new size (the child gets SIGWINCH).
    static func resize(master: Int32, rows: Int, columns: Int) {
        _ = cpty_set_window_size(
            master, clamped(rows, to: maxRows), clamped(columns, to: maxColumns))
    }

    /// The largest window a session gets: larger windows show this much, so that
    /// no client can make the explorer draw millions of cells a frame.
    static let maxColumns = 500
    static let maxRows = 300

    static func clamped(_ value: Int, to limit: Int) -> UInt16 {
        UInt16(clamping: max(1, min(value, limit)))
    }
}

/// How a child ended.
enum ChildExit: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    /// It was reaped elsewhere or is unknown to us.
    case unknown

    var description: String {
        switch self {
        case .exited(let code): return "exited \(code)"
        case .signalled(let signal): return "killed by SIG\(ChildExit.signalName(signal))"
        case .unknown: return "ended"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "HUP", SIGINT: "INT", SIGQUIT: "QUIT", SIGILL: "ILL", SIGTRAP: "TRAP",
            SIGABRT: "ABRT", SIGBUS: "BUS", SIGFPE: "FPE", SIGKILL: "KILL", SIGSEGV: "SEGV",
            SIGPIPE: "PIPE", SIGALRM: "ALRM", SIGTERM: "TERM", SIGUSR1: "USR1", SIGUSR2: "USR2",
        ]
        return names[signal] ?? "\(signal)"
    }
}

/// A session's `caravan` process: started in its own session on a pseudo-terminal,
/// hung up and reaped when the session ends, never left behind.
final class ChildProcess {
    let pid: pid_t
    private(set) var exit: ChildExit?
    private var reaping = false
    private let registry: ChildRegistry

    private init(pid: pid_t, registry: ChildRegistry) {
        self.pid = pid
        self.registry = registry
    }

    /// Starts `executable` with `arguments` and exactly `environment`, with the
    /// slave at `slavePath` as its controlling terminal and standard streams.
    static func spawn(
        executable: String, arguments: [String], environment: [String: String], slavePath: String,
        registry: ChildRegistry
    ) throws(ServeError) -> ChildProcess {
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let argvStrings = CStringArray(argv)
        let envpStrings = CStringArray(envp)
        defer {
            argvStrings.free()
            envpStrings.free()
        }
        let result = cpty_spawn(
            executable, argvStrings.pointers, envpStrings.pointers, slavePath, &pid)
        guard result == 0 else {
            throw ServeError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        registry.insert(pid)
        return ChildProcess(pid: pid, registry: registry)
    }

    /// Collects the exit status if the child has ended; never blocks.
    @discardableResult
    func poll() -> ChildExit? {
        if let exit { return exit }
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, WNOHANG)
        } while result < 0 && errno == EINTR
        if result == 0 { return nil }
        if result < 0 {
            exit = .unknown
        } else if status & 0x7f == 0 {
            exit = .exited((status >> 8) & 0xff)
        } else {
            exit = .signalled(status & 0x7f)
        }
        registry.remove(pid)
        return exit
    }

    /// Sends `signal` to the child's whole process group (its session).
    func signal(_ signal: Int32) {
        guard exit == nil else { return }
        if kill(-pid, signal) != 0 { _ = kill(pid, signal) }
    }

    /// Waits on `loop` until the child has ended, without blocking the loop:
    /// after `hangUpAfter` it is sent SIGHUP, and SIGKILL `killAfter` later.
    /// `completion` runs once, on `loop`, with how it ended.
    func reap(
        on loop: any EventLoop, hangUpAfter: TimeAmount, killAfter: TimeAmount = .seconds(5),
        completion: @escaping (ChildExit) -> Void
    ) {
        guard !reaping else { return }
        reaping = true
        let start = NIODeadline.now()
        var hungUp = false
        var killed = false
        func check(delay: TimeAmount) {
            if let exit = poll() {
                completion(exit)
                return
            }
            let elapsed = NIODeadline.now() - start
            if !hungUp && elapsed >= hangUpAfter {
                hungUp = true
                signal(SIGHUP)
            }
            if !killed && elapsed >= hangUpAfter + killAfter {
                killed = true
                signal(SIGKILL)
            }
            let next = min(delay * 2, .milliseconds(250))
            loop.assumeIsolated().scheduleTask(in: delay) { check(delay: next) }
        }
        check(delay: .milliseconds(10))
    }
}

/// C strings for an argv or envp array, NULL-terminated, freed by `free()`.
private struct CStringArray {
    private(set) var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    func free() {
        for pointer in pointers { Foundation.free(pointer) }
    }
}
