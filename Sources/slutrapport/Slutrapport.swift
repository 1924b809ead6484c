import ArgumentParser
import Foundation
import SlutrapportKit

@main
struct Slutrapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slutrapport",
        abstract: "Turns a labour-market project's records into its final report (Markdown, HTML, XML).",
        discussion: """
        Examples:
          slutrapport build                     # every project under data/ into out/
          slutrapport check data/vak2           # every problem, nothing written
          slutrapport diff old-out out          # which figures moved
          slutrapport init data/nytt-projekt    # a project to start from
        """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Diff.self, Init.self],
        defaultSubcommand: Build.self
    )

    /// As SPEC §2 asks: usage errors exit with 2 (argument-parser's default is 64).
    static func main() {
        let given = Array(CommandLine.arguments.dropFirst())
        if let problem = SubcommandSpelling.problem(given, exists: { FileManager.default.fileExists(atPath: $0) }) {
            if DiagnosticFormatter.jsonRequested(given) { usageJSON(problem, verb: "built") }
            var err = StandardError()
            print(DiagnosticFormatter.commandSafe(lines: "error: " + problem), to: &err)
            print("Run 'slutrapport --help' for usage.", to: &err)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                var err = StandardError()
                let arguments = Array(CommandLine.arguments.dropFirst())
                if DiagnosticFormatter.jsonRequested(arguments) {
                    usageJSON(message(for: error), verb: DiagnosticFormatter.verb(arguments))
                }
                print(DiagnosticFormatter.commandSafe(lines: fullMessage(for: error)), to: &err)
                print("Run 'slutrapport --help' for usage.", to: &err)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A usage error as `--diagnostics json` tells it: an object of kind
/// "usage", then the summary; exit 2.
func usageJSON(_ message: String, verb: String) -> Never {
    var err = StandardError()
    print(DiagnosticFormatter.usageJSON(message.trimmingCharacters(in: .whitespacesAndNewlines)), to: &err)
    print(DiagnosticFormatter.json(DiagnosticFormatter.usageSummary(verb: verb)), to: &err)
    Foundation.exit(2)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
