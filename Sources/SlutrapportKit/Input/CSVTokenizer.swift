#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader of a CSV file, one record at a time: the
/// buffering and positions around `CSVStateMachine` (the grammar) and
/// `PlainRecordScanner` (the SIMD path), over `TextFileReader` (the I/O).
/// Written by hand because the CSV packages available here either read the
/// whole file into one String or lose line and column positions, and the
/// reader must keep both (SPEC §2) while holding only one record in memory,
/// at hundreds of MB/s.
///
/// A record's unquoted fields are ranges of the read buffer itself; quoted
/// fields are unescaped into a small side buffer. Columns are counted only
/// when a diagnostic asks for one.
struct CSVTokenizer {
    typealias Field = CSVStateMachine.Field

    /// Why a file stops being read; `CSVFile` words it.
    enum Failure: Error {
        case unreadable
        case unterminatedQuote(line: Int, column: Int)
        /// A field past `fieldLimit`, or a record past `recordLimit` (`isRecord`).
        case tooLong(line: Int, column: Int, isRecord: Bool)
        case text(TextProblem)
    }

    // A struct, not a class: the hot loop then touches its fields without
    // Swift's run-time exclusivity checks, which cost a fifth of the time.
    private var source: TextFileReader
    private var machine: CSVStateMachine
    private var plain = PlainRecordScanner()
    private let blockSize: Int
    private var buffer: [UInt8]
    /// `buffer[pos..<end]` is read and not yet consumed.
    private var pos = 0
    private var end = 0
    private var atEOF = false

    var delimiter: UInt8 {
        get { machine.delimiter }
        set { machine.delimiter = newValue }
    }
    private(set) var fields: [Field] = []
    private var quoted: [UInt8] = []
    /// The line on which the current record starts.
    private(set) var recordLine = 1
    /// The next line to read (counted from 1 at the start of this tokenizer's part).
    private(set) var line = 1
    /// Bytes that may be read past the end of a field in the read buffer
    /// (`ByteKeyTable` reads 16 bytes from a field's start, `FieldMemo` 32).
    static let padding = 32
    /// The longest field and record read, in bytes: far past any real export
    /// (a notes column of a few KB), yet a bound on what one row may cost.
    static let fieldLimit = 1 << 16
    static let recordLimit = 1 << 20

    /// Opens `path`. A byte-order mark decides the encoding and is skipped;
    /// without one the file is read as `fallback` (UTF-8 unless a first
    /// attempt found it was not).
    init(path: String, fallback: TextEncoding = .utf8, chunkSize: Int = 1 << 20) throws(Failure) {
        guard let source = TextFileReader(path: path, fallback: fallback) else { throw Failure.unreadable }
        self.init(source, delimiter: UInt8(ascii: ","), blockSize: Self.blockSize(chunkSize, bytes: source.fileSize))
    }

    /// Opens the part `from..<to` of a UTF-8 file, `from` being the start of
    /// a line, to be read with `delimiter` (the header's, read by another
    /// tokenizer). Lines count from 1 at `from`.
    init(path: String, from: Int, to: Int, delimiter: UInt8, chunkSize: Int = 1 << 20) throws(Failure) {
        guard let source = TextFileReader(path: path, from: from, to: to) else { throw Failure.unreadable }
        self.init(source, delimiter: delimiter, blockSize: Self.blockSize(chunkSize, bytes: to - from))
    }

    private init(_ source: TextFileReader, delimiter: UInt8, blockSize: Int) {
        self.source = source
        self.blockSize = blockSize
        machine = CSVStateMachine(delimiter: delimiter, fieldLimit: Self.fieldLimit)
        buffer = [UInt8](repeating: 0, count: blockSize * (source.encoding == .utf8 ? 2 : 8))
        fields.reserveCapacity(16)
    }

    /// A small file gets a small buffer: a batch of thousands of small
    /// projects must not clear megabytes of memory for each.
    private static func blockSize(_ chunkSize: Int, bytes: Int) -> Int {
        var size = 1 << 14
        while size < chunkSize && size < bytes + 1 { size <<= 1 }
        return size
    }

    /// The file offset of the first byte not yet consumed; nil unless the
    /// file is read as UTF-8, where the buffer holds the file's own bytes
    /// (and so it can be read in parts).
    var consumedOffset: Int? {
        source.encoding == .utf8 ? source.offset - (end - pos) : nil
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
        let blockSize = max(self.blockSize, end), room = source.room(blockSize: blockSize)
        // `padding` bytes always stay free after `end`: see `ByteKeyTable.lookup`.
        if buffer.count - end < room + Self.padding { buffer += [UInt8](repeating: 0, count: max(room + Self.padding, buffer.count)) }
        let n = source.readText(into: &buffer, at: end, blockSize: blockSize, padding: Self.padding)
        end += n
        if n == 0 { atEOF = true }
        return n > 0
    }

