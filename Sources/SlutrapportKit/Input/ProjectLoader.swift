import Foundation
import Yams

/// Reads and checks `project.yaml` (SPEC §3.1), reporting every problem with
/// the YAML position of the offending value.
public struct ProjectLoader {
    static let topKeys = ["id", "name", "case_number", "programme_area", "phase", "owner", "contact", "region",
                          "period", "funding", "partners", "municipalities", "report", "subprojects",
                          "exit_reasons", "activities", "age_bands", "goals", "budget", "sections"]

    /// Loads the project in `folder`. `lang` is the command line's `--lang`,
    /// which decides the labels of the default exit reasons.
    public static func load(folder: String, lang: Language?) -> (Project?, DiagnosticLog) {
        let file = folder.appendingPathComponent("project.yaml")
        var r = YAMLNodeReader(file: file)
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let read = FileBytes.text(file) else {
            r.log.error(.fileUnreadable, "cannot read project.yaml", at: start)
            return (nil, r.log)
        }
        guard let text = read else {
            r.log.error(.yamlSyntax, "project.yaml is not UTF-8 text", at: start)
            return (nil, r.log)
        }
        let root: Node
        do {
            guard let node = try YAMLComposer.compose(text) else {
                r.log.error(.yamlMissingKey, "project.yaml is empty; it needs at least 'name' and 'period'", at: start)
                return (nil, r.log)
            }
            root = node
        } catch let error as YamlError {
            let code: DiagnosticCode = if case .duplicatedKeysInMapping = error { .yamlDuplicateKey } else { .yamlSyntax }
            r.log.error(code, Self.describe(error), at: Self.location(of: error, file: file))
            return (nil, r.log)
        } catch let refused as YAMLComposer.AliasesRefused {
            for alias in refused.aliases {
                r.log.error(.yamlAlias, "project.yaml uses \(alias.name.map { "the alias '\($0)'" } ?? "an alias"); slutrapport takes no YAML aliases: write the value out",
                            at: SourceLocation(file: file, line: alias.line, column: alias.column))
            }
            return (nil, r.log)
        } catch {
            r.log.error(.yamlSyntax, "cannot parse project.yaml", at: start)
            return (nil, r.log)
        }
        var builder = ProjectBuilder(reader: r, folder: folder, langOverride: lang)
        let project = builder.build(root)
        return (builder.reader.log.hasErrors ? nil : project, builder.reader.log)
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

extension String {
    func appendingPathComponent(_ component: String) -> String {
        if isEmpty || self == "." { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
