import Testing
@testable import SlutrapportKit

/// Column widths of Word tables: no word is ever narrower than its column.
@Suite struct DocxTableTests {
    static func cell(_ text: String, right: Bool = false) -> DocxTable.Cell {
        DocxTable.Cell(runs: DocxXML.runs(text), text: text, rightAligned: right)
    }

    /// bidrag-till-forsorjning's "Deltagare per delprojekt": eight columns whose
    /// longest words alone are wider than an A4 page's text (LibreOffice broke
    /// "Kvinnor", "Avslutade" and "arbetsmarknad" mid-word). The table's text is
    /// set smaller, just enough that every word fits whole.
    static let wide = DocxTable(style: "ReportTable", rows: [
        DocxTable.Row(cells: ["Delprojekt", "Område"].map { cell($0) }
                      + ["Kvinnor", "Män", "Totalt", "Aktiva", "Avslutade", "Beviljat"].map { cell($0, right: true) }, isHeader: true),
        DocxTable.Row(cells: [cell("Skärholmen – Myndighetssamverkan"), cell("Sysselsättning och arbetsmarknad")]
                      + ["10", "16", "26", "12", "14", "1 000 000 kr"].map { cell($0, right: true) }),
    ], caption: nil, available: 9638)

    @Test func wordsTooWideForThePageAreSetSmallerNeverBroken() {
        let layout = Self.wide.layout()
        #expect(layout.halfPoints == 15)
        #expect(layout.widths.reduce(0, +) <= 9638)
        for row in Self.wide.rows {
            for (c, cell) in row.cells.enumerated() {
                let bold = row.isHeader
                let word = cell.rightAligned ? DocxTextWidth.twips(cell.text, bold: bold) : DocxTextWidth.longestWord(cell.text, bold: bold)
                #expect(word * layout.halfPoints / 18 + DocxTable.cellPadding <= layout.widths[c], "\(cell.text)")
            }
        }
        let xml = Self.wide.xml
        #expect(xml.components(separatedBy: "<w:sz w:val=\"15\"/><w:szCs w:val=\"15\"/>").count - 1 == 16)
    }

    @Test func aTableThatFitsKeepsTheStylesSize() {
        let narrow = DocxTable(style: "ReportTable", rows: [DocxTable.Row(cells: [Self.cell("Arbete"), Self.cell("28", right: true)])],
                               caption: nil, available: 9638)
        #expect(narrow.layout().halfPoints == 18)
        #expect(!narrow.xml.contains("<w:sz "))
    }

    /// A short table stays on one page with its caption (LibreOffice left the
    /// last row of vak2's Kristinehamn exits table alone on the next page):
    /// every row but the last keeps with the next. A long one may break.
    @Test func aShortTableKeepsTogetherALongOneMayBreak() {
        func table(_ rows: Int) -> DocxTable {
            DocxTable(style: "ReportTable", rows: [DocxTable.Row(cells: [Self.cell("Avslutsorsak")], isHeader: true)]
                      + (1...rows).map { DocxTable.Row(cells: [Self.cell("rad \($0)")]) }, caption: nil, available: 9638)
        }
        let short = table(6).xml.components(separatedBy: "<w:tr>").dropFirst()
        #expect(short.map { $0.contains("<w:keepNext/>") } == [true, true, true, true, true, true, false])
        let long = table(DocxTable.keptTogetherRows).xml.components(separatedBy: "<w:tr>").dropFirst()
        #expect(long.filter { $0.contains("<w:keepNext/>") }.count == 1)  // the header row only
    }
}
