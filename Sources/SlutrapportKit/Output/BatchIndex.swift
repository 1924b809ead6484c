import Foundation

/// OUT/index.md and OUT/index.html: every project of a batch with its key
/// figures and links to its reports.
public struct IndexView: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var built: Bool
        public var participants: String
        public var women: String
        public var men: String
        public var ended: String
        /// Share of the ended who went to a positive exit reason (work, studies).
        public var positive: String
        public var goalsMet: String
        public var hasReports: Bool
    }

    public var lang: String
    public var labels: Labels
    public var title: String
    public var rows: [Row]
}

extension IndexView.Row {
    /// The row of a project that built; counts pass through disclosure control.
    init(project: Project, figures: Figures?, lang: Language) {
        let style = NumberStyle(lang)
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
        let measured = f.goals.compactMap(\.met)
        goalsMet = measured.isEmpty ? "–" : "\(measured.count { $0 }) / \(measured.count)"
    }
}

enum BatchIndex {
    static func view(_ outcome: Batch.Outcome, lang: Language, outputFolder: String) -> IndexView {
        let labels = Labels(lang)
        let rows = outcome.projects.map { p -> IndexView.Row in
            if let row = p.indexRow, !p.log.hasErrors { return row }
            let id = p.id ?? URL(fileURLWithPath: p.folder).lastPathComponent
            return IndexView.Row(id: id, name: p.indexRow?.name ?? p.folder, built: false, participants: "", women: "", men: "", ended: "",
                                 positive: "", goalsMet: "",
                                 hasReports: FileManager.default.fileExists(atPath: "\(outputFolder)/\(id)/slutrapport.html"))
        }
        return IndexView(lang: lang.rawValue, labels: labels, title: labels.indexTitle, rows: rows)
    }

    /// Writes both files, each by rename, so a reader never sees half of one.
    static func write(_ view: IndexView, templates: TemplateSet, to folder: String) throws(OutputWriter.Failure) {
        for format in ["md", "html"] {
            var text = templates.render(view, template: "index.\(format)")
            if !text.hasSuffix("\n") { text += "\n" }
            let target = folder.appendingPathComponent("index.\(format)")
            let staging = folder.appendingPathComponent(".index.\(format).new-\(getpid())-\(UUID().uuidString.prefix(8))")
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: staging))
            } catch {
                throw OutputWriter.Failure(message: "cannot write \(target): \(error.localizedDescription)")
            }
            guard rename(staging, target) == 0 else {
                try? FileManager.default.removeItem(atPath: staging)
                throw OutputWriter.Failure(message: "cannot write \(target)")
            }
        }
    }
}
