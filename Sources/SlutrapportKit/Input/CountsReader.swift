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
            while try t.nextRecord() {
                func at(_ i: Int) -> SourceLocation {
                    SourceLocation(file: path, line: t.fields[i].line, column: t.column(i))
                }
                guard t.fields.count == columns.fieldCount else {
                    log.error(.csvFieldCount, "expected \(columns.fieldCount) fields as in the header, found \(t.fields.count)",
                              at: SourceLocation(file: path, line: t.recordLine, column: 1))
                    continue
                }
                func value(_ c: Column) -> (String, Int)? {
                    guard let i = columns[c] else { return nil }
                    return (String(t.string(i).trimmingSpaces), i)
                }
                var ok = columns.isComplete
                var slot = project.subprojects.count
                if let (text, i) = value(.subproject), !text.isEmpty || !project.subprojects.isEmpty {
                    if text.isEmpty {
                        log.error(.emptyValue, "the subproject is empty", at: at(i))
                        ok = false
                    } else if let s = codes.subproject(text, column: columns.name(.subproject), at: at(i), log: &log) { slot = s } else { ok = false }
                }
                var gender = Gender.other
                if let (text, i) = value(.gender) {
                    if let g = codes.gender(text, column: columns.name(.gender), at: at(i), log: &log) { gender = g } else { ok = false }
                }
                var reason: Int?
                if let (text, i) = value(.exitReason), !text.isEmpty {
                    if let r = codes.reason(text, column: columns.name(.exitReason), at: at(i), log: &log) { reason = r } else { ok = false }
                }
                var count = 0
                if let (text, i) = value(.count) {
                    if let n = Int(text), (0...Self.countLimit).contains(n) { count = n } else {
                        log.error(.invalidCount, CellMessage.count(column: columns.name(.count)), at: at(i))
                        ok = false
                    }
                    // The sum is checked as it grows: once past the limit, one error and no more rows counted.
                    if ok, total <= Self.countLimit {
                        total += count
                        if total > Self.countLimit {
                            log.error(.invalidCount, "the counts add up to more than \(Self.countLimit) here; no project has that many participants", at: at(i))
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
