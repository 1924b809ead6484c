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
    /// Participants left out because they start after the as-of date.
    public internal(set) var lateStarters = 0

    public init(source: Source, subprojects: Int, reasons: Int, activities: Int) {
        self.source = source
        self.slots = subprojects + 1
        self.reasons = reasons
        self.activities = activities
        cells = Array(repeating: 0, count: slots * 3 * (reasons + 1))
        activityCells = Array(repeating: 0, count: slots * 3 * max(activities, 1))
    }

    @inline(__always)
    func index(slot: Int, gender: Gender, state: Int) -> Int {
        (slot * 3 + gender.rawValue) * (reasons + 1) + state
    }

    /// `reason` nil means still active at the as-of date.
    @inline(__always)
    mutating func add(slot: Int, gender: Gender, reason: Int?, count: Int = 1) {
        cells[index(slot: slot, gender: gender, state: reason ?? reasons)] += count
    }

    @inline(__always)
    mutating func addActivity(_ activity: Int, slot: Int, gender: Gender) {
        activityCells[(slot * 3 + gender.rawValue) * activities + activity] += 1
    }

    /// Count in the given slots for one gender and state.
    func count(slots: some Sequence<Int>, gender: Gender, state: Int) -> Int {
        slots.reduce(0) { $0 + cells[index(slot: $1, gender: gender, state: state)] }
    }

    func activityCount(slots: some Sequence<Int>, gender: Gender, activity: Int) -> Int {
        slots.reduce(0) { $0 + activityCells[($1 * 3 + gender.rawValue) * activities + activity] }
    }
}
