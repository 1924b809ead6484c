/// Every count of the figures by cell, and every relation between them that
/// follows from SPEC §4's definitions: what an attacker reading the whole
/// report may use (docs/disclosure.md lists them).
struct CellTable: Sendable {
    typealias Cell = Suppression.Cell

    /// A sum a reader can redo: `total` = Σ `parts`.
    struct Sum: Sendable {
        var total: Cell
        var parts: [Cell]
    }

    /// `lower ≤ Σ coefficient · cell ≤ upper`.
    struct Relation: Sendable {
        var terms: [(cell: Cell, coefficient: Int)]
        var lower: Int?
        var upper: Int?
    }

    /// The value of every published count.
    var values: [Cell: Int] = [:]
    /// Counts no output shows, which relations between shown ones go through
    /// (a goal's breakdown values in a subproject that has no goal).
    private(set) var unpublished: Set<Cell> = []
    private(set) var sums: [Sum] = []
    private(set) var relations: [Relation] = []

    func value(_ c: Cell) -> Int { values[c] ?? 0 }

    mutating func appendSum(_ sum: Sum) {
        sums.append(sum)
        relations.append(Relation(terms: [(sum.total, 1)] + sum.parts.map { ($0, -1) }, lower: 0, upper: 0))
    }

    /// `small ≤ large`.
    mutating func appendAtMost(_ small: [Cell], _ large: [Cell]) {
        relations.append(Relation(terms: small.map { ($0, 1) } + large.map { ($0, -1) }, lower: nil, upper: 0))
    }

    mutating func appendEqual(_ a: [(Cell, Int)], _ b: [(Cell, Int)]) {
        relations.append(Relation(terms: a + b.map { ($0.0, -$0.1) }, lower: 0, upper: 0))
    }

    /// A row of counts by gender with its total, and their sum.
    mutating func addRow(_ scope: Suppression.Scope, _ row: Suppression.Row, _ counts: GenderCounts) {
        for g in Self.genders { values[Cell(scope, row, g)] = counts[g] }
        values[Cell(scope, row, nil)] = counts.total
        appendSum(Sum(total: Cell(scope, row, nil), parts: Self.genders.map { Cell(scope, row, $0) }))
    }

    static let genders: [Gender] = [.woman, .man, .other]
    static let columns: [Gender?] = [.woman, .man, .other, nil]

    static func mask(_ values: [Int]) -> UInt64 { values.reduce(0) { $0 | (1 << UInt64($1)) } }

    init(_ f: Figures) {
        func addScope(_ scope: Suppression.Scope, _ b: Breakdown) {
            addRow(scope, .participants, b.participants)
            addRow(scope, .active, b.active)
            addRow(scope, .ended, b.ended)
            for (r, c) in b.exits.enumerated() { addRow(scope, .exit(r), c) }
            for gender in Self.columns {
                appendSum(Sum(total: Cell(scope, .ended, gender), parts: b.exits.indices.map { Cell(scope, .exit($0), gender) }))
                appendSum(Sum(total: Cell(scope, .participants, gender), parts: [Cell(scope, .active, gender), Cell(scope, .ended, gender)]))
            }
        }
        addScope(.project, f.overall)
        if f.source == .participants {
            for (a, c) in f.overall.activities.enumerated() {
                addRow(.project, .activity(a), c)
                // Who took part in an activity is among the participants.
                for g in Self.columns { appendAtMost([Cell(.project, .activity(a), g)], [Cell(.project, .participants, g)]) }
            }
        }
        if let bands = f.ageBands {
            for (i, band) in bands.enumerated() { addRow(.project, .age(i), band.counts) }
            for gender in Self.columns {
                appendSum(Sum(total: Cell(.project, .participants, gender), parts: bands.indices.map { Cell(.project, .age($0), gender) }))
            }
        }
        addBreakdowns(f)
        if let esf = f.esf { addESF(f, esf) }
        for (i, b) in f.subprojects.enumerated() { addScope(.subproject(i), b) }
        for (i, g) in f.groups.enumerated() { addScope(.group(i), g.figures) }
        // No format shows a subproject's or an area's active by gender (their tables give the
        // active in total, and the ended by gender under the exit reasons): unknowns to an attacker.
        for scope in f.subprojects.indices.map({ Suppression.Scope.subproject($0) }) + f.groups.indices.map({ .group($0) }) {
            for g in Self.genders { unpublished.insert(Cell(scope, .active, g)) }
        }
        // Subprojects add up to the project, and a group's subprojects to the group.
        if !f.subprojects.isEmpty {
            let rows: [Suppression.Row] = [.participants, .active, .ended] + f.overall.exits.indices.map { .exit($0) }
            for row in rows {
                for gender in Self.columns {
                    appendSum(Sum(total: Cell(.project, row, gender), parts: f.subprojects.indices.map { Cell(.subproject($0), row, gender) }))
                    for (i, g) in f.groups.enumerated() {
                        appendSum(Sum(total: Cell(.group(i), row, gender), parts: g.subprojects.map { Cell(.subproject($0), row, gender) }))
                    }
                }
            }
        }
        addGoals(f)
    }
}

