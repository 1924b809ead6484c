/// Disclosure control (SPEC §4.5): which counts a report must not show.
///
/// Primary suppression hides every count c with 0 < c < N. Secondary
/// suppression then looks at every sum the report shows — a row or column
/// with its total, subprojects with the project, groups with their
/// subprojects — and wherever exactly one of its cells is hidden (so that it
/// could be recomputed from the others), hides the smallest non-zero shown
/// cell of that sum too; this repeats until nothing changes. The project's
/// own totals (participants, active, ended) are always shown.
public struct Suppression: Sendable {
    public enum Scope: Hashable, Sendable {
        case project
        case subproject(Int)
        case group(Int)
    }

    public enum Row: Hashable, Sendable {
        case participants, active, ended
        case exit(Int)
        case activity(Int)
        case age(Int)
        /// A declared breakdown's value (index into its values), or its "not stated" (nil).
        case breakdown(Int, value: Int?)
        case esf(ESFIndicator)
        /// An ESF+ group's "not stated" (`ESFFigures.NotStated.group`).
        case esfNotStated(String)
    }

    /// `gender` nil is the row total.
    public struct Cell: Hashable, Sendable {
        public var scope: Scope
        public var row: Row
        public var gender: Gender?

        public init(_ scope: Scope, _ row: Row, _ gender: Gender?) {
            self.scope = scope
            self.row = row
            self.gender = gender
        }
    }

    public let threshold: Int
    /// Every hidden count: the small ones and those hidden to protect them.
    public private(set) var hidden: Set<Cell> = []
    /// The small ones only (0 < c < N), which text shows as "<N".
    public private(set) var primary: Set<Cell> = []

    /// The least count shown for sensitive data (SPEC §4.8).
    public static let sensitiveMinimum = 5
    /// The rows drawn from sensitive data, under `sensitiveThreshold` whatever `threshold` is.
    public private(set) var sensitiveRows: Set<Row> = []

    /// N for sensitive data: max(`--suppress-below`, 5).
    public var sensitiveThreshold: Int { max(threshold, Self.sensitiveMinimum) }

    /// The N a cell is held to: "<N" is how text shows it when it is primary.
    public func threshold(of cell: Cell) -> Int { sensitiveRows.contains(cell.row) ? sensitiveThreshold : threshold }

    public func isHidden(_ cell: Cell) -> Bool { hidden.contains(cell) }
    public func isPrimary(_ cell: Cell) -> Bool { primary.contains(cell) }

    /// Whether the timeline leaves out who started each month by gender:
    /// always under `--suppress-below` (a small month could be recomputed
    /// from the project's totals by gender and the other months), and under
    /// the sensitive rule alone when it hid one of the project's
    /// participants by gender, which the months would add up to
    /// (docs/disclosure.md).
    public var hidesStartedByGender: Bool {
        threshold >= 2 || [Gender.woman, .man, .other].contains { isHidden(Cell(.project, .participants, $0)) }
    }

    /// No suppression: every count shown.
    public static let none = Suppression(threshold: 0)

    init(threshold: Int) { self.threshold = threshold }

    public static func compute(_ f: Figures, threshold n: Int) -> Suppression {
        var s = Suppression(threshold: n)
        s.sensitiveRows = sensitiveRows(f)
        guard n >= 2 || !s.sensitiveRows.isEmpty, f.source != .none else { return s }
        let table = CellTable(f)
        let protected: Set<Cell> = [Cell(.project, .participants, nil), Cell(.project, .active, nil), Cell(.project, .ended, nil),
                                    Cell(.project, .esf(.total), nil)]
        for (cell, value) in table.values where value > 0 && value < s.threshold(of: cell) && !protected.contains(cell) {
            s.primary.insert(cell)
        }
        s.hidden = s.primary
        var changed = true
        while changed {
            changed = false
            for sum in table.sums {
                let cells = sum.parts + [sum.total]
                guard cells.count(where: { s.hidden.contains($0) }) == 1 else { continue }
                let candidates = cells.enumerated().filter { _, c in
                    !s.hidden.contains(c) && !protected.contains(c) && table.value(c) > 0
                }
                // The smallest count; among equals the first, so the result never depends on hashing.
                guard let pick = candidates.min(by: { (table.value($0.1), $0.0) < (table.value($1.1), $1.0) }) else { continue }
                s.hidden.insert(pick.1)
                changed = true
            }
        }
        return s
    }
}

