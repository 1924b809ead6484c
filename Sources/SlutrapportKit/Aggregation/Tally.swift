/// Counts folded from the participant rows (or taken from counts.csv) as
/// they are read, so no row is kept. Cells are indexed by subproject slot,
/// gender and state (one state per exit reason, then "active").
public struct Tally: Sendable {
    public enum Source: String, Sendable {
        case participants
        case counts
        case none
    }

    public let source: Source
    /// Subprojects of the project, plus one slot for rows of a project without subprojects.
    public let slots: Int
    public let reasons: Int
    public let activities: Int
    var cells: [Int]
    var activityCells: [Int]
    /// Participants per age band (from birth year) and gender; the last band
    /// holds those without a birth year.
    var ageCells: [Int]
    public let ageLimits: [Int]
    /// Days in the project of ended participants: a histogram indexed by
    /// days × 3 + gender. Grows with the longest stay, never with the rows.
    var durationCells: [Int] = []
    /// Starts and ends by calendar month (SPEC §4.10), indexed by months back
    /// from the as-of month × 6 + (0 started, 1 ended) × 3 + gender: every
    /// counted date is on or before the as-of date. Grows with the earliest
    /// start, never with the rows.
    var monthCells: [Int] = []
    /// Participants left out because they start after the as-of date.
    public internal(set) var lateStarters = 0
    /// Slots that had a row of counts.csv (SPEC §3.3: one without did not report).
    var slotsWithRows: [Bool]
    /// The declared breakdowns (SPEC §4.8–9); participant rows only.
    var breakdowns = BreakdownTally.empty

    public init(source: Source, subprojects: Int, reasons: Int, activities: Int, ageLimits: [Int] = [18, 30, 55]) {
        self.source = source
        self.slots = subprojects + 1
        self.reasons = reasons
        self.activities = activities
        self.ageLimits = ageLimits
        cells = Array(repeating: 0, count: slots * 3 * (reasons + 1))
        activityCells = Array(repeating: 0, count: slots * 3 * max(activities, 1))
        ageCells = Array(repeating: 0, count: (ageLimits.count + 2) * 3)
        slotsWithRows = Array(repeating: false, count: slots)
    }

    /// Whether a subproject slot reported: a counts file says so by its rows;
    /// participant rows are people, so a subproject without any had nobody.
    public func reported(slot: Int) -> Bool {
        source != .counts || slotsWithRows[slot]
    }

    /// Number of age bands, including the one for "not known".
    public var ageBandCount: Int { ageLimits.count + 2 }

    /// Adds the counts of another tally of the same project (a part of the same file).
    mutating func merge(_ other: Tally) {
        func add(_ a: inout [Int], _ b: [Int]) {
            if a.count < b.count { a += Array(repeating: 0, count: b.count - a.count) }
            for i in b.indices { a[i] += b[i] }
        }
        add(&cells, other.cells)
        add(&activityCells, other.activityCells)
        add(&ageCells, other.ageCells)
        add(&durationCells, other.durationCells)
        add(&monthCells, other.monthCells)
        breakdowns.merge(other.breakdowns)
        lateStarters += other.lateStarters
        for i in other.slotsWithRows.indices where i < slotsWithRows.count { slotsWithRows[i] = slotsWithRows[i] || other.slotsWithRows[i] }
    }

    /// The same counts as `other` (the histogram of days may differ in
    /// trailing zeros, which count nothing).
    package func sameCounts(as other: Tally) -> Bool {
        cells == other.cells && activityCells == other.activityCells && ageCells == other.ageCells
            && countedDurations == other.countedDurations && Self.trimmed(monthCells) == Self.trimmed(other.monthCells)
            && lateStarters == other.lateStarters && slotsWithRows == other.slotsWithRows && breakdowns == other.breakdowns
    }

    /// The histogram of days without its trailing zeros: its length follows
    /// the longest stay read so far, or how it was grown.
    var countedDurations: ArraySlice<Int> { Self.trimmed(durationCells) }

    /// A histogram without its trailing zeros, which count nothing.
    static func trimmed(_ cells: [Int]) -> ArraySlice<Int> {
        var d = cells[...]
        while d.last == 0 { d = d.dropLast() }
        return d
    }

    /// Participants who started (`ended` false) or ended in the month
    /// `back` months before the as-of month, for one gender.
    func monthCount(back: Int, ended: Bool, gender: Gender) -> Int {
        let i = back * 6 + (ended ? 3 : 0) + gender.rawValue
        return i < monthCells.count ? monthCells[i] : 0
    }

    /// Months back from the as-of month to the earliest counted start (0 when none).
    var monthsBack: Int { max(0, (Self.trimmed(monthCells).count + 5) / 6 - 1) }

    /// Histogram of days for one gender, or for all when nil.
    func durations(_ gender: Gender?) -> [Int] {
        stride(from: 0, to: durationCells.count, by: 3).map { d in
            gender.map { durationCells[d + $0.rawValue] } ?? (durationCells[d] + durationCells[d + 1] + durationCells[d + 2])
        }
    }

    func ageCount(band: Int, gender: Gender) -> Int { ageCells[band * 3 + gender.rawValue] }

    @inline(__always)
    func index(slot: Int, gender: Gender, state: Int) -> Int {
        Self.cellIndex(slot: slot, gender: gender, state: state, reasons: reasons)
    }

    @inline(__always)
    static func cellIndex(slot: Int, gender: Gender, state: Int, reasons: Int) -> Int {
        (slot * 3 + gender.rawValue) * (reasons + 1) + state
    }

    @inline(__always)
    static func activityIndex(_ activity: Int, slot: Int, gender: Gender, activities: Int) -> Int {
        (slot * 3 + gender.rawValue) * activities + activity
    }

