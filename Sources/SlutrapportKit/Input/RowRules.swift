/// The rules on a row's values (SPEC §3.2), each written once: the string
/// path (`RowChecks`, which says why a row breaks one) and the byte path
/// (`ParticipantReader.fastRow`, which only asks whether) both use these.
enum RowRule {
    /// A birth year lies from 1900 to the year the participant started.
    static let firstBirthYear = 1900

    @inline(__always)
    static func birthYears(startYear: Int) -> ClosedRange<Int> { firstBirthYear...max(firstBirthYear, startYear) }

    /// Activity codes in one cell are separated by `;` or `|`.
    @inline(__always)
    static func separatesActivities(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|") }

    /// A participant's date lies from ten years before the period's start to
    /// ten years after the as-of date (as day ordinals); one outside is most
    /// likely mistyped (`0202-02-01`), and gets a warning (issue 24).
    static func nearDates(periodStart: Day, asOf: Day) -> ClosedRange<Int> {
        // The same day ten years on (a 29th of February becomes the 28th).
        func shifted(_ d: Day, by years: Int) -> Int? {
            let year = d.year + years
            return Day(year: year, month: d.month, day: min(d.day, Day.daysIn(month: d.month, year: year)))?.ordinal
        }
        let from = shifted(periodStart, by: -10) ?? Int.min, to = shifted(asOf, by: 10) ?? Int.max
        return min(from, to)...max(from, to)
    }

    /// An end date (a day's ordinal) is on or after the start date.
    @inline(__always)
    static func endFits(_ end: Int, start: Int) -> Bool { end >= start }

    /// An end date and an exit reason come together or not at all (when the header has both columns).
    @inline(__always)
    static func endAndReasonPair(hasEnd: Bool, hasReason: Bool) -> Bool { hasEnd == hasReason }
}

/// The checks of a row of participants.csv or counts.csv on its text, each
/// rule and its message written once for both files: each logs, at the
/// cell, why the cell breaks its rule (never what it holds, see
/// `CellMessage`), and clears `ok` so that the row is not counted.
struct RowChecks {
    let file: String
    let columns: ColumnMap
    let codes: CodeLookup
    /// How many subprojects project.yaml lists; also the slot of a row without one.
    let subprojects: Int

    func location(_ t: some CellRecord, _ i: Int) -> SourceLocation {
        let (line, column) = t.position(i)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The trimmed text of the row's cell in column `c`, and its field; nil when the header lacks the column.
    func cell(_ c: Column, _ t: some CellRecord) -> (text: String, field: Int)? {
        guard let i = columns[c] else { return nil }
        return (String(t.string(i).trimmingSpaces), i)
    }

    /// Whether the record has as many fields as the header; logged, where it goes wrong, when not.
    func fieldCountMatches(_ t: some CellRecord, log: inout DiagnosticLog) -> Bool {
        guard let (line, column) = t.cellCountMismatch(expected: columns.fieldCount) else { return true }
        log.error(.csvFieldCount, "expected \(columns.fieldCount) fields as in the header, found \(t.cellCount)",
                  at: SourceLocation(file: file, line: line, column: column))
        return false
    }

    /// The cell of column `c` unless it is empty.
    func filled(_ c: Column, _ t: some CellRecord) -> (text: String, field: Int)? {
        guard let (text, i) = cell(c, t), !text.isEmpty else { return nil }
        return (text, i)
    }

    /// The cell of a column that may not be empty (`what` names its value);
    /// nil when the header lacks the column (said once, with the header), or,
    /// logged, when the cell is empty.
    func required(_ c: Column, _ what: String, _ t: some CellRecord, log: inout DiagnosticLog, ok: inout Bool) -> (text: String, field: Int)? {
        guard let (text, i) = cell(c, t) else { return nil }
        guard text.isEmpty else { return (text, i) }
        empty(what, t, i, log: &log, ok: &ok)
        return nil
    }

    private func empty(_ what: String, _ t: some CellRecord, _ i: Int, log: inout DiagnosticLog, ok: inout Bool) {
        log.error(.emptyValue, "the \(what) is empty", at: location(t, i))
        ok = false
    }

    /// The day a date cell names; nil when it is no date: counted in `hints`
    /// when it looks like a spreadsheet's date, else logged.
    func date(_ text: String, _ i: Int, _ c: Column, _ t: some CellRecord, log: inout DiagnosticLog, hints: inout DateHints, ok: inout Bool) -> Day? {
        if let day = Day(dateCell: text) { return day }
        ok = false
        if hints.note(text, column: columns.name(c), at: location(t, i)) { return nil }
        log.error(.invalidDate, CellMessage.date(column: columns.name(c)), at: location(t, i))
        return nil
    }

    /// The gender a cell names (`other` when it names none, logged).
    func gender(_ text: String, _ i: Int, _ t: some CellRecord, log: inout DiagnosticLog, ok: inout Bool) -> Gender {
        if let g = codes.gender(text, column: columns.name(.gender), at: location(t, i), log: &log) { return g }
        ok = false
        return .other
    }

    /// The slot of the row's subproject: the last (none) when the header
    /// lacks the column, or the cell is empty and project.yaml lists no
    /// subprojects. An empty cell when it lists some, or a name it does not
    /// list, is logged.
    func subproject(_ t: some CellRecord, log: inout DiagnosticLog, ok: inout Bool) -> Int {
        guard let (text, i) = cell(.subproject, t) else { return subprojects }
        if text.isEmpty {
            if subprojects > 0 { empty("subproject", t, i, log: &log, ok: &ok) }
            return subprojects
        }
        if let s = codes.subproject(text, column: columns.name(.subproject), at: location(t, i), log: &log) { return s }
        ok = false
        return subprojects
    }

    /// The exit reason a non-empty cell names; nil for an empty cell (the
    /// participant is still active) and, logged, for one that names none.
    func exitReason(_ text: String, _ i: Int, _ t: some CellRecord, log: inout DiagnosticLog, ok: inout Bool) -> Int? {
        guard !text.isEmpty else { return nil }
        if let r = codes.reason(text, column: columns.name(.exitReason), at: location(t, i), log: &log) { return r }
        ok = false
        return nil
    }
}
