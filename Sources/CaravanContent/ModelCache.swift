import Foundation

/// Content folders kept as precompiled models, so that a folder opens from the second
/// time on as fast as the built-in paper: one file a set of layers in
/// `${XDG_CACHE_HOME:-~/.cache}/caravan/`, made by the program that reads it.
///
/// A cached model is used only when it was made by this very program (version and
/// build), for the same layers, from files whose paths, sizes and times are still those
/// it recorded, and when the file and its folder belong to the user and no one else can
/// write them. A damaged, stale or foreign cache is ignored and made again; a cache that
/// cannot be written (a read-only folder, a full disk) only means an uncached open.
/// Writes go to a file of their own, renamed into place, so a reader sees a whole cache
/// or none, whatever else writes at the same time. A cache is read by mapping it: only
/// what a first screen needs is read at open, each body and search text when asked for
/// (``ModelArchive``); a part found damaged then removes the file, to be made again.
public struct ModelCache: Sendable {
    public var folder: String
    /// The program's version and build, part of what a cache must match.
    public var program: String

    public init(folder: String, program: String) {
        self.folder = folder
        self.program = program
    }

    /// The user's cache folder for Caravan, or nil when there is no home to put it in.
    public static func standard(program: String, environment: [String: String]) -> ModelCache? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        return ModelCache(folder: base + "/caravan", program: program)
    }

    /// The running program's version and build: the version, and the size and time of
    /// its executable, so a rebuilt program never reads an older one's cache.
    public static func programIdentity(version: String) -> String {
        guard let stamp = FileStamps.stamp("/proc/self/exe") else { return version }
        return "\(version) \(stamp.size) \(stamp.modified)"
    }

    /// What names a set of layers: each as given and where it really is.
    static func key(for sources: [ContentSource]) -> String {
        var lines = ["format \(ModelArchive.formatVersion)"]
        for source in sources {
            switch source {
            case .builtin: lines.append("builtin")
            case .folder(let path): lines.append("folder\t\(path)\t\(LayerResolver.realPath(path))")
            case .file(let path): lines.append("file\t\(path)\t\(LayerResolver.realPath(path))")
            }
        }
        return lines.joined(separator: "\n")
    }

    func path(forKey key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = String(hash, radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - name.count) + name + ".model"
    }

    /// The cached model of these layers, when there is a current one.
    public func read(_ sources: [ContentSource]) -> ContentModel? {
        let key = ModelCache.key(for: sources)
        guard let archive = CacheFile.mapOwned(path(forKey: key), folder: folder),
            let origin = try? ModelArchive.origin(of: archive),
            origin.program == program, origin.key == key
        else { return nil }
        // The files are looked at (a stat each) on another thread while the model is read.
        let current = ResultSlots<Bool>(count: 1)
        let looked = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: looked) {
            current.set(0, FileStamps.areCurrent(origin.stamps))
        }
        let model = try? ModelArchive.decode(archive)
        looked.wait()
        return current.collect() == [true] ? model : nil
    }

    /// Keeps a model of these layers, whose files were read from `readStart` on. Nothing
    /// is kept when a file changed after that, or less than a second before it: a
    /// change within the same tick of the file system's clock could go unseen.
    /// Returns whether the cache was written.
    @discardableResult
    public func write(_ model: ContentModel, sources: [ContentSource], readStart: Date) -> Bool {
        let stamps = FileStamps.collect(model.layers)
        let recent = Int((readStart.timeIntervalSince1970 - 1) * 1_000_000_000)
        guard !stamps.contains(where: { $0.modified > recent }) else { return false }
        let key = ModelCache.key(for: sources)
        let bytes = ModelArchive.encode(
            model, origin: ModelArchive.Origin(program: program, key: key, stamps: stamps))
        return CacheFile.writeAtomically(bytes, to: path(forKey: key), folder: folder)
    }
}
