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
        // SPEC §3.2, "Codes or names": a code or a name, ids first.
        subprojects = Dictionary(project.subprojects.enumerated().map { (CodeKey.of($1.id), $0) }
                                 + project.subprojects.enumerated().map { (CodeKey.of($1.name), $0) }, uniquingKeysWith: { a, _ in a })
        // Default labels of the other languages are accepted too.
        let aliases = Language.allCases.filter { $0 != lang }.flatMap { ExitReason.defaults(lang: $0) }
        reasons = ExitReasonIndex(project.exitReasons, aliases: aliases)
        activities = Dictionary(project.activities.enumerated().map { (CodeKey.of($1.code), $0) }
                                + project.activities.enumerated().map { (CodeKey.of($1.label), $0) }, uniquingKeysWith: { a, _ in a })
        fastGenders = ByteKeyTable(Gender.spellings.map { ($0.0, $0.1.rawValue) })
        fastSubprojects = ByteKeyTable(project.subprojects.enumerated().map { ($1.id, $0) } + project.subprojects.enumerated().map { ($1.name, $0) })
        var reasonKeys: [(String, Int)] = []
        for (i, r) in project.exitReasons.enumerated() { reasonKeys += [(r.code, i), (r.label, i)] }
        for alias in aliases { if let i = project.exitReasons.firstIndex(where: { $0.code == alias.code }) { reasonKeys.append((alias.label, i)) } }
        fastReasons = ByteKeyTable(reasonKeys, underscoreIsSpace: true)
        fastActivities = ByteKeyTable(project.activities.enumerated().map { ($1.code, $0) })
        subprojectIDs = project.subprojects.map(\.id) + project.subprojects.map(\.name).filter { !$0.isEmpty }
        reasonNames = project.exitReasons.map(\.label) + project.exitReasons.map(\.code)
        activityCodes = project.activities.map(\.code) + project.activities.map(\.label)
    }

    func subproject(_ text: some StringProtocol) -> Int? { subprojects[CodeKey.of(text)] }
    func reason(_ text: some StringProtocol) -> Int? { reasons.index(of: text) }
    func activity(_ text: some StringProtocol) -> Int? { activities[CodeKey.of(text)] }
}

/// A code or a name as a cell's text is compared with it (SPEC §3.2, "Codes
/// or names"): lowercased, with `_`, `-` and runs of spaces one space, and
/// none around it. Used off the byte path only (a miss of `ByteKeyTable`).
enum CodeKey {
    static func of(_ text: some StringProtocol) -> String {
        var out = ""
        var gap = false
        for c in text.lowercased() {
            if c == "_" || c == "-" || c == " " || c == "\t" || c == "\u{00A0}" {
                gap = !out.isEmpty
            } else {
                if gap { out.append(" ") }
                gap = false
                out.append(c)
            }
        }
        return out
    }
}
