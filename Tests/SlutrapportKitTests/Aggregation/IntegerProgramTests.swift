import Testing
@testable import SlutrapportKit

/// The solver behind disclosure control's proof (Clp, then Cbc), on
/// programs small enough to work out by hand.
@Suite struct IntegerProgramTests {
    /// 12 = 6 + y + x, y ≥ 5 (".."), x in 1…4 ("<5"): x can only be 1.
    @Test func aRowWithADotDotAndASmallCountFixesTheSmallOne() {
        var p = IntegerProgram()
        let x = p.addVariable(lower: 1, upper: 4)
        let y = p.addVariable(lower: 5, upper: nil)
        p.rows = [.init(terms: [(x, 1), (y, 1)], lower: 6, upper: 6)]
        #expect(p.extreme(of: [x], maximize: false) == .value(1, witness: [1, 5]))
        #expect(p.extreme(of: [x], maximize: true) == .value(1, witness: [1, 5]))
    }

    /// Two "<3" whose sum is 2: both are 1.
    @Test func twoSmallCountsWithTheirSumKnownAreBothOne() {
        var p = IntegerProgram()
        let a = p.addVariable(lower: 1, upper: 2)
        let b = p.addVariable(lower: 1, upper: 2)
        p.rows = [.init(terms: [(a, 1), (b, 1)], lower: 2, upper: 2)]
        #expect(p.extreme(of: [a], maximize: true) == .value(1, witness: [1, 1]))
    }

    /// 2x + 2y = 7 has a linear but no whole-number solution: the relaxation
    /// alone would give 3.5; Cbc proves there is none.
    @Test func wholeNumbersAreWhatCounts() {
        var p = IntegerProgram()
        let x = p.addVariable(lower: 0, upper: 10)
        let y = p.addVariable(lower: 0, upper: 10)
        p.rows = [.init(terms: [(x, 2), (y, 2)], lower: 7, upper: 7)]
        #expect(p.extreme(of: [x], maximize: true) == .infeasible)
        // x + y = 7 with x ≤ 3.5 as 2x ≤ 7: whole numbers give 3.
        var q = IntegerProgram()
        let u = q.addVariable(lower: 0, upper: nil)
        let v = q.addVariable(lower: 0, upper: nil)
        q.rows = [.init(terms: [(u, 1), (v, 1)], lower: 7, upper: 7), .init(terms: [(u, 2)], lower: nil, upper: 7)]
        #expect(q.extreme(of: [u], maximize: true) == .value(3, witness: [3, 4]))
    }

    @Test func aVariableWithNoUpperBoundIsUnbounded() {
        var p = IntegerProgram()
        let x = p.addVariable(lower: 5, upper: nil)
        let y = p.addVariable(lower: 0, upper: nil)
        p.rows = [.init(terms: [(x, 1), (y, -1)], lower: 0, upper: nil)]
        #expect(p.extreme(of: [x], maximize: true) == .unbounded)
        #expect(p.extreme(of: [x], maximize: false) == .value(5, witness: [5, 0]))
    }

    /// A point is a witness only when it meets every row in exact arithmetic.
    @Test func witnessesAreCheckedExactly() {
        var p = IntegerProgram()
        let x = p.addVariable(lower: 1, upper: 4)
        let y = p.addVariable(lower: 0, upper: nil)
        p.rows = [.init(terms: [(x, 1), (y, 1)], lower: 6, upper: 6)]
        #expect(p.satisfies([2, 4]))
        #expect(!p.satisfies([2, 5]))
        #expect(!p.satisfies([5, 1]))
        #expect(p.wholeNumberPoint([2.0000000001, 4]) == [2, 4])
        #expect(p.wholeNumberPoint([2.5, 3.5]) == nil)
    }
}
