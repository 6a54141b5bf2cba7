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
/// `concurrentPerform` and read only after all have finished.
private final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Value] { slots.map { $0! } }
}
