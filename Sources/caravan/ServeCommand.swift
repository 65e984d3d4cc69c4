import ArgumentParser
import CaravanServe
import Foundation

/// `caravan serve`: the explorer as an SSH app.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the explorer over SSH: each login gets its own explorer.",
        discussion: """
            Students connect with `ssh -p PORT anyname@HOST` and get the explorer; nothing else \
            is offered (no shell, commands, file transfer or forwarding). Only the public keys in \
            the authorized-keys file may log in, unless --open is given. Each key keeps its own \
            place, marks and notes (in $XDG_STATE_HOME/caravan/readers); --open logins keep \
            nothing. The Ed25519 host key is created on first start; its fingerprint is printed \
            so students can check it. While `caravan present` runs for this user, new sessions \
            follow the presentation. docs/serve.md says what a served user can and cannot do.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Address and port to listen on (HOST:PORT, [IPv6]:PORT or :PORT).",
            valueName: "ADDR:PORT"))
    var listen = "0.0.0.0:2222"

    @OptionGroup var content: ContentOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "OpenSSH authorized-keys file of the keys that may log in (default: $XDG_CONFIG_HOME/caravan/authorized_keys).",
            valueName: "PATH"),
        completion: .file())
    var authorizedKeys: String?

    @Flag(name: .long, help: "Let anyone in, without a password or a listed key.")
    var open = false

    @Option(name: .long, help: ArgumentHelp("Most logged-in sessions at once.", valueName: "N"))
    var maxSessions = 200

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most logged-in sessions at once from one address (a class behind one NAT shares one).",
            valueName: "N"))
    var maxPerIp = 100

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most connections waiting to log in at once; a quarter of them from one address.",
            valueName: "N"))
    var maxStartups = 64

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds a client has to log in and open the explorer.", valueName: "SECONDS"))
    var loginGrace = 10

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Close a session after this long without input; 0 never.", valueName: "SECONDS"))
    var idleTimeout = 1800

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ed25519 host key file, created if missing (default: $XDG_STATE_HOME/caravan/host_ed25519).",
            valueName: "PATH"),
        completion: .file())
    var hostKey: String?

    func validate() throws {
        guard ListenAddress(parsing: listen) != nil else {
            throw ValidationError("--listen wants HOST:PORT, [IPv6]:PORT or :PORT, not '\(listen)'")
        }
        guard maxSessions >= 1 else { throw ValidationError("--max-sessions must be at least 1") }
        guard maxPerIp >= 1 else { throw ValidationError("--max-per-ip must be at least 1") }
        guard maxStartups >= 1 else { throw ValidationError("--max-startups must be at least 1") }
        guard (1...600).contains(loginGrace) else {
            throw ValidationError("--login-grace must be 1 to 600 seconds")
        }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 or more") }
        if open && authorizedKeys != nil {
            throw ValidationError("--open and --authorized-keys exclude each other")
        }
        if content.content.count > 1 {
            throw ValidationError(
                "serve takes one --content folder; to serve layers, name the lower ones "
                    + "under `extends` in its caravan.yaml")
        }
    }

    func run() throws {
        guard let address = ListenAddress(parsing: listen) else {
            throw UsageError("--listen wants HOST:PORT, not '\(listen)'")
        }
        // Sessions load the content themselves; check it once here so that a
        // broken folder stops the server instead of every session.
        _ = try content.loadValid()
        let environment = ProcessInfo.processInfo.environment
        let access: ServeConfiguration.Access
        if open {
            access = .open
        } else {
            let path = absolute(
                authorizedKeys ?? ServePaths.defaultAuthorizedKeys(environment: environment))
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageError(
                    "no authorized keys file at \(path); list the students' public keys there, "
                        + "name another with --authorized-keys PATH, or let anyone in with --open")
            }
            access = .authorizedKeys(path: path)
        }
        let configWatch = ServedConfigWatch(environment: environment)
        configWatch.check()
        let configuration = ServeConfiguration(
            listen: address,
            contentFolder: content.content.first.map { $0 == "builtin" ? $0 : absolute($0) },
            access: access,
            maxSessions: maxSessions, maxPerAddress: maxPerIp, maxWaiting: maxStartups,
            idleTimeout: idleTimeout, loginGraceTime: loginGrace,
            hostKeyPath: absolute(hostKey ?? ServePaths.defaultHostKey(environment: environment)),
            executablePath: ServePaths.currentExecutable(),
            readersFolder: absolute(ServePaths.defaultReadersFolder(environment: environment)),
            sessionStarting: { configWatch.check() })
        do {
            try CaravanServer(configuration: configuration).run(environment: environment)
        } catch {
            printError("caravan serve: \(error.message)")
            throw ExitCode(1)
        }
    }

    private func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return
            ((FileManager.default.currentDirectoryPath as NSString)
            .appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
