import Foundation
import Testing
@testable import SlutrapportKit

/// participants.xlsx and counts.xlsx as real programs save them
/// (Tests/Fixtures/xlsx, README there): each gives exactly the figures of the
/// same data as CSV, and its diagnostics name cell and sheet (SPEC §3.5).
@Suite struct WorkbookInputTests {
    static let root = repositoryRoot + "/Tests/Fixtures/xlsx"
    static let participantWorkbooks = ["libreoffice-sv", "libreoffice-en", "libreoffice-text-dates", "openpyxl-1904",
                                       "openpyxl-sheet-order", "xlsxwriter-inline"]

    /// The XML a build of `folder` writes (ids collide, so each in its own output).
    func xml(_ folder: String, id: String, _ name: String) throws -> String {
        let (out, outcome) = buildReports([folder], out: scratch(name)) { $0.formats = [.xml] }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        return try String(contentsOfFile: "\(out)/\(id)/slutrapport.xml", encoding: .utf8)
    }

    @Test(arguments: participantWorkbooks)
    func aWorkbookGivesTheFiguresOfItsCSV(name: String) throws {
        let reference = try xml("\(Self.root)/reference", id: "xlsx-fixture", "reference-\(name)")
        #expect(reference.contains("<participants total=\"40\""))
        #expect(try xml("\(Self.root)/\(name)", id: "xlsx-fixture", name) == reference)
    }

    @Test func aCountsWorkbookGivesTheFiguresOfItsCSV() throws {
        let reference = try xml("\(Self.root)/counts-reference", id: "xlsx-counts-fixture", "counts-reference")
        #expect(try xml("\(Self.root)/counts-libreoffice", id: "xlsx-counts-fixture", "counts-libreoffice") == reference)
    }

    @Test func theSheetProjectYamlNamesIsRead() throws {
        let folder = scratch("sheet-named")
        try FileManager.default.copyItem(atPath: "\(Self.root)/openpyxl-sheet-order", toPath: folder)
        let yaml = try String(contentsOfFile: "\(folder)/project.yaml", encoding: .utf8)
        // The second sheet (notes, no participants) is refused as a list; the first by name gives the figures.
        try (yaml + "sheet: Anteckningar\n").write(toFile: "\(folder)/project.yaml", atomically: true, encoding: .utf8)
        let notes = buildReports([folder], out: scratch("sheet-notes")) { $0.formats = [.xml] }.outcome
        #expect(notes.diagnostics.map(\.code).contains(.csvNoHeader))
        try (yaml + "sheet: Deltagare\n").write(toFile: "\(folder)/project.yaml", atomically: true, encoding: .utf8)
        #expect(try xml(folder, id: "xlsx-fixture", "sheet-deltagare") == xml("\(Self.root)/reference", id: "xlsx-fixture", "sheet-reference"))
    }

    @Test func aRowDiagnosticNamesItsCellAndSheet() throws {
        let folder = repositoryRoot + "/Tests/Fixtures/broken/xlsx-cells"
        let outcome = Batch(options: BuildOptions(), templatesFolder: templatesFolder).run(paths: [folder], write: false)
        let first = try #require(outcome.diagnostics.first)
        #expect(first.location == SourceLocation(file: folder + "/participants.xlsx", line: 3, column: 3))
        #expect(first.message == "the value in column 'kön' is not a gender; use kvinna, man or annat (cell C3 on sheet Blad1)")
        #expect(outcome.diagnostics.map(\.message).contains(
            "the value in column 'startdatum' looks like a spreadsheet serial number (as does 1 more row of this column): "
                + "format the column's cells as dates, or as text YYYY-MM-DD (cell E5 on sheet Blad1)"))
    }

    /// SPEC §3.2, "Rows around the table" (issue 25): a title above the
    /// header was one error; now the sheet is read from its header, with a note.
    @Test func aTitleAboveTheHeaderIsLeftOutWithANote() throws {
        let folder = "\(Self.root)/libreoffice-title-rows"
        let outcome = Batch(options: BuildOptions(), templatesFolder: templatesFolder).run(paths: [folder], write: false)
        #expect(outcome.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" } == [
            "1:1 rows-around-table row 1 above the header (row 3) is left out: a title, not participants (cell A1 on sheet in)",
        ])
        #expect(try xml(folder, id: "xlsx-fixture", "title-rows") == xml("\(Self.root)/reference", id: "xlsx-fixture", "title-reference"))
    }

    /// A total row under the participants ("Totalt", =COUNTA of the ids), from openpyxl and from LibreOffice.
    @Test(arguments: ["openpyxl-total-row", "libreoffice-total-row"])
    func aTotalRowAndATitleAreLeftOutWithNotes(name: String) throws {
        let folder = "\(Self.root)/\(name)"
        let outcome = Batch(options: BuildOptions(), templatesFolder: templatesFolder).run(paths: [folder], write: false)
        #expect(outcome.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" } == [
            "1:1 rows-around-table rows 1 to 2 above the header (row 4) are left out: a title, not participants (cell A1 on sheet Deltagare)",
            "46:1 rows-around-table row 46 is left out: a total, not a participant (cell A46 on sheet Deltagare)",
        ])
        #expect(try xml(folder, id: "xlsx-fixture", name) == xml("\(Self.root)/reference", id: "xlsx-fixture", "total-reference-\(name)"))
    }
}
