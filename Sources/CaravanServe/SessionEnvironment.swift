import Foundation

/// The environment a session's child runs with: a few of the server's own
/// variables, plus the terminal type and locale the client asked for when this
/// machine can honour them.
struct SessionEnvironment {
    /// Variables taken from the server's environment.
    static let inherited = [
        "PATH", "HOME", "USER", "LOGNAME", "TZ", "TERMINFO", "TERMINFO_DIRS", "XDG_RUNTIME_DIR",
        "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
    ]
    /// Variables a client may set with an env request.
    static let accepted: Set<String> = ["LANG", "LC_ALL", "LC_CTYPE", "COLORTERM"]

    /// Builds the child's environment.
    static func build(
        server: [String: String], requestedTerm: String, clientVariables: [String: String]
    ) -> [String: String] {
        var environment: [String: String] = [:]
        for name in inherited {
            if let value = server[name] { environment[name] = value }
        }
        environment["PATH"] = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        // A crash report on a student's screen helps nobody, and the Swift
        // runtime's interactive one would wait for a key; the operator can
        // still ask for one by setting SWIFT_BACKTRACE for the server.
        environment["SWIFT_BACKTRACE"] = server["SWIFT_BACKTRACE"] ?? "enable=no"
        environment["TERM"] = TerminalType.resolve(
            requestedTerm, searchPath: TerminalType.searchPath(environment: server))
        environment["LANG"] = locale(client: clientVariables, server: server)
        if let colorTerm = clientVariables["COLORTERM"], isPlain(colorTerm) {
            environment["COLORTERM"] = colorTerm
        }
        return environment
    }

    /// Whether an env request may set `name` to `value`.
    static func accepts(name: String, value: String) -> Bool {
        accepted.contains(name) && isPlain(value) && value.count <= 64
    }

    /// The client's locale if this machine has it, else the server's, else C.UTF-8.
    static func locale(client: [String: String], server: [String: String]) -> String {
        let requested = [client["LC_ALL"], client["LC_CTYPE"], client["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        if let requested, isAvailable(locale: requested) { return requested }
        let own = [server["LC_ALL"], server["LC_CTYPE"], server["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        if let own, own.lowercased().contains("utf"), isAvailable(locale: own) { return own }
        return "C.UTF-8"
    }

    static func isAvailable(locale name: String) -> Bool {
        guard isPlain(name) else { return false }
        guard let handle = newlocale(LC_CTYPE_MASK, name, nil) else { return false }
        freelocale(handle)
        return true
    }

    /// Letters, digits and `._-@+=`: nothing a shell or terminal would read as control.
    static func isPlain(_ value: String) -> Bool {
        !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.isASCII
                    && (CharacterSet.alphanumerics.contains($0)
                        || "._-@+=".unicodeScalars.contains($0))
            }
    }
}

/// Terminal types: the client's when this machine's terminfo knows it, else a
/// close one that it does.
enum TerminalType {
    static func searchPath(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let own = environment["TERMINFO"], !own.isEmpty { folders.append(own) }
        if let home = environment["HOME"], !home.isEmpty { folders.append(home + "/.terminfo") }
        if let dirs = environment["TERMINFO_DIRS"] {
            folders += dirs.split(separator: ":").map(String.init)
        }
        folders += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        return folders
    }

    /// `requested` if terminfo has it, else `xterm-256color`, `xterm` or `vt100`.
    static func resolve(_ requested: String, searchPath: [String]) -> String {
        let term = requested.trimmingCharacters(in: .whitespaces)
        if SessionEnvironment.isPlain(term), term.count <= 64, exists(term, in: searchPath) {
            return term
        }
        for fallback in ["xterm-256color", "xterm", "vt100"] where exists(fallback, in: searchPath)
        {
            return fallback
        }
        return "xterm"
    }

    /// Whether terminfo has an entry for `name`: a file (not a folder such as `.`)
    /// named so, in the folder of its first letter. A name starts with a letter or
    /// digit and holds no `/`, so it cannot reach outside those folders.
    static func exists(_ name: String, in searchPath: [String]) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
            CharacterSet.alphanumerics.contains(first), !name.contains("/")
        else { return false }
        let letter = String(first)
        let hex = String(first.value, radix: 16)
        return searchPath.contains { folder in
            isFile("\(folder)/\(letter)/\(name)") || isFile("\(folder)/\(hex)/\(name)")
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
