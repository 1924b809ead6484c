#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSlutrapportSys

/// A streaming RFC 4180 tokenizer over bytes. Written by hand because the
/// CSV packages available here either read the whole file into one String
/// or lose line and column positions, and the reader must keep both (SPEC
/// §2) while holding only one record in memory, at hundreds of MB/s.
///
/// A record's unquoted fields are ranges of the read buffer itself; quoted
/// fields are unescaped into a small side buffer. Columns are counted only
/// when a diagnostic asks for one.
struct CSVTokenizer {
    struct Field {
        /// Range in `buffer`, or in `quoted` when `isQuoted`.
        var start: Int
        var end: Int
        var isQuoted: Bool
        var line: Int
        /// Offsets in `buffer` of the field's first byte (its quote, if quoted)
        /// and of the start of its line, for counting its column.
        var at: Int
        var lineStart: Int
    }

    enum Failure: Error {
        case unreadable
        case unterminatedQuote(line: Int, column: Int)
        /// A field past `fieldLimit`, or a record past `recordLimit` (`isRecord`).
        case tooLong(line: Int, column: Int, isRecord: Bool)
        case text(TextProblem)
    }

    /// Closes the file when the last copy of the tokenizer goes.
    private final class Descriptor {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    // A struct, not a class: the hot loop then touches its fields without
    // Swift's run-time exclusivity checks, which cost a fifth of the time.
    private let descriptor: Descriptor
    private var fd: Int32 { descriptor.fd }
    private var decoder: TextDecoder
    private let blockSize: Int
    private var buffer: [UInt8]
    private var raw: [UInt8] = []
    /// `buffer[pos..<end]` is read and not yet consumed.
    private var pos = 0
    private var end = 0
    private var atEOF = false
    /// The file offset of the next read, and where reading stops (the end of
    /// the file, or of the part of it this tokenizer reads).
    private var readOffset = 0
    private var limit = Int.max
    private var problem: TextProblem?
    /// A read failed (an I/O error, or a file that cannot be read at an offset, such as a pipe).
    private var readFailed = false

    var delimiter: UInt8 = UInt8(ascii: ",")
    private(set) var fields: [Field] = []
    private var quoted: [UInt8] = []
    /// The line on which the current record starts; the next line to read.
    private(set) var recordLine = 1
    /// The next line to read (counted from 1 at the start of this tokenizer's part).
    private(set) var line = 1
    /// Field separators found by `plainRecords`, and how many records it scans ahead.
    private var separators: [UInt32] = []
    private var plainRun = 8
    /// Bytes that may be read past the end of a field in the read buffer
    /// (`ByteKeyTable` reads 16 bytes from a field's start, `FieldMemo` 32).
    static let padding = 32
    /// The longest field and record read, in bytes: far past any real export
    /// (a notes column of a few KB), yet a bound on what one row may cost.
    static let fieldLimit = 1 << 16
    static let recordLimit = 1 << 20
    private static let plainBatch = 4096

