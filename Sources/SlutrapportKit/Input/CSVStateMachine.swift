/// The RFC 4180 grammar as a state machine, in the manner of rust-csv's
/// `csv-core`: bytes in, events out. It reads no file, keeps none of its
/// input and words no message: `CSVTokenizer` above it buffers the input,
/// turns offsets into columns, and `CSVFile` says what went wrong.
///
/// An unquoted field is a range of the input itself; a quoted field is
/// unescaped into `quoted`, a buffer the caller owns and empties between
/// records. Offsets are into the input the caller passes.
struct CSVStateMachine {
    struct Field {
        /// Range in the input, or in `quoted` when `isQuoted`.
        var start: Int
        var end: Int
        var isQuoted: Bool
        var line: Int
        /// Offsets in the input of the field's first byte (its quote, if
        /// quoted) and of the start of its line, for counting its column.
        var at: Int
        var lineStart: Int
    }

    enum Event {
        /// A field; `endsRecord` when the record ends after it (as
        /// `csv-core`'s `ReadFieldResult::Field { record_end }`).
        case field(Field, endsRecord: Bool)
        /// The input ends inside a record: the caller adds input and calls
        /// `start` again at `recordStart`, for the record is read again whole.
        case needMore
        /// No record is left: the input is at its end.
        case end
    }

    /// Where the input breaks the grammar or the field limit: the field's
    /// line, the offset of its line's start and of its first byte.
    enum Problem: Error {
        case unterminatedQuote(line: Int, lineStart: Int, at: Int)
        case fieldTooLong(line: Int, lineStart: Int, at: Int)
    }

    var delimiter: UInt8
    /// The longest field, in bytes, quoted or not: checked before asking for
    /// more input, so that no field grows the caller's buffer past it.
    let fieldLimit: Int
    /// The offset of the next byte, its line (from 1) and its line's start.
    private(set) var cursor = 0
    private(set) var line = 1
    private var lineStart = 0
    /// The offset and line where the current record starts, blank lines
    /// before it passed: where the caller resumes after `.needMore`.
    private(set) var recordStart = 0
    private(set) var recordLine = 1
    private var inRecord = false

    init(delimiter: UInt8, fieldLimit: Int) {
        self.delimiter = delimiter
        self.fieldLimit = fieldLimit
    }

    /// Reads from `offset`, on `line`, at the start of a record or of the
    /// blank lines before one.
    @inline(__always)
    mutating func start(at offset: Int, line: Int) {
        cursor = offset
        lineStart = offset
        self.line = line
        inRecord = false
    }

    /// The next event from the input `p` (`atEnd`: nothing comes after it).
    @inline(__always)
    mutating func next(_ p: UnsafeBufferPointer<UInt8>, atEnd eof: Bool, quoted: inout [UInt8]) throws(Problem) -> Event {
        let end = p.count
        var i = cursor
        if !inRecord {
            // Blank lines between records.
            while i < end, p[i] == 10 || p[i] == 13 {
                guard let n = Self.lineBreak(p, at: i, end: end, eof: eof) else { break }
                i += n
                line += 1
            }
            cursor = i
            lineStart = i
            recordStart = i
            recordLine = line
            // Nothing left, or a CR whose next byte decides.
            if i == end || p[i] == 13 { return eof ? .end : .needMore }
            inRecord = true
        }
        let fieldLine = line, fieldLineStart = lineStart, at = i
        let field: Field
        if i < end && p[i] == 34 {
            let qStart = quoted.count
            i += 1
            while true {
                guard i < end else {
                    if quoted.count - qStart > fieldLimit { throw .fieldTooLong(line: fieldLine, lineStart: fieldLineStart, at: at) }
                    if !eof { return .needMore }
                    throw .unterminatedQuote(line: fieldLine, lineStart: fieldLineStart, at: at)
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
            if quoted.count - qStart > fieldLimit { throw .fieldTooLong(line: fieldLine, lineStart: fieldLineStart, at: at) }
            if i >= end && !eof { return .needMore }
            field = Field(start: qStart, end: quoted.count, isQuoted: true, line: fieldLine, at: at, lineStart: fieldLineStart)
        } else {
            let s = i
            while i < end {
                let b = p[i]
                if b == delimiter || b == 10 || b == 13 { break }
                i += 1
            }
            if i - s > fieldLimit { throw .fieldTooLong(line: fieldLine, lineStart: fieldLineStart, at: at) }
            if i >= end && !eof { return .needMore }
            field = Field(start: s, end: i, isQuoted: false, line: fieldLine, at: at, lineStart: fieldLineStart)
        }
        if i >= end {
            cursor = end
            line += 1
            inRecord = false
            return .field(field, endsRecord: true)
        }
        if p[i] == delimiter {
            cursor = i + 1
            return .field(field, endsRecord: false)
        }
        guard let n = Self.lineBreak(p, at: i, end: end, eof: eof) else { return .needMore }
        line += 1
        cursor = i + n
        inRecord = false
        return .field(field, endsRecord: true)
    }

    /// The length of the line break (LF, CRLF or a lone CR) at `i`, or nil
    /// when a CR ends the input and the next byte decides.
    @inline(__always)
    private static func lineBreak(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, eof: Bool) -> Int? {
        guard p[i] == 13 else { return 1 }
        if i + 1 >= end { return eof ? 1 : nil }
        return p[i + 1] == 10 ? 2 : 1
    }
}
