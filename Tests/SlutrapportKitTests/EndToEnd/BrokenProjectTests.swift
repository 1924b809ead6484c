import Foundation
import Testing
@testable import SlutrapportKit

/// Tests/Fixtures/broken: one project per defect, each with `expected.txt`
/// naming the exact file, line, column and code of every diagnostic that
/// `check --strict` must give. The positions were computed by the script
/// that wrote the fixtures, from where it put each defect.
@Suite struct BrokenProjectTests {
    static let root = repositoryRoot + "/Tests/Fixtures/broken"
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
        .filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/expected.txt") }.sorted()

    @Test func theCorpusCoversEveryInputRule() {
        #expect(Self.cases.count >= 25)
        let covered = Set(Self.cases.compactMap { try? String(contentsOfFile: "\(Self.root)/\($0)/expected.txt", encoding: .utf8) }
            .flatMap { $0.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") } })
        let inputCodes = DiagnosticCode.allCases.filter {
            ![.fileUnreadable, .noProject, .duplicateProjectID, .templateSyntax, .templateMissing, .templateOutsideFolder, .templateTooLarge, .templatePartialCycle, .templatePartialDepth, .templateDynamicPartial, .xmlInvalid, .outputFailed, .outputNotOurs, .outputKept, .outputOutOfDate, .notRendered, .referenceDocxInvalid, .referenceDocxStyles, .csvWindows1252].contains($0)
        }
        #expect(inputCodes.filter { !covered.contains($0.rawValue) } == [])
    }

    @Test(arguments: cases)
    func checkReportsTheExactPosition(name: String) throws {
        let folder = "\(Self.root)/\(name)"
        var options = BuildOptions()
        options.strict = true
        // Every row's position, as --diagnostics json gives them (text makes one message of rows alike).
        options.keepEveryDiagnostic = true
        let outcome = Batch(options: options, templatesFolder: templatesFolder).run(paths: [folder], write: false)
        let actual = outcome.diagnostics.map { d in
            "\(d.location.file.replacingOccurrences(of: folder + "/", with: "")):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.code.rawValue)"
        }
        let expected = try String(contentsOfFile: "\(folder)/expected.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual == expected)
        #expect(outcome.hasErrors)
    }

    @Test func theCommandLineExitsOneOnEveryCase() throws {
        for name in Self.cases {
            let (status, stderr) = try runCLI(["check", "--strict", "--templates", templatesFolder, "Tests/Fixtures/broken/\(name)"])
            let first = try String(contentsOfFile: "\(Self.root)/\(name)/expected.txt", encoding: .utf8).split(separator: "\n")
                .first { $0.contains(": error: ") } ?? ""
            let (position, code) = (first.components(separatedBy: ": error: ")[0], first.components(separatedBy: ": error: ")[1])
            #expect(status == 1, "\(name)")
            #expect(stderr.contains("Tests/Fixtures/broken/\(name)/\(position): error: ") && stderr.contains("[\(code)]"), "\(name): \(stderr)")
        }
    }
}
