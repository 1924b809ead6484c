import Foundation
import Testing
@testable import SlutrapportKit

/// Disclosure control against an attacker who reads the whole report (SPEC
/// §4.5, issue 23): routes found by hand that the per-table check left open.
@Suite struct DisclosureProofTests {
    typealias Cell = Suppression.Cell

    /// Participants rows: `n` of them in `subproject`, `yes` of them "ja" in
    /// the sensitive column, every one a woman unless `men` of them are men.
    static func rows(_ subproject: String, _ n: Int, yes: Int, men: Int = 0, from first: Int) -> [String] {
        (0..<n).map { i in
            "P\(first + i),\(subproject),\(i < men ? "man" : "kvinna"),2021-02-01,,,\(i < yes ? "ja" : "nej")"
        }
    }

    static let header = "id,subproject,gender,start_date,end_date,exit_reason,halsa"

    /// Two subprojects each with a goal on a sensitive breakdown's "ja":
    /// the project's "ja" minus subproject b's gave subproject a's small count.
    @Test func aGoalPerSubprojectCannotBeSubtractedFromTheProject() throws {
        let yaml = minimalYAML + """
            subprojects: [{id: a, name: A}, {id: b, name: B}]
            breakdowns:
              - {id: halsa, title: Hälsa, sensitive: true, values: [{code: ja, label: Ja}, {code: nej, label: Nej}]}
            goals:
              - {id: ga, metric: breakdown_share, breakdown: halsa, values: [ja], target: 10%, subproject: a}
              - {id: gb, metric: breakdown_share, breakdown: halsa, values: [ja], target: 10%, subproject: b}
            """
        let csv = ([Self.header] + Self.rows("a", 20, yes: 3, men: 10, from: 1) + Self.rows("b", 20, yes: 10, men: 10, from: 100)).joined(separator: "\n")
        var f = try #require(try figures(yaml: yaml, csv: csv).0)
        f.suppress(below: 0)
        let s = f.suppression
        #expect(s.isPrimary(Cell(.subproject(0), .goal(0), nil)))
        // The route: ja in the project (13) − goal b's count (10) = goal a's (3). One of them must go.
        let route = [Cell(.project, .breakdown(0, value: 0), nil), Cell(.subproject(1), .goal(1), nil)]
        #expect(route.contains(where: s.isHidden), "goal b and the project's ja are both shown")
        #expect(s.unprotectable.isEmpty)
        #expect(Self.violations(f).isEmpty)
    }

    /// A goal whose outcome is hidden shows no met / not met either: "met"
    /// beside a target of 10 % would say the hidden count is at least 2 of 20.
    @Test func metIsHiddenWithTheOutcome() throws {
        let folder = try Fixture([
            "project.yaml": minimalYAML + """
                subprojects: [{id: a, name: A}, {id: b, name: B}]
                breakdowns:
                  - {id: halsa, title: Hälsa, sensitive: true, values: [{code: ja, label: Ja}, {code: nej, label: Nej}]}
                goals:
                  - {id: ga, metric: breakdown_share, breakdown: halsa, values: [ja], target: 10%, subproject: a}
                """,
            "participants.csv": ([Self.header] + Self.rows("a", 20, yes: 3, men: 10, from: 1) + Self.rows("b", 20, yes: 10, men: 10, from: 100))
                .joined(separator: "\n"),
        ], name: "test").folder
        let (out, outcome) = buildReports([folder]) { $0.formats = [.xml] }
        #expect(outcome.failed.isEmpty)
        let xml = try String(contentsOfFile: out + "/test/slutrapport.xml", encoding: .utf8)
        let goal = try #require(xml.split(separator: "\n").first { $0.contains("<goal id=\"ga\"") })
        #expect(!goal.contains("outcome="))
        #expect(!goal.contains("met="))
        #expect(goal.contains("suppressed=\"outcome\""))
        #expect(xml.contains("<disclosure suppressBelow=\"0\" sensitiveBelow=\"5\""))
    }

    /// One group holding every subproject repeats the project: a count hidden
    /// in the project must be hidden in the group too, and the other way round.
    @Test func aSingleGroupIsHiddenAsTheProjectIs() throws {
        let yaml = minimalYAML + """
            subprojects: [{id: a, name: A, group: Alla}, {id: b, name: B, group: Alla}]
            """
        var lines = ["id,subproject,gender,start_date,end_date,exit_reason"]
        for i in 0..<30 { lines.append("Q\(i),\(i % 2 == 0 ? "a" : "b"),\(i < 2 ? "annat" : i % 3 == 0 ? "man" : "kvinna"),2021-02-01,\(i < 12 ? "2021-06-01" : ""),\(i < 12 ? (i == 5 ? "arbete" : "studier") : "")") }
        var f = try #require(try figures(yaml: yaml, csv: lines.joined(separator: "\n")).0)
        f.suppress(below: 3)
        let s = f.suppression
        let groupRows = Set<Suppression.Row>([.participants, .active, .ended] + (0..<5).map { .exit($0) })
        for cell in s.hidden where cell.scope == .project && groupRows.contains(cell.row) {
            #expect(s.isHidden(Cell(.group(0), cell.row, cell.gender)), "\(cell) hidden in the project, shown in its only group")
        }
        #expect(s.isPrimary(Cell(.project, .participants, .other)))
        #expect(s.unprotectable.isEmpty)
        #expect(Self.violations(f).isEmpty)
    }

    /// The small counts whose range, proved afresh over the whole report, is
    /// narrower than the marks allow (`DisclosureAudit.violations`).
    static func violations(_ f: Figures) -> [Cell] {
        DisclosureAudit(table: CellTable(f), suppression: f.suppression).violations().map(\.0)
    }

