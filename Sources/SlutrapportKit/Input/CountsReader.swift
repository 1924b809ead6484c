/// Reads counts.csv (SPEC §3.3), or counts.xlsx (§3.5): tallies per
/// subproject, gender and exit reason (empty = still active), with the same
/// codes and checks as participants.csv.
struct CountsReader {
    /// The largest count a row may hold, and the largest sum of all rows: far
    /// past any project (Sweden has ten million people), and low enough that
    /// no figure computed from the counts can overflow.
    static let countLimit = 100_000_000

    let project: Project
    let file: String
    let codes: CodeLookup
    var log: DiagnosticLog
    var tally: Tally
    /// The sum of the rows counted so far.
    private var total = 0
    /// The checks of a workbook's rows, from its header (`WorkbookRowReader`).
    var sheetChecks: RowChecks?

    init(project: Project, file: String, lang: Language, keeping: Int = DiagnosticLog.kept) {
        log = DiagnosticLog(keeping: keeping)
        self.project = project
        self.file = file
        codes = CodeLookup(project: project, lang: lang)
        tally = Tally(source: .counts, subprojects: project.subprojects.count,
                      reasons: project.exitReasons.count, activities: project.activities.count, ageLimits: project.ageBands)
    }

    static func read(project: Project, path: String, lang: Language, keeping: Int = DiagnosticLog.kept) -> (Tally, DiagnosticLog) {
        if let result = read(project: project, path: path, lang: lang, encoding: .utf8, keeping: keeping) { return result }
        var (tally, log) = read(project: project, path: path, lang: lang, encoding: .windows1252, keeping: keeping)
            ?? (Tally(source: .counts, subprojects: 0, reasons: 0, activities: 0), DiagnosticLog(keeping: keeping))
        CSVFile.noteWindows1252(file: path, log: &log)
        return (tally, log)
    }

    /// Nil when the file turned out not to be UTF-8.
    private static func read(project: Project, path: String, lang: Language, encoding: TextEncoding, keeping: Int) -> (Tally, DiagnosticLog)? {
        var reader = CountsReader(project: project, file: path, lang: lang, keeping: keeping)
        let opened: CSVTokenizer?
        do { opened = try CSVFile.openWithHeader(path: path, fallback: encoding, log: &reader.log) } catch { return nil }
        guard var t = opened, let checks = reader.readHeader(t) else { return (reader.tally, reader.log) }
        do {
            while try t.nextRecord() { reader.row(t, checks) }
        } catch {
            if case .text(.notUTF8) = error { return nil }
            CSVFile.report(error, file: path, log: &reader.log)
        }
        return (reader.tally, reader.log)
    }

    /// The checks of the rows under the header `t`; nil when `t` is no header.
    mutating func readHeader(_ t: some CellRecord) -> RowChecks? {
        var required: [Column] = [.gender, .exitReason, .count]
        if !project.subprojects.isEmpty { required.insert(.subproject, at: 0) }
        guard let columns = ColumnMap.read(t, file: file, allowed: [.subproject, .gender, .exitReason, .count],
                                           required: required, log: &log)
        else { return nil }
        columns.noteIfIncomplete(file: file, line: t.recordLine, log: &log)
        return RowChecks(file: file, columns: columns, codes: codes, subprojects: project.subprojects.count)
    }

    /// A row checked cell by cell, every problem logged; counted when it has none.
    mutating func row(_ t: some CellRecord, _ checks: RowChecks) {
        if TotalRow.matches(t) { return TotalRow.note(t, file: file, log: &log) }
        guard checks.fieldCountMatches(t, log: &log) else { return }
        let columns = checks.columns
        var ok = columns.isComplete
        let slot = checks.subproject(t, log: &log, ok: &ok)
        var gender = Gender.other
        if let (text, i) = checks.cell(.gender, t) { gender = checks.gender(text, i, t, log: &log, ok: &ok) }
        var reason: Int?
        if let (text, i) = checks.cell(.exitReason, t) { reason = checks.exitReason(text, i, t, log: &log, ok: &ok) }
        var count = 0
        if let (text, i) = checks.cell(.count, t) {
            if let n = Int(text), (0...Self.countLimit).contains(n) { count = n } else {
                log.error(.invalidCount, CellMessage.count(column: columns.name(.count)), at: checks.location(t, i))
                ok = false
            }
            // The sum is checked as it grows: once past the limit, one error and no more rows counted.
            if ok, total <= Self.countLimit {
                total += count
                if total > Self.countLimit {
                    log.error(.invalidCount, "the counts add up to more than \(Self.countLimit) here; no project has that many participants", at: checks.location(t, i))
                }
            }
        }
        if ok && total <= Self.countLimit { tally.add(slot: slot, gender: gender, reason: reason, count: count) }
    }
}
