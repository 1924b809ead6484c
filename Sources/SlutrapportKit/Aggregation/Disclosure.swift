/// Disclosure control (SPEC §4.5): the one gate every count of a report
/// passes before any writer may show it.
///
/// Every count a report publishes — in a table, a chart, a goal's outcome,
/// the index, the XML or the workbook — is a `Cell`. `CellTable` holds the
/// value of each and every relation between them that follows from SPEC §4
/// (sums over genders, exits, subprojects, breakdowns, the ESF+ groups, a
/// goal's count…). `Suppression.compute` decides what is hidden:
///
/// 1. *primary*: each count c with 0 < c < N;
/// 2. *the proof* (`DisclosureAudit`): an attacker who knows every shown
///    count, every hiding mark ("<N" is 1…N−1, ".." at least N) and every
///    relation solves integer programs for the least and greatest value of
///    each small hidden count. Where that is narrower than the marks and the
///    always-shown totals allow on their own, the counts the attacker would
///    have to be wrong about for it to reach that end are hidden too
///    (`DisclosureAudit.cellsToHide`), and the proof runs again, until every
///    small count is protected.
///
/// Writers read counts only through `published(_:)`, which carries the
/// count's visibility with it (`PublishedCount`): there is no way to ask the
/// gate for a hidden count's value.
public struct Suppression: Sendable {
    public enum Scope: Hashable, Sendable, Comparable {
        case project
        case subproject(Int)
        case group(Int)
    }

    public enum Row: Hashable, Sendable, Comparable {
        case participants, active, ended
        case exit(Int)
        case activity(Int)
        case age(Int)
        /// A declared breakdown's value (index into its values), or its "not stated" (nil).
        case breakdown(Int, value: Int?)
        case esf(ESFIndicator)
        /// An ESF+ group's "not stated" (`ESFFigures.NotStated.group`).
        case esfNotStated(String)
        /// The count a goal's outcome is taken from (index into the project's goals).
        case goal(Int)
        /// Participants naming any of a breakdown's values (a bit a value):
        /// never shown itself, it ties goals on those values to each other and to the breakdown.
        case breakdownSet(Int, mask: UInt64)

        /// A fixed order (kind, then numbers, then name), for choices that never depend on hashing.
        private var key: (Int, Int, UInt64, String) {
            switch self {
            case .participants: (0, 0, 0, "")
            case .active: (1, 0, 0, "")
            case .ended: (2, 0, 0, "")
            case .exit(let r): (3, r, 0, "")
            case .activity(let a): (4, a, 0, "")
            case .age(let i): (5, i, 0, "")
            case .breakdown(let b, let v): (6, b, v.map { UInt64($0) } ?? UInt64.max, "")
            case .esf(let i): (7, ESFIndicator.allCases.firstIndex(of: i)!, 0, "")
            case .esfNotStated(let g): (8, 0, 0, g)
            case .goal(let k): (9, k, 0, "")
            case .breakdownSet(let b, let m): (10, b, m, "")
            }
        }

        public static func < (a: Row, b: Row) -> Bool { a.key < b.key }
    }

    /// `gender` nil is the row total.
    public struct Cell: Hashable, Sendable, Comparable {
        public var scope: Scope
        public var row: Row
        public var gender: Gender?

        public init(_ scope: Scope, _ row: Row, _ gender: Gender?) {
            self.scope = scope
            self.row = row
            self.gender = gender
        }

        /// A fixed order, so that every choice among equals is the same on every run.
        public static func < (a: Cell, b: Cell) -> Bool {
            if a.scope != b.scope { return a.scope < b.scope }
            if a.row != b.row { return a.row < b.row }
            return (a.gender.map { Gender.allCases.firstIndex(of: $0)! } ?? 9) < (b.gender.map { Gender.allCases.firstIndex(of: $0)! } ?? 9)
        }
    }

