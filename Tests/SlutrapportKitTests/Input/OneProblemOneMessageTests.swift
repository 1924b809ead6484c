import Foundation
import Testing
@testable import SlutrapportKit

/// SPEC §2, "One problem, one message" (issue 25): 282 rows naming an
/// unknown subproject were 282 lines, and a typo on row 66 was buried among
/// them past the first hundred; now one diagnostic with the count, the first
/// five rows and the codes and names project.yaml has, never a cell's value.
/// `--diagnostics json` still gives every row.
@Suite struct OneProblemOneMessageTests {
    static let yaml = minimalYAML + "subprojects:\n  - {id: vast, name: Västra Värmland}\n  - {id: norr, name: Norr}\n"

    static func csv() -> String {
        var csv = "id,subproject,gender,birth_year,start_date,end_date,exit_reason\n"
        for i in 1...282 {
            let reason = i == 65 ? "Arbte" : "arbete"
            csv += "QZID\(1000 + i),Sydvästra,kvinna,193\(i % 10),2021-02-01,2021-06-01,\(reason)\n"
        }
        return csv + "QZID2000,vast,man,1931,2021-03-01,,\n"
    }

    func run(json: Bool) throws -> (lines: [String], folder: String) {
        let f = try Fixture(["project.yaml": Self.yaml, "participants.csv": Self.csv()])
        var options = BuildOptions()
        options.keepEveryDiagnostic = json
        let outcome = Batch(options: options, templatesFolder: templatesFolder).run(paths: [f.folder], write: false)
        return (outcome.diagnostics.map { d in
            "\(d.location.file.replacingOccurrences(of: f.folder + "/", with: "")):\(d.location.line):\(d.location.column) \(d.code.rawValue) \(d.message)"
        }, f.folder)
    }

    @Test func manyRowsWithOneProblemAreOneDiagnosticAndATypoIsNotBuried() throws {
        let (lines, _) = try run(json: false)
        #expect(lines == [
            "participants.csv:2:10 unknown-subproject the value in column 'subproject' is not the id or name of a subproject in project.yaml "
                + "(282 rows: 2, 3, 4, 5, 6 and 277 more); project.yaml has vast (Västra Värmland), norr (Norr)",
            "participants.csv:66:54 unknown-exit-reason the value in column 'exit_reason' is not the code or label of an exit reason; "
                + "did you mean 'Arbete'?; project.yaml has arbete (Arbete), studier (Studier), avbrutit (Avbrutit), annan_orsak (Annan orsak), "
                + "fullfoljt (Fullföljt projektet)",
        ])
        // No cell's value: not the unknown subproject, not the typo.
        #expect(!lines.joined().contains("Sydvästra") && !lines.joined().contains("Arbte"))
    }

    @Test func jsonKeepsEveryRow() throws {
        let (lines, _) = try run(json: true)
        #expect(lines.count == 283)
        #expect(lines.filter { $0.contains("unknown-subproject") }.count == 282)
    }
}
