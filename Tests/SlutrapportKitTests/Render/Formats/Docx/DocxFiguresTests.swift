import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// The figures of the Word report read back from its parts: every captioned
/// table equals the HTML report's table of that caption, cell for cell, and
/// under disclosure control (vak2 with `--suppress-below 5`, as
/// ExamplesTests.vak2WithDisclosureControl) the tables show exactly what the
/// other formats show: "<5" and ".." in place of hidden counts, no share of one.
@Suite struct DocxFiguresTests {
    typealias Build = Vak2Build

    /// The body's tables that have a Caption paragraph right above them: the figure tables.
    static func captionedTables(_ docx: DocxReading) throws -> [HTMLInspector.Table] {
        try docx.elements("tbl").compactMap { table in
            guard let caption = table.previousSibling as? XMLElement, caption.paragraphStyle == "Caption" else { return nil }
            return HTMLInspector.Table(caption: caption.wordText, rows: table.tableRows)
        }
    }

    static func table(_ caption: String, in tables: [HTMLInspector.Table]) throws -> [[String]] {
        try #require(tables.first { $0.caption == caption }, "no table captioned \(caption)").rows
    }

    @Test(arguments: Build.allCases)
    func everyFigureTableEqualsTheHTMLReports(_ build: Build) throws {
        let docx = try Self.captionedTables(DocxReading(path: build.outputFolder + "/slutrapport.docx"))
        let html = HTMLInspector(try String(contentsOfFile: build.outputFolder + "/slutrapport.html", encoding: .utf8))
            .tables.filter { !$0.caption.isEmpty }
        #expect(docx.count == 17)
        #expect(docx.map(\.caption) == html.map(\.caption))
        for (word, page) in zip(docx, html) {
            #expect(word.rows == page.rows, "\(word.caption)")
        }
    }

