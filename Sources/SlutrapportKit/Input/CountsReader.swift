/// Reads counts.csv (SPEC §3.3): tallies per subproject, gender and exit
/// reason (empty = still active), with the same codes and checks as
/// participants.csv.
struct CountsReader {
    /// The largest count a row may hold, and the largest sum of all rows: far
    /// past any project (Sweden has ten million people), and low enough that
    /// no figure computed from the counts can overflow.
    static let countLimit = 100_000_000

    static func read(project: Project, path: String, lang: Language) -> (Tally, DiagnosticLog) {
        if let result = read(project: project, path: path, lang: lang, encoding: .utf8) { return result }
        var (tally, log) = read(project: project, path: path, lang: lang, encoding: .windows1252)
            ?? (Tally(source: .counts, subprojects: 0, reasons: 0, activities: 0), DiagnosticLog())
        CSVFile.noteWindows1252(file: path, log: &log)
        return (tally, log)
    }

    /// Nil when the file turned out not to be UTF-8.
    private static func read(project: Project, path: String, lang: Language, encoding: TextEncoding) -> (Tally, DiagnosticLog)? {
        var log = DiagnosticLog()
        var tally = Tally(source: .counts, subprojects: project.subprojects.count,
                          reasons: project.exitReasons.count, activities: project.activities.count, ageLimits: project.ageBands)
        let opened: CSVTokenizer?
        do { opened = try CSVFile.openWithHeader(path: path, fallback: encoding, log: &log) } catch { return nil }
        guard var t = opened else { return (tally, log) }
        let codes = CodeLookup(project: project, lang: lang)
        var total = 0
        do {
            var required: [Column] = [.gender, .exitReason, .count]
            if !project.subprojects.isEmpty { required.insert(.subproject, at: 0) }
            guard let columns = ColumnMap.read(t, file: path, allowed: [.subproject, .gender, .exitReason, .count],
                                               required: required, log: &log)
            else { return (tally, log) }
            columns.noteIfIncomplete(file: path, line: t.recordLine, log: &log)
            let checks = RowChecks(file: path, columns: columns, codes: codes, subprojects: project.subprojects.count)
            while try t.nextRecord() {
                guard checks.fieldCountMatches(t, log: &log) else { continue }
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
        } catch {
            if case .text(.notUTF8) = error { return nil }
            CSVFile.report(error, file: path, log: &log)
        }
        return (tally, log)
    }
}
