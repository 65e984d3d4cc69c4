import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a lock file beside the state file. The lock file is never
/// removed: removing it would let two processes hold locks on different files.
final class FileLock {
    private var descriptor: Int32

    /// Waits until the lock is ours.
    init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError(path: path, action: "open the lock file") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = StoreError(path: path, action: "lock")
                close(descriptor)
                throw error
            }
        }
        self.descriptor = descriptor
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