    /// The failure that ended the input early, if any.
    private var readFailure: Failure? {
        if source.readFailed { return .unreadable }
        return source.problem.map { .text($0) }
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

    /// Reads the next non-blank record. Returns false at the end of the input.
    mutating func nextRecord() throws(Failure) -> Bool {
        while true {
            fields.removeAll(keepingCapacity: true)
            quoted.removeAll(keepingCapacity: true)
            machine.start(at: pos, line: line)
            let event: CSVStateMachine.Event
            do { event = try nextEvents() } catch { throw failure(error) }
            switch event {
            case .field:
                // `pos` moved past the record, so its bytes are not rescanned to check.
                guard machine.cursor - machine.recordStart <= Self.recordLimit else {
                    throw .tooLong(line: machine.recordLine, column: 1, isRecord: true)
                }
                pos = machine.cursor
                line = machine.line
                recordLine = machine.recordLine
                return true
            case .end:
                pos = end
                line = machine.line
                if let readFailure { throw readFailure }
                return false
            case .needMore:
                // Blank lines before the record are behind; the record is read again whole.
                pos = machine.recordStart
                line = machine.recordLine
                // The buffer grows for a record until it ends: this bounds it.
                guard end - pos <= Self.recordLimit else { throw .tooLong(line: line, column: 1, isRecord: true) }
                // At the end of the input the record is read again knowing nothing more comes.
                if !fill(), let readFailure { throw readFailure }
            }
        }
    }

    /// The state machine's events up to the end of a record (its last
    /// field), of the input, or of what is read so far; fields are kept.
    @inline(__always)
    private mutating func nextEvents() throws(CSVStateMachine.Problem) -> CSVStateMachine.Event {
        let end = self.end, eof = atEOF
        return try buffer.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(CSVStateMachine.Problem) -> CSVStateMachine.Event in
            let input = UnsafeBufferPointer(rebasing: b[0..<end])
            while true {
                let event = try machine.next(input, atEnd: eof, quoted: &quoted)
                guard case .field(let field, let endsRecord) = event else { return event }
                fields.append(field)
                if endsRecord { return event }
            }
        }
    }

    /// A problem of the grammar as a failure at a line and column.
    private func failure(_ problem: CSVStateMachine.Problem) -> Failure {
        switch problem {
        case .unterminatedQuote(let line, let lineStart, let at):
            .unterminatedQuote(line: line, column: column(from: lineStart, to: at))
        case .fieldTooLong(let line, let lineStart, let at):
            .tooLong(line: line, column: column(from: lineStart, to: at), isRecord: false)
        }
    }

    /// 1-based column of offset `to` in its line: characters, not bytes.
    private func column(from lineStart: Int, to offset: Int) -> Int {
        buffer.withUnsafeBufferPointer { p in
            var n = 1
            for k in lineStart..<offset where p[k] & 0xC0 != 0x80 { n += 1 }
            return n
        }
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
        column(from: fields[i].lineStart, to: fields[i].at)
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

    func string(_ i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// About how many records the file holds, from its size and the bytes
    /// read so far (an estimate for sizing tables; never used for counting).
    var estimatedRecords: Int {
        let size = source.fileSize
        guard size != Int.max, source.encoding == .utf8 else { return 0 }
        // The average line of what is read but not yet consumed (a whole block).
        let lines = buffer[pos..<end].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        guard lines > 0 else { return 0 }
        return size / max(1, (end - pos) / lines) + 1
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

    /// Hands the plain records that come next to `body`, straight from the
    /// read buffer, while `body` accepts them (see `PlainRecordScanner`).
    /// Returns at the first record that `body` turns down or that needs the
    /// state machine, and at the end of the input: `nextRecord` reads that one.
    @inline(__always)
    mutating func plainRecords(fields n: Int, _ body: (PlainRecord) -> Bool) {
        guard n > 0 else { return }
        while true {
            if pos == end { guard fill() else { return } }
            let from = pos, count = end - pos, delimiter = self.delimiter, line = self.line
            let (consumed, taken, next) = buffer.withUnsafeBufferPointer { b in
                // The base address exists: the buffer is never empty.
                guard let bytes = b.baseAddress else { return (0, 0, PlainRecordScanner.Next.stop) }
                return plain.scan(bytes + from, count: count, delimiter: delimiter, fields: n, line: line, fieldLimit: Self.fieldLimit, body)
            }
            pos += consumed
            self.line += taken
            switch next {
            case .stop: return
            case .needMore: if !fill() { return }
            case .again: continue
            }
        }
    }
}
