import Foundation

/// Reading and writing cache files safely: a cache is read only when it and its folder
/// belong to the user and no one else may write them (another user could otherwise put
/// a model of their choosing in front of the reader), and written to a file of its own
/// that is renamed into place.
enum CacheFile {
    /// Larger caches are not read (a 10,000-entity folder makes about 40 MB).
    static let maximumSize = 1 << 30

    /// The file mapped into memory, when it is a regular file owned by the user, writable
    /// by no one else, in a folder of the same kind. Should a part read later from the
    /// mapping be damaged, the file is removed (when it is still the one mapped), so the
    /// next open makes it again.
    static func mapOwned(_ path: String, folder: String) -> ArchiveBytes? {
        guard isPrivate(folder, type: S_IFDIR) else { return nil }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, isPrivate(info, type: S_IFREG),
            info.st_size <= maximumSize
        else { return nil }
        let mapped = (device: info.st_dev, inode: info.st_ino)
        return ArchiveBytes(mapping: descriptor, size: Int(info.st_size)) {
            var now = stat()
            guard lstat(path, &now) == 0, now.st_dev == mapped.device,
                now.st_ino == mapped.inode
            else { return }
            unlink(path)
        }
    }

    /// Writes `bytes` to `path` whole or not at all; false when it could not.
    static func writeAtomically(_ bytes: [UInt8], to path: String, folder: String) -> Bool {
        guard makeFolder(folder) else { return false }
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(
            temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var done = 0
            while done < buffer.count {
                let wrote = write(descriptor, base + done, buffer.count - done)
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { return false }
                done += wrote
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The folder, made private where it is missing (its parents as well: `~/.cache`
    /// may not exist yet); false when it is not the user's alone.
    static func makeFolder(_ folder: String) -> Bool {
        if isPrivate(folder, type: S_IFDIR) { return true }
        var made = ""
        for part in folder.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o700) != 0, errno != EEXIST { return false }
        }
        return isPrivate(folder, type: S_IFDIR)
    }

    private static func isPrivate(_ path: String, type: mode_t) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && isPrivate(info, type: type)
    }

    private static func isPrivate(_ info: stat, type: mode_t) -> Bool {
        info.st_mode & S_IFMT == type && info.st_uid == geteuid()
            && info.st_mode & (S_IWGRP | S_IWOTH) == 0
    }
}
