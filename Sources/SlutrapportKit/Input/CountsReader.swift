/// Reads counts.csv (SPEC §3.3): tallies per subproject, gender and exit
/// reason (empty = still active), with the same codes and checks as
/// participants.csv.
struct CountsReader {
    static func read(project: Project, path: String, lang: Language) -> (Tally, DiagnosticLog) {
        var log = DiagnosticLog()
        var tally = Tally(source: .counts, subprojects: project.subprojects.count,
                          reasons: project.exitReasons.count, activities: project.activities.count)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let t: CSVTokenizer
        do { t = try CSVTokenizer(path: path) } catch {
            log.error(.fileUnreadable, "cannot read the file", at: start)
            return (tally, log)
        }
        t.skipByteOrderMark()
        t.detectDelimiter()
        let slots = Dictionary(project.subprojects.enumerated().map { ($1.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let reasons = ExitReasonIndex(project.exitReasons, aliases: ExitReason.defaults(lang: lang == .sv ? .en : .sv))
        do {
            guard try t.nextRecord() else {
                log.error(.csvEmpty, "the file is empty; it needs a header row", at: start)
                return (tally, log)
            }
            var required: [Column] = [.gender, .exitReason, .count]
            if !project.subprojects.isEmpty { required.insert(.subproject, at: 0) }
            guard let columns = ColumnMap.read(t, file: path, allowed: [.subproject, .gender, .exitReason, .count],
                                               required: required, log: &log)
            else { return (tally, log) }
            while try t.nextRecord() {
                func at(_ i: Int) -> SourceLocation {
                    SourceLocation(file: path, line: t.fields[i].line, column: t.fields[i].column)
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
                    if let s = slots[text.lowercased()] { slot = s } else {
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
                    if let r = reasons.index(of: text) { reason = r } else {
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
            if case .unterminatedQuote(let line, let column) = error {
                log.error(.csvUnterminatedQuote, "a quoted field is never closed", at: SourceLocation(file: path, line: line, column: column))
            }
        }
        return (tally, log)
    }
}
