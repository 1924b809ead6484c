import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// The native Word charts (issue 14): each chart part read back with XPath
/// holds the report's exact figures in its caches, a count hidden by
/// disclosure control leaves a gap, and the alt text gives every number.
@Suite struct DocxChartTests {
    static let vak2 = repositoryRoot + "/data/vak2"

    func charts(_ view: ReportView) -> [ChartView] {
        view.sections.flatMap(\.figures).flatMap(\.charts)
    }

    func chart(_ id: String, _ choices: ReportChoices) throws -> ChartView {
        try #require(charts(try reportView(folder: Self.vak2, choices).0).first { $0.id == id })
    }

    func part(_ chart: ChartView, lang: String = "sv") throws -> XMLDocument {
        try XMLDocument(data: Data(DocxChart.part(chart, lang: lang)), options: [])
    }

    func values(_ doc: XMLNode, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).compactMap(\.stringValue)
    }

    /// `//c:name`, whatever the prefix.
    func c(_ name: String) -> String { "*[local-name()='\(name)']" }

    /// The n-th series (from 1): its name, categories, and cached points as `idx=value`.
    func series(_ doc: XMLDocument, _ n: Int) throws -> (name: [String], categories: [String], points: [String]) {
        let ser = "(//\(c("ser")))[\(n)]"
        let points = try doc.nodes(forXPath: "\(ser)/\(c("val"))//\(c("pt"))").map { pt in
            "\(try values(pt, "@idx").joined())=\(try values(pt, c("v")).joined())"
        }
        return (try values(doc, "\(ser)/\(c("tx"))//\(c("v"))"), try values(doc, "\(ser)/\(c("cat"))//\(c("pt"))/\(c("v"))"), points)
    }

    @Test func vak2ExitsChartCachesEveryShareAsTheReportWritesIt() throws {
        let doc = try part(try chart("avslutsorsaker", ReportChoices(lang: .sv)))
        let women = try series(doc, 1), men = try series(doc, 2)
        #expect(women.name == ["Kvinnor"])
        #expect(men.name == ["Män"])
        #expect(women.categories == ["Arbete", "Studier", "Avbrutit", "Annan orsak", "Fullföljt projektet"])
        #expect(women.points == ["0=28", "1=29", "2=3", "3=30", "4=9"])  // of 99 who ended
        #expect(men.points == ["0=30", "1=27", "2=4", "3=25", "4=14"])  // of 143
        #expect(try values(doc, "//\(c("ser"))[1]//\(c("numCache"))/\(c("ptCount"))/@val") == ["5"])
        #expect(try values(doc, "//\(c("barDir"))/@val") == ["bar"])
        #expect(try values(doc, "//\(c("grouping"))/@val") == ["clustered"])
        // The SVG's axis: the largest share (30.3 %) rounded up to a whole ten.
        #expect(try values(doc, "//\(c("valAx"))//\(c("max"))/@val") == ["40"])
        #expect(try values(doc, "//\(c("valAx"))/\(c("numFmt"))/@formatCode") == ["0\"\u{00A0}%\""])
        // The title stands as a Caption paragraph above the drawing, as a table's does: not twice.
        #expect(try doc.nodes(forXPath: "//\(c("title"))").isEmpty)
        #expect(try values(doc, "//\(c("autoTitleDeleted"))/@val") == ["1"])
        // The text in the theme's heading font (a user's reference.docx gives its own), as the tables' sans.
        #expect(try values(doc, "/\(c("chartSpace"))/\(c("txPr"))//*[local-name()='latin']/@typeface") == ["+mj-lt"])
        #expect(try values(doc, "/\(c("chartSpace"))/\(c("roundedCorners"))/@val") == ["0"])
        #expect(try doc.nodes(forXPath: "//\(c("externalData")) | //\(c("numLit")) | //\(c("strLit"))").isEmpty)
    }

    @Test func vak2SubprojectsAndGoalsChartsCacheTheirCounts() throws {
        let subprojects = try part(try chart("delprojekt", ReportChoices(lang: .en)), lang: "en")
        #expect(try series(subprojects, 1).name == ["Women"])
        #expect(try series(subprojects, 1).points == ["0=19", "1=15", "2=34", "3=14", "4=19", "5=13"])
        #expect(try series(subprojects, 2).points == ["0=29", "1=21", "2=50", "3=20", "4=27", "5=21"])
        #expect(try series(subprojects, 1).categories.first == "Delprojekt Arvika")
        #expect(try values(subprojects, "//\(c("ser"))").count == 2)
        #expect(try values(subprojects, "//\(c("grouping"))/@val") == ["stacked"])
        #expect(try values(subprojects, "//\(c("valAx"))/\(c("numFmt"))/@formatCode") == ["#,##0"])

        let goals = try part(try chart("mal", ReportChoices(lang: .en)), lang: "en")
        #expect(try series(goals, 1).name == ["Outcome"])
        // A bar for the total and one for each gender target (women 114 of 115: not met); the per cents on an axis of their own.
        #expect(try series(goals, 1).points == ["0=282", "1=114", "2=168"])
        #expect(try series(goals, 2).name == ["Target"])
        #expect(try series(goals, 3).points == ["3=57", "4=85", "5=70", "6=90"])
        #expect(Array(try series(goals, 1).categories.prefix(3)) == ["255 unika deltagare under projekttiden ✗", "of whom women ✗", "of whom men ✓"])
        // Each bar short of its own target in the not-met colour; the per cents labelled as per cents.
        #expect(try values(goals, "//\(c("dPt"))/\(c("idx"))/@val") == ["1", "5"])
        #expect(try values(goals, "(//\(c("ser")))[1]//\(c("pt"))/@formatCode") == ["#,##0", "#,##0", "#,##0"])
        #expect(try values(goals, "(//\(c("ser")))[3]//\(c("pt"))/@formatCode") == ["0\"%\"", "0\"%\"", "0\"%\"", "0\"%\""])
    }

    /// Counts and per cents never share a value axis (issue 16): vak2's goals
    /// draw the counts over the bottom axis and the per cents, a bar group of
    /// their own, over a second one along the top.
    @Test func aGoalsChartMixingCountsAndPerCentsHasAnAxisForEach() throws {
        let goals = try part(try chart("mal", ReportChoices(lang: .en)), lang: "en")
        #expect(try goals.nodes(forXPath: "//\(c("barChart"))").count == 2)
        #expect(try series(goals, 1).points == ["0=282", "1=114", "2=168"])
        #expect(try series(goals, 2).points == ["0=255", "1=115", "2=140"])
        #expect(try series(goals, 3).points == ["3=57", "4=85", "5=70", "6=90"])
        #expect(try series(goals, 4).points == ["3=50", "4=85", "5=90", "6=90"])
        #expect(try values(goals, "//\(c("valAx"))/\(c("numFmt"))/@formatCode") == ["#,##0", "0\"%\""])
        #expect(try values(goals, "//\(c("valAx"))/\(c("axPos"))/@val") == ["b", "t"])
        #expect(try values(goals, "//\(c("catAx"))/\(c("delete"))/@val") == ["0", "1"])
        // The second group's series are the first one's again: named once in the legend.
        #expect(try values(goals, "//\(c("legendEntry"))[\(c("delete"))/@val='1']/\(c("idx"))/@val") == ["2", "3"])
        // A chart of one unit keeps one axis.
        let exits = try part(try chart("avslutsorsaker", ReportChoices(lang: .en)), lang: "en")
        #expect(try exits.nodes(forXPath: "//\(c("valAx"))").count == 1)
        #expect(try exits.nodes(forXPath: "//\(c("legendEntry"))").isEmpty)
    }

    /// vak2 below 5 (see ExamplesTests.vak2WithDisclosureControl): women who
    /// studied, dropped out (3) and completed, and men who studied and
    /// dropped out, are hidden.
    @Test func aHiddenCountIsAGapNeverItsSize() throws {
        let exits = try chart("avslutsorsaker", ReportChoices(lang: .sv, suppressBelow: 5))
        let doc = try part(exits)
        #expect(try series(doc, 1).points == ["0=28", "3=30"])
        #expect(try series(doc, 2).points == ["0=30", "3=25"])
        #expect(try series(doc, 1).categories.count == 5)
        #expect(try values(doc, "//\(c("dispBlanksAs"))/@val") == ["gap"])
        #expect(exits.data.series.map { $0.values.filter(\.hidden).map(\.text) } == [["..", "<5", ".."], ["..", "..", ".."]])
        #expect(exits.data.series.allSatisfy { $0.values.filter(\.hidden).allSatisfy { $0.number == nil } })
    }

    /// Subprojects with hidden gender counts: no hidden count has a point;
    /// where a subproject's total is shown, its bar is that total, hatched,
    /// as the SVG draws it; where the gate hid the total too, nothing is drawn
    /// for it and the description says so.
    @Test func hiddenGenderCountsShowOnlyAsTheTotalTheyMakeUp() throws {
        var rows = ["id,subproject,gender,birth_year,start_date,end_date,exit_reason"]
        for (i, (subproject, gender)) in (Array(repeating: ("a", "kvinna"), count: 3) + Array(repeating: ("a", "man"), count: 10)
            + Array(repeating: ("b", "kvinna"), count: 10) + Array(repeating: ("b", "man"), count: 10)
            + Array(repeating: ("c", "kvinna"), count: 40) + Array(repeating: ("c", "man"), count: 40)).enumerated() {
            rows.append("QZID\(1000 + i),\(subproject),\(gender),1935,2021-02-01,,")
        }
        let fixture = try Fixture(["project.yaml": minimalYAML + "subprojects: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\n",
                                   "participants.csv": rows.joined(separator: "\n") + "\n"])
        let (view, f) = try reportView(folder: fixture.folder, ReportChoices(lang: .sv, suppressBelow: 5))
        let s = f.suppression
        typealias Cell = Suppression.Cell
        // What the gate decided for this fixture: A's women small; A's men and C's women and men hidden to protect them.
        #expect(s.isPrimary(Cell(.subproject(0), .participants, .woman)))
        #expect(s.isHidden(Cell(.subproject(2), .participants, .woman)) && !s.isPrimary(Cell(.subproject(2), .participants, .woman)))
        let subprojects = try #require(charts(view).first { $0.id == "delprojekt" })
        let doc = try part(subprojects)
        #expect(try series(doc, 1).points == ["1=10"])
        #expect(try series(doc, 2).points == ["1=10"])
        // A and C: their totals (shown in the tables) as one hatched bar each, as the SVG draws them.
        #expect(try series(doc, 3).name == ["Dolt"])
        #expect(try series(doc, 3).points == ["0=13", "2=80"])
        #expect(try values(doc, "(//\(c("ser")))[3]/\(c("spPr"))/*[local-name()='pattFill']/@prst") == ["wdUpDiag"])
        #expect(subprojects.description == "Deltagare per delprojekt efter kön. A: 13 (kvinnor färre än 5, män dolt). B: 20 (kvinnor 10, män 10). C: 80 (kvinnor dolt, män dolt).")
    }

    @Test(arguments: [Language.sv, .en])
    func theAltTextIsTheSVGDescriptionWithEveryNumber(lang: Language) throws {
        let (view, _) = try reportView(folder: Self.vak2, ReportChoices(lang: lang))
        let golden = repositoryRoot + "/Tests/SlutrapportKitTests/Golden/" + (lang == .sv ? "vak2" : "vak2-en") + "/charts/"
        for (n, chart) in charts(view).enumerated() {
            let drawing = DocxChart.drawing(chart, relationshipID: "rId\(n + 7)", drawingID: n + 1)
            let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            let doc = try XMLDocument(xmlString: "<w:p xmlns:w=\"\(w)\">\(drawing)</w:p>", options: [])
            let descr = try values(doc, "//*[local-name()='docPr']/@descr")
            let svg = try XMLDocument(contentsOf: URL(fileURLWithPath: golden + chart.id + ".svg"))
            #expect(descr == (try values(svg, "//*[local-name()='desc']")), "\(chart.id)")
            #expect(try values(doc, "//*[local-name()='docPr']/@id") == ["\(n + 1)"])
            #expect(try values(doc, "//*[local-name()='chart']/@*[local-name()='id']") == ["rId\(n + 7)"])
            #expect(try values(doc, "//*[local-name()='extent']/@cx") == ["5760000"])
            // Every number the chart shows is in the alt text, as the report writes it.
            for value in chart.data.series.flatMap(\.values) {
                #expect(descr.first?.contains(value.text) == true, "\(chart.id): \(value.text)")
            }
        }
        #expect(charts(view).count == 4)
    }

    @Test func hostileNamesStayText() throws {
        let (view, _) = try reportView(folder: repositoryRoot + "/Tests/Fixtures/hostile", ReportChoices())
        for chart in charts(view) {
            let doc = try part(chart)
            #expect(try series(doc, 1).categories == chart.data.categories)
            #expect(try doc.nodes(forXPath: "//*[namespace-uri()!='\(DocxChart.chartNamespace)' and namespace-uri()!='\(DocxChart.drawingNamespace)']").isEmpty)
            let drawing = try XMLDocument(xmlString: "<w:p xmlns:w=\"w\">\(DocxChart.drawing(chart, relationshipID: "rId1", drawingID: 1))</w:p>", options: [])
            #expect(try values(drawing, "//*[local-name()='docPr']/@descr") == [chart.description])
            #expect(try values(drawing, "//*[local-name()='docPr']/@title") == [chart.title])
            #expect(try drawing.nodes(forXPath: "//*[local-name()='docPr']/*").isEmpty)
        }
        #expect(charts(view).flatMap(\.data.categories).contains("A | <svg onload=alert(1)> *x*"))
        #expect(charts(view).flatMap(\.data.categories).contains("Annat ]]> <!-- x -->"))
    }
}
