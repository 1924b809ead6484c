import Foundation
import Testing
@testable import SlutrapportKit

/// Each file that is no workbook, or one made to hurt, gives one clear error.
@Suite struct WorkbookSafetyTests {
    let oneRow = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1</v></c></row>"

    @Test func notAZip() throws {
        let path = try WorkbookMaker.file(Data("id,gender\nA,k\n".utf8))
        #expect(WorkbookMaker.error(path) == .notZip)
        #expect(WorkbookMaker.error(try WorkbookMaker.file(Data())) == .notZip)
    }

    @Test func anOldBinaryExcelWorkbook() throws {
        let path = try WorkbookMaker.file(WorkbookMaker.compoundFile(["Workbook", "\u{5}SummaryInformation"]))
        #expect(WorkbookMaker.error(path) == .binaryExcel)
        #expect(WorkbookError.binaryExcel.message == "an Excel 97–2003 workbook (.xls): save it as .xlsx")
    }

    @Test func aPasswordProtectedWorkbook() throws {
        let path = try WorkbookMaker.file(WorkbookMaker.compoundFile(["EncryptionInfo", "EncryptedPackage"]))
        #expect(WorkbookMaker.error(path) == .passwordProtected)
        #expect(WorkbookError.passwordProtected.message == "the workbook is password-protected: save a copy without a password")
    }

    @Test func aZipWithoutAWorkbook() throws {
        var parts = WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si>")
        parts["xl/workbook.xml"] = nil
        parts["_rels/.rels"] = nil
        #expect(WorkbookMaker.error(try WorkbookMaker.write(parts)) == .notAWorkbook("it has no xl/workbook.xml"))
    }

    @Test func aMemberPastTheSizeLimit() throws {
        let rows = (1...50).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        let parts = WorkbookMaker.parts(rows: rows, strings: "<si><t>a</t></si>")
        let size = try #require(parts["xl/worksheets/sheet1.xml"]).count
        let path = try WorkbookMaker.write(parts)
        var limits = WorkbookLimits.standard
        limits.memberBytes = size
        #expect(WorkbookMaker.error(path, limits: limits) == nil)
        limits.memberBytes = size - 1
        #expect(WorkbookMaker.error(path, limits: limits) == .tooLarge(part: "xl/worksheets/sheet1.xml", reason: "inflates to more than \(size - 1) bytes"))
    }

    @Test func aZipBombStopsAtTheRatioLimit() throws {
        // 2 MiB of empty elements deflate about 1000:1.
        let bomb = "<worksheet xmlns=\"\(WorkbookMaker.main)\">" + String(repeating: "<x/>", count: 1 << 19) + "<sheetData/></worksheet>"
        var parts = WorkbookMaker.parts(rows: "")
        parts["xl/worksheets/sheet1.xml"] = Data(bomb.utf8)
        let path = try WorkbookMaker.write(parts)
        #expect(WorkbookMaker.error(path) == .tooLarge(part: "xl/worksheets/sheet1.xml", reason: "inflates to more than 200 times its compressed size (a zip bomb?)"))
        var limits = WorkbookLimits.standard
        limits.ratio = 2000
        #expect(WorkbookMaker.error(path, limits: limits) == nil)
    }

    @Test func aDeflateStreamCutShortEndsWithAnError() throws {
        let parts = WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si>")
        var members: [(name: String, method: UInt16, stored: Data)] = []
        for (name, data) in parts.sorted(by: { $0.key < $1.key }) where name != "xl/worksheets/sheet1.xml" {
            members.append((name, 0, data))
        }
        // The sheet last, its deflate stream missing its end: zlib waits for more input forever.
        let deflated = try WorkbookMaker.deflated(try #require(parts["xl/worksheets/sheet1.xml"]))
        members.append(("xl/worksheets/sheet1.xml", 8, deflated.prefix(deflated.count / 2)))
        let path = try WorkbookMaker.file(WorkbookMaker.rawZip(members))
        #expect(WorkbookMaker.error(path) == .damaged("xl/worksheets/sheet1.xml is cut short"))
    }

    @Test func sharedStringsPastTheCountLimit() throws {
        var limits = WorkbookLimits.standard
        limits.sharedStrings = 2
        let declared = try WorkbookMaker.write(WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si>").merging(
            ["xl/sharedStrings.xml": Data(WorkbookMaker.sharedStrings("<si><t>a</t></si>", uniqueCount: 3).utf8)]) { $1 })
        #expect(WorkbookMaker.error(declared, limits: limits) == .tooLarge(part: "xl/sharedStrings.xml", reason: "declares more than 2 shared strings"))
        let two = try WorkbookMaker.write(WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si><si><t>b</t></si>"))
        #expect(WorkbookMaker.error(two, limits: limits) == nil)
        let three = try WorkbookMaker.write(WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si><si><t>b</t></si><si/>"))
        #expect(WorkbookMaker.error(three, limits: limits) == .tooLarge(part: "xl/sharedStrings.xml", reason: "has more than 2 shared strings"))
    }

    @Test func sharedStringsPastTheByteLimit() throws {
        var limits = WorkbookLimits.standard
        limits.sharedStringBytes = 6
        let six = try WorkbookMaker.write(WorkbookMaker.parts(rows: oneRow, strings: "<si><t>abc</t></si><si><t>def</t></si>"))
        #expect(WorkbookMaker.error(six, limits: limits) == nil)
        let seven = try WorkbookMaker.write(WorkbookMaker.parts(rows: oneRow, strings: "<si><t>abc</t></si><si><t>defg</t></si>"))
        #expect(WorkbookMaker.error(seven, limits: limits) == .tooLarge(part: "xl/sharedStrings.xml", reason: "has more than 6 bytes of strings"))
    }

    @Test func aDTDInTheSheetIsRefused() throws {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>"
        var parts = WorkbookMaker.parts(rows: "")
        parts["xl/worksheets/sheet1.xml"] = Data(laughs.utf8)
        #expect(WorkbookMaker.error(try WorkbookMaker.write(parts)) == .malformedXML(part: "xl/worksheets/sheet1.xml", line: 2, column: 1,
            reason: "a document type declaration (DTD); a workbook has none, and entities are never expanded"))
    }