extension CellTable {
    /// The cells of column `gender` (nil: the total) of the given rows.
    private func column(_ rows: [Suppression.Row], _ gender: Gender?) -> [Cell] {
        rows.map { Cell(.project, $0, gender) }
    }

    /// Each breakdown's table: its rows by gender; when a participant holds
    /// one value, its values and "not stated" add up to the participants;
    /// when several, each value is among those who stated any.
    mutating func addBreakdowns(_ f: Figures) {
        for (b, figures) in f.breakdowns.enumerated() where f.shownBreakdowns[b] {
            let rows = figures.values.indices.map { Suppression.Row.breakdown(b, value: $0) } + [.breakdown(b, value: nil)]
            for (v, counts) in figures.values.enumerated() { addRow(.project, .breakdown(b, value: v), counts) }
            addRow(.project, .breakdown(b, value: nil), figures.notStated)
            for g in Self.columns {
                if f.singleValuedBreakdowns[b] {
                    appendSum(Sum(total: Cell(.project, .participants, g), parts: column(rows, g)))
                } else {
                    // Each value and "not stated" is at most the participants; those who stated
                    // any value (participants − not stated) hold at least one, so the values sum to at least that.
                    let notStated = Cell(.project, .breakdown(b, value: nil), g)
                    for v in figures.values.indices {
                        appendAtMost([Cell(.project, .breakdown(b, value: v), g), notStated], [Cell(.project, .participants, g)])
                    }
                    appendAtMost([Cell(.project, .participants, g)], column(rows, g))
                }
            }
        }
    }

