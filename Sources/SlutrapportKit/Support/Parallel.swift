import Foundation

/// Runs `body` for 0..<count on up to `jobs` threads and returns the results
/// in index order, so the outcome never depends on which thread finished first.
func parallelMap<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let results = ResultSlots<T>(count)
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while let i = next.take(below: count) {
            results.set(i, body(i))
        }
    }
    return results.values()
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(_ count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }

    func values() -> [T] { lock.withLock { slots.compactMap { $0 } } }
}
