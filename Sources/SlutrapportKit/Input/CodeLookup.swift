/// Finds the subproject, exit reason and activity a CSV value names, the same
/// way for participants.csv and counts.csv.
struct CodeLookup {
    private let subprojects: [String: Int]
    private let reasons: ExitReasonIndex
    private let activities: [String: Int]

    init(project: Project, lang: Language) {
        subprojects = Dictionary(project.subprojects.enumerated().map { ($1.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        // Default labels of the other language are accepted too.
        reasons = ExitReasonIndex(project.exitReasons, aliases: ExitReason.defaults(lang: lang == .sv ? .en : .sv))
        activities = Dictionary(project.activities.enumerated().map { ($1.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    func subproject(_ text: some StringProtocol) -> Int? { subprojects[text.lowercased()] }
    func reason(_ text: some StringProtocol) -> Int? { reasons.index(of: text) }
    func activity(_ text: some StringProtocol) -> Int? { activities[String(text.trimmingSpaces).lowercased()] }
}
