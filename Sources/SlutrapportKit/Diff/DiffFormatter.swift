/// How `slutrapport diff` prints what moved: text, JSON lines or Markdown
/// for a pull-request comment.
public enum DiffFormatter {
    public enum Style: String, CaseIterable, Sendable {
        case text, json, md
    }

    /// `vak2 · subproject karlstad · exit arbete`
    /// Names and values come from the XML and may hold line breaks: each is
    /// kept to its line (`DiagnosticFormatter.oneLine`), as diagnostics are.
    static func place(_ c: FigureDiff.Change) -> String {
        // The project is a folder's name, and starts the line.
        DiagnosticFormatter.startOfLine(path: ([c.project] + c.path).joined(separator: " · "))
    }

    static func moves(_ c: FigureDiff.Change) -> String {
        DiagnosticFormatter.oneLine(c.figures.map { "\($0.attribute) \($0.old ?? "–") → \($0.new ?? "–")" }.joined(separator: ", "))
    }

    public static func format(_ d: FigureDiff, style: Style) -> String {
        switch style {
        case .text:
            var lines = d.added.map { "+ \(DiagnosticFormatter.oneLine($0)): new project" }
                + d.removed.map { "- \(DiagnosticFormatter.oneLine($0)): project removed" }
            lines += d.changes.map { "\(place($0)): \(moves($0))" }
            return lines.isEmpty ? "no figure changed\n" : lines.joined(separator: "\n") + "\n"
        case .json:
            var lines = d.added.map { "{\"project\":\(DiagnosticFormatter.quoted($0)),\"change\":\"added\"}" }
            lines += d.removed.map { "{\"project\":\(DiagnosticFormatter.quoted($0)),\"change\":\"removed\"}" }
            for c in d.changes {
                for f in c.figures {
                    lines.append("{\"project\":\(DiagnosticFormatter.quoted(c.project)),\"path\":[\(c.path.map(DiagnosticFormatter.quoted).joined(separator: ","))],"
                        + "\"figure\":\(DiagnosticFormatter.quoted(f.attribute)),\"old\":\(f.old.map(DiagnosticFormatter.quoted) ?? "null"),"
                        + "\"new\":\(f.new.map(DiagnosticFormatter.quoted) ?? "null")}")
                }
            }
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        case .md:
            guard !d.isEmpty else { return "**slutrapport diff:** no figure changed.\n" }
            var summary = "**slutrapport diff:** \(d.figureCount) figure\(d.figureCount == 1 ? "" : "s") changed"
            if !d.added.isEmpty { summary += ", \(d.added.count) project\(d.added.count == 1 ? "" : "s") added" }
            if !d.removed.isEmpty { summary += ", \(d.removed.count) removed" }
            var blocks = [summary + "."]
            let projects = d.added.map { "- new project `\(DiagnosticFormatter.oneLine($0))`" }
                + d.removed.map { "- removed project `\(DiagnosticFormatter.oneLine($0))`" }
            if !projects.isEmpty { blocks.append(projects.joined(separator: "\n")) }
            if !d.changes.isEmpty {
                let rows = d.changes.map { c in
                    "| " + [DiagnosticFormatter.oneLine(c.project), DiagnosticFormatter.oneLine(c.path.joined(separator: " · ")), moves(c)].map { MarkdownText().escapeText($0) }.joined(separator: " | ") + " |"
                }
                blocks.append((["| project | where | old → new |", "|:---|:---|:---|"] + rows).joined(separator: "\n"))
            }
            return blocks.joined(separator: "\n\n") + "\n"
        }
    }
}