    /// `reason` nil means still active at the as-of date.
    @inline(__always)
    mutating func add(slot: Int, gender: Gender, reason: Int?, count: Int = 1) {
        cells[index(slot: slot, gender: gender, state: reason ?? reasons)] += count
        slotsWithRows[slot] = true
    }

    /// Count in the given slots for one gender and state.
    func count(slots: some Sequence<Int>, gender: Gender, state: Int) -> Int {
        slots.reduce(0) { $0 + cells[index(slot: $1, gender: gender, state: state)] }
    }

    func activityCount(slots: some Sequence<Int>, gender: Gender, activity: Int) -> Int {
        slots.reduce(0) { $0 + activityCells[Self.activityIndex(activity, slot: $1, gender: gender, activities: activities)] }
    }
}

extension Tally {
    /// Where the participant reader folds its rows: the tally's cells in raw
    /// memory, so that counting a row touches no Swift array (each array
    /// write checked its buffer's uniqueness in a runtime call, a twentieth
    /// of a large file's time). One reader's thread owns it; `tally` copies
    /// the counts out.
    final class Counter {
        private let shape: Tally
        private let cells: UnsafeMutableBufferPointer<Int>
        private let activityCells: UnsafeMutableBufferPointer<Int>
        private let ageCells: UnsafeMutableBufferPointer<Int>
        private let ageLimits: UnsafeMutableBufferPointer<Int>
        /// How many limits there are: `ageLimits` has room for at least one,
        /// so its own count is wrong for `age_bands: []`.
        private let ageLimitCount: Int
        /// The histograms that grow (days in the project, months back), in
        /// raw memory: a `var` of a class is checked for exclusive access on
        /// every use, which a count made on every row must not pay.
        private let durations: UnsafeMutablePointer<GrowingCells>
        private let months: UnsafeMutablePointer<GrowingCells>
        let breakdowns: BreakdownTally.Counter
        var lateStarters = 0

        init(_ shape: Tally) {
            self.shape = shape
            func copy(_ a: [Int]) -> UnsafeMutableBufferPointer<Int> {
                let p = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, a.count))
                p.initialize(repeating: 0)
                _ = p.initialize(from: a)
                return p
            }
            cells = copy(shape.cells)
            activityCells = copy(shape.activityCells)
            ageCells = copy(shape.ageCells)
            ageLimits = copy(shape.ageLimits)
            ageLimitCount = shape.ageLimits.count
            durations = .allocate(capacity: 1)
            durations.initialize(to: GrowingCells(cells: copy(Array(repeating: 0, count: 3 * 4096)), used: 0))
            months = .allocate(capacity: 1)
            months.initialize(to: GrowingCells(cells: copy(Array(repeating: 0, count: 6 * 64)), used: 0))
            breakdowns = BreakdownTally.Counter(shape.breakdowns)
        }

        deinit {
            for p in [cells, activityCells, ageCells, ageLimits, durations.pointee.cells, months.pointee.cells] { p.deallocate() }
            durations.deallocate()
            months.deallocate()
        }

        var tally: Tally {
            var t = shape
            t.cells = Array(cells.prefix(shape.cells.count))
            t.activityCells = Array(activityCells.prefix(shape.activityCells.count))
            t.ageCells = Array(ageCells.prefix(shape.ageCells.count))
            t.durationCells = Array(durations.pointee.cells.prefix(durations.pointee.used))
            t.monthCells = Array(months.pointee.cells.prefix(months.pointee.used))
            t.lateStarters = lateStarters
            t.breakdowns = breakdowns.tally
            return t
        }

        @inline(__always)
        func add(slot: Int, gender: Gender, reason: Int?) {
            cells[Tally.cellIndex(slot: slot, gender: gender, state: reason ?? shape.reasons, reasons: shape.reasons)] += 1
        }

        @inline(__always)
        func addActivity(_ activity: Int, slot: Int, gender: Gender) {
            activityCells[Tally.activityIndex(activity, slot: slot, gender: gender, activities: shape.activities)] += 1
        }

        /// Age at the start, in the band of the number of limits at or below
        /// it; nil counts in the last band, "not known".
        @inline(__always)
        func addAge(_ age: Int?, gender: Gender) {
            var band = ageLimitCount + 1
            if let age {
                band = 0
                for i in 0..<ageLimitCount where ageLimits[i] <= age { band += 1 }
            }
            ageCells[band * 3 + gender.rawValue] += 1
        }

        @inline(__always)
        func addDuration(days: Int, gender: Gender) {
            durations.pointee.add(at: days * 3 + gender.rawValue, used: days * 3 + 3)
        }

        /// A start (`ended` false) or an end `back` months before the as-of month.
        @inline(__always)
        func addMonth(back: Int, ended: Bool, gender: Gender) {
            months.pointee.add(at: back * 6 + (ended ? 3 : 0) + gender.rawValue, used: back * 6 + 6)
        }
    }

    /// A histogram's cells, doubled as they are needed, and how many of them are used.
    struct GrowingCells {
        var cells: UnsafeMutableBufferPointer<Int>
        var used: Int

        /// Counts one at cell `i`; `used`: the cells in use once it is.
        @inline(__always)
        mutating func add(at i: Int, used: Int) {
            if i >= cells.count { grow(to: i + 1) }
            cells[i] += 1
            self.used = max(self.used, used)
        }

        /// Doubles the room until `count` cells fit; the new ones are zero.
        private mutating func grow(to count: Int) {
            var size = cells.count
            while size < count { size *= 2 }
            let grown = UnsafeMutableBufferPointer<Int>.allocate(capacity: size)
            grown.initialize(repeating: 0)
            _ = grown.initialize(from: cells)
            cells.deallocate()
            cells = grown
        }
    }
}
