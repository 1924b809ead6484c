/// A reader of a participant file's rows that may come from a workbook
/// (participants.xlsx, counts.xlsx; SPEC §3.5): the same header and row
/// checks as its CSV, fed the sheet's rows.
protocol WorkbookRowReader {
    var log: DiagnosticLog { get set }
    /// Sizes what grows with the rows, before the first is read.
    mutating func sheetOpened(estimatedRows: Int)
    /// Reads the header and keeps the checks of the rows under it; false
    /// when it is no header (logged). The reader keeps them, not the loop:
    /// a copy of them a row (their tables and strings retained and released)
    /// took a tenth of a 1M-row sheet's time.
    mutating func sheetHeader(_ header: HeaderWideRow) -> Bool
    mutating func sheetRow(_ row: HeaderWideRow)
}

extension WorkbookRowReader {
    /// Reads the workbook at `path`: the header on the sheet's first
    /// non-empty row, every later non-empty row a record. Positions are the
    /// sheet's row (LINE) and column number (COL), and every diagnostic of
    /// the header and rows names its cell (or row) and sheet.
    /// `afterRows` logs what the reader says of the rows as a whole, named with the cells.
    mutating func readWorkbook(path: String, sheet: WorksheetChoice?, afterRows: (inout Self) -> Void = { _ in }) {
        let workbook: Workbook
        do { workbook = try Workbook.open(path: path, sheet: sheet?.name) } catch {
            log.report(error, file: path, sheet: sheet)
            return
        }
        sheetOpened(estimatedRows: workbook.estimatedRows)
        let first = log.all.count
        var headerRead = false
        var width = 0
        /// Rows looked at for a header further down, once the first is none.
        var lookedAhead = 0
        var stopped: WorkbookError?
        /// Rows above the header (a title, a date) and total rows under the participants (SPEC §3.2, issue 25).
        var titles: [Int] = []
        var totals: [Int] = []
        do {
            try workbook.forEachRow { r in
                if headerRead {
                    if Self.isTotal(r) {
                        totals.append(r.line)
                        return true
                    }
                    sheetRow(HeaderWideRow(row: r, count: width))
                    return true
                }
                if width == 0 {
                    // A title above the header: left out when a later row, among the next few, is the header.
                    if titles.count < Self.headerSearchRows, !Self.looksLikeHeader(r) {
                        titles.append(r.line)
                        return true
                    }
                    width = r.count
                    headerRead = sheetHeader(HeaderWideRow(row: r, count: width))
                    if headerRead, let first = titles.first, let last = titles.last {
                        let rows = titles.count == 1 ? "row \(first) above the header (row \(r.line)) is" : "rows \(first) to \(last) above the header (row \(r.line)) are"
                        log.note(.rowsAroundTable, "\(rows) left out: a title, not participants", at: SourceLocation(file: path, line: first, column: 1))
                    } else if !titles.isEmpty {
                        // No header among them: the error is the first row's, as for a file without one.
                        let first = titles[0]
                        log.rewrite(from: 0) { d in
                            if d.code == .csvNoHeader && d.location.file == path { d.location = SourceLocation(file: path, line: first, column: 1) }
                        }
                    }
                    return true
                }
                // The first row was no header (logged): a title above the list? Say where the header seems to be.
                lookedAhead += 1
                guard Self.looksLikeHeader(r) else { return lookedAhead < Self.headerSearchRows }
                log.rewrite(from: first) { d in
                    if d.code == .csvNoHeader { d.message += "; row \(r.line) looks like the header: delete the rows above it" }
                }
                return false
            }
        } catch {
            stopped = error
        }
        if width == 0, let first = titles.first, stopped == nil {
            log.error(.csvNoHeader, "the sheet has no header row: none of its first rows names at least two of the columns "
                      + "(id, gender, start_date …); add a header row", at: SourceLocation(file: path, line: first, column: 1))
            width = -1
        }
        for line in totals {
            log.note(.rowsAroundTable, "row \(line) is left out: a total, not a participant", at: SourceLocation(file: path, line: line, column: 1))
        }
        afterRows(&self)
        log.nameCells(of: path, sheet: workbook.sheetName, from: first)
        // After the naming: the error has its own place (a part's line and column, or its cell).
        if let stopped { log.report(stopped, file: path, sheet: sheet, sheetName: workbook.sheetName) }
        if width == 0, stopped == nil {
            log.error(.csvEmpty, "the sheet '\(workbook.sheetName)' is empty; it needs a header row",
                      at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}

/// How a sheet whose first row is no header is searched for one, to say where it seems to be.
private extension WorkbookRowReader {
    static var headerSearchRows: Int { 10 }

    /// Whether a row is a total under the list: a cell reading Totalt,
    /// Summa, Total or Sum (SPEC §3.2). Only cells of 3 to 7 bytes are
    /// read as text, so a row of participants costs a length test a cell.
    static func isTotal(_ r: SheetRow) -> Bool {
        for i in 0..<r.count {
            let b = r.bytes(i)
            guard (3...7).contains(b.count), let first = b.first, first | 0x20 == 0x74 || first | 0x20 == 0x73 else { continue }
            switch String(decoding: b, as: UTF8.self).lowercased().filter { $0 != " " && $0 != ":" } {
            case "totalt", "summa", "total", "sum": return true
            default: continue
            }
        }
        return false
    }

    /// Whether a row names at least two known columns (only names are compared; no cell is quoted).
    static func looksLikeHeader(_ r: SheetRow) -> Bool {
        (0..<r.count).count { Column.named(r.string($0)) != nil } >= 2
    }
}

extension ParticipantReader: WorkbookRowReader {
    /// Reads participants.xlsx (see `readWorkbook`).
    package static func readWorkbook(project: Project, asOf: Day, path: String, lang: Language,
                                     keeping: Int = DiagnosticLog.kept) -> (Tally, DiagnosticLog) {
        var reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, keeping: keeping)
        reader.dateHints.fix = DateHints.workbookFix
        reader.readWorkbook(path: path, sheet: project.sheet) { $0.dateHints.report(into: &$0.log) }
        reader.warnLateStarters(reader.counter.lateStarters)
        return (reader.tally, reader.log)
    }

    mutating func sheetOpened(estimatedRows: Int) { ids = ParticipantIDs(expected: estimatedRows) }

    mutating func sheetHeader(_ header: HeaderWideRow) -> Bool {
        guard let columns = readHeader(header) else { return false }
        sheetColumns = (FastColumns(columns), RowChecks(file: file, columns: columns, codes: codes, subprojects: project.subprojects.count))
        return true
    }

    mutating func sheetRow(_ r: HeaderWideRow) {
        guard let fast = sheetColumns?.fast, !fastRow(r, fast), let checks = sheetColumns?.checks else { return }
        row(r, checks)
    }
}

extension CountsReader: WorkbookRowReader {
    /// Reads counts.xlsx (see `readWorkbook`).
    static func readWorkbook(project: Project, path: String, lang: Language, keeping: Int = DiagnosticLog.kept) -> (Tally, DiagnosticLog) {
        var reader = CountsReader(project: project, file: path, lang: lang, keeping: keeping)
        reader.readWorkbook(path: path, sheet: project.sheet)
        return (reader.tally, reader.log)
    }

    mutating func sheetOpened(estimatedRows: Int) {}

    mutating func sheetHeader(_ header: HeaderWideRow) -> Bool {
        sheetChecks = readHeader(header)
        return sheetChecks != nil
    }

    mutating func sheetRow(_ r: HeaderWideRow) {
        if let sheetChecks { row(r, sheetChecks) }
    }
}

/// A worksheet row as wide as its header, as a CSV record is: a row ends
/// at its last filled cell, so the cells after it are empty here, and the
/// cells right of the header's last column (a note beside the list) are not
/// read: the header says which columns count.
struct HeaderWideRow: RowBytes, CellRecord {
    let row: SheetRow
    let count: Int
    var line: Int { row.line }
    var padded: Bool { row.padded }

    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        // An empty field at a padded start (the row's first cell's), as `padded` promises.
        i < row.count ? row.bytes(i) : UnsafeBufferPointer(start: row.bytes(0).baseAddress, count: 0)
    }

    func string(_ i: Int) -> String { i < row.count ? row.string(i) : "" }

    var recordLine: Int { row.line }
    var cellCount: Int { count }

    func position(_ i: Int) -> (line: Int, column: Int) { (line, i + 1) }

    func positions() -> [(line: Int, column: Int)] { (0..<count).map { (line, $0 + 1) } }

    func cellCountMismatch(expected: Int) -> (line: Int, column: Int)? { nil }

    static var headerMayHaveGaps: Bool { true }
}

extension DiagnosticLog {
    /// Logs why a workbook could not be read: at the cell when the error has
    /// one, at project.yaml's `sheet:` when it names a sheet the workbook
    /// lacks, else at the file.
    mutating func report(_ error: WorkbookError, file: String, sheet: WorksheetChoice?, sheetName: String? = nil) {
        if case .noSuchSheet = error, let sheet {
            self.error(error.code, error.message, at: sheet.location)
        } else if case .cell(let row, let column, let reason) = error, let sheetName {
            self.error(error.code, "\(reason) (cell \(CellReference.name(row: row, column: column)) on sheet \(sheetName))",
                       at: SourceLocation(file: file, line: row, column: column))
        } else {
            self.error(error.code, error.message, at: SourceLocation(file: file, line: error.line, column: error.column))
        }
    }

