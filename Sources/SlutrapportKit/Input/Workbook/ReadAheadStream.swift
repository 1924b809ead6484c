import Foundation

/// Bytes a part's scanner reads: a member as it inflates, on this thread
/// (`MemberStream`) or on one of its own (`ReadAheadStream`).
protocol PartBytes: AnyObject {
    /// Fills up to `capacity` bytes of `out`; 0 at the end of the part.
    func read(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int
}

extension MemberStream: PartBytes {}

/// A member inflated on a thread of its own, a few chunks ahead of its
/// scanner: on two cores the scanner then never waits for zlib, which took
/// a sixth of a 1M-row sheet's check on one (docs/performance.md). The
/// scanner sees the same bytes in the same order, and an error of the
/// member (a bomb, a damaged stream) after every byte that came before it.
final class ReadAheadStream: PartBytes, @unchecked Sendable {
    // @unchecked: every field the two threads share is read and written
    // under `condition` only; the chunks' bytes are handed over with it.
    private let source: MemberStream
    private static let chunkSize = 1 << 20
    private static let chunkCount = 4
    private let condition = NSCondition()
    /// Chunks to fill, and chunks filled (with their byte counts), in order.
    private var free: [UnsafeMutablePointer<UInt8>]
    private var filled: [(chunk: UnsafeMutablePointer<UInt8>, count: Int)] = []
    /// What stopped the inflating thread: the member's end, or its error.
    private var ended = false
    private var failure: WorkbookError?
    /// The scanner is gone: the thread stops at its next chunk.
    private var cancelled = false
    private var threadDone = false
    /// The chunk being read by the scanner, and how far.
    private var current: (chunk: UnsafeMutablePointer<UInt8>, count: Int)?
    private var offset = 0

    init(_ source: MemberStream) {
        self.source = source
        free = (0..<Self.chunkCount).map { _ in .allocate(capacity: Self.chunkSize) }
        let thread = Thread { [self] in inflateAhead() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !threadDone { condition.wait() }
        condition.unlock()
        for chunk in free { chunk.deallocate() }
        for f in filled { f.chunk.deallocate() }
        current?.chunk.deallocate()
    }

    /// The inflating thread: fills free chunks until the member ends, fails or the scanner is gone.
    private func inflateAhead() {
        while true {
            condition.lock()
            while free.isEmpty && !cancelled { condition.wait() }
            if cancelled { break }
            let chunk = free.removeLast()
            condition.unlock()

            var count = 0
            var stop: WorkbookError?
            do {
                while count < Self.chunkSize {
                    let n = try source.read(into: chunk + count, capacity: Self.chunkSize - count)
                    if n == 0 { break }
                    count += n
                }
            } catch {
                stop = error
            }

            condition.lock()
            if count > 0 { filled.append((chunk, count)) } else { free.append(chunk) }
            if stop != nil || count < Self.chunkSize {
                failure = stop
                ended = true
            }
            condition.broadcast()
            if ended { break }
            condition.unlock()
        }
        // Here with the lock held.
        threadDone = true
        condition.broadcast()
        condition.unlock()
    }

    func read(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        if current == nil {
            condition.lock()
            while filled.isEmpty && !ended { condition.wait() }
            if filled.isEmpty {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return 0
            }
            current = filled.removeFirst()
            offset = 0
            condition.unlock()
        }
        guard let (chunk, count) = current else { return 0 }
        let n = min(capacity, count - offset)
        out.update(from: chunk + offset, count: n)
        offset += n
        if offset == count {
            current = nil
            condition.lock()
            free.append(chunk)
            condition.signal()
            condition.unlock()
        }
        return n
    }
}
