import Foundation

/// Keeping a freshly loaded model in the cache, put off until the caller says: the
/// explorer starts it once its first screen is drawn, so that encoding the model (and the
/// search index the encoding waits for) does not compete with that screen for a core,
/// and finishes it before the program ends, so the cache is still written in the run
/// that read the files. The write happens once, whichever is asked first and however
/// often.
public final class PendingCacheWrite: @unchecked Sendable {
    private enum Progress {
        case waiting, running, done
    }

    private let write: @Sendable () -> Void
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var progress = Progress.waiting

    /// A write that runs `write` when started or finished.
    public init(_ write: @escaping @Sendable () -> Void) {
        self.write = write
    }

    /// Keeps `model`, loaded from `sources` whose files were read from `readStart` on, in
    /// `cache`.
    public convenience init(
        model: ContentModel, sources: [ContentSource], readStart: Date, cache: ModelCache
    ) {
        self.init { cache.write(model, sources: sources, readStart: readStart) }
    }

    /// Whether the write is over.
    public var isDone: Bool {
        condition.lock()
        defer { condition.unlock() }
        return progress == .done
    }

    /// Starts the write on a thread of its own, unless it has started already.
    public func start() {
        guard claim() else { return }
        Thread { [self] in run() }.start()
    }

    /// Returns once the write is over: does it here when nothing started it, else waits
    /// for it.
    public func finish() {
        if claim() { return run() }
        condition.lock()
        defer { condition.unlock() }
        while progress != .done { condition.wait() }
    }

    /// Takes the write for the caller, when no one has.
    private func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard progress == .waiting else { return false }
        progress = .running
        return true
    }

    private func run() {
        write()
        condition.lock()
        progress = .done
        condition.broadcast()
        condition.unlock()
    }
}
