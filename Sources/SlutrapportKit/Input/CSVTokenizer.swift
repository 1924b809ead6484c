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
        case text(TextProblem)
    }

    private let fd: Int32
    /// UTF-8 bytes being tokenized: read straight from the file for UTF-8,
    /// converted from `raw` for the other encodings.
    private var chunk: [UInt8]
    private var raw: [UInt8] = []
    private let blockSize: Int
    private var decoder: TextDecoder
    private var pos = 0
    private var end = 0
    private var atEOF = false
    /// Set when the decoder found a problem; reported by `nextRecord`.
    private var problem: TextProblem?

    var encoding: TextEncoding { decoder.encoding }

    /// Position of the next byte to be read (1-based; columns count characters).
    private(set) var line = 1
    private(set) var column = 1

    var delimiter: UInt8 = UInt8(ascii: ",")
    /// Bytes of the current record's fields, one after another.
    private(set) var bytes: [UInt8] = []
    private(set) var fields: [Field] = []
    /// The line on which the current record starts.
    private(set) var recordLine = 1

    /// Opens `path`. A byte-order mark decides the encoding and is skipped;
    /// without one the file is read as `fallback` (UTF-8 unless a first
    /// attempt found it was not).
    init(path: String, fallback: TextEncoding = .utf8, chunkSize: Int = 1 << 20) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure.unreadable }
        self.fd = fd
        var head = [UInt8](repeating: 0, count: 3)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 3) }
        let (encoding, mark) = TextEncoding.sniff(Array(head.prefix(max(0, n)))) ?? (fallback, 0)
        lseek(fd, off_t(mark), SEEK_SET)
        decoder = TextDecoder(encoding)
        blockSize = chunkSize
        if encoding == .utf8 {
            chunk = [UInt8](repeating: 0, count: chunkSize)
        } else {
            raw = [UInt8](repeating: 0, count: chunkSize)
            chunk = []
            chunk.reserveCapacity(chunkSize * 3)
        }
        bytes.reserveCapacity(256)
        fields.reserveCapacity(16)
    }

    deinit { close(fd) }

    private func refill() -> Bool {
        pos = 0
        end = 0
        return load()
    }

    /// Reads the next block of the file into `chunk` after `end`.
    private func load() -> Bool {
        guard !atEOF else { return false }
        let before = end
        do {
            if decoder.encoding == .utf8 {
                if chunk.count - end < blockSize { chunk += [UInt8](repeating: 0, count: blockSize) }
                let start = end
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + start }, blockSize) }
                if n > 0 { try chunk.withUnsafeBytes { try decoder.validateUTF8(UnsafeRawBufferPointer(rebasing: $0[start..<start + n])) } }
                end += max(0, n)
                if n <= 0 { try decoder.finish() }
            } else {
                chunk.removeSubrange(end...)
                var n = 0
                repeat {  // a block may hold only half a code unit
                    n = raw.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n > 0 { try raw.withUnsafeBytes { try decoder.transcode(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: &chunk) } }
                } while n > 0 && chunk.count == end
                end = chunk.count
                if n <= 0 { try decoder.finish() }
            }
        } catch {
            problem = (error as? TextProblem) ?? .notText
            end = before
            atEOF = true
            return false
        }
        if end == before {
            atEOF = true
            return false
        }
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

    /// Looks at the first line, without consuming it, and picks the delimiter
    /// among `,` `;` and tab that occurs most often outside quotes.
    func detectDelimiter() {
        _ = peek()
        // The whole header must be in the buffer, however long it is.
        while !chunk[pos..<end].contains(10) && !chunk[pos..<end].contains(13) && load() {}
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
            guard let first = peek() else {
                if let problem { throw .text(problem) }
                return false
            }
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
                    guard let b = peek() else {
                        if let problem { throw .text(problem) }
                        throw .unterminatedQuote(line: quoteLine, column: quoteColumn)
                    }
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
            guard let b = peek() else {
                if let problem { throw .text(problem) }
                return
            }
            if b == delimiter {
                advance(b)
                continue
            }
            consumeLineEnd(b)
            return
        }
    }

    /// Opens a CSV file and reads its header record: the start every reader
    /// shares. Nil, with the reason logged, when there is no header to read;
    /// throws `.text(.notUTF8)` so that the caller can start again as Windows-1252.
    static func openWithHeader(path: String, fallback: TextEncoding, log: inout DiagnosticLog) throws(Failure) -> CSVTokenizer? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let tokenizer: CSVTokenizer
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
        case .text(.notText):
            log.error(.csvNotText, "the file holds bytes that are not text (a NUL byte or a broken UTF-16 sequence); "
                      + "export it as CSV, and UTF-16 only with a byte-order mark", at: SourceLocation(file: file, line: 1, column: 1))
        case .text(.notUTF8), .unreadable:
            log.error(.fileUnreadable, "cannot read the file", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    func string(_ i: Int) -> String {
        let f = fields[i]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[f.start..<f.end]), as: UTF8.self) }
    }
}
