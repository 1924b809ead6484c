import ArgumentParser
import Foundation
import SlutrapportKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the reports of one or more projects.",
        discussion: """
        Each project goes to OUT/<id>/slutrapport.{md,html,xml,docx,xlsx}. A project with
        errors gets no new output; its earlier output is kept. OUT must lie
        outside every project folder; only folders slutrapport marked as its
        own (.slutrapport-output) are ever replaced.

        Examples:
          slutrapport build                          # every project under data/ into out/
          slutrapport build data/vak2 --out public   # one project
          slutrapport build --as-of 2022-09-30 --lang en --suppress-below 5
          SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) slutrapport build --jobs 4
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output folder.", completion: .directory)
    var out: String = "out"

    /// Every format, as `--format` names them: md,html,xml,docx,xlsx.
    static let allFormats = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")
    static let formatList = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")

    @Option(help: "Formats to write, comma-separated: \(Build.allFormats).")
    var format: String = Build.allFormats

    func validate() throws {
        for f in format.split(separator: ",") where OutputFormat(rawValue: String(f)) == nil {
            throw ValidationError("--format takes \(Build.formatList), not '\(DiagnosticFormatter.oneLine(String(f)))'")
        }
        // An empty list would replace every earlier report with an empty folder.
        if format.split(separator: ",").isEmpty { throw ValidationError("--format needs at least one of \(Build.formatList)") }
        if out.isEmpty { throw ValidationError("--out needs a folder; '' names none") }
    }

    func run() throws {
        var options = input.buildOptions()
        options.outputFolder = out
        let requested = Set(format.split(separator: ",").map(String.init))
        options.formats = OutputFormat.allCases.filter { requested.contains($0.rawValue) }
        let start = Date.now
        let outcome = try input.batch(options).run(paths: input.paths, write: true)
        if let usage = outcome.usageError {
            // Found only once the projects are known; told as any usage error of `build` is.
            if input.diagnostics == DiagnosticFormatter.Style.json.rawValue { usageJSON(usage, verb: "built") }
            var err = StandardError()
            print("Error: \(DiagnosticFormatter.oneLine(usage))\nRun 'slutrapport build --help' for usage.", to: &err)
            throw ExitCode(2)
        }
        let code = input.report(outcome, verb: "built", seconds: Date.now.timeIntervalSince(start))
        if code != 0 { throw ExitCode(code) }
    }
}
