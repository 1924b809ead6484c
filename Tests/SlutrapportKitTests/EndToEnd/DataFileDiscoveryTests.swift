import Foundation
import Testing
@testable import SlutrapportKit

/// SPEC §3, "Finding the participant data" (issue 25): the workbook a
/// project leader keeps under another name is read, or named in a warning;
/// never a report without figures and "0 warnings".
@Suite struct DataFileDiscoveryTests {
    static let root = repositoryRoot + "/Tests/Fixtures/xlsx"
    /// Workbooks written by LibreOffice headless and by openpyxl.
    static let workbooks = ["libreoffice-sv", "openpyxl-1904"]
    static let names = ["Deltagare.xlsx", "participants (1).xlsx", "Participants.XLSX", "participants.xlsx.xlsx"]

    /// A copy of fixture `name` whose participants.xlsx is called `as`, and project.yaml has `extra` added.
    func project(_ name: String, as fileName: String, extra: String = "", others: [String: String] = [:]) throws -> String {
        let folder = scratch("discovery") + "/xlsx-fixture"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(Self.root)/\(name)/participants.xlsx", toPath: "\(folder)/\(fileName)")
        let yaml = try String(contentsOfFile: "\(Self.root)/\(name)/project.yaml", encoding: .utf8)
        try (yaml + extra).write(toFile: "\(folder)/project.yaml", atomically: true, encoding: .utf8)
        for (other, text) in others { try text.write(toFile: "\(folder)/\(other)", atomically: true, encoding: .utf8) }
        return folder
    }

    func check(_ folder: String, strict: Bool = false) -> Batch.Outcome {
        var options = BuildOptions()
        options.strict = strict
        return Batch(options: options, templatesFolder: templatesFolder).run(paths: [folder], write: false)
    }

    func lines(_ outcome: Batch.Outcome, _ folder: String) -> [String] {
        outcome.diagnostics.map { d in
            "\(d.location.file.replacingOccurrences(of: folder + "/", with: "")):\(d.location.line):\(d.location.column) "
                + "\(d.severity.rawValue) \(d.code.rawValue) \(d.message)"
        }
    }

    func xml(_ folder: String, _ name: String) throws -> String {
        let (out, outcome) = buildReports([folder], out: scratch(name)) { $0.formats = [.xml] }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        return try String(contentsOfFile: "\(out)/xlsx-fixture/slutrapport.xml", encoding: .utf8)
    }

    static let reference: String = {
        let (out, _) = buildReports([root + "/reference"], out: scratch("discovery-reference")) { $0.formats = [.xml] }
        return (try? String(contentsOfFile: "\(out)/xlsx-fixture/slutrapport.xml", encoding: .utf8)) ?? ""
    }()

    @Test(arguments: workbooks, names)
    func aWorkbookUnderAnotherNameGivesItsFigures(workbook: String, name: String) throws {
        let folder = try project(workbook, as: name)
        #expect(Self.reference.contains("<participants total=\"40\""))
        #expect(try xml(folder, "\(workbook)-\(name)") == Self.reference)
        let expected = name == "Participants.XLSX" ? [] : [
            "\(name):1:1 note data-file-found \(name) is read as the participant data, being the only .csv or .xlsx file in the folder; "
                + "name it in project.yaml ('data: \(name)') to be sure",
        ]
        #expect(lines(check(folder), folder) == expected)
    }

    @Test func theSheetIsReadFromAWorkbookUnderAnotherName() throws {
        let folder = try project("openpyxl-sheet-order", as: "Deltagare.xlsx", extra: "sheet: Deltagare\n")
        #expect(try xml(folder, "sheet-deltagare") == Self.reference)
    }

    @Test func dataNamesTheFileAndAnotherSpreadsheetIsAWarningNamingIt() throws {
        let folder = try project("libreoffice-sv", as: "Deltagare 2023.xlsx", extra: "data: Deltagare 2023.xlsx\n",
                                 others: ["gammal lista.csv": "a,b\n"])
        #expect(try xml(folder, "data-named") == Self.reference)
        let warning = "gammal lista.csv:1:1 warning data-file-not-read gammal lista.csv is not read: "
            + "the participant data are read from Deltagare 2023.xlsx; move it out of the project folder or name it in 'data:'"
        #expect(lines(check(folder), folder) == [warning])
        #expect(lines(check(folder, strict: true), folder) == [warning.replacingOccurrences(of: " warning ", with: " error ")])
    }

