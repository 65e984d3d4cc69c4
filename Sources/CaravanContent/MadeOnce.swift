import Foundation

/// A value made on first use by whichever thread asks first, then kept: what a model or a
/// view derives from content that never changes (the framework outline, the jump prompt's
/// folded titles).
public final class MadeOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var made: Value?

    public init() {}

    /// The value, made by `make` when no caller has made it yet.
    public func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