    @Test func aDTDInTheWorkbookPartIsRefused() throws {
        var parts = WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si>")
        parts["xl/workbook.xml"] = Data(("<?xml version=\"1.0\"?>\n<!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + WorkbookMaker.workbook().dropFirst(21)).utf8)
        #expect(WorkbookMaker.error(try WorkbookMaker.write(parts)) == .malformedXML(part: "xl/workbook.xml", line: 2, column: 1,
            reason: "a document type declaration (DTD); a workbook has none, and entities are never expanded"))
    }

    @Test func anUnknownEntityIsAnError() throws {
        let rows = "<row r=\"1\">\n<c r=\"A1\" t=\"inlineStr\"><is><t>x &nbsp; y</t></is></c></row>"
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows))
        #expect(WorkbookMaker.error(path) == .malformedXML(part: "xl/worksheets/sheet1.xml", line: 3, column: 34,
            reason: "an entity reference other than &amp; &lt; &gt; &quot; &apos; or a character reference"))
    }

    @Test func malformedXMLGivesPartLineAndColumn() throws {
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\">\n<c r=\"A1\"><v>1</c></row>"))
        #expect(WorkbookMaker.error(path) == .malformedXML(part: "xl/worksheets/sheet1.xml", line: 3, column: 15,
            reason: "an end tag that does not match its start tag"))
        var parts = WorkbookMaker.parts(rows: oneRow, strings: "<si><t>a</t></si>")
        parts["xl/styles.xml"] = Data("<?xml version=\"1.0\"?>\n<styleSheet><cellXfs></styleSheet>".utf8)
        let styles = WorkbookMaker.error(try WorkbookMaker.write(parts))
        guard case .malformedXML(let part, let line, _, _) = styles else { Issue.record("\(String(describing: styles))"); return }
        #expect(part == "xl/styles.xml" && line == 2)
    }

    @Test func aStyleIndexOutOfRange() throws {
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"4\"><c r=\"C4\" s=\"2\"><v>1</v></c></row>"))
        #expect(WorkbookMaker.error(path) == .cell(row: 4, column: 3, reason: "a cell style (2) that xl/styles.xml does not define"))
        #expect(WorkbookError.cell(row: 4, column: 3, reason: "x").message == "x (cell C4)")
    }

    @Test func aSharedStringIndexOutOfRange() throws {
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c></row>", strings: "<si><t>a</t></si>"))
        #expect(WorkbookMaker.error(path) == .cell(row: 2, column: 2, reason: "a shared-string index that xl/sharedStrings.xml does not have"))
    }

    @Test func cellAndRowLengthLimits() throws {
        var limits = WorkbookLimits.standard
        limits.cellBytes = 5
        limits.rowBytes = 8
        let cell = { (text: String) in "<c t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let fits = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\">\(cell("abcde"))\(cell("fgh"))</row>"))
        #expect(WorkbookMaker.error(fits, limits: limits) == nil)
        let longCell = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\">\(cell("abcdef"))</row>"))
        #expect(WorkbookMaker.error(longCell, limits: limits) == .cell(row: 1, column: 1, reason: "a cell longer than 5 bytes"))
        let longRow = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\">\(cell("abcde"))\(cell("fghi"))</row>"))
        #expect(WorkbookMaker.error(longRow, limits: limits) == .cell(row: 1, column: 2, reason: "a row longer than 8 bytes"))
        let wide = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"))
        #expect(WorkbookMaker.error(wide) == .cell(row: 1, column: 16_384, reason: "a cell past column XFD"))
    }

    @Test func rowsAndCellsOutOfOrder() throws {
        let rows = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>"))
        #expect(WorkbookMaker.error(rows) == .cell(row: 2, column: 1, reason: "row 2 comes after row 3"))
        let cells = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"A3\"><v>1</v></c></row>"))
        #expect(WorkbookMaker.error(cells) == .cell(row: 3, column: 1, reason: "a cell that comes after one further right"))
    }
}