    /// The ESF+ table, and every relation that ties its counts to each other
    /// and to the counts other tables show: the same number under another
    /// name (the total, an age band, an exit reason) is a sum of one part.
    mutating func addESF(_ f: Figures, _ esf: ESFFigures) {
        for c in esf.indicators { addRow(.project, .esf(c.indicator), c.counts) }
        for n in esf.notStated { addRow(.project, .esfNotStated(n.group), n.counts) }
        let partitions: [[Suppression.Row]] = [
            [.esf(.unemployed), .esf(.inactive), .esf(.employed), .esfNotStated(ESFBreakdown.labourStatus.rawValue)],
            [.esf(.isced02), .esf(.isced34), .esf(.isced58), .esfNotStated(ESFBreakdown.education.rawValue)],
        ]
        let hasGroup = Set(esf.notStated.map(\.group))
        for g in Self.columns {
            let participants = Cell(.project, .participants, g), ended = Cell(.project, .ended, g)
            for rows in partitions where rows.last.map({ if case .esfNotStated(let k) = $0 { hasGroup.contains(k) } else { false } }) ?? false {
                appendSum(Sum(total: participants, parts: column(rows, g)))
            }
            appendSum(Sum(total: Cell(.project, .esf(.total), g), parts: column([.participants], g)))
            appendAtMost(column([.esf(.longTermUnemployed)], g), column([.esf(.unemployed)], g))
            for (indicator, reasons) in f.esfResultReasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                appendSum(Sum(total: Cell(.project, .esf(indicator), g), parts: column(reasons.map { .exit($0) }, g)))
            }
            // A yes/no group: those who said yes and those who did not say are among the participants
            // (the ended, for a qualification).
            let yesNo: [(ESFIndicator, ESFBreakdown)] = [(.disability, .disability), (.thirdCountryNational, .thirdCountryNational),
                                                         (.foreignBackground, .foreignBackground), (.minority, .minority),
                                                         (.homeless, .homeless), (.rural, .rural), (.qualification, .qualification)]
            for (indicator, group) in yesNo {
                let whole = indicator == .qualification ? ended : participants
                let notStated: [Cell] = hasGroup.contains(group.rawValue) ? column([.esfNotStated(group.rawValue)], g) : []
                appendAtMost(column([.esf(indicator)], g) + notStated, [whole])
            }
            // The age groups: disjoint, with age not stated, among the participants.
            let ageRows: [Suppression.Row] = [.esf(.below18), .esf(.age18to29), .esf(.age55Plus)]
                + (hasGroup.contains("age") ? [.esfNotStated("age")] : [])
            appendAtMost(column(ageRows, g), [participants])
            // An ESF+ age group that is a run of the report's age bands is their sum; otherwise it holds
            // the bands wholly inside it and lies within the bands it meets (the same age at the start).
            for (indicator, from, to) in [(ESFIndicator.below18, nil, 17), (.age18to29, 18, 29), (.age55Plus, 55, nil)] as [(ESFIndicator, Int?, Int?)] {
                guard let bands = f.ageBands else { continue }
                let group = Cell(.project, .esf(indicator), g)
                if let run = Self.bands(bands, from: from, to: to) {
                    appendSum(Sum(total: group, parts: column(run.map { .age($0) }, g)))
                    continue
                }
                let low = from ?? Int.min, high = to ?? Int.max
                let known = bands.indices.filter { bands[$0].known }
                let inside = known.filter { (bands[$0].from ?? Int.min) >= low && (bands[$0].to ?? Int.max) <= high }
                let meeting = known.filter { (bands[$0].from ?? Int.min) <= high && (bands[$0].to ?? Int.max) >= low }
                if !inside.isEmpty { appendAtMost(column(inside.map { .age($0) }, g), [group]) }
                appendAtMost([group], column(meeting.map { .age($0) }, g))
            }
            if hasGroup.contains("age"), let bands = f.ageBands, let unknown = bands.firstIndex(where: { !$0.known }) {
                appendSum(Sum(total: Cell(.project, .esfNotStated("age"), g), parts: column([.age(unknown)], g)))
            }
            // A result indicator is among the ended.
            for indicator in [ESFIndicator.jobSearching, .educationTraining, .employment] where f.esfResultReasons[indicator] == nil {
                appendAtMost(column([.esf(indicator)], g), [ended])
            }
        }
    }

    /// The known age bands that together cover exactly `from`...`to` (nil: open), if some do.
    static func bands(_ bands: [AgeBand], from: Int?, to: Int?) -> [Int]? {
        let run = bands.indices.filter { i in
            let b = bands[i]
            guard b.known else { return false }
            let lowOK = from.map { (b.from ?? Int.min) >= $0 } ?? true
            let highOK = to.map { (b.to ?? Int.max) <= $0 } ?? true
            return lowOK && highOK
        }
        guard let first = run.first, let last = run.last, bands[first].from == from, bands[last].to == to else { return nil }
        return run
    }
}

