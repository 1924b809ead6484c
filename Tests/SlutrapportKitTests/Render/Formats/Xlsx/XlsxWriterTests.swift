import Foundation
import Testing
@testable import SlutrapportKit

/// slutrapport.xlsx as a spreadsheet user meets it: numbers with the
/// report's precision as their format, hidden counts as the report's text,
/// a bold frozen header, columns as wide as their cells, hostile names kept
/// as they are, and the same bytes whatever `--jobs`.
@Suite struct XlsxWriterTests {
    /// A project whose names are hostile to a workbook and whose figures use every unit.
    static let hostile = try? Fixture([
        "project.yaml": """
        id: test
        name: "A & B <c> _x0041_"
        period: {start: 2021-01-01, end: 2022-12-31}
        funding: {esf_grant: 1200000}
        subprojects:
          - {id: a, name: "Del[1]: a/b?* i ett långt namn", granted: 1500}
          - {id: b, name: "DEL[1]: A/B?* i ett långt namn"}
          - {id: c, name: "'History'"}
          - {id: d, name: '=HYPERLINK("http://example.com","x")'}
        goals:
          - {id: g, text: Rapporterat, metric: reported, target: 42.5%, reported: 40%}
        budget: {unit: tkr, lines: [{label: Lön, amount: 1234}]}

        """,
        "participants.csv": "id,subproject,gender,start_date,end_date,exit_reason\n"
            + (1...12).map { "QZID\($0),\(["a", "b", "c"][$0 % 3]),\($0 % 2 == 0 ? "kvinna" : "man"),2021-02-01,2021-06-01,arbete\n" }.joined(),
    ], name: "test")

    static func build(_ folder: String, _ configure: (inout BuildOptions) -> Void = { _ in }) throws -> XlsxReading {
        let (out, outcome) = buildReports([folder]) {
            configure(&$0)
            $0.formats = [.xlsx]
        }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        let id = (folder as NSString).lastPathComponent
        return try XlsxReading(path: "\(out)/\(id)/slutrapport.xlsx")
    }

    @Test func numbersCarryTheReportsPrecisionAndUnit() throws {
        let workbook = try Self.build(try #require(Self.hostile).folder)
        let goal = try #require(workbook.sheet("Mål, målvärden och utfall")?.rows[2])
        #expect(goal[2]?.value == .number(0.425))
        #expect(goal[2]?.format == "0.0%")
        #expect(goal[3]?.value == .number(0.4))
        #expect(goal[3]?.format == "0%")
        let budget = try #require(workbook.sheet("Budget per post"))
        #expect(budget.rows[2][1]?.value == .number(1234))
        #expect(budget.rows[2][1]?.format == "#,##0\\ \"tkr\"")
        #expect(budget.rows[3][1]?.bold == true)
        let subprojects = try #require(workbook.sheet("Deltagare per delprojekt"))
        #expect(subprojects.rows[2].last??.value == .number(1500))
        #expect(subprojects.rows[2].last??.format == "#,##0\\ \"kr\"")
        #expect(subprojects.rows[2][1]?.value == .number(2))
        #expect(subprojects.rows[2][1]?.format == "#,##0")
        // The facts: an amount is a number too, kept to the left under the texts.
        let facts = try #require(workbook.sheets.first)
        #expect(facts.name == "Projektuppgifter")
        let grant = try #require(facts.rows.first { $0.first??.value == .text("Beviljat ESF-stöd") })
        #expect(grant[1] == XlsxReading.Cell(value: .number(1_200_000), format: "#,##0\\ \"kr\"", bold: false, alignment: "left", indented: false))
        #expect(facts.rows[1].map { $0?.value } == [.text("Projekt"), .text("A & B <c> _x0041_")])
    }

    @Test func hostileCaptionsGiveValidUniqueSheetNames() throws {
        let workbook = try Self.build(try #require(Self.hostile).folder)
        #expect(workbook.sheets.map(\.name) == [
            "Projektuppgifter", "Deltagare efter kön", "Deltagare per kvartal", "Avslutsorsaker efter kön", "Tid i projektet för avslutade…", "Deltagare per delprojekt",
            "Avslutsorsaker i Del 1 a b i e…", "Avslutsorsaker i DEL 1 A B… (2)", "Avslutsorsaker i 'History' eft…",
            "Mål, målvärden och utfall", "Budget per post",
        ])
        #expect(workbook.sheets.allSatisfy { XlsxSheetNamesTests.isValid($0.name) })
        // The caption itself is the title, whole.
        #expect(workbook.sheets[6].title == "Avslutsorsaker i Del[1]: a/b?* i ett långt namn efter kön")
        #expect(workbook.sheets[8].title == "Avslutsorsaker i 'History' efter kön")
    }

    @Test func hiddenCountsAreTheReportsTextAlignedAsNumbers() throws {
        let workbook = try Self.build(repositoryRoot + "/data/vak2") { $0.suppressBelow = 5 }
        let exits = try #require(workbook.sheet("Avslutsorsaker efter kön"))
        let dropped = exits.rows[4]
        #expect(dropped[0]?.value == .text("Avbrutit"))
        #expect(dropped[1] == XlsxReading.Cell(value: .text("<5"), format: "General", bold: false, alignment: "right", indented: false))
        #expect(dropped[2] == nil)
        #expect(dropped[3]?.value == .text(".."))
        #expect(dropped[3]?.alignment == "right")
        // The total of 9 is hidden too: with the women's "<5" and the men's "..", it would bound them.
        #expect(dropped[5]?.value == .text(".."))
        #expect(dropped[5]?.alignment == "right")
        #expect(dropped.count == 6, "no share of a hidden count")
    }

