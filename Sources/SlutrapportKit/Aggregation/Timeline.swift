/// One calendar month of the project over time (SPEC §4.10).
public struct TimelineMonth: Sendable, Equatable {
    public var year: Int
    public var month: Int
    /// Counted participants who started in the month.
    public var started: GenderCounts
    /// Those who ended in the month, on or before the as-of date.
    public var ended: GenderCounts
    /// Started and not ended at the month's last day (the as-of date for the last month).
    public var active: GenderCounts
    /// Started by the month's last day.
    public var cumulative: GenderCounts

    /// `YYYY-MM`, as the XML writes it.
    public var isoMonth: String {
        (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}

/// A calendar quarter of the timeline: started and ended summed over its
/// months, active and cumulative at its last month (SPEC §4.10).
public struct TimelineQuarter: Sendable, Equatable {
    public var year: Int
    public var quarter: Int
    public var started: GenderCounts
    public var ended: GenderCounts
    public var active: GenderCounts
    public var cumulative: GenderCounts

    /// The timeline's months by quarter, in order; a quarter the timeline starts
    /// or ends inside has only the months it holds.
    public static func of(_ months: [TimelineMonth]) -> [TimelineQuarter] {
        var quarters: [TimelineQuarter] = []
        for m in months {
            let q = (m.month - 1) / 3 + 1
            if let last = quarters.last, last.year == m.year, last.quarter == q {
                quarters[quarters.count - 1].started = last.started + m.started
                quarters[quarters.count - 1].ended = last.ended + m.ended
                quarters[quarters.count - 1].active = m.active
                quarters[quarters.count - 1].cumulative = m.cumulative
            } else {
                quarters.append(TimelineQuarter(year: m.year, quarter: q, started: m.started, ended: m.ended, active: m.active, cumulative: m.cumulative))
            }
        }
        return quarters
    }
}

extension Figures {
    /// Month by month from the earlier of the period's start and the first
    /// counted start to the as-of month; empty when both are after the as-of date.
    static func timeline(_ t: Tally, periodStart: Day, asOf: Day) -> [TimelineMonth] {
        let asOfMonth = asOf.monthNumber
        let firstStart = Tally.trimmed(t.monthCells).isEmpty ? nil : asOfMonth - t.monthsBack
        let first = min(periodStart.monthNumber, firstStart ?? periodStart.monthNumber)
        guard first <= asOfMonth else { return [] }
        var cumulative = GenderCounts(), endedSoFar = GenderCounts()
        return (first...asOfMonth).map { m in
            func counts(ended: Bool) -> GenderCounts {
                GenderCounts(women: t.monthCount(back: asOfMonth - m, ended: ended, gender: .woman),
                             men: t.monthCount(back: asOfMonth - m, ended: ended, gender: .man),
                             other: t.monthCount(back: asOfMonth - m, ended: ended, gender: .other))
            }
            let started = counts(ended: false), ended = counts(ended: true)
            cumulative = cumulative + started
            endedSoFar = endedSoFar + ended
            // Every end counted is on or before the month's last day (the as-of date for the last month).
            let active = GenderCounts(women: cumulative.women - endedSoFar.women, men: cumulative.men - endedSoFar.men,
                                      other: cumulative.other - endedSoFar.other)
            return TimelineMonth(year: m / 12, month: m % 12 + 1, started: started, ended: ended, active: active, cumulative: cumulative)
        }
    }
}
