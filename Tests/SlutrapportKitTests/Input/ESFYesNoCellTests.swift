import Foundation
import Testing
@testable import SlutrapportKit

/// An ESF+ yes/no column as spreadsheets write it: a workbook's boolean
/// cell (read as `TRUE`/`FALSE`), Excel's CSV export of one in English
/// (`TRUE`/`FALSE`) and in Swedish (`SANT`/`FALSKT`), besides ja/nej.
@Suite struct ESFYesNoCellTests {
    static let yaml = """
        id: test
        name: Test
        period: {start: 2023-01-01, end: 2024-12-31}
        report: {as_of: 2024-06-30}
        esf_plus: true

        """
    static let asOf = Day(year: 2024, month: 6, day: 30)!

    // By hand: women 1 (TRUE), 3 (SANT), 5 (Sant); men 2 (FALSE), 4 (falskt), 6 (empty).
    // Homeless yes: W3 (1, 3, 5); no: M2 (2, 4); not stated: M1 (6).
    static let csv = """
        id,kön,födelseår,startdatum,hemlos
        1,kvinna,1990,2023-02-01,TRUE
        2,man,1990,2023-02-01,FALSE
        3,kvinna,1990,2023-02-01,SANT
        4,man,1990,2023-02-01,falskt
        5,kvinna,1990,2023-02-01,Sant
        6,man,1990,2023-02-01,

        """

    func check(_ f: Figures, _ log: DiagnosticLog) throws {
        #expect(log.errorCount == 0, "\(log)")
        let esf = try #require(f.esf)
        #expect(esf[.homeless] == GenderCounts(women: 3, men: 0, other: 0))
        #expect(esf.notStated.first { $0.group == "homeless" }?.counts == GenderCounts(women: 0, men: 1, other: 0))
    }

    @Test func csvExportsOfBooleansAreYesAndNo() throws {
        let fixture = try Fixture(["project.yaml": Self.yaml, "participants.csv": Self.csv])
        let (p, _) = fixture.load()
        let project = try #require(p)
        let (tally, log) = ParticipantReader.read(project: project, asOf: Self.asOf, path: fixture.folder + "/participants.csv", lang: .sv)
        try check(Figures.compute(project: project, tally: tally, asOf: Self.asOf), log)
    }

    @Test func booleanCellsOfAWorkbookAreYesAndNo() throws {
        let fixture = try Fixture(["project.yaml": Self.yaml])
        let (p, _) = fixture.load()
        let project = try #require(p)
        func text(_ ref: String, _ s: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(s)</t></is></c>" }
        func number(_ ref: String, _ v: String, style: Int = 0) -> String { "<c r=\"\(ref)\" s=\"\(style)\"><v>\(v)</v></c>" }
        var rows = "<row r=\"1\">" + ["id", "kön", "födelseår", "startdatum", "hemlos"].enumerated().map { text(["A", "B", "C", "D", "E"][$0.offset] + "1", $0.element) }.joined() + "</row>"
        // 45323 is 2024-02-01 as a date serial (style 1: number format 14).
        let cells: [(String, String?)] = [("kvinna", "1"), ("man", "0"), ("kvinna", "1"), ("man", "0"), ("kvinna", "1"), ("man", nil)]
        for (i, (gender, boolean)) in cells.enumerated() {
            let r = i + 2
            rows += "<row r=\"\(r)\">" + number("A\(r)", String(i + 1)) + text("B\(r)", gender) + number("C\(r)", "1990") + number("D\(r)", "45323", style: 1)
                + (boolean.map { "<c r=\"E\(r)\" t=\"b\"><v>\($0)</v></c>" } ?? "") + "</row>"
        }
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows))
        let (tally, log) = ParticipantReader.readWorkbook(project: project, asOf: Self.asOf, path: path, lang: .sv)
        try check(Figures.compute(project: project, tally: tally, asOf: Self.asOf), log)
    }
}
