/// The proof of SPEC §4.5: for every small hidden count, the least and the
/// greatest value an attacker can prove from everything the report shows are
/// those the hiding marks and the always-shown totals allow on their own.
///
/// The attacker's problem: every unknown count (hidden, or never shown) is a
/// whole-number variable; a small one ("<N") lies in 1…N−1, one hidden to
/// protect others ("..") is at least N (it is never zero and never small:
/// docs/disclosure.md says so, so the attacker knows it), one never shown is
/// at least 0; every relation of `CellTable` holds, with the shown counts put
/// in. Unknowns that share no relation are independent, so the problem falls
/// apart into components, each solved on its own.
///
/// A round: every component not yet proved is solved; a small count whose
/// range is narrower than 1…N−1 is then held to what the marks and the
/// always-shown totals allow on their own (`AllowedWorld`); where it is
/// narrower than that, the shown counts that would have to move for it to
/// reach the end are hidden (`FreeingProgram`, one linear program each).
/// Rounds repeat until every small count is protected, or only zeros pin
/// what is left (`unprotectable`, a documented limit).
struct DisclosureAudit {
    typealias Cell = Suppression.Cell

    let table: CellTable
    let suppression: Suppression
    private(set) var hidden: Set<Cell>
    private(set) var unprotectable: [Cell] = []

    /// Relations by the cells they hold.
    private var relationsOf: [Cell: [Int]] = [:]
    /// Every cell, shown or not, in order.
    let allCells: [Cell]

    init(table: CellTable, suppression: Suppression) {
        self.table = table
        self.suppression = suppression
        self.hidden = suppression.hidden
        var cells = Set(table.values.keys).union(table.unpublished)
        for (r, relation) in table.relations.enumerated() {
            for t in relation.terms {
                relationsOf[t.cell, default: []].append(r)
                cells.insert(t.cell)
            }
        }
        allCells = cells.sorted()
    }

    func isUnknown(_ c: Cell) -> Bool { hidden.contains(c) || table.unpublished.contains(c) }

    /// What the attacker knows of an unknown count: "<N" is 1…N−1, ".." at least N (and never 0), never shown at least 0.
    func mark(_ c: Cell) -> (lower: Int, upper: Int?) {
        let n = suppression.threshold(of: c)
        if suppression.primary.contains(c) { return (1, n - 1) }
        if hidden.contains(c) { return (max(1, n), nil) }
        return (0, nil)
    }

    /// The range a small count's mark gives it.
    func full(_ c: Cell) -> ClosedRange<Int> { 1...(suppression.threshold(of: c) - 1) }