extension Suppression {
    /// The rows of sensitive breakdowns, and of the ESF+ indicators and "not stated" counts drawn from them.
    static func sensitiveRows(_ f: Figures) -> Set<Row> {
        var rows: Set<Row> = []
        for (b, figures) in f.breakdowns.enumerated() where f.sensitiveBreakdowns[b] {
            rows.insert(.breakdown(b, value: nil))
            for v in figures.values.indices { rows.insert(.breakdown(b, value: v)) }
        }
        for i in ESFIndicator.allCases where i.isSensitive { rows.insert(.esf(i)) }
        for group in f.esf?.notStated ?? [] where group.sensitive { rows.insert(.esfNotStated(group.group)) }
        return f.esf == nil ? rows.filter { if case .breakdown = $0 { true } else { false } } : rows
    }
}

/// Every count of the figures by cell, and the sums that tie them together.
struct CellTable: Sendable {
    struct Sum: Sendable {
        var total: Suppression.Cell
        var parts: [Suppression.Cell]
    }

    var values: [Suppression.Cell: Int] = [:]
    private(set) var sums: [Sum] = []

    mutating func appendSum(_ sum: Sum) { sums.append(sum) }

    /// A row of counts by gender with its total, and their sum.
    mutating func addRow(_ scope: Suppression.Scope, _ row: Suppression.Row, _ counts: GenderCounts) {
        let genders: [Gender] = [.woman, .man, .other]
        for g in genders { values[Suppression.Cell(scope, row, g)] = counts[g] }
        values[Suppression.Cell(scope, row, nil)] = counts.total
        sums.append(Sum(total: Suppression.Cell(scope, row, nil), parts: genders.map { Suppression.Cell(scope, row, $0) }))
    }

    func value(_ c: Suppression.Cell) -> Int { values[c] ?? 0 }

    init(_ f: Figures) {
        typealias Cell = Suppression.Cell
        let genders: [Gender] = [.woman, .man, .other]
        func add(_ scope: Suppression.Scope, _ row: Suppression.Row, _ counts: GenderCounts) { addRow(scope, row, counts) }
        func addScope(_ scope: Suppression.Scope, _ b: Breakdown) {
            add(scope, .participants, b.participants)
            add(scope, .active, b.active)
            add(scope, .ended, b.ended)
            for (r, c) in b.exits.enumerated() { add(scope, .exit(r), c) }
            for gender in genders.map(Optional.some) + [nil] {
                sums.append(Sum(total: Cell(scope, .ended, gender), parts: b.exits.indices.map { Cell(scope, .exit($0), gender) }))
                sums.append(Sum(total: Cell(scope, .participants, gender), parts: [Cell(scope, .active, gender), Cell(scope, .ended, gender)]))
            }
        }
        addScope(.project, f.overall)
        for (a, c) in f.overall.activities.enumerated() { add(.project, .activity(a), c) }
        if let bands = f.ageBands {
            for (i, band) in bands.enumerated() { add(.project, .age(i), band.counts) }
            for gender in genders.map(Optional.some) + [nil] {
                sums.append(Sum(total: Cell(.project, .participants, gender), parts: bands.indices.map { Cell(.project, .age($0), gender) }))
            }
        }
        addBreakdowns(f)
        if let esf = f.esf { addESF(f, esf) }
        for (i, b) in f.subprojects.enumerated() { addScope(.subproject(i), b) }
        for (i, g) in f.groups.enumerated() { addScope(.group(i), g.figures) }
        // Subprojects add up to the project, and a group's subprojects to the group.
        if !f.subprojects.isEmpty {
            let rows: [Suppression.Row] = [.participants, .active, .ended] + f.overall.exits.indices.map { .exit($0) }
            for row in rows {
                for gender in genders.map(Optional.some) + [nil] {
                    sums.append(Sum(total: Cell(.project, row, gender), parts: f.subprojects.indices.map { Cell(.subproject($0), row, gender) }))
                    for (i, g) in f.groups.enumerated() {
                        sums.append(Sum(total: Cell(.group(i), row, gender), parts: g.subprojects.map { Cell(.subproject($0), row, gender) }))
                    }
                }
            }
        }
    }
}

