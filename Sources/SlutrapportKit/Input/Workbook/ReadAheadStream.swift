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
///
/// The thread holds only the `Pipe` between the two, never this object: so
/// when the scanner lets go of it, however early, its `deinit` stops the
/// thread and waits for it, before the archive the member reads from goes.
final class ReadAheadStream: PartBytes {
    private let pipe: Pipe
    /// The chunk being read by the scanner, and how far.
    private var current: (chunk: UnsafeMutablePointer<UInt8>, count: Int)?
    private var offset = 0

    init(_ source: MemberStream) {
        pipe = Pipe(source)
        let thread = Thread { [pipe] in pipe.inflateAhead() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        pipe.stop()
        current.map { pipe.give($0.chunk) }
    }

    func read(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        if current == nil {
            guard let next = try pipe.take() else { return 0 }
            current = next
            offset = 0
        }
        guard let (chunk, count) = current else { return 0 }
        let n = min(capacity, count - offset)
        out.update(from: chunk + offset, count: n)
        offset += n
        if offset == count {
            current = nil
            pipe.give(chunk)
        }
        return n
    }

    /// What the two threads share: the chunks, free and filled, and why
    /// the inflating stopped. @unchecked: every field is read and written
    /// under `condition` only; a chunk's bytes are handed over with it.
    private final class Pipe: @unchecked Sendable {
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

        init(_ source: MemberStream) {
            self.source = source
            free = (0..<Self.chunkCount).map { _ in .allocate(capacity: Self.chunkSize) }
        }

        deinit {
            for chunk in free { chunk.deallocate() }
            for f in filled { f.chunk.deallocate() }
        }

        /// The inflating thread: fills free chunks until the member ends, fails or the scanner is gone.
        func inflateAhead() {
            condition.lock()
            defer {
                threadDone = true
                condition.broadcast()
                condition.unlock()
            }
            while !ended {
                while free.isEmpty && !cancelled { condition.wait() }
                if cancelled { return }
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
            }
        }

        /// The next chunk filled; nil at the member's end; its error once every byte before it was taken.
        func take() throws(WorkbookError) -> (chunk: UnsafeMutablePointer<UInt8>, count: Int)? {
            condition.lock()
            defer { condition.unlock() }
            while filled.isEmpty && !ended { condition.wait() }
            if filled.isEmpty {
                if let failure { throw failure }
                return nil
            }
            return filled.removeFirst()
        }

        /// A chunk read whole, to fill again.
        func give(_ chunk: UnsafeMutablePointer<UInt8>) {
            condition.lock()
            free.append(chunk)
            condition.signal()
            condition.unlock()
        }

        /// Stops the thread and waits until it has.
        func stop() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while !threadDone { condition.wait() }
            condition.unlock()
        }
    }
}
