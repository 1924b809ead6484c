import Foundation
import Testing
@testable import SlutrapportKit

/// SPEC §3.2, "Codes or names" (issue 25): a code column takes a code or a
/// name, in any case, with `_`, `-` and space alike; the ESF+ columns take
/// their Swedish words; headers match with å, ä, ö read as a, a, o.
@Suite struct CodesOrNamesTests {
    /// A copy of `fixture` whose participants.csv has each column's cells, and the header, rewritten.
    func rewritten(_ fixture: String, id: String, header: [String: String], cells: [Int: [String: String]]) throws -> String {
        let folder = scratch("codes-or-names") + "/" + id
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/" + fixture, toPath: folder)
        let csv = try String(contentsOfFile: folder + "/participants.csv", encoding: .utf8)
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = lines[0].split(separator: ",", omittingEmptySubsequences: false).map { header[String($0)] ?? String($0) }.joined(separator: ",")
        for i in 1..<lines.count where !lines[i].isEmpty {
            var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (column, map) in cells {
                fields[column] = fields[column].split(separator: ";", omittingEmptySubsequences: false)
                    .map { map[String($0)] ?? String($0) }.joined(separator: ";")
            }
            lines[i] = fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(toFile: folder + "/participants.csv", atomically: true, encoding: .utf8)
        return folder
    }

    func xml(_ folder: String, id: String) throws -> (String, [String]) {
        let (out, outcome) = buildReports([folder], out: scratch("codes-out")) { $0.formats = [.xml] }
        let xml = (try? String(contentsOfFile: "\(out)/\(id)/slutrapport.xml", encoding: .utf8)) ?? ""
        return (xml, outcome.diagnostics.map { "\($0.code.rawValue) \($0.message)" })
    }

    @Test func subprojectsReasonsAndActivitiesByNameGiveTheFiguresOfTheirCodes() throws {
        let folder = try rewritten("xlsx/reference", id: "xlsx-fixture",
            header: ["delprojekt": "Delprojekt ", "avslutsorsak": "Avslutsorsak", "aktiviteter": "AKTIVITETER", "födelseår": "Födelse år"],
            cells: [1: ["karlstad": "Delprojekt Karlstad", "hammaro": "delprojekt hammarö", "kristinehamn": "DELPROJEKT KRISTINEHAMN"],
                    6: ["annan_orsak": "annan-orsak", "avbrutit": "AVBRUTIT"],
                    7: ["coaching": "Individuell coaching", "praktik": "PRAKTIK", "grupp": "gruppverksamhet"]])
        let (reference, _) = try xml(repositoryRoot + "/Tests/Fixtures/xlsx/reference", id: "xlsx-fixture")
        let (named, diagnostics) = try xml(folder, id: "xlsx-fixture")
        #expect(diagnostics == [])
        #expect(reference.contains("<participants total=\"40\""))
        #expect(named == reference)
    }

    @Test func theESFPlusColumnsTakeTheirSwedishWordsAndHeaders() throws {
        let folder = try rewritten("esf-hand", id: "esf-hand",
            header: ["arbetsmarknadsstatus": "Arbetsmarknadsstatus", "utbildningsniva": "Utbildningsnivå", "utlandsk_bakgrund": "Utländsk bakgrund",
                     "funktionsnedsattning": "Funktionsnedsättning", "hemlos": "Hemlös", "målgrupp": "Målgrupp", "kön": "KÖN"],
            cells: [6: ["unemployed": "Arbetslös", "long_term_unemployed": "långtidsarbetslös", "inactive": "Utanför arbetskraften",
                        "employed": "Anställd"],
                    7: ["isced_0_2": "Grundskola", "isced_3_4": "gymnasial", "isced_5_8": "Högskola"],
                    15: ["unga": "Unga", "nyanlanda": "NYANLÄNDA", "sjukskrivna": "Långtidssjukskrivna"]])
        let (reference, said) = try xml(repositoryRoot + "/Tests/Fixtures/esf-hand", id: "esf-hand")
        let (named, diagnostics) = try xml(folder, id: "esf-hand")
        #expect(said == ["starts-after-as-of 1 participant starts after the as-of date 2024-02-15 and is left out"])
        #expect(diagnostics == said)
        #expect(reference.contains("<esfPlus"))
        #expect(named == reference)
    }

    @Test func aNameOfNoSubprojectStillSuggestsOneAndQuotesNothing() throws {
        let (_, log) = try figures(yaml: minimalYAML + "subprojects:\n  - {id: vast, name: Västra Värmland}\n",
                                   csv: "id,subproject,gender,start_date\nQZID01,Västra Värmlnd,kvinna,2021-02-01\n")
        #expect(log.all.map(\.message) == ["the value in column 'subproject' is not the id or name of a subproject in project.yaml; did you mean 'Västra Värmland'?"])
    }
}

/// SPEC §3.2, "Rows around the table", for a CSV as Excel saves a sheet
/// with a title and a total (issue 25): three unrelated errors before.
@Suite struct RowsAroundCSVTests {
    @Test(arguments: [",", ";"])
    func aTitleAndATotalRowAreLeftOutWithNotes(delimiter: String) throws {
        let folder = scratch("rows-around-csv") + "/xlsx-fixture"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/xlsx/reference", toPath: folder)
        let csv = try String(contentsOfFile: folder + "/participants.csv", encoding: .utf8)
        let d = delimiter
        let body = csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { d == ";" && $0.contains(";") ? "\"\($0)\"" : String($0) }
                .joined(separator: d)
        }.joined(separator: "\n") + "\n"
        let titled = "Deltagarförteckning\(d)\(d)\(d)\n\(d)\(d)\(d)\n" + body + "Totalt\(d)40\(d)\(d)\(d)\(d)\(d)\(d)\n"
        try titled.write(toFile: folder + "/participants.csv", atomically: true, encoding: .utf8)
        let (out, outcome) = buildReports([folder], out: scratch("rows-around-out")) { $0.formats = [.xml] }
        #expect(outcome.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" } == [
            "1:1 rows-around-table rows 1 to 2 above the header (row 3) are left out: a title, not participants",
            "44:1 rows-around-table row 44 is left out: a total, not a participant",
        ])
        let (reference, _) = buildReports([repositoryRoot + "/Tests/Fixtures/xlsx/reference"], out: scratch("rows-around-ref")) { $0.formats = [.xml] }
        #expect(try String(contentsOfFile: out + "/xlsx-fixture/slutrapport.xml", encoding: .utf8)
                == String(contentsOfFile: reference + "/xlsx-fixture/slutrapport.xml", encoding: .utf8))
    }
}
