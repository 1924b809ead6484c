/// The columns of participants.csv and counts.csv with the names users'
/// exports carry (SPEC §3.2, §3.3).
enum Column: String, CaseIterable {
    case id, subproject, gender
    case birthYear = "birth_year"
    case startDate = "start_date"
    case endDate = "end_date"
    case exitReason = "exit_reason"
    case activities
    case count

    /// A header cell as names are compared: without a byte order mark, as
    /// `CodeKey` compares codes, `_` for the gaps, and å, ä, ö as a, a, o
    /// (SPEC §3.2: `Utländsk bakgrund` is `utlandsk_bakgrund`).
    static func key(_ header: String) -> String {
        var name = header
        if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
        var out = ""
        for c in CodeKey.of(name) {
            switch c {
            case " ": out.append("_")
            case "å", "ä", "á", "à": out.append("a")
            case "ö", "ø", "ó": out.append("o")
            case "é", "è": out.append("e")
            case "ü": out.append("u")
            default: out.append(c)
            }
        }
        return out
    }

    static func named(_ header: String) -> Column? {
        switch key(header) {
        case "id", "deltagar_id", "deltagare", "deltagarid": return .id
        case "subproject", "delprojekt": return .subproject
        case "gender", "kon": return .gender
        case "birth_year", "fodelsear", "fodelse_ar": return .birthYear
        case "start_date", "startdatum": return .startDate
        case "end_date", "slutdatum": return .endDate
        case "exit_reason", "avslutsorsak": return .exitReason
        case "activities", "aktiviteter": return .activities
        case "count", "antal": return .count
        default: return nil
        }
    }
}

/// Where each known column sits in a file's header.
struct ColumnMap {
    private var positions: [Column: Int] = [:]
    /// Each column as the header names it, for diagnostics.
    private var names: [Column: String] = [:]
    /// Where each declared breakdown's column sits (SPEC §3.6), nil when the header lacks it.
    private(set) var breakdownPositions: [Int?] = []
    private var breakdownNames: [String?] = []
    private(set) var fieldCount = 0
    /// Whether the header names every column the rows need. Rows are checked
    /// either way, but counted only then.
    var isComplete = true

    subscript(_ c: Column) -> Int? { positions[c] }

    /// The column as the header names it (cut to a length fit for a
    /// message), or its canonical name when the header lacks it.
    func name(_ c: Column) -> String { names[c] ?? c.rawValue }

    /// Breakdown b's column as the header names it.
    func breakdownName(_ b: Int) -> String { breakdownNames[b] ?? "" }

    /// Reads the header record, reporting unknown (warning), duplicate and
    /// missing (error) columns. Nil, with one error, when the first record is
    /// no header: it names fewer than two of the file's columns (or, alone,
    /// none), and is then a participant's row, which no message may quote.
    static func read(_ header: some CellRecord, file: String, allowed: [Column], required: [Column],
                     breakdowns: [DeclaredBreakdown] = [], log: inout DiagnosticLog) -> ColumnMap? {
        let names = (0..<header.cellCount).map { header.string($0) }
        func breakdown(_ name: String) -> Int? {
            let key = Column.key(name)
            return breakdowns.firstIndex { $0.columns.contains { Column.key($0) == key } }
        }
        let named = Set(names.compactMap { Column.named($0) }.filter(allowed.contains).map(\.rawValue)
                        + names.compactMap { breakdown($0) }.map { "breakdown \($0)" })
        let filled = type(of: header).headerMayHaveGaps ? names.count { !$0.trimmingSpaces.isEmpty } : names.count
        let at = SourceLocation(file: file, line: header.recordLine, column: 1)
        guard named.count >= min(2, filled) else {
            log.error(.csvNoHeader, "the first row is not a header: it names fewer than two of the file's columns; "
                      + "add a header row naming at least \(required.map(\.rawValue).joined(separator: ", "))", at: at)
            return nil
        }
        var map = ColumnMap()
        map.fieldCount = names.count
        map.breakdownPositions = Array(repeating: nil, count: breakdowns.count)
        map.breakdownNames = Array(repeating: nil, count: breakdowns.count)
        let positions = header.positions()
        for (i, name) in names.enumerated() {
            let at = SourceLocation(file: file, line: positions[i].line, column: positions[i].column)
            if let b = breakdown(name) {
                if map.breakdownPositions[b] != nil {
                    log.error(.csvDuplicateColumn, "column '\(Self.cut(String(name.trimmingSpaces)))' appears twice in the header", at: at)
                } else {
                    map.breakdownPositions[b] = i
                    map.breakdownNames[b] = Self.cut(String(name.trimmingSpaces))
                }
                continue
            }
            guard let column = Column.named(name), allowed.contains(column) else {
                if !(type(of: header).headerMayHaveGaps && name.trimmingSpaces.isEmpty) {
                    log.warning(.csvExtraColumn, "column '\(Self.cut(name))' is not used and will be ignored", at: at)
                }
                continue
            }
            if map.positions[column] != nil {
                log.error(.csvDuplicateColumn, "column '\(column.rawValue)' appears twice in the header", at: at)
                continue
            }
            map.positions[column] = i
            map.names[column] = Self.cut(String(name.trimmingSpaces))
        }
        for column in required where map.positions[column] == nil {
            log.error(.csvMissingColumn, "the header lacks the required column '\(column.rawValue)'", at: at)
            map.isComplete = false
        }
        return map
    }

    /// Says, once, that rows are checked but not counted when the header lacks a column.
    func noteIfIncomplete(file: String, line: Int, log: inout DiagnosticLog) {
        guard !isComplete else { return }
        log.note(.csvRowsNotCounted, "the rows are checked for the columns the header has, but none is counted until it names every required column",
                 at: SourceLocation(file: file, line: line, column: 1))
    }

    /// A header name as a message quotes it: at most 60 characters, the rest cut with "…".
    static func cut(_ name: String) -> String {
        name.count <= 60 ? name : String(name.prefix(59)) + "…"
    }
}