    mutating func protect() {
        var proved: Set<[Cell]> = []
        var given: Set<Cell> = []
        // A small count once proved as wide as the marks allow stays so: hiding more only
        // widens what the attacker can prove and narrows what the marks allow, and the
        // first lies inside the second.
        var settled: Set<Cell> = []
        // What the marks, the zeros and the always-shown totals allow does not depend on which
        // other counts are hidden (a count shown with no mark is at least N, as ".." is): one
        // program for the whole audit, each small count's range solved once.
        let world = AllowedWorld(self)
        var allowedCache: [Cell: ClosedRange<Int>] = [:]
        let marks = suppression
        func allowed(_ c: Cell) -> ClosedRange<Int> {
            if let a = allowedCache[c] { return a }
            let a = world.range(of: c) ?? 1...(marks.threshold(of: c) - 1)
            allowedCache[c] = a
            return a
        }
        // Rounds of one narrowed count a component are few in the examples (under 30); past
        // `patientRounds` every narrowed count has every shown count around its component hidden
        // at once, which protects more roughly but in a few rounds (a count of rounds, not a
        // clock, so that the result is the same on every machine).
        let patientRounds = 25
        var round = 0
        while true {
            round += 1
            // Each component not yet proved: its small counts narrowed against 1…N−1, with the range proved.
            var suspects: [(cell: Cell, range: ClosedRange<Int>, component: [Cell])] = []
            for component in components() where !proved.contains(component) {
                let small = component.filter { suppression.primary.contains($0) && !given.contains($0) && !settled.contains($0) }
                guard !small.isEmpty else { continue }
                let (p, variable) = program(component, bounds: mark, known: { table.value($0) })
                let found = narrowed(p, variable, small, allowed: full)
                settled.formUnion(Set(small).subtracting(found.map(\.0)))
                if found.isEmpty { proved.insert(component) }
                suspects += found.map { ($0.0, $0.1, component) }
            }
            guard !suspects.isEmpty else { break }
            // Against what the marks and the always-shown totals allow on their own.
            var freeing: FreeingProgram?
            var toHide = Set<Cell>(), stuck: [Cell] = []
            var fine = Set(suspects.map(\.component))
            var handled = Set<[Cell]>()
            for (cell, range, component) in suspects {
                // One narrowed count a component a round: what is hidden for it often protects the next.
                if round > patientRounds, narrower(range, than: allowed(cell)) {
                    fine.remove(component)
                    let around = shownAround(component)
                    if around.isEmpty { stuck.append(cell) } else { toHide.formUnion(around) }
                    continue
                }
                if handled.contains(component) {
                    fine.remove(component)
                    continue
                }
                if freeing == nil { freeing = FreeingProgram(self) }
                let outcome = protection(of: cell, range, allowed: allowed(cell), in: world, freeing!, component)
                switch outcome {
                case .settled?:
                    settled.insert(cell)
                case .hide(let cells)?:
                    fine.remove(component)
                    handled.insert(component)
                    toHide.formUnion(cells)
                case nil:
                    fine.remove(component)
                    handled.insert(component)
                    stuck.append(cell)
                }
            }
            proved.formUnion(fine)
            if toHide.isEmpty {
                // Only counts that no hiding helps (zeros pin them) are left: set them aside, prove the rest.
                guard !stuck.isEmpty else { break }
                given.formUnion(stuck)
                unprotectable += stuck
            }
            hidden.formUnion(toHide)
        }
        unprotectable = Set(unprotectable).sorted()
        if round <= patientRounds { showAgain(allowed: allowed, given: given) }
    }

    /// Counts hidden to protect others that, shown again, narrow no small
    /// count: shown again. Each choice above protects one small count, and a
    /// later one may make an earlier unnecessary; the project's own counts
    /// first, the largest first (what a reader misses most), 24 at most, each kept only
    /// where every small count it is tied to keeps its range.
    private mutating func showAgain(allowed: (Cell) -> ClosedRange<Int>, given: Set<Cell>) {
        func rank(_ c: Cell) -> Int { if case .project = c.scope { 0 } else if case .group = c.scope { 1 } else { 2 } }
        // At most a few dozen: each try proves the counts around again, and the project's own
        // counts, which readers look at first, come first.
        let order = hidden.subtracting(suppression.primary).sorted { (rank($0), -table.value($0), $0) < (rank($1), -table.value($1), $1) }.prefix(24)
        for c in order {
            hidden.remove(c)
            let neighbours = Set((relationsOf[c] ?? []).flatMap { table.relations[$0].terms.map(\.cell) }.filter(isUnknown))
            let ok = components().filter { !neighbours.isDisjoint(with: $0) }.allSatisfy { component in
                let small = component.filter { suppression.primary.contains($0) && !given.contains($0) }
                guard !small.isEmpty else { return true }
                let (p, variable) = program(component, bounds: mark, known: { table.value($0) })
                return narrowed(p, variable, small, allowed: allowed).isEmpty
            }
            if !ok { hidden.insert(c) }
        }
    }

    enum Protection: Equatable {
        case settled
        case hide([Cell])
    }

    /// What protects `cell`, proved in `range`: nothing (settled), counts to
    /// hide, or nil when no hiding helps.
    private func protection(of cell: Cell, _ range: ClosedRange<Int>, allowed: ClosedRange<Int>, in world: AllowedWorld,
                            _ freeing: FreeingProgram, _ component: [Cell]) -> Protection? {
        guard narrower(range, than: allowed) else { return .settled }
        let target = range.lowerBound > allowed.lowerBound ? allowed.lowerBound : allowed.upperBound
        switch freeing.cellsToHide(toReach: cell, target) {
        case .some(let cells) where !cells.isEmpty:
            return .hide(cells)
        case .some:
            // The relaxation reaches it, whole numbers do not: hide next to it.
            return candidate(around: cell).map { .hide([$0]) }
        case .none:
            return nil
        }
    }

