import Foundation

/// The stamps of the files content was read from: every folder of each layer (a folder's
/// changes when a file is added, renamed or removed), its Markdown files and its
/// `caravan.yaml`. Hidden names are skipped, as the loader skips them.
enum FileStamps {
    static func collect(_ layers: [ContentLayer]) -> [FileStamp] {
        var stamps: [FileStamp] = []
        for layer in layers {
            guard let root = layer.realPath else { continue }
            switch layer.source {
            case .builtin: continue
            case .file:
                if let stamp = FileStamps.stamp(root) { stamps.append(stamp) }
            case .folder:
                walk(root, depth: 0, into: &stamps)
            }
        }
        return stamps
    }

    /// Whether every stamp still holds: same size, same time, same type.
    static func areCurrent(_ stamps: [FileStamp]) -> Bool {
        stamps.allSatisfy { stamp($0.path) == $0 }
    }

    /// A file's or folder's stamp, following links; nil when it is not there.
    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        return FileStamp(
            path: path, size: isFolder ? 0 : UInt64(max(0, info.st_size)), modified: modified,
            isFolder: isFolder)
    }

    private static func walk(_ folder: String, depth: Int, into stamps: inout [FileStamp]) {
        guard depth < 32, let stamp = FileStamps.stamp(folder), stamp.isFolder else { return }
        stamps.append(stamp)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, depth: depth + 1, into: &stamps)
            } else if name.hasSuffix(".md") || name == ContentManifest.fileName,
                let stamp = FileStamps.stamp(path)
            {
                stamps.append(stamp)
            }
        }
    }
}
