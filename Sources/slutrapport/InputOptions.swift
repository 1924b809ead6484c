import ArgumentParser
import Foundation
import SlutrapportKit

/// Options shared by `build` and `check`.
struct InputOptions: ParsableArguments {
    @Argument(help: "Project folders, or folders of project folders.", completion: .directory)
    var paths: [String] = ["data"]

    @Option(name: .customLong("as-of"), help: "Compute figures at this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Report language: \(Language.codes()).")
    var lang: String?

    @Option(help: "Template folder (default: the installed templates).", completion: .directory)
    var templates: String?

    @Option(name: .customLong("suppress-below"), help: "Hide counts below N (N ≥ 2; 0 = off).")
    var suppressBelow: Int?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Projects built at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Diagnostics as text or json.")
    var diagnostics: String = "text"

    @Flag(help: "Print only diagnostics.")
    var quiet = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not '\(DiagnosticFormatter.oneLine(asOf))'") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be \(Language.codes()), not '\(DiagnosticFormatter.oneLine(lang))'") }
        if let n = suppressBelow, n == 1 || n < 0 { throw ValidationError("--suppress-below must be 0 (off) or at least 2") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if DiagnosticFormatter.Style(rawValue: diagnostics) == nil { throw ValidationError("--diagnostics must be text or json") }
        do {
            _ = try BuildOptions.generatedDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        } catch {
            throw ValidationError(error.message)
        }
    }

    func buildOptions() -> BuildOptions {
        var o = BuildOptions()
        o.asOf = asOf.flatMap { Day(iso: $0) }
        o.lang = lang.flatMap(Language.init(rawValue:))
        o.suppressBelow = suppressBelow
        o.strict = strict
        // JSON prints every diagnostic (SPEC §2), so every one is kept; text prints the first 100.
        o.keepEveryDiagnostic = diagnostics == DiagnosticFormatter.Style.json.rawValue
        // Checked in `validate`.
        o.generated = try? BuildOptions.generatedDate(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        return o
    }

    /// A batch with the templates, the jobs and, on a terminal, a live progress line.
    func batch(_ options: BuildOptions) throws -> Batch {
        guard let folder = templates ?? TemplateSet.defaultFolder(executable: Bundle.main.executablePath ?? CommandLine.arguments[0]) else {
            throw ValidationError("cannot find the default templates; pass --templates DIR")
        }
        var batch = Batch(options: options, templatesFolder: folder)
        if let jobs { batch.jobs = jobs }
        // No progress line in the JSON stream, even on a terminal: every line is JSON.
        if !quiet && diagnostics != DiagnosticFormatter.Style.json.rawValue && isatty(STDERR_FILENO) == 1 {
            batch.progress = { done, total, folder in
                var err = StandardError()
                print("\r\u{1B}[K[\(done)/\(total)] \(DiagnosticFormatter.oneLine(folder))", terminator: done == total ? "\r\u{1B}[K" : "", to: &err)
            }
        }
        return batch
    }

    /// Prints the diagnostics and a summary to stderr; returns the exit code.
    /// Text stops at 100 and says how many more; JSON prints every one (the
    /// run keeps them all for it), then the summary as an object, so that every line parses.
    func report(_ outcome: Batch.Outcome, verb: String, seconds: Double) -> Int32 {
        let style = DiagnosticFormatter.Style(rawValue: diagnostics) ?? .text
        // Annotations go with text only: the JSON stream stays JSON (SPEC §2).
        let github = style == .text && ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        let all = outcome.diagnostics
        let shown = style == .json ? all[...] : all.prefix(100)
        var err = StandardError()
        for d in shown {
            print(style == .json ? DiagnosticFormatter.json(d) : DiagnosticFormatter.text(d), to: &err)
            if github && d.severity != .note { print(DiagnosticFormatter.github(d), to: &err) }
        }
        let dropped = outcome.dropped
        let warnings = all.count { $0.severity == .warning } + dropped.warnings
        let errors = all.count { $0.severity == .error } + dropped.errors
        switch style {
        case .json:
            if !quiet {
                let summary = DiagnosticFormatter.Summary(verb: verb, built: outcome.built, failed: outcome.failed, errors: errors,
                                                          warnings: warnings, notKept: dropped.errors + dropped.warnings, seconds: seconds)
                print(DiagnosticFormatter.json(summary), to: &err)
            }
        case .text:
            let more = all.count - shown.count + dropped.errors + dropped.warnings
            if more > 0 { print("… and \(more) more", to: &err) }
            if !quiet {
                let failed = outcome.failed
                var line = "\(verb) \(outcome.built) project\(outcome.built == 1 ? "" : "s"), \(failed.count) failed, "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s") in \(String(format: "%.1f", seconds)) s"
                if !failed.isEmpty { line += "; failed: " + failed.map(DiagnosticFormatter.oneLine).joined(separator: ", ") }
                print(line, to: &err)
            }
        }
        return outcome.hasErrors ? 1 : 0
    }
}
