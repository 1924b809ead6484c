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
