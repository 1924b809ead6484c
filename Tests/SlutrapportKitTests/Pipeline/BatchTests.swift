import Foundation
import Testing
@testable import SlutrapportKit

/// A template error does not hide the projects' errors (issue 12).
@Suite struct BatchTests {
    func templates(_ file: String, _ change: (String) -> String) throws -> String {
        let folder = scratch("batch-templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        try Data(change(text).utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        return folder
    }

    @Test(arguments: ["report.md.mustache", "slutrapport.xsd"])
    func aTemplateErrorAndEveryProjectErrorAreReported(broken file: String) throws {
        let folder = try templates(file) { file.hasSuffix(".xsd") ? $0.replacingOccurrences(of: "</xs:schema>", with: "") : "{{#sections}}\n" + $0 }
        let good = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: bra"),
                                "participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"], name: "bra")
        let bad = good.parent + "/trasig"
        try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
        try Data(minimalYAML.utf8).write(to: URL(fileURLWithPath: bad + "/project.yaml"))
        try Data("id,gender,start_date\n1,?,2021-01-01\n2,kvinna,2021-13-01\n".utf8).write(to: URL(fileURLWithPath: bad + "/participants.csv"))
        let (out, outcome) = buildReports([good.parent], templates: folder)
        let found = outcome.diagnostics.map { "\($0.location.file.replacingOccurrences(of: folder, with: "T").replacingOccurrences(of: good.parent, with: "P")) \($0.severity.rawValue) \($0.code.rawValue)" }
        #expect(found.first?.hasPrefix("T/\(file)") == true)
        #expect(found.filter { $0.hasSuffix("not-rendered") } == ["T note not-rendered"])
        #expect(found.filter { $0.hasPrefix("P/") } == ["P/trasig/participants.csv error unknown-gender", "P/trasig/participants.csv error invalid-date"])
        #expect(outcome.diagnostics.first { $0.code == .notRendered }?.message
            == "the templates have errors: no report was rendered or written; the projects' data were checked all the same")
        #expect(outcome.built == 0 && outcome.failed == [bad])
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
