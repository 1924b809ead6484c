import Foundation
import Testing
@testable import SlutrapportKit

/// `--diagnostics json` is what a CI parser reads (issue 16, item 2): every
/// line is JSON, and it carries every diagnostic of the run, uncapped.
@Suite struct JSONDiagnosticsTests {
    /// 10,050 errors: past text's 100 and past the 10,000 a project's log
    /// kept before issue 16, so any cap on the JSON stream shows.
    static let rowCount = 10_050

    @Test func everyLineParsesAndTheStreamHoldsEveryErrorTheSummaryCounts() throws {
        // Ids of the broken corpus's form (QZID…): PrivacyTests' convention for made-up personal data.
        let rows = (1...Self.rowCount).map { String(format: "QZID%05d,okänd,2021-01-01\n", $0) }.joined()
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n" + rows])
        let (status, stderr) = try runCLI(["check", f.folder, "--diagnostics", "json", "--templates", templatesFolder])
        #expect(status == 1)
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()  // the stream ends in a line break
        #expect(stderr.hasSuffix("\n"))
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == lines.count, "lines that are not a JSON object: \(lines.count - objects.count)")
        let summary = try #require(objects.last)
        #expect(summary["kind"] as? String == "summary")
        #expect(summary["errors"] as? Int == Self.rowCount)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["notKept"] as? Int == 0)
        let diagnostics = objects.dropLast()
        #expect(diagnostics.count == (summary["errors"] as? Int ?? -1) + (summary["warnings"] as? Int ?? -1))
        // One for each row, in row order, at the gender cell (after "QZID00001,"), with its code.
        let lineNumbers = diagnostics.map { $0["line"] as? Int ?? 0 }
        #expect(lineNumbers.first == 2)
        #expect(lineNumbers.last == Self.rowCount + 1)
        #expect(zip(lineNumbers, lineNumbers.dropFirst()).allSatisfy { $1 == $0 + 1 })
        #expect(diagnostics.allSatisfy { $0["column"] as? Int == 11 && $0["code"] as? String == "unknown-gender"
                                          && $0["file"] as? String == f.folder + "/participants.csv" })
    }

    /// Every line of stderr and stdout, parsed; a line that is not a JSON object fails the test.
    static func objects(_ arguments: [String], environment: [String: String] = [:], cwd: String = repositoryRoot) throws -> (Int32, [[String: Any]]) {
        let stdout = Pipe()
        let (status, stderr) = try runCLI(arguments, cwd: cwd, environment: environment, stdout: stdout, timeout: 60)
        let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        var objects: [[String: Any]] = []
        for line in (stderr + printed).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                Issue.record("not a JSON object: \(line)")
                continue
            }
            objects.append(object)
        }
        return (status, objects)
    }

    /// Under GitHub Actions the JSON stream has no `::error` line mixed in (issue 24).
    @Test func underGitHubActionsEveryLineIsStillJSON() throws {
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\nQZID00001,okänd,2021-01-01\n"])
        let (status, objects) = try Self.objects(["check", f.folder, "--diagnostics", "json", "--templates", templatesFolder],
                                                 environment: ["GITHUB_ACTIONS": "true"])
        #expect(status == 1)
        #expect(objects.map { $0["code"] as? String ?? $0["kind"] as? String ?? "" } == ["unknown-gender", "summary"])
    }

    /// A usage error with `--diagnostics json` is an object of kind "usage",
    /// then the summary, exit 2; before issue 24 it was plain text and no summary.
    @Test(arguments: [
        (["build", "PROJECT", "--out", "PROJECT/out"], [:], "--out 'PROJECT/out' lies inside the project folder PROJECT; choose an output folder outside every project folder"),
        (["build", "PROJECT", "--jobs", "0"], [:], "--jobs must be at least 1"),
        (["check", "PROJECT", "--as-of", "2022-13-01"], [:], "--as-of must be a date YYYY-MM-DD, not '2022-13-01'"),
        (["check", "PROJECT"], ["SOURCE_DATE_EPOCH": "igår"], nil),
        (["build", "PROJECT", "--no-such-option"], [:], "Unknown option '--no-such-option'"),
        (["check", "PROJECT", "--diagnostics=json", "--format", "pdf"], [:], "Unknown option '--format'"),
        (["build", "PROJECT", "--format", "md,bmp"], ["GITHUB_ACTIONS": "true"], "--format takes md, html, xml, docx, xlsx, not 'bmp'"),
    ] as [([String], [String: String], String?)])
    func aUsageErrorIsAJSONObjectThenTheSummary(arguments: [String], environment: [String: String], message: String?) throws {
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"])
        var given = arguments.map { $0.replacingOccurrences(of: "PROJECT", with: f.folder) }
        if !given.contains("--diagnostics=json") { given += ["--diagnostics", "json"] }
        let (status, objects) = try Self.objects(given + ["--templates", templatesFolder], environment: environment)
        #expect(status == 2)
        #expect(objects.map { $0["kind"] as? String ?? "" } == ["usage", "summary"])
        let usage = try #require(objects.first)
        #expect(usage["severity"] as? String == "error")
        #expect(usage["code"] as? String == "usage")
        let text = usage["message"] as? String ?? ""
        if let message { #expect(text == message.replacingOccurrences(of: "PROJECT", with: f.folder)) } else { #expect(!text.isEmpty) }
        let summary = try #require(objects.last)
        #expect(summary["verb"] as? String == (arguments[0] == "check" ? "checked" : "built"))
        #expect(summary["errors"] as? Int == 1 && summary["built"] as? Int == 0 && summary["warnings"] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: f.folder + "/out"))
    }
}