    /// The report says how many counts were hidden to protect others, and
    /// with N = 2 that "<2" can only mean 1.
    @Test func theReportSaysHowManyWereHiddenToProtect() throws {
        let labels = Language.sv.translation.labels
        #expect(labels.protectedNote(3, 5) == "3 antal döljs för att skydda de små.")
        #expect(labels.protectedNote(1, 2) == "1 antal döljs för att skydda de små. Med gränsen 2 kan <2 bara betyda 1.")
        #expect(Language.en.translation.labels.protectedNote(2, 2) == "2 counts are hidden to protect the small ones. With the limit 2, <2 can only mean 1.")
    }
}

/// Routes an adversarial review found after the proof went in (issue 23).
@Suite struct DisclosureReviewTests {
    typealias Cell = Suppression.Cell

    /// The batch index's "goals met" counted a goal whose outcome the report
    /// hides: "0 / 1" beside a hidden subproject of <5 women and <5 men and
    /// a target of 3 said that subproject had 2. Now it counts only the
    /// verdicts the reports show.
    @Test func theIndexCountsOnlyTheGoalsAReportShows() throws {
        var rows = ["id,subproject,gender,start_date,end_date,exit_reason"]
        for i in 0..<10 { rows.append("QZIDS\(i),stor,kvinna,2023-02-01,,") }
        for i in 0..<10 { rows.append("QZIDT\(i),stor,man,2023-02-01,,") }
        rows += ["QZIDL1,liten,kvinna,2023-02-01,,", "QZIDL2,liten,man,2023-02-01,,"]
        let yaml = """
            id: t7
            name: Test sju
            period: {start: 2023-01-01, end: 2023-12-31}
            subprojects: [{id: stor, name: Stor}, {id: liten, name: Liten}]
            goals:
              - {id: liten-deltagare, text: "Minst 3 deltagare i Liten", metric: participants, target: 3, subproject: liten}

            """
        let first = try Fixture(["project.yaml": yaml, "participants.csv": rows.joined(separator: "\n") + "\n"], name: "t7")
        let second = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: t2"),
                                  "participants.csv": "id,gender,start_date\nQZIDA,kvinna,2021-02-01\n"], name: "t2")
        let parent = scratch("index-goals")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        for f in [first, second] { try FileManager.default.moveItem(atPath: f.folder, toPath: parent + "/" + (f.folder as NSString).lastPathComponent) }
        let (out, _) = buildReports([parent]) { $0.suppressBelow = 5; $0.formats = [.md] }
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        let row = try #require(index.split(separator: "\n").first { $0.contains("Test sju") })
        // Columns: name, participants, women, men, ended, positive, goals met, reports.
        #expect(row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[6] == "–", "\(row)")
        #expect(!row.contains("0 / 1"))
    }

    /// An ESF+ age group the age bands do not cover exactly still bounds
    /// them: everyone in the band 56– is 55 or older, so the men of that
    /// band are at most the ESF+ men of 55 and above (6), and the band's 9
    /// less that left its small women in 3…4. Band total and ESF+ men may
    /// not both be shown.
    @Test func anAgeBandInsideAnESFGroupIsBoundedByIt() throws {
        var rows = ["id,gender,birth_year,start_date,end_date,exit_reason,labour_status,education,disability,third_country_national,foreign_background,minority,homeless,rural,qualification"]
        var i = 0
        for (gender, born, n) in [("kvinna", 2003, 12), ("kvinna", 1968, 6), ("kvinna", 1963, 3), ("kvinna", 1993, 7),
                                  ("man", 2003, 8), ("man", 1983, 9), ("man", 1963, 6)] {
            for _ in 0..<n {
                rows.append("QZID\(i),\(gender),\(born),2023-02-01,,,unemployed,isced_3_4,nej,nej,nej,nej,nej,nej,")
                i += 1
            }
        }
        let yaml = "id: test\nname: T\nperiod: {start: 2023-01-01, end: 2023-12-31}\nesf_plus: true\nage_bands: [18, 25, 35, 56]\n"
        var f = try #require(try figures(yaml: yaml, csv: rows.joined(separator: "\n") + "\n").0)
        f.suppress(below: 5)
        let s = f.suppression
        let band = try #require(f.ageBands?.firstIndex { $0.from == 56 })
        #expect(s.isPrimary(Cell(.project, .age(band), .woman)))
        #expect(s.isHidden(Cell(.project, .age(band), nil)) || s.isHidden(Cell(.project, .esf(.age55Plus), .man)),
                "the band's total and the ESF+ men of 55 and above are both shown")
        #expect(DisclosureProofTests.violations(f).isEmpty)
    }

    /// The note on late starters counts people: under disclosure control a
    /// small number of them shows as the marks do ("fewer than 5"), not as 1.
    @Test func aSmallNumberOfLateStartersIsNotPrinted() throws {
        let csv = "id,gender,start_date\n" + (0..<12).map { "QZID\($0),\($0 % 2 == 0 ? "kvinna" : "man"),2021-02-01" }.joined(separator: "\n")
            + "\nQZIDLATE,kvinna,2022-08-01\n"
        let fixture = try Fixture(["project.yaml": minimalYAML + "report: {as_of: 2022-06-30}\n", "participants.csv": csv])
        for (lang, n, expected) in [(Language.sv, 5, "färre än 5 deltagare som börjar efter 2022-06-30 räknas inte med."),
                                    (.en, 5, "fewer than 5 participants starting after 2022-06-30 are not counted."),
                                    (.sv, 0, "1 deltagare som börjar efter 2022-06-30 räknas inte med.")] {
            let (view, _) = try reportView(folder: fixture.folder, ReportChoices(lang: lang, suppressBelow: n))
            let notes = view.sections.flatMap(\.notes)
            #expect(notes.contains(expected), "\(notes)")
        }
    }
}
