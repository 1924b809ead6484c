/// One row of a table by gender: women, men, other and their total.
public struct GenderCounts: Hashable, Sendable {
    public var women = 0
    public var men = 0
    public var other = 0

    public init(women: Int = 0, men: Int = 0, other: Int = 0) {
        self.women = women
        self.men = men
        self.other = other
    }

    public var total: Int { women + men + other }

    public subscript(_ g: Gender) -> Int {
        switch g {
        case .woman: women
        case .man: men
        case .other: other
        }
    }

    public static func + (a: GenderCounts, b: GenderCounts) -> GenderCounts {
        GenderCounts(women: a.women + b.women, men: a.men + b.men, other: a.other + b.other)
    }
}

/// A percentage computed from a count and its denominator, rounded half-up
/// from the exact ratio (SPEC §4.4). Absent when the denominator is zero.
public struct Share: Hashable, Sendable {
    public let numerator: Int
    public let denominator: Int

    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Tenths of a percent, rounded half-up: 28.93… → 289.
    public var tenths: Int { (numerator * 2000 + denominator) / (2 * denominator) }
    /// Whole percent, rounded half-up on its own (not from `tenths`).
    public var whole: Int { (numerator * 200 + denominator) / (2 * denominator) }
    /// As XML writes it: one decimal, `.` as the point.
    public var oneDecimal: Decimal1 { Decimal1(tenths: tenths) }

    /// Exact comparison with a target in tenths of a percent.
    public func isAtLeast(_ target: Decimal1) -> Bool {
        numerator * 1000 >= target.tenths * denominator
    }
}
