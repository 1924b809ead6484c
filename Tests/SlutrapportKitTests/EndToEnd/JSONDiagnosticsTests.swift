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
}
