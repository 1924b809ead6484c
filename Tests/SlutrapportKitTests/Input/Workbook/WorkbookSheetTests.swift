import Foundation
import Testing
@testable import SlutrapportKit

/// Which sheet is read: the first in workbook order, or the one named.
@Suite struct WorkbookSheetTests {
    /// Three sheets listed Data, Summary, Extra with sheetIds 3, 1, 2; each holding its name.
    func threeSheets() throws -> String {
        var parts = WorkbookMaker.parts(rows: "")
        let sheets = "<sheet name=\"Data\" sheetId=\"3\" r:id=\"rId3\"/><sheet name=\"Summary\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Extra\" sheetId=\"2\" r:id=\"rId2\"/>"
        parts["xl/workbook.xml"] = Data("<workbook xmlns=\"\(WorkbookMaker.main)\" xmlns:r=\"\(WorkbookMaker.rel)\"><sheets>\(sheets)</sheets></workbook>".utf8)
        let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(WorkbookMaker.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(WorkbookMaker.rel)/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(WorkbookMaker.rel)/worksheet\" Target=\"./worksheets/../worksheets/sheet3.xml\"/>"
            + "<Relationship Id=\"rId4\" Type=\"\(WorkbookMaker.rel)/styles\" Target=\"styles.xml\"/></Relationships>"
        parts["xl/_rels/workbook.xml.rels"] = Data(rels.utf8)
        for (k, name) in ["Summary", "Extra", "Data"].enumerated() {
            parts["xl/worksheets/sheet\(k + 1).xml"] = Data(WorkbookMaker.sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>\(name)</t></is></c></row>").utf8)
        }
        return try WorkbookMaker.write(parts)
    }

    @Test func theFirstSheetInDocumentOrder() throws {
        let path = try threeSheets()
        #expect(try Workbook.open(path: path, sheet: nil).sheetName == "Data")
        #expect(try WorkbookMaker.rows(path) == ["1: Data"])
    }

    @Test func aNamedSheetExactlyThenIgnoringCase() throws {
        let path = try threeSheets()
        #expect(try WorkbookMaker.rows(path, sheet: "Extra") == ["1: Extra"])
        #expect(try WorkbookMaker.rows(path, sheet: "summary") == ["1: Summary"])
        #expect(try Workbook.open(path: path, sheet: "SUMMARY").sheetName == "Summary")
    }

    @Test func anUnknownSheetNamesTheSheets() throws {
        let path = try threeSheets()
        let error = WorkbookMaker.error(path, sheet: "Deltagare")
        #expect(error == .noSuchSheet("Deltagare", available: ["Data", "Summary", "Extra"]))
        #expect(error?.message == "the workbook has no sheet 'Deltagare'; its sheets are 'Data', 'Summary', 'Extra'")
    }

    @Test func stoppingEarly() throws {
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row><c><v>1</v></c></row><row><c><v>2</v></c></row><row><c><v>3</v></c></row>"))
        var seen: [Int] = []
        try Workbook.open(path: path, sheet: nil).forEachRow { row in
            seen.append(row.line)
            return row.line < 2
        }
        #expect(seen == [1, 2])
    }
}
