import ArgumentParser
import Foundation
import SlutrapportKit

@main
struct Slutrapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slutrapport",
        abstract: "Turns a labour-market project's records into its final report (Markdown, HTML, XML).",
        version: "0.1.0",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )

    /// As SPEC §2 asks: usage errors exit with 2 (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                var err = StandardError()
                print(fullMessage(for: error), to: &err)
                print("Run 'slutrapport --help' for usage.", to: &err)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by `build` and `check`.
struct InputOptions: ParsableArguments {
    @Argument(help: "Project folders, or folders of project folders.", completion: .directory)
    var paths: [String] = ["data"]

    @Option(name: .customLong("as-of"), help: "Compute figures at this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Report language: sv or en.")
    var lang: String?

    @Option(help: "Template folder (default: the installed templates).", completion: .directory)
    var templates: String?

    @Option(name: .customLong("suppress-below"), help: "Hide counts below N (N ≥ 2).")
    var suppressBelow: Int?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Diagnostics as text or json.")
    var diagnostics: String = "text"

    @Flag(help: "Print only diagnostics.")
    var quiet = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not '\(asOf)'") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be sv or en, not '\(lang)'") }
        if let n = suppressBelow, n == 1 || n < 0 { throw ValidationError("--suppress-below must be 0 (off) or at least 2") }
        if DiagnosticFormatter.Style(rawValue: diagnostics) == nil { throw ValidationError("--diagnostics must be text or json") }
    }

    func buildOptions() -> BuildOptions {
        var o = BuildOptions()
        o.asOf = asOf.flatMap { Day(iso: $0) }
        o.lang = lang.flatMap(Language.init(rawValue:))
        o.suppressBelow = suppressBelow
        o.strict = strict
        o.generated = BuildOptions.generatedDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        return o
    }

    func templatesFolder() throws -> String {
        if let templates { return templates }
        guard let found = TemplateSet.defaultFolder(executable: Bundle.main.executablePath ?? CommandLine.arguments[0]) else {
            throw ValidationError("cannot find the default templates; pass --templates DIR")
        }
        return found
    }

    /// Prints every diagnostic (capped) to stderr and returns the exit code.
    func report(_ outcome: Batch.Outcome, verb: String) -> Int32 {
        let style = DiagnosticFormatter.Style(rawValue: diagnostics) ?? .text
        let github = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        let all = outcome.diagnostics
        let cap = 100
        var err = StandardError()
        for d in all.prefix(cap) {
            print(style == .json ? DiagnosticFormatter.json(d) : DiagnosticFormatter.text(d), to: &err)
            if github { print(DiagnosticFormatter.github(d), to: &err) }
        }
        if all.count > cap { print("… and \(all.count - cap) more", to: &err) }
        let warnings = all.count { $0.severity == .warning }
        if !quiet {
            print("\(verb) \(outcome.built) project\(outcome.built == 1 ? "" : "s"), \(outcome.failed) failed, \(warnings) warning\(warnings == 1 ? "" : "s")", to: &err)
        }
        return outcome.hasErrors ? 1 : 0
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the reports of one or more projects.",
        discussion: """
        Examples:
          slutrapport build                      # every project under data/ into out/
          slutrapport build data/vak2 --out out  # one project
          slutrapport build --as-of 2022-09-30 --lang en
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output folder.", completion: .directory)
    var out: String = "out"

    @Option(help: "Formats to write, comma-separated: md,html,xml.")
    var format: String = "md,html,xml"

    func validate() throws {
        for f in format.split(separator: ",") where OutputFormat(rawValue: String(f)) == nil {
            throw ValidationError("--format takes md, html and xml, not '\(f)'")
        }
    }

    func run() throws {
        var options = input.buildOptions()
        options.outputFolder = out
        options.formats = format.split(separator: ",").compactMap { OutputFormat(rawValue: String($0)) }
        let outcome = Batch(options: options, templatesFolder: try input.templatesFolder()).run(paths: input.paths, write: true)
        let code = input.report(outcome, verb: "built")
        if code != 0 { throw ExitCode(code) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check projects and report every problem; write nothing.",
        discussion: """
        Examples:
          slutrapport check                 # every project under data/
          slutrapport check data/vak2 --strict
        """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let outcome = Batch(options: input.buildOptions(), templatesFolder: try input.templatesFolder()).run(paths: input.paths, write: false)
        let code = input.report(outcome, verb: "checked")
        if code != 0 { throw ExitCode(code) }
    }
}
