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
            // Only the writer adds these, and only to a project without other errors.
            let notWritten = p.log.all.contains { $0.code == .outputFailed || $0.code == .outputNotOurs }
            return IndexView.Row(id: id, name: p.indexRow?.name ?? p.folder, built: false,
                                 failure: notWritten ? labels.indexNotWritten : labels.indexFailed,
                                 participants: "", women: "", men: "", ended: "", positive: "", goalsMet: "",
                                 hasReports: OutputMarker.occupant(folder: "\(outputFolder)/\(id)") == .ours
                                     && FileManager.default.fileExists(atPath: "\(outputFolder)/\(id)/slutrapport.html"))
        }
        return IndexView(lang: lang.rawValue, labels: labels, title: labels.indexTitle, rows: rows)
    }

    /// Writes both files, each from a marked staging folder by rename, so a
    /// reader never sees half of one and a killed build leaves nothing the
    /// next cannot clear. Each ends in `OutputMarker.indexLine`; a file at
    /// OUT/index.* without it was not written by slutrapport and is kept.
    static func write(_ view: IndexView, templates: TemplateSet, to folder: String, calls: OutputCalls, log: inout DiagnosticLog) {
        var free: [(format: String, path: String)] = []
        for format in ["md", "html"] {
            let path = folder.appendingPathComponent("index.\(format)")
            if OutputMarker.occupant(index: path) == .foreign {
                log.error(.outputNotOurs, "\(path) was not written by slutrapport (it does not end in slutrapport's line); move it away or choose another --out",
                          at: SourceLocation(file: path, line: 1, column: 1))
            } else {
                free.append((format, path))
            }
        }
        guard !free.isEmpty else { return }
        // "_" is in no project id, so this staging folder is never taken for a project's.
        let staging: String
        do throws(OutputWriter.Failure) {
            staging = try OutputWriter.makeStaging(in: folder, named: "_index", calls: calls).path
        } catch {
            for file in free { log.error(error.code, error.message, at: SourceLocation(file: file.path, line: 1, column: 1)) }
            return
        }
        defer { OutputWriter.discard(staging) }
        for file in free {
            var text = templates.render(view, template: "index.\(file.format)")
            if !text.hasSuffix("\n") { text += "\n" }
            let written = staging.appendingPathComponent("index.\(file.format)")
            var error = calls.createFile(written, Array((text + OutputMarker.indexLine).utf8))
            if error == 0 { error = calls.rename(written, file.path) }
            if error != 0 {
                log.error(.outputFailed, "cannot write \(file.path): \(OutputWriter.reason(error))", at: SourceLocation(file: file.path, line: 1, column: 1))
            }
        }
    }
}
