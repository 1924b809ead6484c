/// What every CSV reader (participants.csv, counts.csv) shares above the
/// tokenizer: opening a file at its header, and the wording of what stops
/// a file being read.
enum CSVFile {
    /// Opens a CSV file and reads its header record. Nil, with the reason
    /// logged, when there is no header to read; throws `.text(.notUTF8)` so
    /// that the caller can start again as Windows-1252.
    static func openWithHeader(path: String, fallback: TextEncoding, log: inout DiagnosticLog) throws(CSVTokenizer.Failure) -> CSVTokenizer? {
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
            report(error, file: path, log: &log)
            return nil
        }
        if !looksLikeHeader(tokenizer) {
            var titles = [tokenizer.recordLine]
            for _ in 0..<9 {
                // A title of one cell told nothing of the delimiter: the next line does.
                if tokenizer.cellCount <= 1 { tokenizer.detectDelimiter() }
                guard (try? tokenizer.nextRecord()) == true else { break }
                if looksLikeHeader(tokenizer) {
                    let rows = titles.count == 1 ? "row \(titles[0]) above the header (row \(tokenizer.recordLine)) is"
                        : "rows \(titles[0]) to \(titles[titles.count - 1]) above the header (row \(tokenizer.recordLine)) are"
                    log.note(.rowsAroundTable, "\(rows) left out: a title, not participants", at: start)
                    return tokenizer
                }
                titles.append(tokenizer.recordLine)
            }
            // No header below: opened again on the first record, which the reader then calls no header.
            do {
                tokenizer = try CSVTokenizer(path: path, fallback: fallback)
                tokenizer.detectDelimiter()
                _ = try tokenizer.nextRecord()
            } catch {
                if case .text(.notUTF8) = error { throw error }
                report(error, file: path, log: &log)
                return nil
            }
        }
        return tokenizer
    }

    /// Whether a record names at least two known columns (names only; no cell is quoted).
    static func looksLikeHeader(_ t: CSVTokenizer) -> Bool {
        (0..<t.cellCount).count { Column.named(t.string($0)) != nil } >= 2
    }


    /// Logs why the tokenizer stopped reading `file`.
    static func report(_ failure: CSVTokenizer.Failure, file: String, log: inout DiagnosticLog) {
        switch failure {
        case .unterminatedQuote(let line, let column):
            log.error(.csvUnterminatedQuote, "a quoted field is never closed", at: SourceLocation(file: file, line: line, column: column))
        case .tooLong(let line, let column, let isRecord):
            let what = isRecord ? "a row longer than \(CSVTokenizer.recordLimit)" : "a field longer than \(CSVTokenizer.fieldLimit)"
            log.error(.csvTooLong, "\(what) bytes starts here (no export has one); the rest of the file is not read",
                      at: SourceLocation(file: file, line: line, column: column))
        case .text(.notText):
            log.error(.csvNotText, "the file holds bytes that are not text (a NUL byte or a broken UTF-16 sequence); "
                      + "export it as CSV, and UTF-16 only with a byte-order mark", at: SourceLocation(file: file, line: 1, column: 1))
        case .text(.notUTF8), .unreadable:
            log.error(.fileUnreadable, "cannot read the file", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Says that `file` was read again as Windows-1252, not being UTF-8.
    static func noteWindows1252(file: String, log: inout DiagnosticLog) {
        log.note(.csvWindows1252, "the file is not UTF-8; read as Windows-1252", at: SourceLocation(file: file, line: 1, column: 1))
    }
}
