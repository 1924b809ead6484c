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
