import Foundation

/// The raw bytes of one content file, with the path diagnostics name it by.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Reads the Markdown files below a content folder, refusing what must not be read.
public enum ContentFolderReader {
    /// Files larger than this are refused.
    public static let maximumFileSize = 1 << 20

    /// The files found and the problems met on the way.
    public struct Result: Sendable {
        public var files: [SourceFile]
        public var diagnostics: [Diagnostic]
    }

    /// Reads `folder`, naming files `displayPrefix/relative/path.md`.
    public static func read(folder: String, displayPrefix: String? = nil) -> Result {
        let prefix = displayPrefix ?? folder
        var result = Result(files: [], diagnostics: [])
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            result.diagnostics.append(
                Diagnostic(.error, "content folder not found", at: SourceLocation(path: prefix)))
            return result
        }
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        walk(
            directory: folder, relative: "", root: root, prefix: prefix, depth: 0, into: &result)
        result.files.sort { $0.path < $1.path }
        return result
    }

    private static func join(_ prefix: String, _ relative: String) -> String {
        if prefix.isEmpty || prefix == "." { return relative }
        return prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative
    }

    private static func walk(
        directory: String, relative: String, root: String, prefix: String, depth: Int,
        into result: inout Result
    ) {
        let fileManager = FileManager.default
        guard depth < 32 else {
            result.diagnostics.append(
                Diagnostic(
                    .error, "folders nested too deeply",
                    at: SourceLocation(path: join(prefix, relative))))
            return
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            result.diagnostics.append(
                Diagnostic(
                    .error, "cannot read folder: permission denied or unreadable",
                    at: SourceLocation(path: join(prefix, relative.isEmpty ? "." : relative))))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let fullPath = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let displayPath = join(prefix, relativePath)
            var info = stat()
            guard lstat(fullPath, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            var isDirectory = type == S_IFDIR
            if type == S_IFLNK {
                let target = URL(fileURLWithPath: fullPath).resolvingSymlinksInPath().path
                guard target == root || target.hasPrefix(root + "/") else {
                    if name.hasSuffix(".md") || isFolder(target) {
                        result.diagnostics.append(
                            Diagnostic(
                                .error, "symbolic link leads outside the content folder; not read",
                                at: SourceLocation(path: displayPath)))
                    }
                    continue
                }
                isDirectory = isFolder(target)
                // Linked folders inside the tree are read where they are.
                if isDirectory { continue }
            }
            if isDirectory {
                walk(
                    directory: fullPath, relative: relativePath, root: root, prefix: prefix,
                    depth: depth + 1, into: &result)
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            // Only regular files are read: opening a FIFO or a device can block for ever.
            // lstat has told what anything but a link is; a link is followed to its target.
            var target = info
            let known = type != S_IFLNK || stat(fullPath, &target) == 0
            if known, target.st_mode & S_IFMT != S_IFREG {
                result.diagnostics.append(
                    Diagnostic(
                        .error, "not a regular file; not read",
                        at: SourceLocation(path: displayPath)))
                continue
            }
            readFile(at: fullPath, displayPath: displayPath, into: &result)
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    static func readFile(at path: String, displayPath: String, into result: inout Result) {
        let location = SourceLocation(path: displayPath)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            result.diagnostics.append(
                Diagnostic(
                    .error, "cannot read file: permission denied or unreadable", at: location))
            return
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit to tell an oversized file without reading it all.
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            guard data.count <= maximumFileSize else {
                result.diagnostics.append(
                    Diagnostic(
                        .error, "file is larger than \(maximumFileSize / 1024) KiB; not read",
                        at: location))
                return
            }
            result.files.append(SourceFile(path: displayPath, bytes: [UInt8](data)))
        } catch {
            result.diagnostics.append(
                Diagnostic(.error, "cannot read file: \(error.localizedDescription)", at: location))
        }
    }
}
