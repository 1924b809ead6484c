/// Date cells that are no `YYYY-MM-DD` but look like what a spreadsheet
/// writes for a date (SPEC §3.2): a serial number (a cell in General format)
/// or a date with slashes or dots (a date cell in a locale's format). They
/// are counted per column and kind instead of logged a row each, and said
/// once, at the first such cell, with the count and how to fix them. Used by
/// `RowChecks.date` for CSV rows and a workbook's text cells alike; the
/// reader calls `report` once its rows are read. The cells stay errors.
struct DateHints: Sendable {
    /// What a date cell looks like.
    enum Look: Equatable {
        /// Days since 1899-12-30: five digits, optionally with a fraction (the time of day).
        case serial
        /// Three numbers between `/`, `.` or `-`, which read as a date in `orders`.
        case slashed(Orders)
    }

    /// The orders of day, month and year a slashed date reads in.
    struct Orders: OptionSet, Sendable {
        let rawValue: UInt8
        static let dayMonthYear = Orders(rawValue: 1)
        static let monthDayYear = Orders(rawValue: 2)
        static let yearMonthDay = Orders(rawValue: 4)
    }

    /// The cells of one kind in one column.
    struct Group: Sendable {
        let name: String
        let isSerial: Bool
        var rows: Int
        var first: SourceLocation
        /// The orders every slashed date of the column reads in.
        var orders: Orders
    }

    private(set) var groups: [Group] = []
    /// How to fix such a column in the file the cells come from.
    var fix = Self.csvFix

    /// Counts a date cell that is no date when it looks like one a spreadsheet
    /// wrote; false, counting nothing, when it does not (then it is an
    /// `invalid-date` of its own). `column` is named as the header names it.
    mutating func note(_ text: some StringProtocol, column: String, at location: @autoclosure () -> SourceLocation) -> Bool {
        guard let look = Self.look(text) else { return false }
        add(Group(name: column, isSerial: look == .serial, rows: 1, first: location(),
                   orders: { if case .slashed(let o) = look { o } else { [] } }()))
        return true
    }

    /// Adds the counts of a part of the file whose lines were counted from 1 at its start, `lines` lines into the file.
    mutating func merge(_ other: DateHints, shiftingLinesBy lines: Int) {
        for var c in other.groups {
            c.first.line += lines
            add(c)
        }
    }

    private mutating func add(_ c: Group) {
        guard let k = groups.firstIndex(where: { $0.name == c.name && $0.isSerial == c.isSerial }) else {
            groups.append(c)
            return
        }
        groups[k].rows += c.rows
        groups[k].first = min(groups[k].first, c.first)
        groups[k].orders.formIntersection(c.orders)
    }

    /// One error per column and kind, at its first cell, in the order of
    /// those cells; kept whatever the log's cap (see `DiagnosticLog.addSummary`).
    func report(into log: inout DiagnosticLog) {
        for c in groups.sorted(by: { ($0.first, $0.isSerial ? 0 : 1) < ($1.first, $1.isSerial ? 0 : 1) }) {
            log.addSummary(Diagnostic(.error, c.isSerial ? .dateSerial : .dateSlashed, message(c), at: c.first))
        }
    }

    static let csvFix = "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx"
    /// A workbook's cells that are numbers or text, not dates.
    static let workbookFix = "format the column's cells as dates, or as text YYYY-MM-DD"

    func message(_ c: Group) -> String {
        let more = c.rows == 1 ? "" : c.rows == 2 ? " (as does 1 more row of this column)" : " (as do \(c.rows - 1) more rows of this column)"
        let value = "the value in column '\(c.name)' looks like"
        if c.isSerial { return "\(value) a spreadsheet serial number\(more): \(fix)" }
        let write = "write dates as YYYY-MM-DD (\(fix))"
        if c.orders.contains(.yearMonthDay) { return "\(value) a date written year/month/day\(more): \(write)" }
        switch c.orders {
        case [.dayMonthYear, .monthDayYear]:
            return "\(value) a date written day/month/year or month/day/year\(more); day and month order is ambiguous: \(write)"
        case .dayMonthYear: return "\(value) a date written day/month/year\(more): \(write)"
        case .monthDayYear: return "\(value) a date written month/day/year\(more): \(write)"
        // Each row reads one way, but not all the same way.
        default: return "\(value) a date\(more), but the rows disagree on the order of day, month and year: \(write)"
        }
    }

    /// What `text` looks like, when it is a serial number or a slashed date
    /// (docs/input.md lists the shapes); nil for anything else.
    static func look(_ text: some StringProtocol) -> Look? {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { b in
            var i = 0
            /// The digits from `i` on, moving past them: their value and how many.
            func number() -> (value: Int, digits: Int) {
                var v = 0, n = 0
                while i < b.count, b[i] &- 48 <= 9, n < 9 {
                    v = v * 10 + Int(b[i] &- 48)
                    i += 1
                    n += 1
                }
                return (v, n)
            }
            let first = number()
            guard first.digits > 0 else { return nil }
            // 10000–99999 are the days of 1927–2173, in either date system.
            if first.digits == 5, b[0] != UInt8(ascii: "0"), i == b.count || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                guard i == b.count else {
                    i += 1
                    return number().digits > 0 && i == b.count ? .serial : nil
                }
                return .serial
            }
            guard i < b.count else { return nil }
            let separator = b[i]
            guard [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(separator) else { return nil }
            i += 1
            let second = number()
            guard i < b.count, b[i] == separator else { return nil }
            i += 1
            let third = number()
            guard Day.isTimeOfDay(b, from: i) else { return nil }
            let dash = separator == UInt8(ascii: "-")
            if first.digits == 4, (1...2).contains(second.digits), (1...2).contains(third.digits) {
                // `2022-06-31` is a wrong ISO date, not another way of writing one.
                guard !(dash && second.digits == 2 && third.digits == 2),
                      Day(year: first.value, month: second.value, day: third.value) != nil else { return nil }
                return .slashed(.yearMonthDay)
            }
            // `22-06-05` is the Swedish short date (year first): a year of two digits only with `/` and `.`.
            guard (1...2).contains(first.digits), (1...2).contains(second.digits), third.digits == 4 || (third.digits == 2 && !dash) else { return nil }
            let year = third.digits == 2 ? 2000 + third.value : third.value
            var orders: Orders = []
            if Day(year: year, month: second.value, day: first.value) != nil { orders.insert(.dayMonthYear) }
            if Day(year: year, month: first.value, day: second.value) != nil { orders.insert(.monthDayYear) }
            return orders.isEmpty ? nil : .slashed(orders)
        }
    }
}
