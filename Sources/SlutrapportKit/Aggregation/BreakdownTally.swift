/// The declared breakdowns' counts (SPEC §4.8–9), folded as rows are read:
/// per subproject slot, state (active or ended), gender, breakdown and value
/// (the last value is "not stated"), so that a row's cells lie together; per `breakdown_share` goal, slot and
/// gender, the participants whose cell names one of the goal's values; and,
/// with `esf_plus`, participants by the ESF+ age groups and gender.
struct BreakdownTally: Sendable, Equatable {
    /// A `breakdown_share` goal: its index in project.yaml's goals, its breakdown and values as bits.
    struct GoalValues: Sendable, Equatable {
        var goal: Int
        var breakdown: Int
        var values: UInt64
    }

    /// Values of each breakdown plus one for "not stated".
    let widths: [Int]
    /// Where each breakdown's cells start within those of a slot, state and gender.
    let offsets: [Int]
    /// The cells of one slot, state and gender: every breakdown's.
    let stride: Int
    let slots: Int
    var cells: [Int]
    let goals: [GoalValues]
    /// (goal ordinal × slots + slot) × 3 + gender.
    var goalCells: [Int]
    /// The ESF+ age groups (SPEC §4.9: below 18, 18–29, 30–54, 55 and above, no birth year) × 3 + gender; empty without `esf_plus`.
    var esfAgeCells: [Int]
    /// The lower limits of the ESF+ age groups after the first.
    static let esfAgeLimits = [18, 30, 55]
    static let esfAgeGroups = esfAgeLimits.count + 2

    static let empty = BreakdownTally(widths: [], slots: 1, goals: [], esf: false)

    init(widths: [Int], slots: Int, goals: [GoalValues], esf: Bool) {
        self.widths = widths
        self.slots = slots
        var offsets: [Int] = []
        var stride = 0
        for w in widths {
            offsets.append(stride)
            stride += w
        }
        self.offsets = offsets
        self.stride = stride
        cells = Array(repeating: 0, count: slots * 6 * stride)
        self.goals = goals
        goalCells = Array(repeating: 0, count: goals.count * slots * 3)
        esfAgeCells = esf ? Array(repeating: 0, count: Self.esfAgeGroups * 3) : []
    }

    init(project: Project) {
        let goals = project.goals.enumerated().compactMap { i, g -> GoalValues? in
            guard g.metric == .breakdownShare, let b = g.breakdown else { return nil }
            return GoalValues(goal: i, breakdown: b, values: g.breakdownValues.reduce(0) { $0 | 1 << UInt64($1) })
        }
        self.init(widths: project.breakdowns.map { $0.values.count + 1 }, slots: project.subprojects.count + 1, goals: goals,
                  esf: project.esfPlus)
    }

    /// Where the cells of a slot, state and gender start.
    @inline(__always)
    static func rowStart(stride: Int, slot: Int, ended: Bool, gender: Int) -> Int {
        ((slot * 2 + (ended ? 1 : 0)) * 3 + gender) * stride
    }

    /// Participants of breakdown `b` naming `value` (nil: not stated), in `slots`, ended or active (nil: both), of one gender.
    func count(_ b: Int, value: Int?, slots: some Sequence<Int>, ended: Bool?, gender: Gender) -> Int {
        let v = value ?? widths[b] - 1
        let states = ended.map { [$0] } ?? [false, true]
        return slots.reduce(0) { sum, slot in
            states.reduce(sum) { $0 + cells[Self.rowStart(stride: stride, slot: slot, ended: $1, gender: gender.rawValue) + offsets[b] + v] }
        }
    }

    /// Counted participants in `slots` of one gender whose cell names one of goal `ordinal`'s values.
    func goalCount(_ ordinal: Int, slots: some Sequence<Int>, gender: Gender) -> Int {
        slots.reduce(0) { $0 + goalCells[(ordinal * self.slots + $1) * 3 + gender.rawValue] }
    }

    func esfAgeCount(group: Int, gender: Gender) -> Int {
        esfAgeCells.isEmpty ? 0 : esfAgeCells[group * 3 + gender.rawValue]
    }

    mutating func merge(_ other: BreakdownTally) {
        for i in other.cells.indices where i < cells.count { cells[i] += other.cells[i] }
        for i in other.goalCells.indices where i < goalCells.count { goalCells[i] += other.goalCells[i] }
        for i in other.esfAgeCells.indices where i < esfAgeCells.count { esfAgeCells[i] += other.esfAgeCells[i] }
    }
}

extension BreakdownTally {
    /// Where a reader counts a row's breakdowns: the cells in raw memory, as `Tally.Counter` keeps its own.
    final class Counter {
        private let shape: BreakdownTally
        let count: Int
        private let offsets: UnsafeMutableBufferPointer<Int>
        private let cells: UnsafeMutableBufferPointer<Int>
        private let goalBreakdowns: UnsafeMutableBufferPointer<Int>
        private let goalValues: UnsafeMutableBufferPointer<UInt64>
        private let goalCells: UnsafeMutableBufferPointer<Int>
        private let goalCount: Int
        private let esfAgeCells: UnsafeMutableBufferPointer<Int>
        private let esf: Bool
        private let slots: Int
        private let stride: Int

        init(_ shape: BreakdownTally) {
            self.shape = shape
            count = shape.widths.count
            goalCount = shape.goals.count
            esf = !shape.esfAgeCells.isEmpty
            slots = shape.slots
            stride = shape.stride
            func copy<T>(_ a: [T], _ zero: T) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
                p.initialize(repeating: zero)
                _ = p.initialize(from: a)
                return p
            }
            offsets = copy(shape.offsets, 0)
            cells = copy(shape.cells, 0)
            goalBreakdowns = copy(shape.goals.map(\.breakdown), 0)
            goalValues = copy(shape.goals.map(\.values), 0)
            goalCells = copy(shape.goalCells, 0)
            esfAgeCells = copy(shape.esfAgeCells, 0)
        }

        deinit {
            offsets.deallocate()
            cells.deallocate()
            goalBreakdowns.deallocate()
            goalValues.deallocate()
            goalCells.deallocate()
            esfAgeCells.deallocate()
        }

        var tally: BreakdownTally {
            var t = shape
            t.cells = Array(cells.prefix(shape.cells.count))
            t.goalCells = Array(goalCells.prefix(shape.goalCells.count))
            t.esfAgeCells = Array(esfAgeCells.prefix(shape.esfAgeCells.count))
            return t
        }

        /// Counts one participant: `values[b]` holds the values breakdown b's
        /// cell names, a bit each, or only the bit after them: not stated.
        @inline(__always)
        func add(_ values: UnsafeMutableBufferPointer<UInt64>, slot: Int, ended: Bool, gender: Gender, age: Int?) {
            let g = gender.rawValue
            let row = cells.baseAddress.unsafelyUnwrapped + BreakdownTally.rowStart(stride: stride, slot: slot, ended: ended, gender: g)
            for b in 0..<count {
                let cell = row + offsets[b]
                var bits = values[b]
                repeat {
                    cell[bits.trailingZeroBitCount] += 1
                    bits &= bits &- 1
                } while bits != 0
            }
            for k in 0..<goalCount where values[goalBreakdowns[k]] & goalValues[k] != 0 {
                goalCells[(k * slots + slot) * 3 + g] += 1
            }
            if esf {
                var group = BreakdownTally.esfAgeGroups - 1
                if let age {
                    group = 0
                    for limit in BreakdownTally.esfAgeLimits where limit <= age { group += 1 }
                }
                esfAgeCells[group * 3 + g] += 1
            }
        }
    }
}
