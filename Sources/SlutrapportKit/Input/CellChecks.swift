/// What a row's diagnostics say about a cell (SPEC §3.2): its column and what
/// the column should hold, never the cell's text, for any cell of a
/// participant file may be personal data (an id or a birth year in the wrong
/// column, or a whole row swallowed by a stray quote). The wording of a
/// cell's value for both participants.csv and counts.csv (`RowChecks` uses it).
enum CellMessage {
    /// How a gender is written, for every message that asks for one.
    static let genderSpellings = "use kvinna, man or annat"

    static func notA(_ what: String, column: String, suggesting hint: String? = nil) -> String {
        "the value in column '\(column)' is not \(what)" + (hint.map { "; did you mean '\($0)'?" } ?? "")
    }

    static func gender(column: String, suggesting hint: String?) -> String {
        notA("a gender; \(genderSpellings)", column: column, suggesting: hint)
    }

    static func date(column: String) -> String { notA("a date YYYY-MM-DD", column: column) }

    static func count(column: String) -> String { notA("a whole number from 0 to \(CountsReader.countLimit)", column: column) }

    static func activity(column: String, suggesting hint: String?) -> String {
        "the value in column '\(column)' names an activity project.yaml does not list" + (hint.map { "; did you mean '\($0)'?" } ?? "")
    }

    static func endBeforeStart(column: String) -> String { "the end date in column '\(column)' is before the start date" }
}

extension CodeLookup {
    /// The gender a non-empty cell names; nil, with the error logged, when none.
    func gender(_ text: some StringProtocol, column: String, at: SourceLocation, log: inout DiagnosticLog) -> Gender? {
        if let g = Gender(label: text) { return g }
        log.error(.unknownGender, CellMessage.gender(column: column, suggesting: Self.closest(to: text, among: ["kvinna", "man", "annat"])), at: at)
        return nil
    }

    /// The slot of the subproject a non-empty cell names; nil, with the error logged, when none.
    func subproject(_ text: some StringProtocol, column: String, at: SourceLocation, log: inout DiagnosticLog) -> Int? {
        if let s = subproject(text) { return s }
        let message = subprojectIDs.isEmpty
            ? "column '\(column)' names a subproject, but project.yaml lists no subprojects"
            : CellMessage.notA("the id or name of a subproject in project.yaml", column: column, suggesting: Self.closest(to: text, among: subprojectIDs))
        log.error(.unknownSubproject, message, at: at)
        return nil
    }

    /// The exit reason a non-empty cell names; nil, with the error logged, when none.
    func reason(_ text: some StringProtocol, column: String, at: SourceLocation, log: inout DiagnosticLog) -> Int? {
        if let r = reason(text) { return r }
        log.error(.unknownExitReason, CellMessage.notA("the code or label of an exit reason", column: column,
                                                       suggesting: Self.closest(to: text, among: reasonNames)), at: at)
        return nil
    }

    /// The activity one code of a cell names; nil, with the error logged, when none.
    func activity(_ text: some StringProtocol, column: String, at: SourceLocation, log: inout DiagnosticLog) -> Int? {
        if let a = activity(text) { return a }
        log.error(.unknownActivity, CellMessage.activity(column: column, suggesting: Self.closest(to: text, among: activityCodes)), at: at)
        return nil
    }

    /// The known name a cell's text is a likely typo of: names are from
    /// project.yaml or the spec, so suggesting one shows nothing of the cell.
    static func closest(to text: some StringProtocol, among names: [String]) -> String? {
        let value = Array(text.trimmingSpaces.lowercased())
        // Far longer than any name: no typo of one (and no long comparison).
        guard !value.isEmpty, value.count <= (names.map(\.count).max() ?? 0) + 3 else { return nil }
        var best: (String, Int)?
        for name in names {
            let d = YAMLNodeReader.editDistance(value, Array(name.lowercased()))
            // A third of the name may be wrong, and never all of it (`x` is no typo of `a`).
            if d <= min(3, max(1, name.count / 3)), d < name.count, d < (best?.1 ?? .max) { best = (name, d) }
        }
        return best?.0
    }
}