    @Test func theHeaderIsBoldAndFrozenAndTheColumnsFitTheirCells() throws {
        let workbook = try XlsxReading(path: Vak2Build.swedish.outputFolder + "/slutrapport.xlsx")
        for sheet in workbook.sheets.dropFirst() {
            #expect(sheet.rows[0].first??.bold == true, "\(sheet.name)")
            #expect(sheet.rows[1].allSatisfy { $0 == nil || $0?.bold == true }, "\(sheet.name)")
            #expect(sheet.frozenRows == 2)
            #expect(workbook.package.text(sheet.part).contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
            // A column is as wide as its longest number has characters and one more (no ####),
            // and a text's characters are each at least 0.8 of a digit wide (not cut by the cell beside it).
            for row in sheet.table {
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let shown = cell.shown(NumberStyle(.sv))
                    let needed = cell.number != nil ? Double(shown.count + 1) : Double(shown.count) * 0.8
                    #expect(sheet.widths[c] >= needed, "\(sheet.name) \(shown)")
                }
            }
        }
        let goals = try #require(workbook.sheet("Mål, målvärden och utfall"))
        #expect(goals.widths == [65, 18, 11, 8.43, 10])
        #expect(goals.rows[3][0]?.indented == true)
        #expect(goals.rows[2][4] == XlsxReading.Cell(value: .text("✗ Nej"), format: "General", bold: false, alignment: "center", indented: false))
    }

    /// A name that a spreadsheet would take for a formula is a text: a formula is only ever an `<f>`, and we write none.
    @Test func aFormulaInANameStaysText() throws {
        let workbook = try Self.build(try #require(Self.hostile).folder)
        let subprojects = try #require(workbook.sheet("Deltagare per delprojekt"))
        #expect(subprojects.rows[5][0]?.value == .text("=HYPERLINK(\"http://example.com\",\"x\")"))
        for sheet in workbook.sheets {
            #expect(!workbook.package.text(sheet.part).contains("<f"), "\(sheet.name)")
        }
    }

    /// A text past the widest column breaks into lines, in a row as tall as they are, its label beside the first.
    @Test func aTextPastTheWidestColumnWrapsInATallerRow() throws {
        let workbook = try XlsxReading(path: Vak2Build.swedish.outputFolder + "/slutrapport.xlsx")
        let facts = try #require(workbook.sheets.first)
        #expect(facts.widths == [21, 80])
        let sheet = workbook.package.text(facts.part)
        #expect(sheet.contains("<row r=\"13\" ht=\"30\" customHeight=\"1\"><c r=\"A13\" s=\"3\" t=\"s\"><v>21</v></c><c r=\"B13\" s=\"4\" t=\"s\"><v>22</v></c></row>"))
        #expect(facts.rows[12].map { $0?.value } == [.text("Medfinansiärer"), .text("Arvika kommun, Hammarö kommun, Karlstads kommun, Kils kommun, Kristinehamns kommun, Sunne kommun")])
        let styles = workbook.package.text("xl/styles.xml")
        #expect(styles.contains("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"))
        // One line elsewhere: no height of ours.
        #expect(sheet.components(separatedBy: "customHeight").count == 2)
    }

    @Test func underscoreXSequencesStayThemselves() throws {
        #expect(XlsxSharedStrings.escaped("_x0041_ a_x00e4_b _x12_ _xZZZZ_") == "_x005F_x0041_ a_x005F_x00e4_b _x12_ _xZZZZ_")
        let workbook = try Self.build(try #require(Self.hostile).folder)
        #expect(workbook.sheets.first?.rows[1][1]?.value == .text("A & B <c> _x0041_"))
    }

    @Test func coreDatesOnlyWithSourceDateEpoch() throws {
        var (view, _) = try reportView(folder: repositoryRoot + "/data/vak2", ReportChoices())
        var log = DiagnosticLog()
        func core(_ view: ReportView) throws -> String {
            let file = try #require(XlsxWriter().files(ReportDocument(view: view, images: [], outputFolder: "out/vak2"), log: &log).first)
            let path = scratch("core.xlsx")
            try Data(file.contents).write(to: URL(fileURLWithPath: path))
            return try DocxReading(path: path).text("docProps/core.xml")
        }
        #expect(try core(view).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-12-01T00:00:00Z</dcterms:created>"))
        view.generated = nil
        let undated = try core(view)
        #expect(!undated.contains("dcterms:created") && !undated.contains("dcterms:modified"))
        #expect(undated.contains("<dc:title>Värmlands Arbetskraft 2.0 – Slutrapport</dc:title><dc:language>sv-SE</dc:language>"))
    }

    @Test func theSameBytesWithOneJobOrTwo() throws {
        let work = scratch("xlsx-jobs")
        for jobs in ["1", "2"] {
            #expect(try runCLI(["build", "data", "--out", "\(work)/jobs\(jobs)", "--format", "xlsx", "--jobs", jobs, "--quiet"]).status == 0)
        }
        for project in ["bidrag-till-forsorjning", "kompetens-nord", "samverk-nordost", "vak2"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: "\(work)/jobs1/\(project)/slutrapport.xlsx"))
            let two = try Data(contentsOf: URL(fileURLWithPath: "\(work)/jobs2/\(project)/slutrapport.xlsx"))
            #expect(one == two, "\(project)")
            #expect(one.count > 4000, "\(project)")
        }
    }

    /// The zip's entries in one fixed order, the shared strings last.
    @Test func thePartsAreZippedInAFixedOrder() throws {
        let workbook = try XlsxReading(path: Vak2Build.swedish.outputFolder + "/slutrapport.xlsx")
        #expect(workbook.package.names == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                                           "xl/_rels/workbook.xml.rels", "xl/styles.xml"] + (1...18).map { "xl/worksheets/sheet\($0).xml" }
                                           + ["xl/sharedStrings.xml"])
    }
}
