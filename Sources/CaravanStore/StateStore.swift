import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes one content's ``ReaderState`` in
/// `${XDG_STATE_HOME:-$HOME/.local/state}/caravan/state-<identity>.json`.
///
/// Several explorers may run at once on the same content. Each keeps the state it last
/// loaded or saved as its *base*; ``save(_:base:)`` merges its changes with whatever
/// the others wrote meanwhile, under a lock, and writes atomically.
public struct StateStore: Sendable {
    /// The content the state belongs to (`ContentModel.identity`).
    public let contentIdentity: String
    /// The folder holding the state files.
    public let directory: String
    /// The state file.
    public var path: String { directory + "/" + StateStore.fileName(for: contentIdentity) }
    /// Where a damaged or unreadable state file is set aside.
    public var backupPath: String { path + ".bak" }
    /// The file `save` locks while it reads, merges and writes.
    var lockPath: String { path + ".lock" }

    /// Test hook: called at each step of a write; throwing stops the write there.
    var writeFault: WriteFault?
    /// The longest note, in UTF-8 bytes, that `load` and `save` hand back; longer
    /// ones are left out with a warning, and stay on the disk untouched (a save
    /// merges them back in as another writer's). Nil takes every note.
    public var noteByteLimit: Int?

    /// A store in `directory`, or in the default folder when nil.
    public init(contentIdentity: String, directory: String? = nil) {
        self.init(
            contentIdentity: contentIdentity, directory: directory,
            environment: ProcessInfo.processInfo.environment)
    }

    init(contentIdentity: String, directory: String?, environment: [String: String]) {
        self.contentIdentity = contentIdentity
        let chosen = directory ?? StateStore.defaultDirectory(environment: environment)
        self.directory =
            chosen.count > 1 && chosen.hasSuffix("/") ? String(chosen.dropLast()) : chosen
    }

