/// One slot per result, each written by exactly one thread, read once all are written.
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Called once per index, from any thread.
    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// Every value in order; call after every `set` has returned.
    func collect() -> [Value] {
        slots.compactMap { $0 }
    }
}
