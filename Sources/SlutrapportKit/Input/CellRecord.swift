/// A row of cells as the header and row checks read it: a record of
/// participants.csv or counts.csv (`CSVTokenizer`), or a worksheet row of
/// the same files as workbooks. The checks and their messages are written
/// once, over this, for every format a participant file may come in.
protocol CellRecord {
    /// The line (a worksheet's row number) the record starts on.
    var recordLine: Int { get }
    /// How many cells the record holds.
    var cellCount: Int { get }
    /// The text of cell `i`; empty past the last cell.
    func string(_ i: Int) -> String
    /// Where cell `i` is, as a diagnostic gives it.
    func position(_ i: Int) -> (line: Int, column: Int)
    /// The positions of every cell, in one pass (a header of 100,000 cells must not cost 100,000 passes).
    func positions() -> [(line: Int, column: Int)]
    /// Where to say that the record has not `expected` cells, as its header
    /// has; nil when it needs not (a worksheet row ends at its last filled
    /// cell, so any count is fine there).
    func cellCountMismatch(expected: Int) -> (line: Int, column: Int)?
    /// Whether an empty header cell is only a gap between columns (a
    /// worksheet's), not a column of its own to warn about (a CSV's).
    static var headerMayHaveGaps: Bool { get }
}

extension CSVTokenizer: CellRecord {
    var cellCount: Int { fields.count }

    func position(_ i: Int) -> (line: Int, column: Int) { (fields[i].line, column(i)) }

    func positions() -> [(line: Int, column: Int)] { zip(fields, columns()).map { ($0.line, $1) } }

    func cellCountMismatch(expected: Int) -> (line: Int, column: Int)? {
        guard fields.count != expected else { return nil }
        // Where the record goes wrong: the first field past the header's, or its last when it is short.
        return (recordLine, column(fields.count > expected ? expected : fields.count - 1))
    }

    static var headerMayHaveGaps: Bool { false }
}

/// SPEC §3.2, "Rows around the table" (issue 25): a row under the list with
/// a cell reading Totalt, Summa, Total or Sum is a total, left out with a
/// note naming its row. Asked only of rows the byte path turned down (a
/// total row has no gender nor start date), so it costs the others nothing.
enum TotalRow {
    static func matches(_ t: some CellRecord) -> Bool {
        for i in 0..<t.cellCount {
            let text = t.string(i)
            guard (3...8).contains(text.utf8.count) else { continue }
            switch text.lowercased().filter({ $0 != " " && $0 != ":" }) {
            case "totalt", "summa", "total", "sum": return true
            default: continue
            }
        }
        return false
    }

    static func note(_ t: some CellRecord, file: String, log: inout DiagnosticLog) {
        log.note(.rowsAroundTable, "row \(t.recordLine) is left out: a total, not a participant",
                 at: SourceLocation(file: file, line: t.recordLine, column: 1))
    }
}