    /// Opens `path`. A byte-order mark decides the encoding and is skipped;
    /// without one the file is read as `fallback` (UTF-8 unless a first
    /// attempt found it was not).
    init(path: String, fallback: TextEncoding = .utf8, chunkSize: Int = 1 << 20) throws(Failure) {
        guard let fd = InputFile.openRegular(path) else { throw Failure.unreadable }
        descriptor = Descriptor(fd)
        var head = [UInt8](repeating: 0, count: 3)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 3) }
        let (encoding, mark) = TextEncoding.sniff(Array(head.prefix(max(0, n)))) ?? (fallback, 0)
        readOffset = mark
        decoder = TextDecoder(encoding)
        blockSize = Self.blockSize(chunkSize, bytes: Self.size(of: fd))
        buffer = [UInt8](repeating: 0, count: blockSize * (encoding == .utf8 ? 2 : 8))
        if encoding != .utf8 { raw = [UInt8](repeating: 0, count: blockSize) }
        fields.reserveCapacity(16)
    }

    /// Opens the part `from..<to` of a UTF-8 file, `from` being the start of
    /// a line, to be read with `delimiter` (the header's, read by another
    /// tokenizer). Lines count from 1 at `from`.
    init(path: String, from: Int, to: Int, delimiter: UInt8, chunkSize: Int = 1 << 20) throws(Failure) {
        guard let fd = InputFile.openRegular(path) else { throw Failure.unreadable }
        descriptor = Descriptor(fd)
        decoder = TextDecoder(.utf8)
        blockSize = Self.blockSize(chunkSize, bytes: to - from)
        buffer = [UInt8](repeating: 0, count: blockSize * 2)
        readOffset = from
        limit = to
        self.delimiter = delimiter
        fields.reserveCapacity(16)
    }

    /// A small file gets a small buffer: a batch of thousands of small
    /// projects must not clear megabytes of memory for each.
    private static func blockSize(_ chunkSize: Int, bytes: Int) -> Int {
        var size = 1 << 14
        while size < chunkSize && size < bytes + 1 { size <<= 1 }
        return size
    }

    static func size(path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    private static func size(of fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : Int.max
    }

    /// The file offset of the first byte not yet consumed; nil unless the
    /// file is read as UTF-8, where the buffer holds the file's own bytes
    /// (and so it can be read in parts).
    var consumedOffset: Int? {
        decoder.encoding == .utf8 ? readOffset - (end - pos) : nil
    }

    /// The offset just after the first line feed at or after `offset`: where
    /// a part of the file may start (`ParticipantReader` checks that no
    /// quoted field spans it). Nil when none comes before the end.
    static func lineStart(path: String, after offset: Int) -> Int? {
        guard let fd = InputFile.openRegular(path) else { return nil }
        defer { close(fd) }
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
            guard n > 0 else { return nil }
            if let i = window[0..<n].firstIndex(of: 10) { return at + i + 1 }
            at += n
        }
    }

    /// Reads the next block after `end`, first moving the unconsumed bytes to
    /// the front (and growing the buffer when one record outgrows it).
    private mutating func fill() -> Bool {
        guard !atEOF else { return false }
        if pos > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                guard let base = b.baseAddress else { return }
                memmove(base, base + pos, end - pos)
            }
            end -= pos
            pos = 0
        }
        // A record longer than a block is read in ever larger pieces, so that
        // rescanning it after each read costs no more than reading it.
        let fd = self.fd, blockSize = max(self.blockSize, end)
        let room = decoder.encoding == .utf8 ? blockSize : blockSize * 4
        // `padding` bytes always stay free after `end`: see `ByteKeyTable.lookup`.
        if buffer.count - end < room + Self.padding { buffer += [UInt8](repeating: 0, count: max(room + Self.padding, buffer.count)) }
        do {
            if decoder.encoding == .utf8 {
                let start = end, offset = readOffset, count = min(blockSize, limit - readOffset)
                var n = 0
                repeat {
                    n = count <= 0 ? 0 : buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + start }, count, off_t(offset)) }
                } while n < 0 && errno == EINTR
                if n < 0 { return failRead() }
                if n > 0 {
                    readOffset += n
                    try buffer.withUnsafeBytes { try decoder.validateUTF8(UnsafeRawBufferPointer(rebasing: $0[start..<start + n])) }
                    end += n
                    return true
                }
            } else {
                var out: [UInt8] = []
                var n = 0
                repeat {  // a block may hold only half a code unit; a long record wants more
                    let offset = readOffset
                    repeat {
                        n = raw.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
                    } while n < 0 && errno == EINTR
                    if n < 0 { return failRead() }
                    if n > 0 {
                        readOffset += n
                        try raw.withUnsafeBytes { try decoder.transcode(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: &out) }
                    }
                } while n > 0 && (out.isEmpty || out.count < end)
                if !out.isEmpty {
                    if buffer.count - end < out.count + Self.padding { buffer += [UInt8](repeating: 0, count: out.count + Self.padding) }
                    buffer.withUnsafeMutableBufferPointer { b in
                        out.withUnsafeBufferPointer { o in
                            guard let base = b.baseAddress, let src = o.baseAddress else { return }
                            memcpy(base + end, src, o.count)
                        }
                    }
                    end += out.count
                    return true
                }
            }
            try decoder.finish()
        } catch {
            problem = (error as? TextProblem) ?? .notText
        }
        atEOF = true
        return false
    }

    /// A read that failed ends the input; `nextRecord` then says the file cannot be read.
    private mutating func failRead() -> Bool {
        readFailed = true
        atEOF = true
        return false
    }

    /// Looks at the first line, without consuming it, and picks the delimiter
    /// among `,` `;` and tab that occurs most often outside quotes.
    mutating func detectDelimiter() {
        // The whole header must be in the buffer, up to the longest record read.
        while !buffer[pos..<end].contains(10) && !buffer[pos..<end].contains(13) && end - pos <= Self.recordLimit && fill() {}
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
        var inQuotes = false
        for b in buffer[pos..<end] {
            if b == 34 { inQuotes.toggle() } else if !inQuotes {
                if b == 10 || b == 13 { break }
                if counts[b] != nil { counts[b, default: 0] += 1 }
            }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        if let best, best.value > 0 { delimiter = best.key }
    }

    private enum Scan {
        case complete
        case needMore
    }

    /// Reads the next non-blank record. Returns false at the end of the input.
    mutating func nextRecord() throws(Failure) -> Bool {
        while true {
            // Blank lines between records.
            while pos < end, buffer[pos] == 10 || buffer[pos] == 13 {
                if buffer[pos] == 13, pos + 1 == end, !atEOF { break }
                if buffer[pos] == 13, pos + 1 < end, buffer[pos + 1] == 10 { pos += 1 }
                pos += 1
                line += 1
            }
            if pos == end || (buffer[pos] == 13 && pos + 1 == end) {
                if fill() { continue }
                if readFailed { throw .unreadable }
                if let problem { throw .text(problem) }
                if pos < end { pos = end }  // a final lone CR
                return false
            }
            let startLine = line, startPos = pos
            switch try scanRecord() {
            case .complete:
                // `pos` moved past the record, so its bytes are not rescanned to check.
                guard pos - startPos <= Self.recordLimit else { throw .tooLong(line: startLine, column: 1, isRecord: true) }
                recordLine = startLine
                return true
            case .needMore:
                line = startLine
                // The buffer grows for a record until it ends: this bounds it.
                guard end - pos <= Self.recordLimit else { throw .tooLong(line: startLine, column: 1, isRecord: true) }
                if !fill() {
                    if readFailed { throw .unreadable }
                    if let problem { throw .text(problem) }
                    // At the end of the input: scan again knowing nothing more comes.
                    continue
                }
            }
        }
    }

    private mutating func scanRecord() throws(Failure) -> Scan {
        fields.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        let delimiter = self.delimiter
        let end = self.end, eof = atEOF
        return try buffer.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(Failure) -> Scan in
            var i = pos
            var lineStart = pos
            while true {
                let fieldLine = line, fieldLineStart = lineStart, at = i
                func tooLong() -> Failure {
                    .tooLong(line: fieldLine, column: Self.column(p, from: fieldLineStart, to: at), isRecord: false)
                }
                if i < end && p[i] == 34 {
                    let qStart = quoted.count
                    i += 1
                    while true {
                        guard i < end else {
                            if quoted.count - qStart > Self.fieldLimit { throw tooLong() }
                            if !eof { return .needMore }
                            throw .unterminatedQuote(line: fieldLine, column: Self.column(p, from: fieldLineStart, to: at))
                        }
                        let b = p[i]
                        if b == 34 {
                            if i + 1 < end {
                                if p[i + 1] == 34 {
                                    quoted.append(34)
                                    i += 2
                                    continue
                                }
                                i += 1
                                break
                            }
                            if !eof { return .needMore }
                            i += 1
                            break
                        } else if b == 10 || b == 13 {
                            // A line break inside quotes is one "\n", and a new line for positions.
                            guard let n = Self.lineBreak(p, at: i, end: end, eof: eof) else { return .needMore }
                            i += n
                            line += 1
                            lineStart = i
                            quoted.append(10)
                        } else {
                            quoted.append(b)
                            i += 1
                        }
                    }
                    // Whatever follows the closing quote is kept, as spreadsheets do.
                    while i < end, p[i] != delimiter, p[i] != 10, p[i] != 13 {
                        quoted.append(p[i])
                        i += 1
                    }
                    if quoted.count - qStart > Self.fieldLimit { throw tooLong() }
                    if i >= end && !eof { return .needMore }
                    fields.append(Field(start: qStart, end: quoted.count, isQuoted: true, line: fieldLine, at: at, lineStart: fieldLineStart))
                } else {
                    let s = i
                    while i < end {
                        let b = p[i]
                        if b == delimiter || b == 10 || b == 13 { break }
                        i += 1
                    }
                    if i - s > Self.fieldLimit { throw tooLong() }
                    if i >= end && !eof { return .needMore }
                    fields.append(Field(start: s, end: i, isQuoted: false, line: fieldLine, at: at, lineStart: fieldLineStart))
                }
                if i >= end {
                    pos = end
                    line += 1
                    return .complete
                }
                let b = p[i]
                if b == delimiter {
                    i += 1
                    continue
                }
                guard let n = Self.lineBreak(p, at: i, end: end, eof: eof) else { return .needMore }
                line += 1
                pos = i + n
                return .complete
            }
        }
    }

    /// The length of the line break (LF, CRLF or a lone CR) at `i`, or nil
    /// when a CR ends the buffer and the next byte decides.
    @inline(__always)
    private static func lineBreak(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, eof: Bool) -> Int? {
        guard p[i] == 13 else { return 1 }
        if i + 1 >= end { return eof ? 1 : nil }
        return p[i + 1] == 10 ? 2 : 1
    }

    /// 1-based column of offset `to` in its line: characters, not bytes.
    private static func column(_ p: UnsafeBufferPointer<UInt8>, from lineStart: Int, to offset: Int) -> Int {
        var n = 1
        for k in lineStart..<offset where p[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The columns of all fields of the current record, in one pass (a header
    /// of 100,000 columns must not cost 100,000 passes over its line).
    func columns() -> [Int] {
        buffer.withUnsafeBufferPointer { p in
            var result: [Int] = []
            result.reserveCapacity(fields.count)
            var lineStart = -1, offset = 0, column = 1
            for f in fields {
                if f.lineStart != lineStart {
                    lineStart = f.lineStart
                    offset = lineStart
                    column = 1
                }
                while offset < f.at {
                    if p[offset] & 0xC0 != 0x80 { column += 1 }
                    offset += 1
                }
                result.append(column)
            }
            return result
        }
    }

    /// The column of field `i` of the current record.
    func column(_ i: Int) -> Int {
        let f = fields[i]
        return buffer.withUnsafeBufferPointer { Self.column($0, from: f.lineStart, to: f.at) }
    }

    /// The bytes of field `i`, valid until the next record is read.
    @inline(__always)
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = fields[i]
        if f.isQuoted {
            return quoted.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end])) }
        }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end])) }
    }

    /// About how many records the file holds, from its size and the bytes
    /// read so far (an estimate for sizing tables; never used for counting).
    var estimatedRecords: Int {
        var st = stat()
        guard fstat(fd, &st) == 0, decoder.encoding == .utf8 else { return 0 }
        // The average line of what is read but not yet consumed (a whole block).
        let lines = buffer[pos..<end].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        guard lines > 0 else { return 0 }
        return Int(st.st_size) / max(1, (end - pos) / lines) + 1
    }

    /// The current record as raw memory, for the reader's fast path.
    struct Record: RowBytes {
        let fields: UnsafeBufferPointer<Field>
        let buffer: UnsafeBufferPointer<UInt8>
        let quoted: UnsafeBufferPointer<UInt8>
        let line: Int
        var count: Int { fields.count }
        /// Quoted fields live in a buffer of their own, without room after them.
        var padded: Bool { false }

        @inline(__always)
        func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let f = fields[i]
            return UnsafeBufferPointer(rebasing: (f.isQuoted ? quoted : buffer)[f.start..<f.end])
        }
    }

    @inline(__always)
    func withRecord<R>(_ body: (Record) -> R) -> R {
        fields.withUnsafeBufferPointer { f in
            buffer.withUnsafeBufferPointer { b in
                quoted.withUnsafeBufferPointer { q in body(Record(fields: f, buffer: b, quoted: q, line: recordLine)) }
            }
        }
    }

    /// A plain record (one line, no quotes, as many fields as the header)
    /// as raw memory, straight from the read buffer.
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

    /// Hands the plain records that come next (see `slutrapport_scan_plain`)
    /// to `body`, straight from the read buffer, while `body` accepts them.
    /// Returns at the first record that `body` turns down or that needs the
    /// full tokenizer, and at the end of the input: `nextRecord` reads that
    /// one. Most lines of a large file go through here, 32 or 16 bytes at a
    /// time, and never become `Field`s.
    @inline(__always)
    mutating func plainRecords(fields n: Int, _ body: (PlainRecord) -> Bool) {
        guard n > 0 else { return }
        // Up to 4,096 records a scan, and never more than 64 Ki separators:
        // a header of 100,000 columns must not ask for gigabytes.
        let most = min(Self.plainBatch, max(1, (1 << 16) / n))
        if separators.count < n * most { separators = Array(repeating: 0, count: n * most) }
        while true {
            // Scans ahead 8 records after a record the fast path turned down,
            // twice as many each time all are taken, up to 4,096: a file bad
            // on every row must not rescan thousands of rows per row.
            let batch = min(plainRun, most)
            if pos == end { guard fill() else { return } }
            let from = pos, delimiter = self.delimiter
            var taken = 0, consumed = 0
            let result = buffer.withUnsafeBufferPointer { b in
                separators.withUnsafeMutableBufferPointer { s in
                    // Both base addresses exist: neither array is empty here.
                    guard let bytes = b.baseAddress, let seps = s.baseAddress else { return slutrapport_scan_result() }
                    let result = slutrapport_scan_plain(bytes + from, min(end - from, Int(UInt32.max)), delimiter, UInt32(n), seps, batch)
                    var start = 0
                    while taken < result.records {
                        // A record longer than a field may be is checked field by field by `nextRecord`.
                        guard Int(seps[taken * n + n - 1]) - start <= Self.fieldLimit else { break }
                        let record = PlainRecord(base: bytes + from, separators: seps + taken * n, start: start, count: n, line: line + taken)
                        guard body(record) else { break }
                        start = Int(seps[taken * n + n - 1]) + 1
                        taken += 1
                    }
                    consumed = start
                    return result
                }
            }
            pos += consumed
            line += taken
            plainRun = taken < result.records || result.stopped == 1 ? 8 : min(Self.plainBatch, plainRun * 2)
            if taken < result.records || result.stopped == 1 { return }
            if result.stopped == 0, !fill() { return }
        }
    }

    func string(_ i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Opens a CSV file and reads its header record: the start every reader
    /// shares. Nil, with the reason logged, when there is no header to read;
    /// throws `.text(.notUTF8)` so that the caller can start again as Windows-1252.
    static func openWithHeader(path: String, fallback: TextEncoding, log: inout DiagnosticLog) throws(Failure) -> CSVTokenizer? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var tokenizer: CSVTokenizer
        do { tokenizer = try CSVTokenizer(path: path, fallback: fallback) } catch {
            log.error(.fileUnreadable, "cannot read the file", at: start)
            return nil
        }
        tokenizer.detectDelimiter()
        do {
            guard try tokenizer.nextRecord() else {
                log.error(.csvEmpty, "the file is empty; it needs a header row", at: start)
                return nil
            }
        } catch {
            if case .text(.notUTF8) = error { throw error }
            tokenizer.report(error, file: path, log: &log)
            return nil
        }
        return tokenizer
    }

    func report(_ failure: Failure, file: String, log: inout DiagnosticLog) {
        switch failure {
        case .unterminatedQuote(let line, let column):
            log.error(.csvUnterminatedQuote, "a quoted field is never closed", at: SourceLocation(file: file, line: line, column: column))
        case .tooLong(let line, let column, let isRecord):
            let what = isRecord ? "a row longer than \(Self.recordLimit)" : "a field longer than \(Self.fieldLimit)"
            log.error(.csvTooLong, "\(what) bytes starts here (no export has one); the rest of the file is not read",
                      at: SourceLocation(file: file, line: line, column: column))
        case .text(.notText):
            log.error(.csvNotText, "the file holds bytes that are not text (a NUL byte or a broken UTF-16 sequence); "
                      + "export it as CSV, and UTF-16 only with a byte-order mark", at: SourceLocation(file: file, line: 1, column: 1))
        case .text(.notUTF8), .unreadable:
            log.error(.fileUnreadable, "cannot read the file", at: SourceLocation(file: file, line: 1, column: 1))
        }
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

/// A record's fields as bytes, for the reader's fast path.
protocol RowBytes {
    var count: Int { get }
    var line: Int { get }
    /// Whether `ByteKeyTable.lookup` may read 16 bytes from a field's start.
    var padded: Bool { get }
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8>
}
