import Foundation
import Testing
@testable import SlutrapportKit

/// SPEC §3.3: a subproject with no row in counts.csv did not report. Every
/// format says so ("ej rapporterat" / "not reported") instead of showing
/// zeros, the XML writes it `reported="false"` without counts, totals are of
/// the subprojects that reported, and a note says how many did not.
/// counts-reference (Tests/Fixtures/xlsx) has no row for `torsby`, the only
/// subproject of the area Norr; arvika and saffle reported 41 and 32.
@Suite struct NotReportedTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/xlsx/counts-reference"

    func build(_ lang: Language) -> String {
        let (out, outcome) = buildReports([Self.folder]) { $0.lang = lang }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/xlsx-counts-fixture"
    }

    @Test func aSubprojectWithoutARowIsNotReportedInEveryFormat() throws {
        let out = build(.sv)
        let subprojectRow = ["Delprojekt Torsby", "Norr", "ej rapporterat", "", "", "", "", ""]
        let groupRow = ["Norr", "1", "ej rapporterat", "", "", ""]
        let note = "1 av 3 delprojekt har inte rapporterat; summorna avser de 2 som rapporterade."

        let markdown = try String(contentsOfFile: out + "/slutrapport.md", encoding: .utf8)
        #expect(markdown.contains("| Delprojekt Torsby | Norr | ej rapporterat |  |  |  |  |  |\n"))
        #expect(markdown.contains("| Norr | 1 | ej rapporterat |  |  |  |\n"))
        #expect(!markdown.contains("| Delprojekt Torsby | Norr | 0"))
        #expect(markdown.contains("| **Totalt** |  | 44 | 26 | 3 | 73 | 25 | 48 |"))
        #expect(markdown.components(separatedBy: note).count == 3)  // under the results' heading and under the table

        let html = HTMLInspector(try String(contentsOfFile: out + "/slutrapport.html", encoding: .utf8)).tables
        let subprojects = try #require(html.first { $0.caption == "Deltagare per delprojekt" })
        #expect(subprojects.rows.contains(subprojectRow))
        #expect(try #require(html.first { $0.caption == "Deltagare per område" }).rows.contains(groupRow))

        let word = try DocxReading(path: out + "/slutrapport.docx").elements("tbl").map(\.tableRows)
        #expect(word.contains { $0.contains(subprojectRow) })
        #expect(word.contains { $0.contains(groupRow) })

        let workbook = try XlsxReading(path: out + "/slutrapport.xlsx")
        let sheet = try #require(workbook.sheets.first { $0.title == "Deltagare per delprojekt" })
        let torsby = try #require(sheet.table.first { $0.first??.value == .text("Delprojekt Torsby") })
        #expect(torsby.map { $0?.value } == [.text("Delprojekt Torsby"), .text("Norr"), .text("ej rapporterat")])

        let xml = try String(contentsOfFile: out + "/slutrapport.xml", encoding: .utf8)
        #expect(xml.contains("    <subproject id=\"torsby\" name=\"Delprojekt Torsby\" group=\"Norr\" reported=\"false\"/>\n"))
        #expect(xml.contains("    <group name=\"Norr\" subprojects=\"torsby\" reported=\"false\"/>\n"))
        #expect(xml.contains("  <subprojects notReported=\"1\">\n"))
    }

    @Test func englishSaysNotReported() throws {
        let markdown = try String(contentsOfFile: build(.en) + "/slutrapport.md", encoding: .utf8)
        #expect(markdown.contains("| Delprojekt Torsby | Norr | not reported |  |  |  |  |  |\n"))
        #expect(markdown.contains("1 of 3 subprojects did not report; the totals are of the 2 that did."))
    }

    /// Simba's goal is measured on Simba, which reported; a goal on a
    /// subproject that did not report has no outcome, never 0.
    @Test func aGoalOnASubprojectThatDidNotReportHasNoOutcome() throws {
        let fixture = try Fixture([
            "project.yaml": minimalYAML + """
                subprojects:
                  - {id: a, name: A}
                  - {id: b, name: B}
                goals:
                  - {id: b-deltagare, text: "B når 10", metric: participants, subproject: b, target: 10}
                  - {id: a-arbete, text: "Hälften av A till arbete", metric: exit_share, subproject: a, reasons: [arbete], target: 50%}

                """,
            "counts.csv": "subproject,gender,exit_reason,count\na,kvinna,arbete,3\na,man,,0\n",
        ])
        let (out, outcome) = buildReports([fixture.folder]) { $0.formats = [.md, .xml] }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        let xml = try String(contentsOfFile: out + "/test/slutrapport.xml", encoding: .utf8)
        #expect(xml.contains("<goal id=\"b-deltagare\" metric=\"participants\" unit=\"count\" target=\"10\" subproject=\"b\">"))
        #expect(xml.contains("<goal id=\"a-arbete\" metric=\"exit_share\" unit=\"percent\" target=\"50\" outcome=\"100.0\" met=\"true\" subproject=\"a\">"))
        // A row of 0 is a report of nobody: a reported, not a missing, subproject.
        #expect(xml.contains("<subproject id=\"a\" name=\"A\">"))
        #expect(xml.contains("<subproject id=\"b\" name=\"B\" reported=\"false\"/>"))
        let markdown = try String(contentsOfFile: out + "/test/slutrapport.md", encoding: .utf8)
        #expect(markdown.contains("| B når 10 (B) | antal deltagare | 10 | ej rapporterat | – |"))
    }

    @Test func theProgrammeShowsItsTwentyTwoSubprojectsThatDidNotReport() throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/bidrag-till-forsorjning"]) { $0.formats = [.md, .xml] }
        #expect(!outcome.hasErrors)
        let markdown = try String(contentsOfFile: out + "/bidrag-till-forsorjning/slutrapport.md", encoding: .utf8)
        #expect(markdown.contains("| Skärholmen – Myndighetssamverkan | Socialmedicin | ej rapporterat |  |  |  |  | 300\u{00A0}000\u{00A0}kr |\n"))
        #expect(markdown.contains("22 av 32 delprojekt har inte rapporterat; summorna avser de 10 som rapporterade."))
        let xml = try String(contentsOfFile: out + "/bidrag-till-forsorjning/slutrapport.xml", encoding: .utf8)
        #expect(xml.components(separatedBy: "reported=\"false\"").count - 1 == 22)
        #expect(xml.contains("<participants total=\"864\" women=\"398\" men=\"466\" other=\"0\" active=\"447\" ended=\"417\"/>"))
    }
}
