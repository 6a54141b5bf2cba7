import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, results in input order. `transform` must not
    /// share mutable state.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        let items = self
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.store(transform(items[index]), at: index)
        }
        return slots.values
    }
}

/// Write-once slots: each index is written by exactly one iteration of
/// `concurrentPerform` and read only after all have finished. The storage is
/// one fixed allocation written through its pointer: an Array here would run
/// its copy-on-write uniqueness check on every write, from many threads at
/// once (a data race that crashed at 100,000 files).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count)
        (storage + index).pointee = value
    }

    var values: [Value] { (0..<count).map { storage[$0]! } }
}
