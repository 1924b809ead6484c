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

    static func named(_ header: String) -> Column? {
        var name = String(header.trimmingSpaces).lowercased()
        if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
        switch name {
        case "id", "deltagar_id", "deltagare", "deltagar-id", "deltagarid": return .id
        case "subproject", "delprojekt": return .subproject
        case "gender", "kön", "kon": return .gender
        case "birth_year", "födelseår", "fodelsear": return .birthYear
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
    private(set) var fieldCount = 0

    subscript(_ c: Column) -> Int? { positions[c] }

    /// Reads the header record, reporting unknown (warning), duplicate and
    /// missing (error) columns. Nil when a required column is missing; the
    /// caller may still check more before giving up, so all are reported.
    static func read(_ tokenizer: CSVTokenizer, file: String, allowed: [Column], required: [Column],
                     log: inout DiagnosticLog) -> ColumnMap? {
        var map = ColumnMap()
        map.fieldCount = tokenizer.fields.count
        let columns = tokenizer.columns()
        for i in 0..<tokenizer.fields.count {
            let name = tokenizer.string(i)
            let at = SourceLocation(file: file, line: tokenizer.fields[i].line, column: columns[i])
            guard let column = Column.named(name), allowed.contains(column) else {
                log.warning(.csvExtraColumn, "column '\(name)' is not used and will be ignored", at: at)
                continue
            }
            if map.positions[column] != nil {
                log.error(.csvDuplicateColumn, "column '\(column.rawValue)' appears twice in the header", at: at)
                continue
            }
            map.positions[column] = i
        }
        let at = SourceLocation(file: file, line: tokenizer.recordLine, column: 1)
        var complete = true
        for column in required where map.positions[column] == nil {
            log.error(.csvMissingColumn, "the header lacks the required column '\(column.rawValue)'", at: at)
            complete = false
        }
        return complete ? map : nil
    }
}