    @Test func disclosureControlHidesTheSameCountsAsInEveryFormat() throws {
        let tables = try Self.captionedTables(DocxReading(path: Build.suppressed.outputFolder + "/slutrapport.docx"))
        let pc = "\u{00A0}%"
        #expect(try Self.table("Avslutsorsaker efter kön", in: tables) == [
            ["Avslutsorsak", "Kvinnor", "%", "Män", "%", "Totalt", "%"],
            ["Arbete", "28", "28\(pc)", "43", "30\(pc)", "71", "29\(pc)"],
            ["Studier", "..", "", "..", "", "67", "28\(pc)"],
            ["Avbrutit", "<5", "", "..", "", "..", ""],
            ["Annan orsak", "30", "30\(pc)", "36", "25\(pc)", "66", "27\(pc)"],
            ["Fullföljt projektet", "..", "", "..", "", "..", ""],
            ["Avslutade", "99", "", "143", "", "242", ""],
        ])
        let subprojects = try Self.table("Deltagare per delprojekt", in: tables)
        #expect(subprojects[4] == ["Delprojekt Kil", "Gruppverksamhet", "..", "..", "..", "<5", "32"])
        #expect(subprojects[5] == ["Delprojekt Kristinehamn", "Gruppverksamhet", "..", "..", "..", "<5", "43"])
        #expect(subprojects.last == ["Totalt", "", "114", "168", "282", "40", "242"])
        // A subproject's table: a share is shown only where its count and its denominator both are.
        #expect(try Self.table("Avslutsorsaker i Delprojekt Kil efter kön", in: tables) == [
            ["Avslutsorsak", "Kvinnor", "%", "Män", "%", "Totalt", "%"],
            ["Arbete", "6", "", "5", "", "11", "34\(pc)"],
            ["Studier", "<5", "", "<5", "", "..", ""],
            ["Avbrutit", "0", "", "<5", "", "<5", ""],
            ["Annan orsak", "<5", "", "<5", "", "..", ""],
            ["Fullföljt projektet", "<5", "", "<5", "", "5", "16\(pc)"],
            ["Avslutade", "..", "", "..", "", "32", ""],
        ])
        #expect(try Self.table("Avslutsorsaker i området Individuellt stöd efter kön", in: tables) == [
            ["Avslutsorsak", "Kvinnor", "%", "Män", "%", "Totalt", "%"],
            ["Arbete", "..", "", "..", "", "15", "26\(pc)"],
            ["Studier", "..", "", "..", "", "13", "22\(pc)"],
            ["Avbrutit", "0", "", "<5", "", "<5", ""],
            ["Annan orsak", "..", "", "..", "", "..", ""],
            ["Fullföljt projektet", "<5", "", "..", "", "9", "16\(pc)"],
            ["Avslutade", "..", "", "..", "", "58", ""],
        ])
        // The goals keep their outcomes: none of them rests on a hidden count.
        #expect(try Self.table("Mål, målvärden och utfall", in: tables).map { $0.dropFirst(2) } == [
            ["Målvärde", "Utfall", "Uppfyllt"], ["255", "282", "✗ Nej"], ["115", "114", "✗ Nej"], ["140", "168", "✓ Ja"],
            ["50\(pc)", "57\(pc)", "✓ Ja"], ["85\(pc)", "85\(pc)", "✓ Ja"], ["90\(pc)", "70\(pc)", "✗ Nej"], ["90\(pc)", "90\(pc)", "✓ Ja"],
        ])
    }

    /// Each series of a chart part in the built .docx as its name and its
    /// cached points `index=value`.
    static func series(_ docx: DocxReading, chart n: Int) throws -> [String] {
        try docx.elements("ser", in: "word/charts/chart\(n).xml").map { series in
            let name = try series.nodes(forXPath: "./*[local-name()='tx']//*[local-name()='v']").map { $0.stringValue ?? "" }.joined()
            let points = try series.nodes(forXPath: "./*[local-name()='val']//*[local-name()='pt']").compactMap { $0 as? XMLElement }
                .map { "\($0.attribute(forName: "idx")?.stringValue ?? "")=\($0.stringValue ?? "")" }
            return name + ": " + points.joined(separator: " ")
        }
    }

    /// The native charts' caches hold the report's figures, and under
    /// disclosure control a hidden count has no point at all (a gap).
    @Test func theChartCachesHoldTheFiguresAndNoHiddenCount() throws {
        let plain = try DocxReading(path: Build.swedish.outputFolder + "/slutrapport.docx")
        #expect(plain.names.filter { $0.hasPrefix("word/charts/") } == ["word/charts/chart1.xml", "word/charts/chart2.xml", "word/charts/chart3.xml", "word/charts/chart4.xml"])
        // By month, as an independent script counts participants.csv (XMLXPathTests.theTimelineGivesEveryMonthToTheAsOfDate).
        #expect(try Self.series(plain, chart: 1) == [
            "Startade totalt: 0=15 1=26 2=40 3=61 4=74 5=82 6=92 7=101 8=119 9=129 10=134 11=142 12=157 13=170 14=175 15=181 16=190 17=202 18=216 19=234 20=250 21=260 22=276 23=282 24=282",
            "Aktiva: 0=15 1=26 2=37 3=56 4=68 5=73 6=79 7=84 8=96 9=101 10=99 11=97 12=104 13=114 14=113 15=109 16=107 17=107 18=111 19=122 20=116 21=97 22=91 23=71 24=40",
            "Mål: 255 deltagare: 0=255 1=255 2=255 3=255 4=255 5=255 6=255 7=255 8=255 9=255 10=255 11=255 12=255 13=255 14=255 15=255 16=255 17=255 18=255 19=255 20=255 21=255 22=255 23=255 24=255",
        ])
        #expect(try Self.series(plain, chart: 2) == ["Kvinnor: 0=28 1=29 2=3 3=30 4=9", "Män: 0=30 1=27 2=4 3=25 4=14"])
        #expect(try Self.series(plain, chart: 3).prefix(2) == ["Kvinnor: 0=19 1=15 2=34 3=14 4=19 5=13", "Män: 0=29 1=21 2=50 3=20 4=27 5=21"])
        let hidden = try DocxReading(path: Build.suppressed.outputFolder + "/slutrapport.docx")
        let exits = try Self.series(hidden, chart: 2)
        #expect(exits.count == 2)
        // Hidden counts (studier, dropped out and completed, women and men) have no point, never their size.
        #expect(exits[0].hasPrefix("Kvinnor: ") && [" 1=", " 2=", " 4="].allSatisfy { !exits[0].contains($0) } && exits[0].contains(" 3="))
        #expect(exits[1].hasPrefix("Män: ") && [" 1=", " 2=", " 4="].allSatisfy { !exits[1].contains($0) } && exits[1].contains(" 3="))
    }

    @Test func theEnglishReportWritesNumbersTheEnglishWay() throws {
        let tables = try Self.captionedTables(DocxReading(path: Build.english.outputFolder + "/slutrapport.docx"))
        let exits = try Self.table("Exit reasons by gender", in: tables)
        #expect(exits[0] == ["Exit reason", "Women", "%", "Men", "%", "Total", "%"])
        #expect(exits[1] == ["Employment", "28", "28%", "43", "30%", "71", "29%"])
        #expect(exits.last == ["Ended", "99", "", "143", "", "242", ""])
    }
}