extension CellTable {
    private static let genders: [Gender?] = [.woman, .man, .other, nil]

    /// The cells of column `gender` (nil: the total) of the given rows.
    private func column(_ rows: [Suppression.Row], _ gender: Gender?) -> [Suppression.Cell] {
        rows.map { Suppression.Cell(.project, $0, gender) }
    }

    /// Each breakdown's table: its rows by gender, and, when a participant
    /// holds one value, its values and "not stated" adding up to the participants.
    mutating func addBreakdowns(_ f: Figures) {
        for (b, figures) in f.breakdowns.enumerated() where f.shownBreakdowns[b] {
            let rows = figures.values.indices.map { Suppression.Row.breakdown(b, value: $0) } + [.breakdown(b, value: nil)]
            for (v, counts) in figures.values.enumerated() { addRow(.project, .breakdown(b, value: v), counts) }
            addRow(.project, .breakdown(b, value: nil), figures.notStated)
            guard f.singleValuedBreakdowns[b] else { continue }
            for g in Self.genders {
                appendSum(Sum(total: Suppression.Cell(.project, .participants, g), parts: column(rows, g)))
            }
        }
    }

    /// The ESF+ table, and every sum that ties its counts to each other and
    /// to the counts other tables show: the same number under another name
    /// (the total, an age band, an exit reason) is a sum of one part.
    mutating func addESF(_ f: Figures, _ esf: ESFFigures) {
        for c in esf.indicators { addRow(.project, .esf(c.indicator), c.counts) }
        for n in esf.notStated { addRow(.project, .esfNotStated(n.group), n.counts) }
        let partitions: [[Suppression.Row]] = [
            [.esf(.unemployed), .esf(.inactive), .esf(.employed), .esfNotStated(ESFBreakdown.labourStatus.rawValue)],
            [.esf(.isced02), .esf(.isced34), .esf(.isced58), .esfNotStated(ESFBreakdown.education.rawValue)],
        ]
        for g in Self.genders {
            for rows in partitions {
                appendSum(Sum(total: Suppression.Cell(.project, .participants, g), parts: column(rows, g)))
            }
            appendSum(Sum(total: Suppression.Cell(.project, .esf(.total), g), parts: column([.participants], g)))
            for (indicator, reasons) in f.esfResultReasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                appendSum(Sum(total: Suppression.Cell(.project, .esf(indicator), g), parts: column(reasons.map { .exit($0) }, g)))
            }
            // An ESF+ age group that is a run of the report's age bands is their sum.
            for (indicator, from, to) in [(ESFIndicator.below18, nil, 17), (.age18to29, 18, 29), (.age55Plus, 55, nil)] as [(ESFIndicator, Int?, Int?)] {
                guard let bands = f.ageBands, let run = Self.bands(bands, from: from, to: to) else { continue }
                appendSum(Sum(total: Suppression.Cell(.project, .esf(indicator), g), parts: column(run.map { .age($0) }, g)))
            }
            if let bands = f.ageBands, let unknown = bands.firstIndex(where: { !$0.known }) {
                appendSum(Sum(total: Suppression.Cell(.project, .esfNotStated("age"), g), parts: column([.age(unknown)], g)))
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
