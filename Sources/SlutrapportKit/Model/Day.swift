/// A calendar date without time or zone. Written by hand rather than through
/// Foundation's Calendar: reports need only ISO dates and day differences,
/// and the participant reader parses one or two per row.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        self.init(isoBytes: Array(text.utf8))
    }

    public init?(isoBytes b: some RandomAccessCollection<UInt8>) {
        guard b.count == 10 else { return nil }
        var y = 0, m = 0, d = 0
        for (i, c) in b.enumerated() {
            if i == 4 || i == 7 {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard c >= 48 && c <= 57 else { return nil }
            let v = Int(c - 48)
            if i < 4 { y = y * 10 + v } else if i < 7 { m = m * 10 + v } else { d = d * 10 + v }
        }
        self.init(year: y, month: m, day: d)
    }

    /// A date cell of participants.csv (SPEC §3.2): `YYYY-MM-DD`, optionally
    /// followed by a time of day (`isTimeOfDay`), which is ignored.
    init?(dateCell text: some StringProtocol) {
        let b = Array(text.utf8)
        guard b.count >= 10, b.withUnsafeBufferPointer({ Day.isTimeOfDay($0, from: 10) }) else { return nil }
        self.init(isoBytes: b[0..<10])
    }

    /// Whether `b` from `start` on is nothing, or a time of day as
    /// spreadsheets write one after a date: a space or `T`, `H:MM` or
    /// `HH:MM`, optionally `:SS` and then a fraction (`.` or `,` and digits),
    /// optionally ` AM` or ` PM`. A time with a zone is not one: its date could be another day.
    @inline(__always)
    static func isTimeOfDay(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = b.count - start
        guard n > 0 else { return true }
        // ` HH:MM:SS` and ` HH:MM`, as a whole column of date-times has them, without a loop: with the
        // general form alone, 1M rows of ` 00:00:00` took 2.1 times as long as the dates alone (1.07 with this).
        if n == 6 || (n == 9 && b[start + 6] == UInt8(ascii: ":")), b[start] == UInt8(ascii: " ") || b[start] == UInt8(ascii: "T"),
           b[start + 3] == UInt8(ascii: ":") {
            return twoDigits(b, start + 1) <= 23 && twoDigits(b, start + 4) <= 59 && (n == 6 || twoDigits(b, start + 7) <= 59)
        }
        return isAnyTimeOfDay(b, from: start)
    }

    /// The two digits at `i` as a number; a large one when they are not both digits.
    @inline(__always)
    private static func twoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt {
        let tens = UInt(b[i]) &- 48, ones = UInt(b[i + 1]) &- 48
        return tens <= 9 && ones <= 9 ? tens &* 10 &+ ones : .max
    }

    /// `isTimeOfDay` for every form it takes.
    static func isAnyTimeOfDay(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard b[start] == UInt8(ascii: " ") || b[start] == UInt8(ascii: "T") else { return false }
        var i = start + 1
        /// The value of `count` digits at `i`, moving past them; nil when they are not all digits.
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var v = 0
            for c in b[i..<(i + count)] {
                guard c &- 48 <= 9 else { return nil }
                v = v * 10 + Int(c &- 48)
            }
            i += count
            return v
        }
        func skip(_ c: Unicode.Scalar) -> Bool {
            guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }
        let hourDigits = i + 1 < b.count && b[i + 1] == UInt8(ascii: ":") ? 1 : 2
        guard let hour = number(hourDigits), hour <= 23, skip(":"), let minute = number(2), minute <= 59 else { return false }
        if skip(":") {
            guard let second = number(2), second <= 59 else { return false }
            if skip(".") || skip(",") {
                guard number(1) != nil else { return false }
                while number(1) != nil {}
            }
        }
        if skip(" ") {
            guard i + 2 == b.count, b[i] | 0x20 == UInt8(ascii: "a") || b[i] | 0x20 == UInt8(ascii: "p"), b[i + 1] | 0x20 == UInt8(ascii: "m") else { return false }
            return true
        }
        return i == b.count
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The inverse of `ordinal` (Howard Hinnant's civil_from_days).
    static func fromOrdinal(_ z0: Int) -> Day {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        // Always a valid date: the arithmetic yields only real days.
        return Day(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Months since the start of year 0: consecutive months differ by one.
    public var monthNumber: Int { year * 12 + month - 1 }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension Day {
    /// The months of 1900–2199 with the ordinal of their first day and their
    /// length (written once, then only read), so that the participant reader turns a date field into its
    /// ordinal with one table read instead of building a `Day` and doing
    /// calendar arithmetic for each of millions of rows.
    final class MonthTable: @unchecked Sendable {
        static let shared = MonthTable()
        static let firstYear = 1900, years = 300
        /// Per month from January 1900: ordinal of its first day << 5 | its length.
        private let entries: UnsafeMutableBufferPointer<Int>

        private init() {
            entries = .allocate(capacity: Self.years * 12)
            for y in 0..<Self.years {
                for m in 1...12 {
                    let year = Self.firstYear + y
                    entries[y * 12 + m - 1] = Day(unchecked: year, month: m, day: 1).ordinal << 5 | Day.daysIn(month: m, year: year)
                }
            }
        }

        deinit { entries.deallocate() }

        /// `YYYY-MM-DD`, a real date from 1900 to 2199, optionally followed
        /// by a time of day, as its ordinal, year and `monthNumber`; nil for anything else
        /// (which `Day(dateCell:)` then judges).
        @inline(__always)
        func parse(_ b: UnsafeBufferPointer<UInt8>) -> (ordinal: Int, year: Int, month: Int)? {
            guard b.count >= 10, b[4] == 45, b[7] == 45, b.count == 10 || Day.isTimeOfDay(b, from: 10) else { return nil }
            // Each digit on its own, checked without branches: one test at the end.
            @inline(__always) func digit(_ i: Int) -> UInt { UInt(b[i]) &- 48 }
            let y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9)
            // A byte below "0" wraps round to a large number.
            guard max(max(max(y0, y1), max(y2, y3)), max(max(m0, m1), max(d0, d1))) <= 9 else { return nil }
            let year = Int((y0 &* 10 &+ y1) &* 100 &+ (y2 &* 10 &+ y3)), month = Int(m0 &* 10 &+ m1), day = Int(d0 &* 10 &+ d1)
            guard year >= Self.firstYear, year < Self.firstYear + Self.years, month >= 1, month <= 12, day >= 1 else { return nil }
            let e = entries[(year - Self.firstYear) * 12 + month - 1]
            guard day <= e & 31 else { return nil }
            return ((e >> 5) + day - 1, year, year * 12 + month - 1)
        }
    }
}
