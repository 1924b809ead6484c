import Foundation

/// OUT/index.md and OUT/index.html: every project of a batch with its key
/// figures and links to its reports.
public struct IndexView: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var built: Bool
        /// Why a project that did not build has no new reports: input errors, or an output that could not be written.
        public var failure: String = ""
        public var participants: String
        public var women: String
        public var men: String
        public var ended: String
        /// Share of the ended who went to a positive exit reason (work, studies).
        public var positive: String
        public var goalsMet: String
        public var hasReports: Bool
        /// The language the project writes its name in.
        public var narrativeLang: Language? = nil
        /// That language where it is not the index's, for HTML's `lang`.
        public var nameLang: String? = nil
    }

    public var lang: String
    public var labels: Labels
    public var title: String
    public var rows: [Row]
}

extension IndexView.Row {
    /// The row of a project that built; counts pass through disclosure control.
    init(project: Project, figures: Figures?, lang: Language, narrativeLang: Language? = nil) {
        let style = NumberStyle(lang)
        self.narrativeLang = narrativeLang
        id = project.id
        name = project.name
        built = true
        hasReports = true
        guard let f = figures, f.source != .none else {
            (participants, women, men, ended, positive) = ("–", "–", "–", "–", "–")
            goalsMet = "–"
            return
        }
        let s = f.suppression
        func count(_ n: Int, _ g: Gender?, _ row: Suppression.Row = .participants) -> String {
            let cell = Suppression.Cell(.project, row, g)
            return s.isHidden(cell) ? (s.isPrimary(cell) ? "<\(s.threshold)" : "..") : style.count(n)
        }
        participants = count(f.overall.participants.total, nil)
        women = count(f.overall.participants.women, .woman)
        men = count(f.overall.participants.men, .man)
        ended = count(f.overall.ended.total, nil, .ended)
        let positiveReasons = project.exitReasons.indices.filter { project.exitReasons[$0].positive }
        let hidden = positiveReasons.contains { s.isHidden(Suppression.Cell(.project, .exit($0), nil)) }
        positive = hidden ? "" : Share(positiveReasons.reduce(0) { $0 + f.overall.exits[$1].total }, of: f.overall.ended.total)
            .map { style.percent($0.whole) } ?? "–"
        // Only the verdicts the reports show: a hidden goal's met / not met would bound its count.
        let measured = f.visibleGoals().compactMap(\.met)
        goalsMet = measured.isEmpty ? "–" : "\(measured.count { $0 }) / \(measured.count)"
    }
}

extension IndexView {
    /// The index of a batch: a row per project in folder order. `hasReports`
    /// tells, by project id, whether a project that failed kept its earlier
    /// reports (the output side knows; this reads no files).
    init(_ outcome: Batch.Outcome, lang: Language, hasReports: (String) -> Bool) {
        let labels = Labels(lang)
        let rows = outcome.projects.map { p -> IndexView.Row in
            if var row = p.indexRow, !p.log.hasErrors {
                row.nameLang = row.narrativeLang.flatMap { $0 == lang ? nil : $0.rawValue }
                return row
            }
            let id = p.id ?? URL(fileURLWithPath: p.folder).lastPathComponent
            // Only the writer adds these, and only to a project without other errors.
            let notWritten = p.log.all.contains { $0.code == .outputFailed || $0.code == .outputNotOurs }
            return IndexView.Row(id: id, name: p.indexRow?.name ?? p.folder, built: false,
                                 failure: notWritten ? labels.indexNotWritten : labels.indexFailed,
                                 participants: "", women: "", men: "", ended: "", positive: "", goalsMet: "",
                                 hasReports: hasReports(id))
        }
        self.init(lang: lang.rawValue, labels: labels, title: labels.indexTitle, rows: rows)
    }
}
