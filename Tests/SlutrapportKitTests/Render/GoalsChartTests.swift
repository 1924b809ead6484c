import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// The goals chart (issue 16, item 1): a goal with gender targets shows, in
/// the SVG, its description and the Word chart, which gender fell short;
/// every label reads in full.
@Suite struct GoalsChartTests {
    static let vak2 = repositoryRoot + "/data/vak2"

    func charts(_ choices: ReportChoices, folder: String = vak2) throws -> [ChartView] {
        try reportView(folder: folder, choices).0.sections.flatMap(\.figures).flatMap(\.charts)
    }

    func goals(_ choices: ReportChoices, folder: String = vak2) throws -> ChartView {
        try #require(try charts(choices, folder: folder).first { $0.id == "mal" })
    }

    /// The texts an SVG draws, in order.
    func drawnTexts(_ chart: ChartView) throws -> [String] {
        try XMLDocument(xmlString: chart.svgFile, options: []).nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
    }

    func desc(_ chart: ChartView) throws -> String {
        try XMLDocument(xmlString: chart.svgFile, options: []).nodes(forXPath: "//*[local-name()='desc']").compactMap(\.stringValue).joined()
    }

    /// vak2: 282 of 255 participants, but 114 women of 115.
    @Test func vak2NamesTheGenderThatFellShort() throws {
        let chart = try goals(ReportChoices(lang: .sv))
        let texts = try drawnTexts(chart)
        #expect(texts.prefix(7) == ["255 unika deltagare under", "projekttiden", "✗ ej uppfyllt: kvinnor 114 / 115",
                                    "totalt 282 / 255 ✓", "kvinnor 114 / 115 ✗", "män 168 / 140 ✓",
                                    "50 % av deltagarna avslutas mot"])
        #expect(try desc(chart).hasPrefix("Mål: utfall mot målvärde. 255 unika deltagare under projekttiden: ej uppfyllt; "
            + "totalt utfall 282, målvärde 255, uppfyllt; kvinnor utfall 114, målvärde 115, ej uppfyllt; män utfall 168, målvärde 140, uppfyllt. "
            + "50 % av deltagarna avslutas mot arbete eller studier: utfall 57\u{00A0}%, målvärde 50\u{00A0}%, uppfyllt."))
        // Each bar coloured by its own target: the total and men's reached theirs, women's did not.
        let bars = try XMLDocument(xmlString: chart.svgFile, options: []).nodes(forXPath: "//*[local-name()='rect' and @height='13']/@fill").compactMap(\.stringValue)
        #expect(bars.prefix(3) == [Palette.met, Palette.notMet, Palette.met])
    }

    @Test func vak2InEnglish() throws {
        let chart = try goals(ReportChoices(lang: .en))
        #expect(try drawnTexts(chart).contains("✗ not met: women 114 / 115"))
        #expect(try drawnTexts(chart).contains("women 114 / 115 ✗"))
        #expect(try desc(chart).contains(": not met; total outcome 282, target 255, met; women outcome 114, target 115, not met; men outcome 168, target 140, met."))
    }

    /// Word draws a bar per gender target too, its category marked as the table marks it.
    @Test func theWordChartHasABarPerGenderTarget() throws {
        let data = try goals(ReportChoices(lang: .sv)).data
        #expect(data.categories.prefix(4) == ["255 unika deltagare under projekttiden ✗", "varav kvinnor ✗", "varav män ✓",
                                              "50 % av deltagarna avslutas mot arbete eller studier ✓"])
        #expect(data.series[0].values.map(\.text) == ["282", "114", "168"] + ["57", "85", "70", "90"].map { $0 + "\u{00A0}%" })
        #expect(data.series[1].values.map(\.text) == ["255", "115", "140"] + ["50", "85", "90", "90"].map { $0 + "\u{00A0}%" })
        #expect(data.series[0].values.map { $0.color != nil } == [false, true, false, false, false, true, false])
    }

    /// No label is cut: each goal's text is its lines joined, in every chart of both languages.
    @Test(arguments: [Language.sv, .en])
    func everyLabelReadsInFull(lang: Language) throws {
        for chart in try charts(ReportChoices(lang: lang)) {
            #expect(try drawnTexts(chart).allSatisfy { !$0.hasSuffix("…") }, "\(chart.id)")
        }
        let texts = try drawnTexts(try goals(ReportChoices(lang: lang))).joined(separator: " ")
        let project = try #require(ProjectLoader.load(folder: Self.vak2, lang: lang).0)
        for goal in project.goals {
            #expect(texts.contains(try #require(goal.text)), "\(goal.id)")
        }
    }

    /// A gender's count hidden by disclosure control is hatched, its mark given,
    /// never its size (women 3 below 5, men 10 then hidden to protect them).
    @Test func aHiddenGenderCountShowsItsMark() throws {
        var rows = ["id,subproject,gender,birth_year,start_date,end_date,exit_reason"]
        for (i, gender) in (Array(repeating: "kvinna", count: 3) + Array(repeating: "man", count: 10)).enumerated() {
            rows.append("QZID\(1000 + i),a,\(gender),1935,2021-02-01,,")
        }
        let yaml = minimalYAML + "subprojects: [{id: a, name: A}]\n"
            + "goals:\n  - {id: d, text: Tretton deltagare, metric: participants, target: 13, by_gender: {kvinna: 5, man: 8}}\n"
        let fixture = try Fixture(["project.yaml": yaml, "participants.csv": rows.joined(separator: "\n") + "\n"])
        let chart = try goals(ReportChoices(lang: .sv, suppressBelow: 5), folder: fixture.folder)
        // Neither the goal's verdict nor a hidden gender's met / not met is shown: "not met" beside
        // "<5" of a target of 5 would say nothing new, but "met" beside ".." of 8 bounds the men.
        #expect(try drawnTexts(chart) == ["Tretton deltagare", "visas inte (för få personer)", "totalt 13 / 13 ✓", "kvinnor <5 / 5", "män .. / 8"])
        #expect(try desc(chart) == "Mål: utfall mot målvärde. Tretton deltagare: visas inte (för få personer); totalt utfall 13, målvärde 13, uppfyllt; "
            + "kvinnor färre än 5, målvärde 5; män dolt, målvärde 8.")
        #expect(chart.svgFile.contains("fill=\"url(#mal-hidden)\""))
        #expect(chart.data.series[0].values.map(\.text) == ["13", "<5", ".."])
        #expect(chart.data.series[0].values.map(\.number) == [13, nil, nil])
    }

    /// A stack's segments are parted by a white outline, in the SVG and in Word.
    @Test func stackedSegmentsArePartedByWhite() throws {
        let subprojects = try #require(try charts(ReportChoices(lang: .sv)).first { $0.id == "delprojekt" })
        let svg = try XMLDocument(xmlString: subprojects.svgFile, options: [])
        let strokes = try svg.nodes(forXPath: "//*[local-name()='rect' and (@fill='\(Palette.women)' or @fill='\(Palette.men)') and @height='16']/@stroke").compactMap(\.stringValue)
        #expect(strokes == Array(repeating: Palette.separator, count: 12))
        let part = try XMLDocument(data: Data(DocxChart.part(subprojects, lang: "sv")), options: [])
        let outlines = try part.nodes(forXPath: "//*[local-name()='ser']/*[local-name()='spPr']/*[local-name()='ln']//*[local-name()='srgbClr']/@val").compactMap(\.stringValue)
        #expect(outlines == ["FFFFFF", "FFFFFF"])
    }
}
