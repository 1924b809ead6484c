import CSlutrapportSys

/// The SIMD path beside the state machine: plain records (one line, no
/// quote, no CR, as many fields as the header) found 32 or 16 bytes at a
/// time by `slutrapport_scan_plain`, handed over straight from the read
/// buffer without becoming `Field`s. Most lines of a large file go through
/// here; anything else is left to `CSVStateMachine`.
struct PlainRecordScanner {
    /// What the caller does after a scan.
    enum Next {
        /// Read the next record with the state machine: it is not plain, too
        /// long for the fast path, or was turned down.
        case stop
        /// Read more input, then scan again.
        case needMore
        /// The batch is full: scan again.
        case again
    }

    /// Field separators found by the scan, and how many records it scans ahead.
    private var separators: [UInt32] = []
    private var run = 8
    private static let batch = 4096

    /// Hands the plain records at the start of `bytes` (of `count` bytes,
    /// the first on `line`) to `body` while it accepts them. Returns the
    /// bytes and records taken, and what comes next. A record longer than a
    /// field may be (`fieldLimit`) is left to the state machine to check.
    @inline(__always)
    mutating func scan(_ bytes: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, fields n: Int, line: Int, fieldLimit: Int,
                       _ body: (PlainRecord) -> Bool) -> (consumed: Int, taken: Int, next: Next) {
        // Up to 4,096 records a scan, and never more than 64 Ki separators:
        // a header of 100,000 columns must not ask for gigabytes.
        let most = min(Self.batch, max(1, (1 << 16) / n))
        if separators.count < n * most { separators = Array(repeating: 0, count: n * most) }
        // Scans ahead 8 records after a record the fast path turned down,
        // twice as many each time all are taken, up to 4,096: a file bad
        // on every row must not rescan thousands of rows per row.
        let batch = min(run, most)
        var taken = 0, consumed = 0
        let result = separators.withUnsafeMutableBufferPointer { s in
            // The base address exists: the array is not empty here.
            guard let seps = s.baseAddress else { return slutrapport_scan_result() }
            let result = slutrapport_scan_plain(bytes, min(count, Int(UInt32.max)), delimiter, UInt32(n), seps, batch)
            var start = 0
            while taken < result.records {
                guard Int(seps[taken * n + n - 1]) - start <= fieldLimit else { break }
                let record = PlainRecord(base: bytes, separators: seps + taken * n, start: start, count: n, line: line + taken)
                guard body(record) else { break }
                start = Int(seps[taken * n + n - 1]) + 1
                taken += 1
            }
            consumed = start
            return result
        }
        let stopped = taken < result.records || result.stopped == 1
        run = stopped ? 8 : min(Self.batch, run * 2)
        return (consumed, taken, stopped ? .stop : result.stopped == 0 ? .needMore : .again)
    }
}

/// A record's fields as bytes, for the reader's fast path.
protocol RowBytes {
    var count: Int { get }
    var line: Int { get }
    /// Whether `ByteKeyTable.lookup` may read 24 bytes from a field's start.
    var padded: Bool { get }
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8>
}

/// A plain record as raw memory, straight from the read buffer.
struct PlainRecord: RowBytes {
    /// The buffer where the scan started; separators are offsets in it.
    let base: UnsafePointer<UInt8>
    let separators: UnsafePointer<UInt32>
    let start: Int
    let count: Int
    let line: Int
    var padded: Bool { true }

    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = i == 0 ? start : Int(separators[i - 1]) + 1
        return UnsafeBufferPointer(start: base + s, count: Int(separators[i]) - s)
    }
}

extension UnsafePointer<UInt8> {
    /// Word `k` (bytes 8k..<8k+8) of a field of `n` bytes starting here,
    /// little-endian, the bytes past the field zeroed. Reads 8 bytes whatever
    /// `n` is: only for fields of the read buffer, which keeps
    /// `CSVTokenizer.padding` bytes of room past its end.
    @inline(__always)
    func paddedWord(_ k: Int, of n: Int) -> UInt64 {
        // A shift of 64 bits or more gives 0 in Swift, so the mask keeps all 8 bytes then.
        UnsafeRawPointer(self).loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)
            & ((1 << UInt64(8 * Swift.max(0, n - 8 * k))) &- 1)
    }
}
