import Foundation

/// Content to load, as given on the command line (`--content DIR`, more than once) or
/// named by a folder's `extends`.
public enum ContentSource: Hashable, Sendable {
    /// The paper compiled into the binary.
    case builtin
    /// A content folder, as the user wrote its path.
    case folder(String)
    /// One Markdown file (a deck given to `caravan present`).
    case file(String)

    /// How the built-in layer's files are named in diagnostics: it is not on disk.
    public static let builtinPrefix = "<built-in>"
}

/// One layer of loaded content: where it came from and what it declared. Layers are
/// listed bottom first; each may add entities, regions and words to those below it.
public struct ContentLayer: Sendable, Hashable {
    public var source: ContentSource
    /// The start of its files' paths in diagnostics: `<built-in>`, or the folder as given.
    public var displayPath: String
    /// The folder's or file's real path, for watching it and for finding which layer a
    /// file is in; nil for the built-in layer.
    public var realPath: String?
    /// Its `caravan.yaml`, when it has one.
    public var manifest: ContentManifest?

    /// Whether a file's path (as diagnostics name it) is in this layer.
    public func holds(displayPath path: String) -> Bool {
        switch source {
        case .file: path == displayPath
        case .builtin, .folder:
            path.hasPrefix(displayPath.hasSuffix("/") ? displayPath : displayPath + "/")
                || displayPath == "." || displayPath.isEmpty
        }
    }
}

/// Works out the layers to load from what was asked for: each folder's `extends` go
/// below it, a layer asked for twice loads once, and a loop of `extends` is an error.
struct LayerResolver {
    var layers: [ContentLayer] = []
    var log = DiagnosticLog()
    private var placed: Set<String> = []

    /// How to name a folder's files, by the path given, where not by that path.
    var displayPaths: [String: String] = [:]

    static func resolve(_ sources: [ContentSource], displayPaths: [String: String] = [:])
        -> (layers: [ContentLayer], [Diagnostic])
    {
        var resolver = LayerResolver()
        resolver.displayPaths = displayPaths
        for source in sources {
            resolver.add(source, chain: [], requestedAt: nil)
        }
        return (resolver.layers, resolver.log.items)
    }

    /// What identifies a layer whatever path names it.
    private static func key(of source: ContentSource) -> String {
        switch source {
        case .builtin: return "builtin"
        case .folder(let path), .file(let path): return realPath(path)
        }
    }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    private mutating func add(
        _ source: ContentSource, chain: [String], requestedAt: SourceLocation?
    ) {
        let key = LayerResolver.key(of: source)
        if placed.contains(key) { return }
        if chain.contains(key), let requestedAt {
            log.error(
                "`extends` loops: \((chain + [key]).joined(separator: " → "))", at: requestedAt)
            return
        }
        var layer: ContentLayer
        switch source {
        case .builtin:
            layer = ContentLayer(
                source: .builtin, displayPath: ContentSource.builtinPrefix, realPath: nil)
        case .file(let path):
            layer = ContentLayer(source: source, displayPath: path, realPath: key)
        case .folder(let path):
            if let requestedAt, !LayerResolver.isFolder(path) {
                log.error("`extends`: no content folder at \(path)", at: requestedAt)
                return
            }
            let display = displayPaths[path] ?? path
            layer = ContentLayer(source: source, displayPath: display, realPath: key)
            layer.manifest = readManifest(folder: path, display: display)
            for extended in layer.manifest?.extends ?? [] {
                add(
                    LayerResolver.source(extended.target, from: path), chain: chain + [key],
                    requestedAt: extended.location)
            }
        }
        placed.insert(key)
        layers.append(layer)
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// What an `extends` entry names: `builtin`, or a folder relative to the manifest's.
    static func source(_ target: String, from folder: String) -> ContentSource {
        if target == "builtin" { return .builtin }
        if target.hasPrefix("/") { return .folder(normalized(target)) }
        let base = folder.isEmpty || folder == "." ? "" : folder + "/"
        return .folder(normalized(base + target))
    }

    /// A path with `.` and `name/..` taken out, as a reader would write it.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder's `caravan.yaml`, with its problems logged; nil when there is none.
    private mutating func readManifest(folder: String, display: String) -> ContentManifest? {
        func within(_ folder: String) -> String {
            (folder.hasSuffix("/") ? folder : folder + "/") + ContentManifest.fileName
        }
        let path = within(folder)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let location = SourceLocation(path: within(display))
        guard info.st_mode & S_IFMT == S_IFREG else {
            log.error("not a regular file; not read", at: location)
            return nil
        }
        guard info.st_size <= ContentFolderReader.maximumFileSize,
            let data = FileManager.default.contents(atPath: path)
        else {
            log.error("cannot read \(ContentManifest.fileName), or it is too large", at: location)
            return nil
        }
        let (manifest, problems) = ContentManifest.parse(
            SourceFile(path: location.path, bytes: [UInt8](data)))
        for problem in problems { log.append(problem) }
        return manifest
    }
}

extension ContentModel {
    /// The layer a file (as diagnostics name it) belongs to: the topmost that holds it.
    public func layer(holding displayPath: String) -> ContentLayer? {
        layers.last { $0.holds(displayPath: displayPath) }
    }

    /// The entity a file on disk defines, when the file is in one of the layers: the
    /// path may be written any way that leads to it (`./decks/x.md`, an absolute path).
    public func entity(definedByFileAt path: String) -> Entity? {
        let real = LayerResolver.realPath(path)
        for layer in layers.reversed() {
            guard let root = layer.realPath else { continue }
            let display: String
            switch layer.source {
            case .file:
                guard real == root else { continue }
                display = layer.displayPath
            case .folder, .builtin:
                guard real.hasPrefix(root + "/") else { continue }
                let relative = String(real.dropFirst(root.count + 1))
                let prefix = layer.displayPath
                display =
                    prefix.isEmpty || prefix == "."
                    ? relative : (prefix.hasSuffix("/") ? prefix : prefix + "/") + relative
            }
            if let entity = entity(inFile: display) { return entity }
        }
        return nil
    }
}
