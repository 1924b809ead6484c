import Foundation
import Yams

/// Reads and checks `project.yaml` (SPEC §3.1), reporting every problem with
/// the YAML position of the offending value.
public struct ProjectLoader {
    static let topKeys = ["id", "name", "case_number", "programme_area", "phase", "owner", "contact", "region",
                          "period", "funding", "partners", "municipalities", "report", "narrative_lang", "subprojects",
                          "exit_reasons", "activities", "age_bands", "goals", "budget", "sections", "sheet", "data", "data_kind",
                          "breakdowns", "esf_plus"]

    /// Loads the project in `folder`. `lang` is the command line's `--lang`,
    /// which decides the labels of the default exit reasons. The project is
    /// nil when project.yaml has errors.
    public static func load(folder: String, lang: Language?) -> (Project?, DiagnosticLog) {
        let read = read(folder: folder, lang: lang)
        return (read.valid, read.log)
    }

    /// project.yaml read as far as it goes: what a project with errors still
    /// lets slutrapport check in its CSV file (issue 12: one error in
    /// project.yaml must not hide every error in the CSV).
    struct Partial: Sendable {
        /// Nil when project.yaml gave no project at all (unreadable, not YAML, not a mapping).
        var project: Project?
        var log: DiagnosticLog
        /// The lists the CSV's codes are checked against that lost items to
        /// errors (`subprojects`, `exit_reasons`, `activities`): checking the
        /// CSV against them would report rows that are right.
        var damagedLists: [String] = []
        /// Whether `period` was read; without it there is no as-of date by default.
        var hasPeriod = true

        /// The project when project.yaml has no errors.
        var valid: Project? { log.hasErrors ? nil : project }
    }

    /// project.yaml read once, as far as it goes: the project, valid or not,
    /// with every diagnostic (see `Partial`).
    static func read(folder: String, lang: Language?) -> Partial {
        let file = folder.appendingPathComponent("project.yaml")
        var r = YAMLNodeReader(file: file)
        let start = SourceLocation(file: file, line: 1, column: 1)
        let problem = InputFile.problem(file, inside: folder)
        if problem != .absent, InputFile.report(problem, path: file, log: &r.log) { return Partial(log: r.log) }
        guard let read = FileBytes.text(file) else {
            r.log.error(.fileUnreadable, "cannot read project.yaml", at: start)
            return Partial(log: r.log)
        }
        guard let text = read else {
            r.log.error(.yamlSyntax, "project.yaml is not UTF-8 text", at: start)
            return Partial(log: r.log)
        }
        let root: Node
        do {
            guard let node = try YAMLComposer.compose(text) else {
                r.log.error(.yamlMissingKey, "project.yaml is empty; it needs at least 'name' and 'period'", at: start)
                return Partial(log: r.log)
            }
            root = node
        } catch let error as YamlError {
            let code: DiagnosticCode = if case .duplicatedKeysInMapping = error { .yamlDuplicateKey } else { .yamlSyntax }
            if let plain = Self.inPlainWords(error, text: text, file: file) {
                r.log.error(.yamlSyntax, plain.message, at: plain.at)
            } else {
                r.log.error(code, Self.describe(error), at: Self.location(of: error, file: file))
            }
            return Partial(log: r.log)
        } catch let refused as YAMLComposer.AliasesRefused {
            for alias in refused.aliases {
                r.log.error(.yamlAlias, "project.yaml uses \(alias.name.map { "the alias '\($0)'" } ?? "an alias"); slutrapport takes no YAML aliases: write the value out",
                            at: SourceLocation(file: file, line: alias.line, column: alias.column))
            }
            return Partial(log: r.log)
        } catch {
            r.log.error(.yamlSyntax, "cannot parse project.yaml", at: start)
            return Partial(log: r.log)
        }
        var builder = ProjectBuilder(reader: r, folder: folder, langOverride: lang, text: text)
        let project = builder.build(root)
        var partial = Partial(project: project, log: builder.reader.log, hasPeriod: builder.periodRead)
        guard let project, partial.log.hasErrors, let top = root.mapping else { return partial }
        // A list lost items when it holds fewer than its YAML sequence (or is no sequence).
        for (key, count) in [("subprojects", project.subprojects.count), ("exit_reasons", project.exitReasons.count),
                             ("activities", project.activities.count)] {
            guard let node = top[key] else { continue }
            if node.sequence.map({ $0.count != count || count == 0 && key == "exit_reasons" }) ?? true { partial.damagedLists.append(key) }
        }
        return partial
    }

    static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: max(1, context.mark.line), column: max(1, context.mark.column))
        case .reader(_, let offset, _, let yaml):
            guard let offset else { return SourceLocation(file: file, line: 1, column: 1) }
            let prefix = yaml.prefix(offset)
            let line = prefix.count { $0 == "\n" } + 1
            let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
            return SourceLocation(file: file, line: line, column: column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    /// The usual slips of a hand-edited project.yaml in a project leader's
    /// words, at the line to fix (issue 25): libyaml says "found character
    /// that cannot start any token" for a tab, reports an unclosed quote at
    /// the end of the file and a missing colon on the line after.
    static func inPlainWords(_ error: YamlError, text: String, file: String) -> (message: String, at: SourceLocation)? {
        guard case let .scanner(context, problem, mark, _) = error else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ n: Int) -> Substring? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }
        if problem.contains("cannot start any token"), let l = line(mark.line),
           let tab = l.firstIndex(of: "\t"), l[..<tab].allSatisfy({ $0 == " " }) {
            return ("line \(mark.line) is indented with a tab; YAML indents with spaces only: replace the tab with spaces",
                    SourceLocation(file: file, line: mark.line, column: l.distance(from: l.startIndex, to: tab) + 1))
        }
        if let context, context.text.contains("quoted scalar") {
            return ("the quote that opens the value here is never closed; end the text with the same quote",
                    SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        }
        if let context, context.text.contains("simple key"), problem.contains("':'") {
            return ("line \(context.mark.line) has no ':' after its key; write it as key: value",
                    SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        }
        return nil
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return "YAML syntax: " + (context.map { "\($0.text), " } ?? "") + problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping"
        case .reader(let problem, _, _, _):
            return "YAML: \(problem)"
        default:
            return "cannot parse project.yaml"
        }
    }
}
