import Foundation
import Testing
@testable import SlutrapportKit

/// Participant ids and birth years never appear in any output, chart, log or
/// diagnostic: diagnostics give the line, never the value.
@Suite struct PrivacyTests {
    static let secrets = (1...5).map { "HEMLIG-ID-000\($0)" } + (1901...1905).map(String.init)

    @Test func noOutputHoldsAnIDOrABirthYear() throws {
        let out = scratch("privacy")
        let (status, stderr) = try runCLI(["build", "Tests/Fixtures/privacy", "data", "--out", out, "--suppress-below", "2"])
        #expect(status == 0)
        let files = try tree(out)
        #expect(files.count > 20)
        #expect(files.keys.contains { $0.hasSuffix(".docx") } && files.keys.contains { $0.hasSuffix(".xlsx") })
        for (path, data) in files {
            // A Word report or a workbook is a zip: its parts' text is searched inflated,
            // without the markup (whose numbers are widths: `w:w="1905"`).
            let texts = path.hasSuffix(".docx") || path.hasSuffix(".xlsx")
                ? try DocxReading(path: "\(out)/\(path)").parts.values.map {
                    String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                }
                : [String(decoding: data, as: UTF8.self)]
            for text in texts {
                for secret in Self.secrets { #expect(!text.contains(secret), "\(path) holds \(secret)") }
            }
        }
        for secret in Self.secrets { #expect(!stderr.contains(secret)) }
    }

    @Test func noDiagnosticHoldsAnIDOrABirthYear() throws {
        let folder = scratch("privacy") + "/privacy"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/privacy/project.yaml", toPath: folder + "/project.yaml")
        // Every row wrong in a way that names a field: duplicate ids, impossible birth years, unknown codes.
        let rows = """
            id,subproject,gender,birth_year,start_date,end_date,exit_reason
            HEMLIG-ID-0001,a,kvinna,1901,2021-02-01,2021-06-01,arbete
            HEMLIG-ID-0001,a,man,1902,2021-02-01,,
            HEMLIG-ID-0003,x,kvinna,2030,2021-03-01,2022-01-01,studier
            HEMLIG-ID-0004,a,?,1904,2021-03-01,2020-07-15,avbrutit
            HEMLIG-ID-0005,a,annat,19o5,2021-04-01,,arbete

            """
        try Data(rows.utf8).write(to: URL(fileURLWithPath: folder + "/participants.csv"))
        for format in ["text", "json"] {
            let (status, stderr) = try runCLI(["check", folder, "--diagnostics", format], environment: ["GITHUB_ACTIONS": "true"])
            #expect(status == 1)
            #expect(stderr.split(separator: "\n").count >= 6)
            for secret in Self.secrets + ["2030", "19o5"] { #expect(!stderr.contains(secret), "\(format): \(secret)") }
        }
    }

    /// Issue 15: the one error for a column of spreadsheet dates quotes none
    /// of them, nor the date a serial number stands for.
    @Test(arguments: ["date-serial", "date-slashed", "date-slashed-ambiguous"])
    func noDateHintQuotesACell(name: String) throws {
        let folder = "Tests/Fixtures/broken/\(name)"
        let csv = try String(contentsOfFile: "\(repositoryRoot)/\(folder)/participants.csv", encoding: .utf8)
        let delimiter: Character = csv.contains(";") ? ";" : ","
        let dates = csv.split(separator: "\n").dropFirst().flatMap { $0.split(separator: delimiter, omittingEmptySubsequences: false)[4...5] }
            .filter { !$0.isEmpty }.map(String.init)
        #expect(dates.count >= 3)
        // 44287 is 2021-04-01, 44317 is 2021-05-01: neither may appear as a date either.
        for format in ["text", "json"] {
            let (status, stderr) = try runCLI(["check", folder, "--diagnostics", format, "--templates", templatesFolder],
                                              environment: ["GITHUB_ACTIONS": "true"])
            #expect(status == 1)
            #expect(stderr.contains("date-slashed") || stderr.contains("date-serial"))
            for value in dates + ["2021-04-01", "2021-05-01"] { #expect(!stderr.contains(value), "\(name) \(format): \(value)") }
        }
    }

    /// The broken corpus's participant-like values (ids `QZID…`, birth years
    /// 1931–1939, in cells of every kind, in the wrong columns, swallowed by a
    /// stray quote, in a file without a header) never reach a diagnostic.
    static let casesWithACSV = BrokenProjectTests.cases.filter { name in
        ["participants.csv", "counts.csv"].contains { FileManager.default.fileExists(atPath: "\(BrokenProjectTests.root)/\(name)/\($0)") }
    }

    @Test(arguments: casesWithACSV)
    func noBrokenFixtureEchoesACell(name: String) throws {
        let years = (1931...1939).map(String.init)
        for format in ["text", "json"] {
            let (_, stderr) = try runCLI(["check", "Tests/Fixtures/broken/\(name)", "--diagnostics", format, "--quiet", "--templates", templatesFolder],
                                              environment: ["GITHUB_ACTIONS": "true"])
            let diagnostics = stderr.split(separator: "\n")
            #expect(!diagnostics.isEmpty)
            for line in diagnostics {
                #expect(!line.contains("QZID"), "\(name) \(format): \(line)")
                for year in years { #expect(!line.contains(year), "\(name) \(format): \(line)") }
                #expect(!line.hasPrefix("::") || line.hasPrefix("::error file=Tests/Fixtures/broken/\(name)/")
                        || line.hasPrefix("::warning file=Tests/Fixtures/broken/\(name)/"), "\(name) \(format): \(line)")
            }
        }
    }
}
