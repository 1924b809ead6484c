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
