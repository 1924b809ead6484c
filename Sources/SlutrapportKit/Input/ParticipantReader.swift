/// Reads participants.csv row by row, checks every rule of SPEC §3.2 and
/// folds each valid row into a `Tally` at once; no row is kept. Here: the
/// exact read and the as-of rule; a large file's parts are in
/// `+Parts`, the rows (byte path and text path) in `+Rows`.
///
/// Ids and birth years are personal data: diagnostics name the line and
/// column, never the value.
package struct ParticipantReader {
    let project: Project
    let asOf: Day
    let file: String
    var log: DiagnosticLog
    /// Serial numbers and slashed dates, said once per column when the rows are read.
    var dateHints = DateHints()
    let counter: Tally.Counter
    var tally: Tally { counter.tally }

    let codes: CodeLookup
    /// Exact mode (no `hashes`) finds duplicate ids as they come, comparing
    /// the ids themselves; otherwise ids are only hashed, and checked after reading.
    var ids = ParticipantIDs()
    let hashes: IDHashes?
    let months = Day.MonthTable.shared
    let asOfOrdinal: Int
    /// Dates outside lie more than ten years from the period (`RowRule.nearDates`): a warning, and the slow path.
    let nearDates: ClosedRange<Int>
    /// The as-of date's `Day.monthNumber`: the timeline counts months back from it.
    let asOfMonth: Int
    /// Activity fields seen before, and the activities they named.
    let activitySets = FieldMemo()
    /// The declared breakdowns' cells of the row being read.
    let breakdownCells: BreakdownCells
    /// Whether rows carry anything for `BreakdownTally` (breakdowns, their goals, the ESF+ ages).
    let countsBreakdowns: Bool
    /// The checks of a workbook's rows, from its header (`WorkbookRowReader`).
    var sheetColumns: (fast: FastColumns, checks: RowChecks)?

    init(project: Project, asOf: Day, file: String, lang: Language, hashes: IDHashes? = nil, keeping: Int = DiagnosticLog.kept) {
        log = DiagnosticLog(keeping: keeping)
        self.project = project
        self.asOf = asOf
        asOfOrdinal = asOf.ordinal
        nearDates = RowRule.nearDates(periodStart: project.period.start, asOf: asOf)
        asOfMonth = asOf.monthNumber
        self.file = file
        self.hashes = hashes
        var shape = Tally(source: .participants, subprojects: project.subprojects.count,
                          reasons: project.exitReasons.count, activities: project.activities.count, ageLimits: project.ageBands)
        shape.breakdowns = BreakdownTally(project: project)
        counter = Tally.Counter(shape)
        breakdownCells = BreakdownCells(project)
        countsBreakdowns = !project.breakdowns.isEmpty || project.esfPlus
        codes = CodeLookup(project: project, lang: lang)
    }

    /// Reads `path`. A UTF-8 file of at least `minimumPartBytes` is read in
    /// up to `parts` parts of at least that size, on as many threads; ids
    /// are hashed and checked for duplicates after reading. When anything
    /// there needs a closer look (a duplicate, a file that is not UTF-8, a
    /// quoted line break or a broken quote across parts), the file is read
    /// again from the start in exact mode, one row after the other, so that
    /// the figures and every diagnostic are the same however it was read.
    package static func read(project: Project, asOf: Day, path: String, lang: Language,
                     parts: Int = 1, minimumPartBytes: Int = 8 << 20, keeping: Int = DiagnosticLog.kept) -> (Tally, DiagnosticLog) {
        if let result = readInParts(project: project, asOf: asOf, path: path, lang: lang, parts: parts, minimumPartBytes: minimumPartBytes,
                                    keeping: keeping) {
            return result
        }
        var reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, keeping: keeping)
        if !reader.run(path: path, encoding: .utf8) {
            reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, keeping: keeping)
            CSVFile.noteWindows1252(file: path, log: &reader.log)
            _ = reader.run(path: path, encoding: .windows1252)
        }
        return (reader.tally, reader.log)
    }

    /// False when the file turned out not to be UTF-8: the caller starts again.
    private mutating func run(path: String, encoding: TextEncoding) -> Bool {
        let opened: CSVTokenizer?
        do { opened = try CSVFile.openWithHeader(path: path, fallback: encoding, log: &log) } catch { return false }
        guard var tokenizer = opened, let columns = readHeader(tokenizer) else { return true }
        ids = ParticipantIDs(expected: tokenizer.estimatedRecords)
        if readRows(&tokenizer, columns) == .notUTF8 { return false }
        dateHints.report(into: &log)
        warnLateStarters(counter.lateStarters)
        return true
    }

    /// The columns of the header record, with its problems logged; nil when
    /// the first record is no header. Rows are counted only by a complete one.
    mutating func readHeader(_ tokenizer: some CellRecord) -> ColumnMap? {
        var required: [Column] = [.id, .gender, .startDate]
        if !project.subprojects.isEmpty { required.append(.subproject) }
        guard var columns = ColumnMap.read(tokenizer, file: file,
                                           allowed: [.id, .subproject, .gender, .birthYear, .startDate, .endDate, .exitReason, .activities],
                                           required: required, breakdowns: project.breakdowns, log: &log) else { return nil }
        breakdownCells.use(columns, file: file, line: tokenizer.recordLine, log: &log)
        if (columns[.endDate] == nil) != (columns[.exitReason] == nil) {
            let (has, lacks) = columns[.endDate] != nil ? ("end_date", "exit_reason") : ("exit_reason", "end_date")
            log.error(.csvMissingColumn, "the header has '\(has)' but lacks '\(lacks)'",
                      at: SourceLocation(file: file, line: tokenizer.recordLine, column: 1))
            columns.isComplete = false
        }
        columns.noteIfIncomplete(file: file, line: tokenizer.recordLine, log: &log)
        return columns
    }

    enum RowsEnd {
        case complete
        /// The tokenizer stopped on a failure, which is logged.
        case failed
        /// The file is not UTF-8 after all: nothing is logged.
        case notUTF8
    }

    /// Reads every row after the header.
    mutating func readRows(_ tokenizer: inout CSVTokenizer, _ columns: ColumnMap) -> RowsEnd {
        let fast = FastColumns(columns)
        breakdownCells.use(columns)
        let checks = RowChecks(file: file, columns: columns, codes: codes, subprojects: project.subprojects.count)
        do {
            while true {
                // Most rows are fine: the byte-level path takes them, most
                // straight from the read buffer; any row it does not accept
                // is checked field by field for its diagnostics.
                tokenizer.plainRecords(fields: fast.count) { fastRow($0, fast) }
                guard try tokenizer.nextRecord() else { break }
                if !tokenizer.withRecord({ fastRow($0, fast) }) { row(tokenizer, checks) }
            }
        } catch {
            if case .text(.notUTF8) = error { return .notUTF8 }
            CSVFile.report(error, file: file, log: &log)
            return .failed
        }
        return .complete
    }

    mutating func warnLateStarters(_ n: Int) {
        guard n > 0 else { return }
        log.warning(.startsAfterAsOf, n == 1 ? "1 participant starts after the as-of date \(asOf) and is left out"
                        : "\(n) participants start after the as-of date \(asOf) and are left out",
                    at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// Notes a participant id. In exact mode, returns the line it was first
    /// seen on when it was seen before; otherwise only hashes it.
    @inline(__always)
    mutating func see(id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        guard let hashes else { return ids.insert(id, line: line) }
        hashes.add(id)
        return nil
    }

    /// A warning at a date cell far from the period (`nearDates`); the row still counts.
    mutating func checkNear(_ day: Day?, _ c: Column, _ i: Int, _ t: some CellRecord, _ checks: RowChecks) {
        guard let day, !nearDates.contains(day.ordinal) else { return }
        let column = checks.columns.name(c)
        let message = day.ordinal < nearDates.lowerBound
            ? "the \(column) lies more than ten years before the period's start (\(project.period.start)); is it mistyped?"
            : "the \(column) lies more than ten years after the as-of date (\(asOf)); is it mistyped?"
        log.warning(.dateFarFromPeriod, message, at: checks.location(t, i))
    }

    /// Folds one valid participant into the tally, or counts it as starting
    /// after the as-of date (SPEC §3.2); dates as ordinals.
    @inline(__always)
    mutating func count(slot: Int, gender: Gender, start: (ordinal: Int, year: Int, month: Int), end: (ordinal: Int, month: Int)?, reason: Int?,
                                birthYear: Int?, activities: some Sequence<Int>) {
        guard start.ordinal <= asOfOrdinal else {
            counter.lateStarters += 1
            return
        }
        let ended = end.map { $0.ordinal <= asOfOrdinal } ?? false
        counter.add(slot: slot, gender: gender, reason: ended ? reason : nil)
        for a in activities { counter.addActivity(a, slot: slot, gender: gender) }
        // Age at the start, from the birth year alone (the only date kept).
        counter.addAge(birthYear.map { start.year - $0 }, gender: gender)
        counter.addMonth(back: asOfMonth - start.month, ended: false, gender: gender)
        if countsBreakdowns {
            counter.breakdowns.add(breakdownCells.values, slot: slot, ended: ended, gender: gender, age: birthYear.map { start.year - $0 })
        }
        if ended, let end {
            counter.addDuration(days: end.ordinal - start.ordinal, gender: gender)
            counter.addMonth(back: asOfMonth - end.month, ended: true, gender: gender)
        }
    }
}
