import Foundation

import CCoinOR

/// A small integer program: whole-number variables within bounds, tied by
/// linear rows `lower ≤ Σ coefficient · x ≤ upper`, all in whole numbers.
/// Disclosure control asks it what an attacker can prove of one variable:
/// its least and its greatest value (docs/disclosure.md, "The proof").
///
/// The work is COIN-OR's: Clp solves the linear relaxation first, which is
/// fast and often lands on a whole-number corner; Cbc's branch and bound
/// takes over when it does not. A bound is trusted only with a witness: a
/// whole-number point that meets every row and bound, checked here in exact
/// integer arithmetic, at which the variable takes that value. Where the
/// relaxation already stops short of a value, no whole-number point can
/// reach it, so that is proof of the other kind.
struct IntegerProgram {
    struct Row {
        var terms: [(variable: Int, coefficient: Int)]
        var lower: Int?
        var upper: Int?
    }

    /// Per variable; `upper` nil for none.
    var lower: [Int] = []
    var upper: [Int?] = []
    var rows: [Row] = []

    var variableCount: Int { lower.count }

    private static let cbcLock = NSLock()

    mutating func addVariable(lower l: Int, upper u: Int?) -> Int {
        lower.append(l)
        upper.append(u)
        return lower.count - 1
    }

    enum Extreme: Equatable {
        /// The extreme value, and a whole-number point that reaches it.
        case value(Int, witness: [Int])
        /// No whole-number point reaches beyond `bound` (the relaxation's own bound, floored or ceiled):
        /// the solver could not say more within its limits.
        case atMost(Int)
        case atLeast(Int)
        case unbounded
        case infeasible
    }

    /// The least (`maximize` false) or greatest value of `variable`, or of the sum of `objective`'s variables.
    func extreme(of objective: [Int], maximize: Bool) -> Extreme {
        let n = variableCount
        guard n > 0 else { return .infeasible }
        var obj = [Double](repeating: 0, count: n)
        for v in objective { obj[v] += maximize ? -1 : 1 }
        let (start, index, value, rowLower, rowUpper) = columns()
        let colLower = lower.map(Double.init)
        let colUpper = upper.map { $0.map(Double.init) ?? Double.greatestFiniteMagnitude }
        let rowCount = Int32(max(rows.count, 1))

        // The linear relaxation.
        guard let clp = Clp_newModel() else { return .infeasible }
        defer { Clp_deleteModel(clp) }
        Clp_setLogLevel(clp, 0)
        Clp_loadProblem(clp, Int32(n), rowCount, start, index, value, colLower, colUpper, obj, rowLower, rowUpper)
        // Presolve pays on a whole report's program, not on a component's (there it was most of the time).
        if n > 200 { Clp_initialSolve(clp) } else { Clp_dual(clp, 0) }
        if Clp_isProvenPrimalInfeasible(clp) != 0 { return .infeasible }
        if Clp_isProvenDualInfeasible(clp) != 0 { return .unbounded }
        if Clp_isProvenOptimal(clp) != 0, let solution = Clp_getColSolution(clp) {
            let point = (0..<n).map { solution[$0] }
            if let witness = wholeNumberPoint(point) {
                return .value(objective.reduce(0) { $0 + witness[$1] }, witness: witness)
            }
        }
        let relaxed = Clp_isProvenOptimal(clp) != 0 ? Clp_objectiveValue(clp) * (maximize ? -1 : 1) : nil

        // Branch and bound. Cbc_solve runs CbcMain1, which keeps state in statics: one at a time
        // in the process (parallel builds and tests), as MarkdownRenderer does for cmark.
        Self.cbcLock.lock()
        defer { Self.cbcLock.unlock() }
        guard let cbc = Cbc_newModel() else { return .infeasible }
        defer { Cbc_deleteModel(cbc) }
        Cbc_setLogLevel(cbc, 0)
        Cbc_loadProblem(cbc, Int32(n), rowCount, start, index, value, colLower, colUpper, obj, rowLower, rowUpper)
        for v in 0..<n { Cbc_setInteger(cbc, Int32(v)) }
        Cbc_setMaximumSeconds(cbc, 5)
        // These programs are small and mostly sums: cut generation took a sixth of a build in a profile.
        Cbc_setParameter(cbc, "cuts", "off")
        Cbc_solve(cbc)
        if Cbc_isProvenInfeasible(cbc) != 0 { return .infeasible }
        if Cbc_isProvenOptimal(cbc) != 0, let solution = Cbc_getColSolution(cbc) {
            let point = (0..<n).map { solution[$0] }
            if let witness = wholeNumberPoint(point) {
                return .value(objective.reduce(0) { $0 + witness[$1] }, witness: witness)
            }
        }
        // Out of time or no checked point: only the relaxation's bound is known.
        guard let relaxed else { return .unbounded }
        return maximize ? .atMost(Int((relaxed + 1e-6).rounded(.down))) : .atLeast(Int((relaxed - 1e-6).rounded(.up)))
    }