    public let threshold: Int
    /// Every hidden count: the small ones and those hidden to protect them.
    public private(set) var hidden: Set<Cell> = []
    /// The small ones only (0 < c < N), which text shows as "<N".
    public private(set) var primary: Set<Cell> = []
    /// Every count the gate knows, by cell: only `published(_:)` reads them.
    private var values: [Cell: Int] = [:]
    /// Small counts the proof could not protect further because every count
    /// around them is shown by rule (the always-shown totals, zeros): listed
    /// in docs/disclosure.md's limits; empty in every example.
    public private(set) var unprotectable: [Cell] = []

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

    /// Counts hidden to protect others ("..").
    public var secondaryCount: Int { hidden.count - primary.count }

    /// A count as a writer may show it.
    public func published(_ cell: Cell) -> PublishedCount {
        if primary.contains(cell) { return .small(below: threshold(of: cell)) }
        if hidden.contains(cell) { return .protecting }
        return .shown(values[cell] ?? 0)
    }

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

    /// The project's own totals, which are always shown (SPEC §4.5).
    static let alwaysShown: Set<Cell> = [Cell(.project, .participants, nil), Cell(.project, .active, nil), Cell(.project, .ended, nil),
                                         Cell(.project, .esf(.total), nil)]

    public static func compute(_ f: Figures, threshold n: Int) -> Suppression {
        var s = Suppression(threshold: n)
        s.sensitiveRows = sensitiveRows(f)
        let table = CellTable(f)
        s.values = table.values
        guard n >= 2 || !s.sensitiveRows.isEmpty, f.source != .none else { return s }
        for (cell, value) in table.values where value > 0 && value < s.threshold(of: cell) && !alwaysShown.contains(cell) && !table.unpublished.contains(cell) {
            s.primary.insert(cell)
        }
        guard !s.primary.isEmpty else { return s }
        s.hidden = s.primary
        var audit = DisclosureAudit(table: table, suppression: s)
        audit.protect()
        s.hidden = audit.hidden
        s.unprotectable = audit.unprotectable
        return s
    }
}

/// A count as the gate lets a writer show it.
public enum PublishedCount: Sendable, Equatable {
    case shown(Int)
    /// Small (0 < c < N): "<N".
    case small(below: Int)
    /// Hidden to protect a small one: "..".
    case protecting

    public var value: Int? {
        if case .shown(let n) = self { return n }
        return nil
    }
}

extension Suppression {
    /// The rows of sensitive breakdowns, and of the ESF+ indicators, "not stated" counts and goals drawn from them.
    static func sensitiveRows(_ f: Figures) -> Set<Row> {
        var rows: Set<Row> = []
        for (b, figures) in f.breakdowns.enumerated() where f.sensitiveBreakdowns[b] {
            rows.insert(.breakdown(b, value: nil))
            for v in figures.values.indices { rows.insert(.breakdown(b, value: v)) }
        }
        if f.esf != nil {
            for i in ESFIndicator.allCases where i.isSensitive { rows.insert(.esf(i)) }
            for group in f.esf?.notStated ?? [] where group.sensitive { rows.insert(.esfNotStated(group.group)) }
        }
        for (k, o) in f.goals.enumerated() where o.goal.metric == .breakdownShare {
            guard let b = o.goal.breakdown, f.sensitiveBreakdowns.indices.contains(b), f.sensitiveBreakdowns[b] else { continue }
            rows.insert(.goal(k))
            rows.insert(.breakdownSet(b, mask: CellTable.mask(o.goal.breakdownValues)))
        }
        return rows
    }
}

/// What a test failure or a log may print of the gate: which cells are
/// hidden, never the values it holds.
extension Suppression: CustomStringConvertible, CustomReflectable {
    public var description: String {
        "Suppression(N: \(threshold), small: \(primary.count), hidden to protect: \(secondaryCount))"
    }

    public var customMirror: Mirror { Mirror(self, children: ["threshold": threshold, "primary": primary.sorted(), "hidden": hidden.sorted()]) }
}
