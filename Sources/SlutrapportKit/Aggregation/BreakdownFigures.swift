/// One declared breakdown's figures (SPEC §4.8), at the as-of date, for the
/// whole project. A participant whose cell holds several codes counts under each.
public struct BreakdownFigures: Sendable, Equatable {
    /// One per declared value, in report order: counted participants whose cell names it.
    public var values: [GenderCounts]
    /// Counted participants whose cell is empty (or who have no such column).
    public var notStated: GenderCounts
    /// The same among ended participants: the ESF+ result indicators read `qualification` there.
    public var endedValues: [GenderCounts]
    public var endedNotStated: GenderCounts

    public init(values: [GenderCounts], notStated: GenderCounts, endedValues: [GenderCounts], endedNotStated: GenderCounts) {
        self.values = values
        self.notStated = notStated
        self.endedValues = endedValues
        self.endedNotStated = endedNotStated
    }
}

/// The ESF+ indicator table (SPEC §4.9): output indicators over counted
/// participants, result indicators over ended ones, each by gender.
public struct ESFFigures: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var indicator: ESFIndicator
        public var counts: GenderCounts
    }

    /// A group's participants whose value was not stated: an ESF+ breakdown,
    /// or `age` for those without a birth year. Over counted participants,
    /// `qualification` over ended ones.
    public struct NotStated: Sendable, Equatable {
        /// The breakdown id, or `age`.
        public var group: String
        public var counts: GenderCounts
        public var sensitive: Bool
    }

    /// Every indicator, in `ESFIndicator.allCases` order.
    public var indicators: [Count]
    /// Every group (zero counts included; writers leave those out), in the
    /// order of `ESFBreakdown.allCases` with `age` after `labour_status`'s
    /// fellow output groups: labour_status, age, education, disability,
    /// third_country_national, foreign_background, minority, homeless, rural,
    /// qualification.
    public var notStated: [NotStated]

    public subscript(_ i: ESFIndicator) -> GenderCounts {
        indicators.first { $0.indicator == i }?.counts ?? GenderCounts()
    }
}

extension Figures {
    /// Each declared breakdown over the whole project (SPEC §4.8).
    static func breakdowns(_ t: Tally, project: Project) -> [BreakdownFigures] {
        let all = Array(0..<t.slots)
        return project.breakdowns.indices.map { b in
            func counts(_ value: Int?, ended: Bool?) -> GenderCounts {
                GenderCounts(women: t.breakdowns.count(b, value: value, slots: all, ended: ended, gender: .woman),
                             men: t.breakdowns.count(b, value: value, slots: all, ended: ended, gender: .man),
                             other: t.breakdowns.count(b, value: value, slots: all, ended: ended, gender: .other))
            }
            let values = project.breakdowns[b].values.indices
            return BreakdownFigures(values: values.map { counts($0, ended: nil) }, notStated: counts(nil, ended: nil),
                                    endedValues: values.map { counts($0, ended: true) }, endedNotStated: counts(nil, ended: true))
        }
    }

    /// The ESF+ indicators (SPEC §4.9) from the ESF+ breakdowns, the ages at
    /// the start and the exits; nil unless the project declares `esf_plus`.
    /// The exit reasons that count as an ESF+ result.
    static func esfReasons(_ project: Project, _ result: ESFResult) -> [Int] {
        project.exitReasons.indices.filter { project.exitReasons[$0].esfResult == result }
    }

    static func esf(_ t: Tally, project: Project, overall: Breakdown, breakdowns: [BreakdownFigures]) -> ESFFigures? {
        guard project.esfPlus, !t.breakdowns.esfAgeCells.isEmpty else { return nil }
        func figures(_ e: ESFBreakdown) -> BreakdownFigures? {
            project.breakdowns.firstIndex { $0.esf == e }.map { breakdowns[$0] }
        }
        /// Counted participants naming `code` in ESF+ breakdown `e` (over ended ones with `ended`).
        func value(_ e: ESFBreakdown, _ code: String, ended: Bool = false) -> GenderCounts {
            guard let f = figures(e), let v = e.values.firstIndex(where: { $0.code == code }) else { return GenderCounts() }
            return ended ? f.endedValues[v] : f.values[v]
        }
        func age(_ group: Int) -> GenderCounts {
            GenderCounts(women: t.breakdowns.esfAgeCount(group: group, gender: .woman), men: t.breakdowns.esfAgeCount(group: group, gender: .man),
                         other: t.breakdowns.esfAgeCount(group: group, gender: .other))
        }
        func exits(_ result: ESFResult) -> GenderCounts {
            esfReasons(project, result).reduce(GenderCounts()) { $0 + overall.exits[$1] }
        }
        let indicators = ESFIndicator.allCases.map { i -> ESFFigures.Count in
            let counts: GenderCounts = switch i {
            case .total: overall.participants
            case .unemployed: value(.labourStatus, "unemployed") + value(.labourStatus, "long_term_unemployed")
            case .longTermUnemployed: value(.labourStatus, "long_term_unemployed")
            case .inactive: value(.labourStatus, "inactive")
            case .employed: value(.labourStatus, "employed")
            case .below18: age(0)
            case .age18to29: age(1)
            case .age55Plus: age(3)
            case .isced02: value(.education, "isced_0_2")
            case .isced34: value(.education, "isced_3_4")
            case .isced58: value(.education, "isced_5_8")
            case .disability: value(.disability, "yes")
            case .thirdCountryNational: value(.thirdCountryNational, "yes")
            case .foreignBackground: value(.foreignBackground, "yes")
            case .minority: value(.minority, "yes")
            case .homeless: value(.homeless, "yes")
            case .rural: value(.rural, "yes")
            case .jobSearching: exits(.jobSearching)
            case .educationTraining: exits(.education)
            case .qualification: value(.qualification, "yes", ended: true)
            case .employment: exits(.employment)
            }
            return ESFFigures.Count(indicator: i, counts: counts)
        }
        var notStated: [ESFFigures.NotStated] = []
        for e in ESFBreakdown.allCases {
            guard let f = figures(e) else { continue }
            // A qualification is gained on leaving: not stated among those who left.
            let counts = e == .qualification ? f.endedNotStated : f.notStated
            notStated.append(ESFFigures.NotStated(group: e.rawValue, counts: counts, sensitive: e.isSensitive))
            if e == .labourStatus { notStated.append(ESFFigures.NotStated(group: "age", counts: age(4), sensitive: false)) }
        }
        return ESFFigures(indicators: indicators, notStated: notStated)
    }
}
