import Foundation
import Testing
@testable import SlutrapportKit

/// Inputs that built without a word and gave the wrong report (issue 24):
/// a date typed a thousand years off, one person's id in two Unicode forms.
@Suite struct QuietSurprisesTests {
    /// The period starts 2021-01-01; the as-of date is 2022-06-30.
    static let yaml = minimalYAML + "report: {as_of: 2022-06-30}\n"

    /// The participants counted (late starters too) and the diagnostics' positions.
    func read(_ csv: String, parts: Int = 1) throws -> (Int, [String]) {
        let fixture = try Fixture(["project.yaml": Self.yaml, "participants.csv": csv])
        let project = try #require(fixture.load().0)
        let asOf = try #require(Day(iso: "2022-06-30"))
        let (tally, log) = ParticipantReader.read(project: project, asOf: asOf, path: fixture.folder + "/participants.csv", lang: .sv,
                                                  parts: parts, minimumPartBytes: parts == 1 ? .max : 1)
        let figures = Figures.compute(project: project, tally: tally, asOf: asOf)
        return (figures.overall.participants.total + figures.lateStarters, positions(log, relativeTo: fixture.folder))
    }

    /// A date more than ten years before the period's start, or more than
    /// ten years after the as-of date, is a warning at its cell; the row
    /// still counts as written. The cell's value is never quoted.
    @Test(arguments: [1, 3]) func aDateFarFromThePeriodIsAWarningAtItsCell(parts: Int) throws {
        let csv = """
            id,gender,start_date,end_date,exit_reason
            QZID01,kvinna,0202-02-01,,
            QZID02,man,2021-03-01,2202-02-01,arbete
            QZID03,man,2010-12-31,,
            QZID04,kvinna,2011-01-01,2032-06-30,arbete
            QZID05,kvinna,2011-01-01,2032-07-01,arbete
            QZID06,man,2021-05-01,2021-06-01,arbete

            """
        let (counted, diagnostics) = try read(csv, parts: parts)
        #expect(diagnostics == [
            "participants.csv:2:15 warning date-far-from-period",
            "participants.csv:3:23 warning date-far-from-period",
            "participants.csv:4:12 warning date-far-from-period",
            "participants.csv:6:26 warning date-far-from-period",
        ])
        #expect(counted == 6)
        let fixture = try Fixture(["project.yaml": Self.yaml, "participants.csv": csv])
        let log = ParticipantReader.read(project: try #require(fixture.load().0), asOf: try #require(Day(iso: "2022-06-30")),
                                         path: fixture.folder + "/participants.csv", lang: .en).1
        #expect(log.all.map(\.message) == [
            "the start_date lies more than ten years before the period's start (2021-01-01); is it mistyped?",
            "the end_date lies more than ten years after the as-of date (2022-06-30); is it mistyped?",
            "the start_date lies more than ten years before the period's start (2021-01-01); is it mistyped?",
            "the end_date lies more than ten years after the as-of date (2022-06-30); is it mistyped?",
        ])
        for d in log.all { #expect(!d.message.contains("0202") && !d.message.contains("2202") && !d.message.contains("2010-12-31")) }
    }

    /// `Åsa-01` typed on two systems, once composed (NFC) and once
    /// decomposed (NFD), is one person: the second is a duplicate id.
    @Test(arguments: [1, 3]) func anIDInNFCAndInNFDIsOnePerson(parts: Int) throws {
        let nfc = "\u{00C5}sa-01", nfd = "A\u{030A}sa-01"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        let csv = "id,gender,start_date\n\(nfc),kvinna,2021-02-01\nQZID02,man,2021-02-01\n\(nfd),kvinna,2021-02-01\n"
            + "B\u{0301}-1,man,2021-02-01\n\u{1E02}-1,man,2021-02-01\n"
        let (_, diagnostics) = try read(csv, parts: parts)
        #expect(diagnostics == ["participants.csv:4:1 error duplicate-participant"])
    }

    @Test func idsReadFromAWorkbookAreComparedInNFCToo() throws {
        let strings = "<si><t>id</t></si><si><t>gender</t></si><si><t>start_date</t></si><si><t>\u{00C5}sa-01</t></si><si><t>A\u{030A}sa-01</t></si>"
            + "<si><t>kvinna</t></si><si><t>2021-02-01</t></si>"
        func row(_ n: Int, _ id: Int) -> String {
            "<row r=\"\(n)\"><c r=\"A\(n)\" t=\"s\"><v>\(id)</v></c><c r=\"B\(n)\" t=\"s\"><v>5</v></c><c r=\"C\(n)\" t=\"s\"><v>6</v></c></row>"
        }
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>" + row(2, 3) + row(3, 4)
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: rows, strings: strings))
        let fixture = try Fixture(["project.yaml": Self.yaml])
        try FileManager.default.copyItem(atPath: path, toPath: fixture.folder + "/participants.xlsx")
        let (_, outcome) = buildReports([fixture.folder])
        #expect(positions(outcome.projects.first?.log ?? DiagnosticLog(), relativeTo: fixture.folder) == ["participants.xlsx:3:1 error duplicate-participant"])
    }
}