    /// `${XDG_STATE_HOME:-$HOME/.local/state}/caravan`. A relative `XDG_STATE_HOME` is
    /// ignored, as the XDG specification asks.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/caravan"
        }
        let home =
            environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/state/caravan"
    }

    /// `state-<identity>.json`, with anything but letters, digits, `.`, `_` and `-`
    /// replaced; a changed or very long identity gets a hash, so that two identities
    /// never share a file.
    static func fileName(for identity: String) -> String {
        let safe = String(
            identity.unicodeScalars.map { scalar -> Character in
                let allowed =
                    scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar)
                        || "._-".unicodeScalars.contains(scalar))
                return allowed ? Character(scalar) : "_"
            })
        guard safe != identity || safe.isEmpty || safe.count > 120 else {
            return "state-\(safe).json"
        }
        return "state-\(safe.prefix(100))-\(fingerprint(identity)).json"
    }

    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// A state with nothing in it, for this content.
    public var fresh: ReaderState { ReaderState(contentIdentity: contentIdentity) }

    // MARK: Loading

    /// The saved state, or a fresh one. A missing file is not worth a warning; a
    /// damaged file, or one of a version this code does not read, is set aside as
    /// `.bak` (replacing an older one) with a one-line warning.
    public func load() -> (state: ReaderState, warnings: [String]) {
        switch read() {
        case .missing:
            return (fresh, [])
        case .valid(let state):
            return withinLimit(state)
        case .unreadable(let reason):
            return (fresh, ["could not read the state file \(path): \(reason); started fresh"])
        case .invalid:
            break
        }
        // Look again under the lock, so that a file a writer is just replacing is not
        // taken for a damaged one. Without a lock (a read-only folder) go on anyway.
        let lock = try? FileLock(path: lockPath)
        defer { lock?.unlock() }
        let disk = read()
        switch disk {
        case .missing:
            return (fresh, [])
        case .valid(let state):
            return withinLimit(state)
        case .unreadable(let reason):
            return (fresh, ["could not read the state file \(path): \(reason); started fresh"])
        case .invalid(let problem):
            return (fresh, [setAside(problem)])
        }
    }

    /// `state` without the notes over ``noteByteLimit``, and a warning if any went.
    func withinLimit(_ state: ReaderState) -> (state: ReaderState, warnings: [String]) {
        guard let limit = noteByteLimit else { return (state, []) }
        var kept = state
        let over = state.annotations.filter { $0.value.text.utf8.count > limit }.keys.sorted()
        guard let first = over.first else { return (state, []) }
        for id in over { kept.annotations[id] = nil }
        let size = "\(limit / 1024) KB"
        let warning =
            over.count == 1
            ? "the note on \(first) is over \(size) and is not shown; it stays in the state file"
            : "\(over.count) notes are over \(size) and are not shown; they stay in the state file"
        return (kept, [warning])
    }

    /// Why a state file cannot be used.
    enum Problem: Equatable {
        case damaged
        case unknownVersion(Int)
        case otherContent(String)

        var summary: String {
            switch self {
            case .damaged: "state file was damaged"
            case .unknownVersion(let version):
                "state file has version \(version), which this caravan does not read"
            case .otherContent(let identity): "state file belongs to other content (\(identity))"
            }
        }
    }

    /// What is on the disk.
    enum DiskState {
        case missing
        case valid(ReaderState)
        case invalid(Problem)
        case unreadable(String)
    }

    func read() -> DiskState {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return .missing
        } catch {
            if access(path, F_OK) != 0, errno == ENOENT { return .missing }
            return .unreadable(Self.reason(error))
        }
        return Self.decode(data, identity: contentIdentity)
    }

    static func decode(_ data: Data, identity: String) -> DiskState {
        struct VersionProbe: Decodable { var version: Int }
        guard let probe = try? StateCoding.decode(VersionProbe.self, from: data) else {
            return .invalid(.damaged)
        }
        guard probe.version == ReaderState.currentVersion else {
            return .invalid(.unknownVersion(probe.version))
        }
        guard let state = try? StateCoding.decode(ReaderState.self, from: data) else {
            return .invalid(.damaged)
        }
        guard state.contentIdentity == identity else {
            return .invalid(.otherContent(state.contentIdentity))
        }
        return .valid(state)
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError,
            let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// Renames the file to `.bak`; returns the warning to show.
    private func setAside(_ problem: Problem) -> String {
        guard rename(path, backupPath) == 0 else {
            let reason = String(cString: strerror(errno))
            return
                "\(problem.summary) and could not be kept aside as \(backupPath) (\(reason)); started fresh"
        }
        return "\(problem.summary); kept it as \(backupPath) and started fresh"
    }

    // MARK: Saving

    /// Merges `state` with what is on the disk now and writes the result atomically.
    ///
    /// `base` is the state this process last loaded or saved: what it changed since
    /// then wins over what is on the disk (see ``ReaderState/merged(ours:theirs:base:)``).
    /// Returns the merged state, exactly as written (less notes over ``noteByteLimit``):
    /// keep it as the new base.
    public func save(_ state: ReaderState, base: ReaderState) throws -> ReaderState {
        try prepareDirectory()
        let lock = try FileLock(path: lockPath)
        defer { lock.unlock() }
        AtomicFile.removeStaleTemporaries(of: path)

        let theirs: ReaderState
        switch read() {
        case .missing:
            theirs = fresh
        case .valid(let disk):
            theirs = disk
        case .invalid(let problem):
            // Keep the unusable bytes rather than writing over them.
            _ = setAside(problem)
            theirs = fresh
        case .unreadable(let reason):
            throw StoreError(path: path, message: "cannot read it to merge: \(reason)")
        }

        var merged = ReaderState.merged(ours: state, theirs: theirs, base: base)
        merged.version = ReaderState.currentVersion
        merged.contentIdentity = contentIdentity
        let data = try StateCoding.encode(merged)
        try AtomicFile.write(data, to: path, fault: writeFault)
        // Dates lose precision past the millisecond in the file; hand back what a load
        // would give, so that comparisons with the next disk copy are exact.
        return withinLimit(try StateCoding.decode(ReaderState.self, from: data)).state
    }

    /// Creates the folder (and any missing parents) readable by the owner only, and
    /// narrows the folder's mode to 0700 when it is wider.
    func prepareDirectory() throws {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw StoreError(path: current, action: "create the folder")
            }
        }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw StoreError(path: directory, action: "read the folder")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError(path: directory, message: "is not a folder")
        }
        if info.st_mode & 0o077 != 0, chmod(directory, 0o700) != 0 {
            throw StoreError(path: directory, action: "make the folder private")
        }
    }

    // MARK: Entities that went away

    /// Drops marks, notes, history and visited entries whose entity is not in
    /// `existing`; the warning says how many went.
    public func dropMissing(_ state: ReaderState, existing: Set<String>) -> (
        ReaderState, warnings: [String]
    ) {
        let result = state.droppingMissing(existing: existing)
        return (result.state, result.warnings)
    }
}
