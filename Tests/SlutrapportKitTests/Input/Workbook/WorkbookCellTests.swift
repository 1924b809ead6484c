import Foundation
import Testing
@testable import SlutrapportKit

/// Each cell kind as the text the CSV of the same data holds.
@Suite struct WorkbookCellTests {
    @Test func everyKindOfCellIsItsCSVText() throws {
        let rows = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline &amp; &lt;b&gt; &#229;&#x4E2D;</t></is></c>\
        <c r="D1" t="str"><f>A1&amp;"x"</f><v>formula text</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c>\
        <c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="d"><v>2022-06-05T00:00:00</v></c><c r="I1"><f>1+1</f></c><c r="J1"><v>1985</v></c></row>
        <row r="2"><c r="A2"><v>1985.0</v></c><c r="B2"><v>0.5</v></c><c r="C2"><v>44717</v></c><c r="D2"><v>-3</v></c><c r="E2"><v>1E+21</v></c>\
        <c r="F2"><v>1.5E-5</v></c><c r="G2"><v>123456789012345678</v></c><c r="H2" t="n"><v>007</v></c></row>
        """
        let strings = "<si><t>id_x0041__x005F_x0041_</t></si><si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space=\"preserve\"> text</t></r><rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh></si>"
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows, strings: strings))
        let read = try WorkbookMaker.rows(path)
        #expect(read == [
            "1: idA_x0041_|rich text|inline & <b> å中|formula text|TRUE|FALSE|#N/A|2022-06-05T00:00:00||1985",
            "2: 1985|0.5|44717|-3|1e+21|1.5e-05|123456789012345680|7",
        ])
    }

    @Test func cellsAndRowsWithoutReferencesFollowOn() throws {
        let rows = "<row><c><v>1</v></c><c r=\"C1\"><v>3</v></c><c><v>4</v></c></row><row r=\"5\"><c r=\"B5\"><v>2</v></c></row><row><c><v>6</v></c></row>"
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows))
        #expect(try WorkbookMaker.rows(path) == ["1: 1||3|4", "5: |2", "6: 6"])
    }

    @Test func emptyRowsAndTrailingEmptyCellsAreLeftOut() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"inlineStr\"><is><t></t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"/></row>"
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows))
        #expect(try WorkbookMaker.rows(path) == ["2: 1"])
    }

    @Test func namespacePrefixesAsTheOpenXMLSDKWritesThem() throws {
        let sheet = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"\(WorkbookMaker.main)\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" s=\"1\"><x:v>44717</x:v></x:c></x:row></x:sheetData></x:worksheet>"
        var parts = WorkbookMaker.parts(rows: "", strings: "<x:si xmlns:x=\"\(WorkbookMaker.main)\"><x:t>a</x:t></x:si>")
        parts["xl/worksheets/sheet1.xml"] = Data(sheet.utf8)
        let path = try WorkbookMaker.write(parts)
        #expect(try WorkbookMaker.rows(path) == ["1: a|2022-06-05"])
    }

    @Test func storedMembersAreReadToo() throws {
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\"><c r=\"A1\"><v>5</v></c></row>"), method: .none)
        #expect(try WorkbookMaker.rows(path) == ["1: 5"])
    }
}