    @Test func aSpreadsheetBesideParticipantsCSVIsAWarning() throws {
        let folder = scratch("discovery-beside") + "/xlsx-fixture"
        try FileManager.default.copyItem(atPath: Self.root + "/reference", toPath: folder)
        try FileManager.default.copyItem(atPath: Self.root + "/openpyxl-1904/participants.xlsx", toPath: folder + "/Deltagare.xlsx")
        #expect(lines(check(folder), folder) == [
            "Deltagare.xlsx:1:1 warning data-file-not-read Deltagare.xlsx is not read: the participant data are read from "
                + "participants.csv; move it out of the project folder or name it in 'data:'",
        ])
    }

    @Test func twoCandidatesAreOneErrorListingThem() throws {
        let folder = try project("libreoffice-sv", as: "Deltagare.xlsx", others: ["Deltagare 2022.csv": "a,b\n"])
        #expect(lines(check(folder), folder) == [
            "Deltagare 2022.csv:1:1 error both-csv-files the folder has 2 .csv and .xlsx files and none is called participants or counts: "
                + "Deltagare 2022.csv and Deltagare.xlsx; name the participant file in project.yaml ('data: Deltagare.xlsx')",
        ])
    }

    @Test(arguments: ["Deltagare.ods", "Deltagare.xls", "Deltagare.numbers"])
    func aFormatNotReadSaysHowToSaveAsXlsx(name: String) throws {
        let folder = try project("libreoffice-sv", as: name)
        let ext = (name as NSString).pathExtension
        #expect(lines(check(folder), folder) == [
            "\(name):1:1 error data-file-format \(name) is a .\(ext) file, which slutrapport does not read: "
                + "open it and save it as an Excel workbook (.xlsx) in the project folder",
        ])
    }

    @Test func sheetWithoutAWorkbookAndADataFileThatIsNotThereAreErrors() throws {
        let csv = try project("libreoffice-sv", as: "x.xlsx")
        try FileManager.default.removeItem(atPath: csv + "/x.xlsx")
        try FileManager.default.copyItem(atPath: Self.root + "/reference/participants.csv", toPath: csv + "/participants.csv")
        var yaml = try String(contentsOfFile: csv + "/project.yaml", encoding: .utf8)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        yaml += "sheet: Blad1\n"
        try yaml.write(toFile: csv + "/project.yaml", atomically: true, encoding: .utf8)
        #expect(lines(check(csv), csv) == [
            "project.yaml:\(line):8 error invalid-value 'sheet' names a worksheet, but the participant data are read from participants.csv, "
                + "which is no workbook",
        ])
        yaml += "data: Deltagare.xlsx\n"
        try yaml.write(toFile: csv + "/project.yaml", atomically: true, encoding: .utf8)
        #expect(lines(check(csv), csv) == [
            "project.yaml:\(line + 1):7 error data-file-missing 'data' names Deltagare.xlsx, which is not in the project folder "
                + "(it holds participants.csv)",
        ])
    }

    @Test func theOnlyCSVWithACountsHeaderIsReadAsCounts() throws {
        let folder = scratch("discovery-counts") + "/xlsx-counts-fixture"
        try FileManager.default.copyItem(atPath: Self.root + "/counts-reference", toPath: folder)
        try FileManager.default.moveItem(atPath: folder + "/counts.csv", toPath: folder + "/Antal 2023.csv")
        let reference = try String(contentsOfFile: buildReports([Self.root + "/counts-reference"], out: scratch("c1")) { $0.formats = [.xml] }.out
                                   + "/xlsx-counts-fixture/slutrapport.xml", encoding: .utf8)
        let (out, outcome) = buildReports([folder], out: scratch("c2")) { $0.formats = [.xml] }
        #expect(lines(outcome, folder) == [
            "Antal 2023.csv:1:1 note data-file-found Antal 2023.csv is read as counts, being the only .csv or .xlsx file in the folder; "
                + "name it in project.yaml ('data: Antal 2023.csv') to be sure",
        ])
        #expect(try String(contentsOfFile: out + "/xlsx-counts-fixture/slutrapport.xml", encoding: .utf8) == reference)
    }
}
