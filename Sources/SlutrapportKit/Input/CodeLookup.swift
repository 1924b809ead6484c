/// Finds the subproject, exit reason and activity a CSV value names, the same
/// way for participants.csv and counts.csv.
struct CodeLookup {
    private let subprojects: [String: Int]
    private let reasons: ExitReasonIndex
    private let activities: [String: Int]
    /// What a "did you mean" may suggest: subproject ids, exit reason labels
    /// then codes, activity codes.
    let subprojectIDs: [String]
    let reasonNames: [String]
    let activityCodes: [String]

    /// The same lookups on raw bytes, for rows that need no String.
    let fastGenders: ByteKeyTable
    let fastSubprojects: ByteKeyTable
    let fastReasons: ByteKeyTable
    let fastActivities: ByteKeyTable

    init(project: Project, lang: Language) {
        subprojects = Dictionary(project.subprojects.enumerated().map { ($1.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        // Default labels of the other languages are accepted too.
        let aliases = Language.allCases.filter { $0 != lang }.flatMap { ExitReason.defaults(lang: $0) }
        reasons = ExitReasonIndex(project.exitReasons, aliases: aliases)
        activities = Dictionary(project.activities.enumerated().map { ($1.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        fastGenders = ByteKeyTable(Gender.spellings.map { ($0.0, $0.1.rawValue) })
        fastSubprojects = ByteKeyTable(project.subprojects.enumerated().map { ($1.id, $0) })
        var reasonKeys: [(String, Int)] = []
        for (i, r) in project.exitReasons.enumerated() { reasonKeys += [(r.code, i), (r.label, i)] }
        for alias in aliases { if let i = project.exitReasons.firstIndex(where: { $0.code == alias.code }) { reasonKeys.append((alias.label, i)) } }
        fastReasons = ByteKeyTable(reasonKeys, underscoreIsSpace: true)
        fastActivities = ByteKeyTable(project.activities.enumerated().map { ($1.code, $0) })
        subprojectIDs = project.subprojects.map(\.id)
        reasonNames = project.exitReasons.map(\.label) + project.exitReasons.map(\.code)
        activityCodes = project.activities.map(\.code)
    }

    func subproject(_ text: some StringProtocol) -> Int? { subprojects[text.lowercased()] }
    func reason(_ text: some StringProtocol) -> Int? { reasons.index(of: text) }
    func activity(_ text: some StringProtocol) -> Int? { activities[String(text.trimmingSpaces).lowercased()] }
}