extension CellTable {
    /// The count each measured goal's outcome is taken from, as a cell of
    /// its own (`.goal(k)` in the goal's scope), tied to the counts it is made of.
    /// A goal on the participants reads their cells directly.
    mutating func addGoals(_ f: Figures) {
        let subprojects = f.subprojects.indices
        for (k, o) in f.goals.enumerated() {
            guard case .share(let share)? = o.outcome else { continue }
            let scope: Suppression.Scope = o.goal.subproject.map { .subproject($0) } ?? .project
            let cell = Cell(scope, .goal(k), nil)
            values[cell] = share.numerator
            switch o.goal.metric {
            case .exitShare:
                appendSum(Sum(total: cell, parts: o.goal.reasons.map { Cell(scope, .exit($0), nil) }))
            case .activityShare:
                guard let a = o.goal.activity, f.overall.activities.indices.contains(a) else { continue }
                if scope == .project {
                    appendSum(Sum(total: cell, parts: [Cell(.project, .activity(a), nil)]))
                } else {
                    // The subprojects' takers of the activity add up to the project's.
                    let parts = subprojects.map { Cell(.subproject($0), .activity(a), nil) }
                    for (i, p) in parts.enumerated() {
                        if values[p] == nil { unpublished.insert(p); values[p] = f.subprojects[i].activities[a].total }
                        appendAtMost([p], [Cell(.subproject(i), .participants, nil)])
                    }
                    appendSum(Sum(total: Cell(.project, .activity(a), nil), parts: parts))
                    appendSum(Sum(total: cell, parts: [Cell(scope, .activity(a), nil)]))
                }
            case .breakdownShare:
                guard let b = o.goal.breakdown else { continue }
                let row = Suppression.Row.breakdownSet(b, mask: Self.mask(o.goal.breakdownValues))
                let whole = Cell(.project, row, nil)
                if values[whole] == nil {
                    unpublished.insert(whole)
                    addBreakdownSet(f, b, values: o.goal.breakdownValues, whole)
                    let parts = subprojects.map { Cell(.subproject($0), row, nil) }
                    for (i, p) in parts.enumerated() {
                        unpublished.insert(p)
                        appendAtMost([p], [Cell(.subproject(i), .participants, nil)])
                    }
                    if !parts.isEmpty { appendSum(Sum(total: whole, parts: parts)) }
                }
                let part = Cell(scope, row, nil)
                if unpublished.contains(part) { values[part] = share.numerator }
                appendSum(Sum(total: cell, parts: [part]))
            case .participants, .reported:
                continue
            }
            // The count is among those the share is of.
            let denominator = o.goal.metric == .exitShare ? Cell(scope, .ended, nil) : Cell(scope, .participants, nil)
            appendAtMost([cell], [denominator])
        }
    }

    /// Participants naming any of `values` of breakdown `b`, tied to the
    /// breakdown's table (or, for an ESF+ one, to the indicators it gives).
    private mutating func addBreakdownSet(_ f: Figures, _ b: Int, values chosen: [Int], _ whole: Cell) {
        appendAtMost([whole], [Cell(.project, .participants, nil)])
        if f.shownBreakdowns.indices.contains(b), f.shownBreakdowns[b] {
            let cells = chosen.map { Cell(.project, .breakdown(b, value: $0), nil) }
            values[whole] = f.singleValuedBreakdowns[b] ? cells.reduce(0) { $0 + value($1) } : nil
            if f.singleValuedBreakdowns[b] {
                appendSum(Sum(total: whole, parts: cells))
            } else {
                appendAtMost([whole], cells)
                for c in cells { appendAtMost([c], [whole]) }
            }
            if values[whole] == nil { values[whole] = 0 }
            return
        }
        values[whole] = 0
        // An ESF+ breakdown shows through its indicators: a yes/no one's "yes" is its indicator.
        guard f.breakdownESF.indices.contains(b), let e = f.breakdownESF[b] else { return }
        let codes = chosen.compactMap { f.breakdownCodes[b].indices.contains($0) ? f.breakdownCodes[b][$0] : nil }
        let indicator: [String: ESFIndicator] = switch e {
        case .labourStatus: ["long_term_unemployed": .longTermUnemployed, "inactive": .inactive, "employed": .employed]
        case .education: ["isced_0_2": .isced02, "isced_3_4": .isced34, "isced_5_8": .isced58]
        case .qualification: [:]
        default: e.esfIndicator.map { ["yes": $0] } ?? [:]
        }
        var terms: [(Cell, Int)] = []
        for code in codes {
            if let i = indicator[code] {
                terms.append((Cell(.project, .esf(i), nil), 1))
            } else if e == .labourStatus, code == "unemployed" {
                terms += [(Cell(.project, .esf(.unemployed), nil), 1), (Cell(.project, .esf(.longTermUnemployed), nil), -1)]
            } else {
                return // a value no indicator shows: only "at most the participants"
            }
        }
        if !terms.isEmpty { appendEqual([(whole, 1)], terms) }
    }
}

extension ESFBreakdown {
    /// The output indicator counting this yes/no breakdown's "yes".
    var esfIndicator: ESFIndicator? {
        [.labourStatus, .education, .qualification].contains(self) ? nil : ESFIndicator.allCases.first { $0.breakdown == self }
    }
}
