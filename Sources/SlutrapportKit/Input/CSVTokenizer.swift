#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 tokenizer over bytes. Written by hand because the
/// CSV packages available here either read the whole file into one String
/// or lose line and column positions, and the reader must keep both (SPEC
/// §2) while holding only one record in memory.
///
/// Records are handed out one at a time; the field bytes live in one buffer
/// that is reused for the next record.
final class CSVTokenizer {
    struct Field {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
    }

    enum Failure: Error {
        case unreadable
        case unterminatedQuote(line: Int, column: Int)
    }

    private let fd: Int32
    private var chunk: [UInt8]
    private var pos = 0
    private var end = 0
    private var atEOF = false

    /// Position of the next byte to be read (1-based; columns count characters).
    private(set) var line = 1
    private(set) var column = 1

    var delimiter: UInt8 = UInt8(ascii: ",")
    /// Bytes of the current record's fields, one after another.
    private(set) var bytes: [UInt8] = []
    private(set) var fields: [Field] = []
    /// The line on which the current record starts.
    private(set) var recordLine = 1

    init(path: String, chunkSize: Int = 1 << 20) throws {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure.unreadable }
        chunk = [UInt8](repeating: 0, count: chunkSize)
        bytes.reserveCapacity(256)
        fields.reserveCapacity(16)
    }

    deinit { close(fd) }

    private func refill() -> Bool {
        guard !atEOF else { return false }
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 {
            atEOF = true
            return false
        }
        pos = 0
        end = n
        return true
    }

    @inline(__always)
    private func peek() -> UInt8? {
        if pos < end { return chunk[pos] }
        return refill() ? chunk[pos] : nil
    }

    @inline(__always)
    private func advance(_ b: UInt8) {
        pos += 1
        if b == 10 {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Skips a UTF-8 byte-order mark at the very start, if present.
    func skipByteOrderMark() {
        guard peek() == 0xEF, end - pos >= 3, chunk[pos + 1] == 0xBB, chunk[pos + 2] == 0xBF else { return }
        pos += 3
    }

    /// Looks at the first line, without consuming it, and picks the delimiter
    /// among `,` `;` and tab that occurs most often outside quotes.
    func detectDelimiter() {
        _ = peek()
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
        var inQuotes = false
        var i = pos
        while i < end {
            let b = chunk[i]
            if b == 34 { inQuotes.toggle() } else if !inQuotes {
                if b == 10 || b == 13 { break }
                if counts[b] != nil { counts[b, default: 0] += 1 }
            }
            i += 1
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        if let best, best.value > 0 { delimiter = best.key }
    }

    /// Reads the next non-blank record. Returns false at the end of the input.
    func nextRecord() throws(Failure) -> Bool {
        while true {
            bytes.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
            guard let first = peek() else { return false }
            if first == 10 || first == 13 {
                consumeLineEnd(first)
                continue
            }
            recordLine = line
            try readFields()
            return true
        }
    }

    private func consumeLineEnd(_ b: UInt8) {
        advance(b)
        if b == 13 {
            if peek() == 10 {
                pos += 1
            }
            line += 1
            column = 1
        }
    }

    private func readFields() throws(Failure) {
        let delimiter = self.delimiter
        while true {
            var field = Field(start: bytes.count, end: bytes.count, line: line, column: column)
            if peek() == 34 {
                let quoteLine = line, quoteColumn = column
                advance(34)
                while true {
                    guard let b = peek() else { throw .unterminatedQuote(line: quoteLine, column: quoteColumn) }
                    if b == 34 {
                        advance(b)
                        if peek() == 34 {
                            advance(34)
                            bytes.append(34)
                            continue
                        }
                        break
                    }
                    if b == 13 {
                        // CRLF inside a quoted field is one line break, kept as "\n".
                        consumeLineEnd(b)
                        bytes.append(10)
                        continue
                    }
                    advance(b)
                    bytes.append(b)
                }
            }
            // Unquoted text, or whatever follows a closing quote (kept, as spreadsheets do).
            while let b = peek(), b != delimiter, b != 10, b != 13 {
                advance(b)
                bytes.append(b)
            }
            field.end = bytes.count
            fields.append(field)
            guard let b = peek() else { return }
            if b == delimiter {
                advance(b)
                continue
            }
            consumeLineEnd(b)
            return
        }
    }

    /// Opens a CSV file and reads its header record: the start every reader
    /// shares. Nil, with the reason logged, when there is no header to read.
    static func openWithHeader(path: String, log: inout DiagnosticLog) -> CSVTokenizer? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let tokenizer: CSVTokenizer
        do { tokenizer = try CSVTokenizer(path: path) } catch {
            log.error(.fileUnreadable, "cannot read the file", at: start)
            return nil
        }
        tokenizer.skipByteOrderMark()
        tokenizer.detectDelimiter()
        do {
            guard try tokenizer.nextRecord() else {
                log.error(.csvEmpty, "the file is empty; it needs a header row", at: start)
                return nil
            }
        } catch {
            tokenizer.report(error, file: path, log: &log)
            return nil
        }
        return tokenizer
    }

    func report(_ failure: Failure, file: String, log: inout DiagnosticLog) {
        if case .unterminatedQuote(let line, let column) = failure {
            log.error(.csvUnterminatedQuote, "a quoted field is never closed", at: SourceLocation(file: file, line: line, column: column))
        }
    }

    func field(_ i: Int) -> ArraySlice<UInt8> {
        let f = fields[i]
        return bytes[f.start..<f.end]
    }

    func string(_ i: Int) -> String {
        let f = fields[i]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[f.start..<f.end]), as: UTF8.self) }
    }
}