    private func narrower(_ range: ClosedRange<Int>, than a: ClosedRange<Int>) -> Bool {
        range.lowerBound > a.lowerBound || range.upperBound < a.upperBound
    }

    /// Every small count whose range, proved afresh over all unknowns at
    /// once, is narrower than what the marks and the always-shown totals
    /// allow: the check of the whole result, for tests (empty but for
    /// `unprotectable`).
    func violations() -> [(Cell, proved: ClosedRange<Int>, allowed: ClosedRange<Int>)] {
        let unknowns = allCells.filter(isUnknown)
        let (p, variable) = program(unknowns, bounds: mark, known: { table.value($0) })
        let world = AllowedWorld(self)
        return narrowed(p, variable, suppression.primary.sorted(), allowed: full).compactMap { c, range in
            guard let allowed = world.range(of: c), narrower(range, than: allowed) else { return nil }
            return (c, range, allowed)
        }
    }

    /// The unknown cells in groups tied by relations, each sorted, the groups in order of their first cell.
    private func components() -> [[Cell]] {
        let unknown = (Array(hidden) + Array(table.unpublished)).sorted()
        var index: [Cell: Int] = [:]
        for (i, c) in unknown.enumerated() { index[c] = i }
        var parent = Array(unknown.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for relation in table.relations {
            let ids = relation.terms.compactMap { index[$0.cell] }
            guard let first = ids.first else { continue }
            for id in ids.dropFirst() {
                let a = find(first), b = find(id)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Cell]] = [:]
        for (i, c) in unknown.enumerated() { groups[find(i), default: []].append(c) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The attacker's program over `unknowns`, with every other cell's value
    /// from `known` put in; `bounds` gives each unknown's range.
    func program(_ unknowns: [Cell], bounds: (Cell) -> (lower: Int, upper: Int?), known: (Cell) -> Int?) -> (IntegerProgram, [Cell: Int]) {
        var p = IntegerProgram()
        var variable: [Cell: Int] = [:]
        for c in unknowns {
            let b = bounds(c)
            variable[c] = p.addVariable(lower: b.lower, upper: b.upper)
        }
        var seen = Set<Int>()
        for c in unknowns {
            for r in relationsOf[c] ?? [] where seen.insert(r).inserted {
                let relation = table.relations[r]
                var constant = 0
                var terms: [(variable: Int, coefficient: Int)] = []
                for t in relation.terms {
                    if let v = variable[t.cell] { terms.append((v, t.coefficient)) } else { constant += t.coefficient * (known(t.cell) ?? 0) }
                }
                p.rows.append(IntegerProgram.Row(terms: terms, lower: relation.lower.map { $0 - constant }, upper: relation.upper.map { $0 - constant }))
            }
        }
        return (p, variable)
    }

    /// The cells of `small` whose least or greatest value in `p` lies inside
    /// the range allowed, in order, each with the range proved for it.
    func narrowed(_ p: IntegerProgram, _ variable: [Cell: Int], _ small: [Cell], allowed: (Cell) -> ClosedRange<Int>) -> [(Cell, ClosedRange<Int>)] {
        var low: [Cell: Int] = [:], high: [Cell: Int] = [:]
        func record(_ witness: [Int]) {
            for c in small {
                let v = witness[variable[c]!]
                if v <= allowed(c).lowerBound { low[c] = min(v, low[c] ?? v) }
                if v >= allowed(c).upperBound { high[c] = max(v, high[c] ?? v) }
            }
        }
        // All at once first: one point often takes every small count to 1, another to N−1.
        let ids = small.map { variable[$0]! }
        if case .value(_, let w) = p.extreme(of: ids, maximize: false) { record(w) }
        if case .value(_, let w) = p.extreme(of: ids, maximize: true) { record(w) }
        var found: [(Cell, ClosedRange<Int>)] = []
        for c in small {
            var least = low[c], greatest = high[c]
            if least == nil {
                switch p.extreme(of: [variable[c]!], maximize: false) {
                case .value(let x, let w): record(w); least = x
                // Not proved within the solver's limits: taken as narrowed, so that more is hidden.
                case .atLeast(let x): least = max(x, allowed(c).lowerBound + 1)
                case .unbounded, .infeasible, .atMost: least = allowed(c).lowerBound + 1
                }
            }
            if greatest == nil {
                switch p.extreme(of: [variable[c]!], maximize: true) {
                case .value(let x, let w): record(w); greatest = x
                case .unbounded: greatest = Int.max
                case .atMost(let x): greatest = min(x, allowed(c).upperBound - 1)
                case .infeasible, .atLeast: greatest = allowed(c).upperBound - 1
                }
            }
            let least1 = least!, greatest1 = max(least!, greatest!)
            if least1 > allowed(c).lowerBound || greatest1 < allowed(c).upperBound { found.append((c, least1...greatest1)) }
        }
        return found
    }

    /// The shown non-zero counts, not shown by rule, in the relations of a component's unknowns.
    func shownAround(_ component: [Cell]) -> [Cell] {
        var out = Set<Cell>()
        for c in component {
            for r in relationsOf[c] ?? [] {
                for t in table.relations[r].terms where !isUnknown(t.cell) && !Suppression.alwaysShown.contains(t.cell) && table.value(t.cell) > 0 {
                    out.insert(t.cell)
                }
            }
        }
        return out.sorted()
    }

    /// The order in which counts are worth hiding to protect one held to N:
    /// the attacker knows a hidden one is at least N, so a count of v leaves
    /// v − N of room below it; one with room for a whole small count (v ≥
    /// 2N − 2) comes first, the smallest of those, then the rest from the
    /// largest down.
    static func cost(_ value: Int, threshold n: Int) -> Int {
        value >= 2 * n - 2 ? value : Int.max / 2 - value
    }

    /// The shown count to hide next around a narrowed one: from the relations
    /// holding it with the fewest unknowns, the cheapest (`cost`) non-zero
    /// count not shown by rule; then from the relations of its whole component.
    private func candidate(around cell: Cell) -> Cell? {
        func usable(_ c: Cell) -> Bool {
            !isUnknown(c) && !Suppression.alwaysShown.contains(c) && table.value(c) > 0
        }
        var best: (Int, Int, Cell)?
        var frontier = [cell], visited: Set<Cell> = [cell], seenRelations = Set<Int>()
        while !frontier.isEmpty {
            for c in frontier {
                for r in relationsOf[c] ?? [] where seenRelations.insert(r).inserted {
                    let terms = table.relations[r].terms
                    let unknowns = terms.count(where: { isUnknown($0.cell) })
                    for t in terms where usable(t.cell) {
                        let key = (unknowns, Self.cost(table.value(t.cell), threshold: suppression.threshold(of: cell)), t.cell)
                        if best.map({ (key.0, key.1) < ($0.0, $0.1) || ((key.0, key.1) == ($0.0, $0.1) && key.2 < $0.2) }) ?? true { best = key }
                    }
                }
            }
            if let best { return best.2 }
            // Nothing to hide next to it: look one step further, through the unknowns it is tied to.
            var next: [Cell] = []
            for c in frontier {
                for r in relationsOf[c] ?? [] {
                    for t in table.relations[r].terms where isUnknown(t.cell) && visited.insert(t.cell).inserted { next.append(t.cell) }
                }
            }
            frontier = next.sorted()
        }
        return nil
    }
}

/// The attacker who knows only the marks, the always-shown totals and the
/// zeros: what they allow a small count on their own (SPEC §4.5, read in
/// docs/disclosure.md). Every other count is unknown, known only by its
/// mark: "<N" is 1…N−1, ".." at least N, and a count shown with no mark is
/// not small — at least N — whatever its value. Built once a round.
struct AllowedWorld {
    let audit: DisclosureAudit
    let program: IntegerProgram
    let variable: [Suppression.Cell: Int]

    init(_ audit: DisclosureAudit) {
        self.audit = audit
        // A shown zero is known: the method never hides a zero, so what zeros say is a limit of
        // it (docs/disclosure.md), not something hiding other counts could take back.
        let unknowns = audit.allCells.filter { !Suppression.alwaysShown.contains($0) && (audit.isUnknown($0) || audit.table.value($0) != 0) }
        var (p, variable) = audit.program(unknowns, bounds: { audit.isUnknown($0) ? audit.mark($0) : (0, nil) }, known: { audit.table.value($0) })
        // A count shown without "<N" and not zero is, by that, at least N (at least 1 where no N holds).
        // A goal's count shows only through its share: taken as any count, as the attacker test's
        // marks-only program leaves goals out (docs/disclosure-attack.md).
        for c in unknowns where !audit.isUnknown(c) {
            if case .goal = c.row { continue }
            if let x = variable[c] { p.lower[x] = max(1, audit.suppression.threshold(of: c)) }
        }
        (program, self.variable) = (p, variable)
    }

    /// What the marks allow `cell`; nil for a cell no relation holds.
    func range(of cell: Suppression.Cell) -> ClosedRange<Int>? {
        guard let v = variable[cell] else { return nil }
        var low = 1, high = audit.suppression.threshold(of: cell) - 1
        if case .value(let x, _) = program.extreme(of: [v], maximize: false) { low = x }
        if case .value(let x, _) = program.extreme(of: [v], maximize: true) { high = x }
        return low...max(low, high)
    }
}

/// The shown counts to hide so that a small count can reach an end of its
/// allowed range: the counts an attacker would have to be wrong about for
/// it to be there. One linear program (Fischetti and Salazar's attacker
/// subproblem, as sdcTable and τ-ARGUS pose it): every shown non-zero count
/// may move off its value at a price of 1 a unit, staying at least its N
/// (it will be shown as ".."), the hidden ones keep their marks, zeros and
/// the always-shown totals stay; the least price with the small count at
/// the end. The counts that moved are the ones to hide. Built once a round.
struct FreeingProgram {
    let program: IntegerProgram
    let variable: [Suppression.Cell: Int]
    let cost: [Double]
    let movable: [(cell: Suppression.Cell, up: Int, down: Int)]

    init(_ audit: DisclosureAudit) {
        var p = IntegerProgram()
        var variable: [Suppression.Cell: Int] = [:]
        var cost: [Double] = []
        var movable: [(cell: Suppression.Cell, up: Int, down: Int)] = []
        let table = audit.table
        for c in audit.allCells {
            if audit.isUnknown(c) {
                let b = audit.mark(c)
                variable[c] = p.addVariable(lower: b.lower, upper: b.upper)
                cost.append(0)
            } else if !Suppression.alwaysShown.contains(c), table.value(c) > 0 {
                let v = p.addVariable(lower: max(1, audit.suppression.threshold(of: c)), upper: nil)
                let up = p.addVariable(lower: 0, upper: nil), down = p.addVariable(lower: 0, upper: nil)
                variable[c] = v
                cost += [0, 1, 1]
                p.rows.append(.init(terms: [(v, 1), (up, -1), (down, 1)], lower: table.value(c), upper: table.value(c)))
                movable.append((c, up, down))
            }
        }
        for relation in table.relations {
            var constant = 0
            var terms: [(variable: Int, coefficient: Int)] = []
            for t in relation.terms {
                if let v = variable[t.cell] { terms.append((v, t.coefficient)) } else { constant += t.coefficient * table.value(t.cell) }
            }
            guard !terms.isEmpty else { continue }
            p.rows.append(.init(terms: terms, lower: relation.lower.map { $0 - constant }, upper: relation.upper.map { $0 - constant }))
        }
        (program, self.variable, self.cost, self.movable) = (p, variable, cost, movable)
    }

    /// The counts to hide for `cell` to reach `target`; nil when no choice of shown counts lets it.
    func cellsToHide(toReach cell: Suppression.Cell, _ target: Int) -> [Suppression.Cell]? {
        guard let v = variable[cell] else { return nil }
        var p = program
        p.lower[v] = target
        p.upper[v] = target
        guard let x = p.relaxedMinimum(cost: cost) else { return nil }
        return movable.filter { x[$0.up] + x[$0.down] > 1e-6 }.map(\.cell)
    }
}
