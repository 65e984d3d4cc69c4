import Foundation

/// Everything `caravan serve` needs to know to run.
public struct ServeConfiguration: Sendable {
    /// Where to listen.
    public var listen: ListenAddress
    /// The content folder passed on to each session's explorer; the built-in paper when nil.
    public var contentFolder: String?
    /// Who may log in.
    public var access: Access
    /// The most logged-in sessions at once.
    public var maxSessions: Int
    /// The most logged-in sessions at once from one address.
    public var maxPerAddress: Int
    /// The most connections waiting to log in at once (a quarter of them from one address).
    public var maxWaiting: Int
    /// Seconds without input from the client before a session is closed; 0 never closes.
    public var idleTimeout: Int
    /// Seconds a client has, from connecting, to log in and start the explorer.
    public var loginGraceTime: Int
    /// Signed authentication attempts a connection may fail before it is disconnected.
    public var maxAuthFailures: Int
    /// The Ed25519 host key file, created when missing.
    public var hostKeyPath: String
    /// The program each session runs (this executable).
    public var executablePath: String
    /// The folder holding each key's own state, a folder per key; nil keeps no state.
    public var readersFolder: String?
    /// Called as each session starts, before its explorer does (to check the
    /// serving user's config and log its problems, which the session will not show).
    public var sessionStarting: (@Sendable () -> Void)?

    /// Who may log in.
    public enum Access: Sendable, Equatable {
        /// Only the public keys listed in this authorized-keys file.
        case authorizedKeys(path: String)
        /// Anyone, without a password.
        case open
    }

    public init(
        listen: ListenAddress, contentFolder: String?, access: Access, maxSessions: Int,
        maxPerAddress: Int, maxWaiting: Int = 64, idleTimeout: Int, loginGraceTime: Int = 10,
        maxAuthFailures: Int = 6, hostKeyPath: String, executablePath: String,
        readersFolder: String? = nil, sessionStarting: (@Sendable () -> Void)? = nil
    ) {
        self.listen = listen
        self.contentFolder = contentFolder
        self.access = access
        self.maxSessions = maxSessions
        self.maxPerAddress = maxPerAddress
        self.maxWaiting = maxWaiting
        self.idleTimeout = idleTimeout
        self.loginGraceTime = loginGraceTime
        self.maxAuthFailures = maxAuthFailures
        self.hostKeyPath = hostKeyPath
        self.executablePath = executablePath
        self.readersFolder = readersFolder
        self.sessionStarting = sessionStarting
    }
}

/// A host and port to listen on, written `HOST:PORT`, `[IPv6]:PORT`, `:PORT` or `PORT`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; nil when it is not of that form or the port is out of range.
    public init?(parsing text: String) {
        var hostPart = "0.0.0.0"
        var portPart = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostPart = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portPart = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            let candidate = text[..<colon]
            if candidate.contains(":") { return nil }  // bare IPv6 needs brackets
            if !candidate.isEmpty { hostPart = String(candidate) }
            portPart = text[text.index(after: colon)...]
        }
        guard !hostPart.isEmpty, let port = Int(portPart), (0...65_535).contains(port) else {
            return nil
        }
        self.init(host: hostPart, port: port)
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// Default locations of the files `caravan serve` reads and writes.
public enum ServePaths {
    /// `${XDG_STATE_HOME:-$HOME/.local/state}/caravan/host_ed25519`.
    public static func defaultHostKey(environment: [String: String]) -> String {
        (stateFolder(environment) as NSString).appendingPathComponent("host_ed25519")
    }

    /// `${XDG_STATE_HOME:-$HOME/.local/state}/caravan/readers`: a folder per key,
    /// each holding that reader's place, marks and notes.
    public static func defaultReadersFolder(environment: [String: String]) -> String {
        (stateFolder(environment) as NSString).appendingPathComponent("readers")
    }

    /// `${XDG_STATE_HOME:-$HOME/.local/state}/caravan`.
    private static func stateFolder(_ environment: [String: String]) -> String {
        let state =
            nonEmpty(environment["XDG_STATE_HOME"])
            ?? (home(environment) as NSString).appendingPathComponent(".local/state")
        return (state as NSString).appendingPathComponent("caravan")
    }

    /// `${XDG_CONFIG_HOME:-$HOME/.config}/caravan/authorized_keys`.
    public static func defaultAuthorizedKeys(environment: [String: String]) -> String {
        let config =
            nonEmpty(environment["XDG_CONFIG_HOME"])
            ?? (home(environment) as NSString).appendingPathComponent(".config")
        return ((config as NSString).appendingPathComponent("caravan") as NSString)
            .appendingPathComponent("authorized_keys")
    }

    /// This program's own executable, for starting sessions.
    public static func currentExecutable() -> String {
        #if os(Linux)
            if let resolved = try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/self/exe"), resolved.hasPrefix("/"),
                FileManager.default.isExecutableFile(atPath: resolved)
            {
                return resolved
            }
        #endif
        let first = CommandLine.arguments.first ?? "caravan"
        if first.contains("/") {
            let absolute =
                first.hasPrefix("/")
                ? first
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(
                    first)
            return (absolute as NSString).standardizingPath
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return first
    }

    private static func home(_ environment: [String: String]) -> String {
        nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