    /// A point of the linear relaxation that minimises Σ `cost` · x (one
    /// cost a variable), or nil when there is none. Only Clp: used to choose
    /// what to hide, never as a proof.
    func relaxedMinimum(cost: [Double]) -> [Double]? {
        let n = variableCount
        guard n > 0, cost.count == n else { return nil }
        let (start, index, value, rowLower, rowUpper) = columns()
        guard let clp = Clp_newModel() else { return nil }
        defer { Clp_deleteModel(clp) }
        Clp_setLogLevel(clp, 0)
        Clp_loadProblem(clp, Int32(n), Int32(max(rows.count, 1)), start, index, value, lower.map(Double.init),
                        upper.map { $0.map(Double.init) ?? Double.greatestFiniteMagnitude }, cost, rowLower, rowUpper)
        // Presolve pays on a whole report's program, not on a component's (there it was most of the time).
        if n > 200 { Clp_initialSolve(clp) } else { Clp_dual(clp, 0) }
        guard Clp_isProvenOptimal(clp) != 0, let solution = Clp_getColSolution(clp) else { return nil }
        return (0..<n).map { solution[$0] }
    }

    /// The rows as compressed sparse columns, as both solvers load them.
    private func columns() -> ([Int32], [Int32], [Double], [Double], [Double]) {
        var byColumn = [[(Int32, Double)]](repeating: [], count: variableCount)
        var rowLower: [Double] = [], rowUpper: [Double] = []
        for (r, row) in rows.enumerated() {
            for t in row.terms { byColumn[t.variable].append((Int32(r), Double(t.coefficient))) }
            rowLower.append(row.lower.map(Double.init) ?? -Double.greatestFiniteMagnitude)
            rowUpper.append(row.upper.map(Double.init) ?? Double.greatestFiniteMagnitude)
        }
        var start: [Int32] = [0], index: [Int32] = [], value: [Double] = []
        for column in byColumn {
            for (r, c) in column { index.append(r); value.append(c) }
            start.append(Int32(index.count))
        }
        if rows.isEmpty { rowLower = [0]; rowUpper = [0] }
        return (start, index, value, rowLower, rowUpper)
    }

    /// The point rounded to whole numbers, when it is whole and meets every bound and row exactly.
    func wholeNumberPoint(_ x: [Double]) -> [Int]? {
        var w = [Int](repeating: 0, count: x.count)
        for (i, v) in x.enumerated() {
            guard v.isFinite, abs(v) < 1e12 else { return nil }
            let r = v.rounded()
            guard abs(v - r) < 1e-7 else { return nil }
            w[i] = Int(r)
        }
        return satisfies(w) ? w : nil
    }

    /// Whether a whole-number point meets every bound and every row, in exact arithmetic.
    func satisfies(_ w: [Int]) -> Bool {
        guard w.count == variableCount else { return false }
        for i in w.indices {
            if w[i] < lower[i] { return false }
            if let u = upper[i], w[i] > u { return false }
        }
        for row in rows {
            let sum = row.terms.reduce(0) { $0 + $1.coefficient * w[$1.variable] }
            if let l = row.lower, sum < l { return false }
            if let u = row.upper, sum > u { return false }
        }
        return true
    }
}