    /// Adds to each diagnostic about `file` from index `first` on the cell
    /// it is at, or for one about a whole row its row, and the sheet:
    /// `(cell C17 on sheet Blad1)`.
    mutating func nameCells(of file: String, sheet: String, from first: Int) {
        rewrite(from: first) { d in
            guard d.location.file == file else { return }
            let place = Self.aboutWholeRow.contains(d.code) ? "row \(d.location.line)"
                : "cell \(CellReference.name(row: d.location.line, column: d.location.column))"
            d.message += " (\(place) on sheet \(sheet))"
        }
    }

    /// The header's diagnostics that are about the row, not a cell of it.
    private static let aboutWholeRow: Set<DiagnosticCode> = [.csvNoHeader, .csvMissingColumn, .csvRowsNotCounted]
}

extension WorkbookError {
    package var code: DiagnosticCode {
        switch self {
        case .notZip, .notAWorkbook: .xlsxNotAWorkbook
        case .binaryExcel: .xlsxBinaryExcel
        case .passwordProtected: .xlsxPasswordProtected
        case .damaged: .xlsxDamaged
        case .tooLarge: .xlsxTooLarge
        case .malformedXML: .xlsxMalformedXML
        case .noSuchSheet: .xlsxNoSuchSheet
        case .cell: .xlsxCell
        }
    }
}
