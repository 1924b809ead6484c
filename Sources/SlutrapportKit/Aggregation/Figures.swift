/// Every number a report shows, computed once from the tally at the as-of
/// date (SPEC §4). Renderers see only this, never a participant.
public struct Figures: Sendable {
    public var asOf: Day
    public var source: Tally.Source
    public var overall: Breakdown
    /// One per subproject, in project.yaml's order.
    public var subprojects: [Breakdown]
    /// Subprojects with no row in counts.csv: they did not report (SPEC §3.3),
    /// and their zeros are no figures.
    public var notReported: Set<Int> = []
    /// One per subproject group, in order of first appearance.
    public var groups: [GroupBreakdown]
    public var goals: [GoalOutcome]
    public var lateStarters: Int
    /// From participant rows only (nil for counts.csv, and for `age_bands: []`).
    public var ageBands: [AgeBand]?
    public var durations: Durations?
    /// Participants month by month (SPEC §4.10); from participant rows only.
    public var timeline: [TimelineMonth]?
    /// One per `project.breakdowns` (SPEC §4.8); empty without participant rows.
    public var breakdowns: [BreakdownFigures] = []
    /// Which of them are sensitive (always under disclosure control with N ≥ 5).
    public var sensitiveBreakdowns: [Bool] = []
    /// Which of them get a table of their own: the user's; the ESF+ ones show through the ESF+ table.
    public var shownBreakdowns: [Bool] = []
    /// Which of them hold one value a participant (`multiple: false`): their values and "not stated" sum to the participants.
    public var singleValuedBreakdowns: [Bool] = []
    /// Each breakdown's ESF+ group, if it is one, and its value codes: disclosure
    /// control ties a goal on an ESF+ breakdown to the indicators it gives.
    public var breakdownESF: [ESFBreakdown?] = []
    public var breakdownCodes: [[String]] = []
    /// For each ESF+ result indicator drawn from exit reasons, those reasons (their sum is the indicator).
    public var esfResultReasons: [ESFIndicator: [Int]] = [:]
    /// The ESF+ indicators (SPEC §4.9), with `esf_plus` and participant rows.
    public var esf: ESFFigures?
    /// Which counts disclosure control hides (SPEC §4.5).
    public var suppression = Suppression.none

    public func reported(subproject i: Int) -> Bool { !notReported.contains(i) }

    /// A group reported when one of its subprojects did.
    public func reported(_ group: GroupBreakdown) -> Bool {
        group.subprojects.contains(where: reported(subproject:))
    }

    /// Applies disclosure control with threshold `n` (0 = off).
    public mutating func suppress(below n: Int) {
        suppression = Suppression.compute(self, threshold: n)
    }
}

public struct AgeBand: Sendable, Equatable {
    /// Lower and upper age, inclusive; nil `from` and `to` for "not known".
    public var from: Int?
    public var to: Int?
    public var known: Bool
    public var counts: GenderCounts
}

/// Median days in the project of ended participants.
public struct Durations: Sendable, Equatable {
    public var ended: GenderCounts
    public var median: Int?
    public var medianWomen: Int?
    public var medianMen: Int?
    public var medianOther: Int?

    /// The median of a histogram (count per number of days): the middle
    /// value, or the mean of the two middle values rounded half-up to whole days.
    static func median(_ histogram: [Int]) -> Int? {
        let n = histogram.reduce(0, +)
        guard n > 0 else { return nil }
        var seen = 0
        var lower: Int?
        for (days, count) in histogram.enumerated() where count > 0 {
            seen += count
            if lower == nil, seen >= (n + 1) / 2 { lower = days }
            if seen >= n / 2 + 1, let lower { return (lower + days + 1) / 2 }
        }
        return lower
    }
}

/// Participants, active/ended and exits by gender for one scope.
public struct Breakdown: Sendable {
    public var participants: GenderCounts
    public var active: GenderCounts
    public var ended: GenderCounts
    /// One per exit reason, in the configured order.
    public var exits: [GenderCounts]
    /// One per activity: participants who took part in it.
    public var activities: [GenderCounts]
}

public struct GroupBreakdown: Sendable {
    public var name: String
    public var subprojects: [Int]
    public var granted: Int?
    public var figures: Breakdown
}

public struct GoalOutcome: Sendable {
    public struct GenderPart: Sendable {
        public var gender: Gender
        public var target: Int
        public var outcome: Int?
        public var met: Bool?
    }

    public enum Measure: Sendable {
        case count(Int)
        /// Computed from the data; rounded only when shown.
        case share(Share)
        /// Taken as given from an evaluation.
        case reported(Decimal1)
    }

    public var goal: Goal
    /// Nil when the data to measure it is absent (no CSV, or a zero denominator).
    public var outcome: Measure?
    public var met: Bool?
    public var byGender: [GenderPart]

    /// The goal with its targets only, for reports without participant data.
    public init(unmeasured goal: Goal) {
        self.goal = goal
        self.byGender = goal.byGender.map { GenderPart(gender: $0.0, target: $0.1, outcome: nil, met: nil) }
    }
}

