#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches content folders for changes with inotify(7), for `--watch`: a descriptor that
/// becomes readable when a file is written, moved, created or removed anywhere below the
/// folders. Nothing is polled: a ``TerminalSession`` waits on ``descriptor`` with the
/// terminal, and reads what happened with ``drain()``.
///
/// inotify watches one folder at a time, so every folder below is watched too, and
/// folders that appear later are added as they come. Hidden files and folders and the
/// scratch files editors write beside the one being saved (`.file.swp`, `file~`, vim's
/// `4913`) do not count as changes.
public final class FolderWatcher {
    public enum WatchError: Error, CustomStringConvertible {
        case unavailable(reason: String)
        case cannotWatch(path: String, reason: String)

        public var description: String {
            switch self {
            case .unavailable(let reason): "cannot watch files: \(reason)"
            case .cannotWatch(let path, let reason): "cannot watch \(path): \(reason)"
            }
        }
    }

    /// Readable when something changed; the watcher owns it and closes it.
    public let descriptor: Int32
    /// The folder each watch is on.
    private var folders: [Int32: String] = [:]
    /// For a folder watched for single files in it, their names; only they count.
    private var onlyNames: [Int32: Set<String>] = [:]

    /// Starts watching the folders and every folder below them, and single files (a deck
    /// given by its path) through the folder each is in, so that an editor replacing the
    /// file by a new one is seen too.
    ///
    /// - Throws: ``WatchError`` when inotify is not available or a folder cannot be
    ///   watched (missing, unreadable, or past the system's limit of watches).
    public init(folders roots: [String], files: [String] = []) throws {
        #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else {
                throw WatchError.unavailable(reason: String(cString: strerror(errno)))
            }
            self.descriptor = descriptor
            for root in roots {
                try add(root)
            }
            for file in files {
                let slash = file.lastIndex(of: "/")
                let folder = slash.map { String(file[..<$0]) } ?? "."
                let name = slash.map { String(file[file.index(after: $0)...]) } ?? file
                let watch = try add(folder.isEmpty ? "/" : folder, below: false)
                onlyNames[watch, default: []].insert(name)
            }
        #else
            throw WatchError.unavailable(reason: "this system has no inotify")
        #endif
    }

    deinit {
        close(descriptor)
    }

    /// The folders watched now, for tests and messages.
    public var watchedFolders: [String] { folders.values.sorted() }

    /// Reads every event waiting, adds watches for new folders, and says whether any
    /// concerned content (not hidden or scratch files). Never blocks.
    public func drain() -> Bool {
        #if os(Linux)
            var changed = false
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, size)
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let watch = buffer.load(fromByteOffset: offset, as: Int32.self)
                    let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                    let name = FolderWatcher.name(at: buffer + offset + 16, length: length)
                    offset += 16 + length
                    changed = handle(watch: watch, mask: mask, name: name) || changed
                }
            }
            return changed
        #else
            return false
        #endif
    }

    /// Whether a file of this name can be content: not hidden, not an editor's scratch file.
    public static func counts(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
        if name == "4913" || name.hasSuffix(".swp") || name.hasSuffix(".swx") { return false }
        return !name.hasPrefix("#")
    }

    #if os(Linux)
        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF
                | IN_ONLYDIR)

        /// Watches a folder and (unless `below` is false) the folders below it, hidden
        /// ones aside.
        @discardableResult
        private func add(_ path: String, below: Bool = true) throws -> Int32 {
            let watch = inotify_add_watch(descriptor, path, FolderWatcher.mask)
            guard watch >= 0 else {
                throw WatchError.cannotWatch(path: path, reason: String(cString: strerror(errno)))
            }
            folders[watch] = path
            guard below else { return watch }
            for name in FolderWatcher.subfolders(of: path) {
                try add(path + "/" + name)
            }
            return watch
        }

        private func handle(watch: Int32, mask: UInt32, name: String) -> Bool {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return true }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                return false
            }
            if mask & UInt32(IN_DELETE_SELF) != 0 { return true }
            guard let folder = folders[watch], FolderWatcher.counts(name) else { return false }
            if let names = onlyNames[watch] { return names.contains(name) }
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // A folder made or moved in: watch it; files already in it count.
                try? add(folder + "/" + name)
                return true
            }
            // A file's creation is followed by its close after writing: that one counts.
            return isFolder || mask & UInt32(IN_CREATE) == 0
        }

        private static func name(at pointer: UnsafeMutableRawPointer, length: Int) -> String {
            guard length > 0 else { return "" }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }

        /// The names of the folders directly in a folder, hidden ones aside.
        private static func subfolders(of path: String) -> [String] {
            guard let directory = opendir(path) else { return [] }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                var info = stat()
                if stat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    names.append(name)
                }
            }
            return names.sorted()
        }
    #endif
}
