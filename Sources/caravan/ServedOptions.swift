import ArgumentParser
import CaravanConfig
import CaravanServe
import Foundation

/// What `caravan serve` tells each session's `caravan` on its command line, which
/// a client cannot change (it sends no command line, and its environment is
/// filtered). Hidden from help: only the server passes them.
struct ServedOptions: ParsableArguments {
    @Flag(name: .long, help: .hidden)
    var served = false

    @Option(name: .long, help: .hidden)
    var stateDir: String?

    /// Who a served follower answers polls as: the server names it (``Voter``).
    @Option(name: .long, help: .hidden)
    var voter: String?

    /// Called first thing in a served session: from here on the kernel refuses to
    /// start any program from this process. A system that cannot promise that gets
    /// no session at all.
    func confine() throws {
        guard served else { return }
        do {
            try ServedSession.forbidNewPrograms()
        } catch {
            printError("caravan: \(error.message); the session is closed")
            throw ExitCode(1)
        }
    }

    /// The serving user's config as a served session uses it: its looks and keys,
    /// never its editor or content folder. When it has problems the session uses
    /// the defaults and says so without naming the file; the server's log names it.
    static func sessionConfig() -> (config: Config, broken: Bool) {
        guard Config.problems(inFileAt: nil).isEmpty, var config = try? Config.load(path: nil)
        else { return (Config(), true) }
        config.editor = nil
        config.contentFolder = nil
        return (config, false)
    }

    /// Shown when a served session keeps no state (an `--open` login).
    static let nothingKept = "Open login: notes and marks last until you log out"
    /// Shown when the serving user's config could not be used.
    static let defaultSettings = "The server's settings could not be read; using the defaults"
}

/// Checks the serving user's config for the server's log, since a session will not
/// name the file: at start, and as sessions start once it has changed.
final class ServedConfigWatch: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var lastStamp: [Int]?

    init(environment: [String: String]) {
        path = Config.defaultPath(environment: environment)
    }

    func check() {
        let stamp = Self.stamp(path)
        let changed = lock.withLock {
            defer { lastStamp = stamp }
            return lastStamp != stamp || lastStamp == nil
        }
        guard changed else { return }
        let problems = Config.problems(inFileAt: nil)
        guard !problems.isEmpty else { return }
        ServeLog.line(
            "\(Date().formatted(.iso8601)) the config \(path) has problems; sessions use the default settings:"
        )
        for problem in problems { ServeLog.line("  \(problem.description)") }
    }

    private static func stamp(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return [
            Int(info.st_ino), Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec),
        ]
    }
}
