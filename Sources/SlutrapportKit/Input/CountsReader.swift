/// Reads counts.csv (SPEC §3.3): tallies per subproject, gender and exit
/// reason (empty = still active), with the same codes and checks as
/// participants.csv.
struct CountsReader {
    static func read(project: Project, path: String, lang: Language) -> (Tally, DiagnosticLog) {
        if let result = read(project: project, path: path, lang: lang, encoding: .utf8) { return result }
        var (tally, log) = read(project: project, path: path, lang: lang, encoding: .windows1252)
            ?? (Tally(source: .counts, subprojects: 0, reasons: 0, activities: 0), DiagnosticLog())
        log.note(.csvWindows1252, "the file is not UTF-8; read as Windows-1252", at: SourceLocation(file: path, line: 1, column: 1))
        return (tally, log)
    }

    /// Nil when the file turned out not to be UTF-8.
    private static func read(project: Project, path: String, lang: Language, encoding: TextEncoding) -> (Tally, DiagnosticLog)? {
        var log = DiagnosticLog()
        var tally = Tally(source: .counts, subprojects: project.subprojects.count,
                          reasons: project.exitReasons.count, activities: project.activities.count, ageLimits: project.ageBands)
        let opened: CSVTokenizer?
        do { opened = try CSVTokenizer.openWithHeader(path: path, fallback: encoding, log: &log) } catch { return nil }
        guard var t = opened else { return (tally, log) }
        let codes = CodeLookup(project: project, lang: lang)
        do {
            var required: [Column] = [.gender, .exitReason, .count]
            if !project.subprojects.isEmpty { required.insert(.subproject, at: 0) }
            guard let columns = ColumnMap.read(t, file: path, allowed: [.subproject, .gender, .exitReason, .count],
                                               required: required, log: &log)
            else { return (tally, log) }
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
                var ok = true
                var slot = project.subprojects.count
                if let (text, i) = value(.subproject), !text.isEmpty || !project.subprojects.isEmpty {
                    if let s = codes.subproject(text) { slot = s } else {
                        log.error(text.isEmpty ? .emptyValue : .unknownSubproject,
                                  text.isEmpty ? "the subproject is empty" : "unknown subproject '\(text)'", at: at(i))
                        ok = false
                    }
                }
                var gender = Gender.other
                if let (text, i) = value(.gender) {
                    if let g = Gender(label: text) { gender = g } else {
                        log.error(.unknownGender, "unknown gender '\(text)'; use kvinna, man or annat", at: at(i))
                        ok = false
                    }
                }
                var reason: Int?
                if let (text, i) = value(.exitReason), !text.isEmpty {
                    if let r = codes.reason(text) { reason = r } else {
                        log.error(.unknownExitReason, "unknown exit reason '\(text)'", at: at(i))
                        ok = false
                    }
                }
                var count = 0
                if let (text, i) = value(.count) {
                    if let n = Int(text), n >= 0 { count = n } else {
                        log.error(.invalidCount, "count '\(text)' is not a whole number of 0 or more", at: at(i))
                        ok = false
                    }
                }
                if ok { tally.add(slot: slot, gender: gender, reason: reason, count: count) }
            }
        } catch {
            if case .text(.notUTF8) = error { return nil }
            t.report(error, file: path, log: &log)
        }
        return (tally, log)
    }
}