extension Figures {
    public static func compute(project: Project, tally: Tally, asOf: Day) -> Figures {
        let sub = project.subprojects.indices.map { breakdown(tally, slots: [$0]) }
        let overall = breakdown(tally, slots: Array(0..<tally.slots))
        var groups: [GroupBreakdown] = []
        for (i, s) in project.subprojects.enumerated() {
            guard let name = s.group else { continue }
            if let g = groups.firstIndex(where: { $0.name == name }) {
                groups[g].subprojects.append(i)
            } else {
                groups.append(GroupBreakdown(name: name, subprojects: [i], granted: nil, figures: overall))
            }
        }
        for g in groups.indices {
            groups[g].figures = breakdown(tally, slots: groups[g].subprojects)
            let amounts = groups[g].subprojects.compactMap { project.subprojects[$0].granted }
            groups[g].granted = amounts.isEmpty ? nil : amounts.reduce(0, +)
        }
        let notReported = Set(project.subprojects.indices.filter { !tally.reported(slot: $0) })
        let goals = project.goals.enumerated().map { i, goal in
            // A goal on a subproject that did not report cannot be measured: no outcome, rather than 0.
            goal.subproject.map(notReported.contains) == true ? GoalOutcome(unmeasured: goal)
                : outcome(of: goal, at: i, tally: tally, overall: overall, subprojects: sub)
        }
        var figures = Figures(asOf: asOf, source: tally.source, overall: overall, subprojects: sub, groups: groups,
                              goals: goals, lateStarters: tally.lateStarters)
        figures.notReported = notReported
        if tally.source == .participants {
            // `age_bands: []` declares no bands: no age figures, rather than one band of every age.
            figures.ageBands = tally.ageLimits.isEmpty ? nil : ageBands(tally)
            figures.durations = Durations(ended: overall.ended, median: Durations.median(tally.durations(nil)),
                                          medianWomen: Durations.median(tally.durations(.woman)),
                                          medianMen: Durations.median(tally.durations(.man)),
                                          medianOther: Durations.median(tally.durations(.other)))
            figures.timeline = timeline(tally, periodStart: project.period.start, asOf: asOf)
            figures.breakdowns = breakdowns(tally, project: project)
            figures.sensitiveBreakdowns = project.breakdowns.map(\.sensitive)
            figures.shownBreakdowns = project.breakdowns.map { $0.esf == nil }
            figures.singleValuedBreakdowns = project.breakdowns.map { !$0.multiple }
            figures.breakdownESF = project.breakdowns.map(\.esf)
            figures.breakdownCodes = project.breakdowns.map { $0.values.map(\.code) }
            figures.esf = esf(tally, project: project, overall: overall, breakdowns: figures.breakdowns)
            if figures.esf != nil {
                figures.esfResultReasons = [.jobSearching: esfReasons(project, .jobSearching),
                                            .educationTraining: esfReasons(project, .education), .employment: esfReasons(project, .employment)]
            }
        }
        return figures
    }

    static func ageBands(_ t: Tally) -> [AgeBand] {
        (0..<t.ageBandCount).map { band in
            let counts = GenderCounts(women: t.ageCount(band: band, gender: .woman), men: t.ageCount(band: band, gender: .man),
                                      other: t.ageCount(band: band, gender: .other))
            let known = band <= t.ageLimits.count
            return AgeBand(from: known && band > 0 ? t.ageLimits[band - 1] : nil,
                           to: known && band < t.ageLimits.count ? t.ageLimits[band] - 1 : nil,
                           known: known, counts: counts)
        }
    }

    static func breakdown(_ t: Tally, slots: [Int]) -> Breakdown {
        func counts(_ state: Int) -> GenderCounts {
            GenderCounts(women: t.count(slots: slots, gender: .woman, state: state),
                         men: t.count(slots: slots, gender: .man, state: state),
                         other: t.count(slots: slots, gender: .other, state: state))
        }
        let exits = (0..<t.reasons).map(counts)
        let active = counts(t.reasons)
        let ended = exits.reduce(GenderCounts(), +)
        let activities = (0..<t.activities).map { a in
            GenderCounts(women: t.activityCount(slots: slots, gender: .woman, activity: a),
                         men: t.activityCount(slots: slots, gender: .man, activity: a),
                         other: t.activityCount(slots: slots, gender: .other, activity: a))
        }
        return Breakdown(participants: active + ended, active: active, ended: ended, exits: exits, activities: activities)
    }

    static func outcome(of goal: Goal, at goalIndex: Int, tally: Tally, overall: Breakdown, subprojects: [Breakdown]) -> GoalOutcome {
        let scope = goal.subproject.map { subprojects[$0] } ?? overall
        let measured = tally.source != .none
        var result = GoalOutcome(unmeasured: goal)
        switch goal.metric {
        case .participants:
            guard measured else { break }
            let total = scope.participants.total
            result.outcome = .count(total)
            var met = total * 10 >= goal.target.tenths
            for i in result.byGender.indices {
                let n = scope.participants[result.byGender[i].gender]
                result.byGender[i].outcome = n
                result.byGender[i].met = n >= result.byGender[i].target
                met = met && n >= result.byGender[i].target
            }
            result.met = met
        case .exitShare:
            guard measured else { break }
            let hits = goal.reasons.reduce(0) { $0 + scope.exits[$1].total }
            if let share = Share(hits, of: scope.ended.total) {
                result.outcome = .share(share)
                result.met = share.isAtLeast(goal.target)
            }
        case .activityShare:
            guard tally.source == .participants, let a = goal.activity else { break }
            if let share = Share(scope.activities[a].total, of: scope.participants.total) {
                result.outcome = .share(share)
                result.met = share.isAtLeast(goal.target)
            }
        case .breakdownShare:
            guard tally.source == .participants, let ordinal = tally.breakdowns.goals.firstIndex(where: { $0.goal == goalIndex }) else { break }
            let slots = goal.subproject.map { [$0] } ?? Array(0..<tally.slots)
            let hits = Gender.allCases.reduce(0) { $0 + tally.breakdowns.goalCount(ordinal, slots: slots, gender: $1) }
            if let share = Share(hits, of: scope.participants.total) {
                result.outcome = .share(share)
                result.met = share.isAtLeast(goal.target)
            }
        case .reported:
            if let value = goal.reported {
                result.outcome = .reported(value)
                result.met = value >= goal.target
            }
        }
        return result
    }
}
