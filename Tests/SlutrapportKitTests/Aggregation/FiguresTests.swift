import Foundation
import Testing
@testable import SlutrapportKit

@Suite struct FiguresTests {
    let yaml = minimalYAML + """
        report: {as_of: 2022-06-30}
        subprojects: [{id: a, name: A, group: Norr}, {id: b, name: B, group: Norr}, {id: c, name: C, group: Syd, granted: 500}]
        activities: [{code: coaching, label: Coaching}]
        goals:
          - {id: n, metric: participants, target: 5, by_gender: {kvinna: 4, man: 1}}
          - {id: as, metric: exit_share, reasons: [arbete, studier], target: 50%}
          - {id: sub, metric: exit_share, reasons: [arbete], target: 100%, subproject: a}
          - {id: act, metric: activity_share, activity: coaching, target: 50%}
          - {id: rep, metric: reported, target: 90%, reported: 89.9%}
        """
    let csv = """
        id,subproject,gender,start_date,end_date,exit_reason,activities
        1,a,kvinna,2021-02-01,2021-06-01,arbete,coaching
        2,a,man,2021-02-01,,,coaching
        3,b,K,2021-03-01,2022-06-30,Studier,
        4,b,M,2021-03-01,2022-07-01,avbrutit,
        5,b,kvinna,2022-07-01,,,
        6,a,annat,2021-05-01,2022-01-10,Annan orsak,coaching
        7,a,kvinna,2021-05-01,2022-01-10,annan_orsak,
        """

    @Test func countsAtTheAsOfDate() throws {
        let (f, log) = try figures(yaml: yaml, csv: csv)
        let figures = try #require(f)
        // Row 5 starts after the as-of date: left out, one warning with the number.
        #expect(log.all.map(\.message) == ["1 participant starts after the as-of date 2022-06-30 and is left out"])
        #expect(figures.lateStarters == 1)
        #expect(figures.overall.participants == GenderCounts(women: 3, men: 2, other: 1))
        // Row 3 ends on the as-of day itself: ended. Row 4 ends the day after: active.
        #expect(figures.overall.ended == GenderCounts(women: 3, men: 0, other: 1))
        #expect(figures.overall.active == GenderCounts(women: 0, men: 2, other: 0))
        #expect(figures.overall.exits.map(\.total) == [1, 1, 0, 2, 0])
        #expect(figures.overall.exits[3] == GenderCounts(women: 1, men: 0, other: 1))
        #expect(figures.subprojects.map(\.participants.total) == [4, 2, 0])
        #expect(figures.subprojects.map(\.ended.total) == [3, 1, 0])
        #expect(figures.groups.map(\.name) == ["Norr", "Syd"])
        #expect(figures.groups.map(\.figures.participants.total) == [6, 0])
        #expect(figures.groups.map(\.granted) == [nil, 500])
        #expect(figures.overall.activities == [GenderCounts(women: 1, men: 1, other: 1)])
    }

    @Test func asOfBeforeAnyoneStarted() throws {
        let (f, _) = try figures(yaml: yaml, csv: csv, asOf: Day(iso: "2020-01-01"))
        let figures = try #require(f)
        #expect(figures.overall.participants.total == 0)
        #expect(figures.lateStarters == 7)
        #expect(figures.goals[1].outcome == nil)  // no one ended: no share
        #expect(figures.goals[1].met == nil)
    }

    @Test func goalsAgainstOutcomes() throws {
        let figures = try #require(try figures(yaml: yaml, csv: csv).0)
        let g = figures.goals
        // participants: 6 ≥ 5 overall, men 2 ≥ 1, but women 3 < 4: not met
        #expect(g[0].outcome.map(describe) == "count 6")
        #expect(g[0].byGender.map { "\($0.gender.key) \($0.outcome ?? -1) \($0.met ?? false)" } == ["women 3 false", "men 2 true"])
        #expect(g[0].met == false)
        // exit share: (1 arbete + 1 studier) / 4 ended = 50.0 % ≥ 50 %
        #expect(g[1].outcome.map(describe) == "share 50.0")
        #expect(g[1].met == true)
        // on subproject a: 1 arbete / 3 ended = 33.3 %
        #expect(g[2].outcome.map(describe) == "share 33.3")
        #expect(g[2].met == false)
        // activity: 3 of 6 counted participants
        #expect(g[3].outcome.map(describe) == "share 50.0")
        #expect(g[3].met == true)
        #expect(g[4].outcome.map(describe) == "reported 89.9")
        #expect(g[4].met == false)
    }

    @Test func ageBandsAndDurations() throws {
        let csv = """
            id,gender,birth_year,start_date,end_date,exit_reason
            1,kvinna,2004,2021-01-01,2021-01-11,arbete
            2,kvinna,2003,2021-01-01,2021-01-21,studier
            3,man,1990,2021-01-01,2021-01-04,arbete
            4,man,1966,2021-01-01,2021-01-06,avbrutit
            5,annat,,2021-01-01,,
            6,man,1991,2021-01-01,2021-01-02,arbete
            """
        let figures = try #require(try figures(yaml: minimalYAML, csv: csv).0)
        let bands = try #require(figures.ageBands)
        #expect(bands.map { "\($0.from ?? -1)…\($0.to ?? -1) \($0.counts.total)" } == ["-1…17 1", "18…29 1", "30…54 2", "55…-1 1", "-1…-1 1"])
        #expect(bands[4].known == false && bands[4].counts.other == 1)
        let d = try #require(figures.durations)
        // women 10 and 20 days; men 3, 5 and 1 days; all: 1 3 5 10 20
        #expect(d.median == 5)
        #expect(d.medianWomen == 15)
        #expect(d.medianMen == 3)
        #expect(d.medianOther == nil)
        #expect(Durations.median([0, 1, 1]) == 2)  // 1 and 2 days: 1.5 rounds half-up
    }

    /// Tests/Fixtures/age-bands-empty: `age_bands: []` declares no age bands,
    /// so no age figures at all. It once read past the counter's age cells
    /// (heap corruption) for anyone without a birth year, and put everyone
    /// else under "not known".
    @Test func emptyAgeBandsMeanNoAgeFigures() throws {
        let folder = repositoryRoot + "/Tests/Fixtures/age-bands-empty"
        let (f, log) = try figures(yaml: String(contentsOfFile: folder + "/project.yaml", encoding: .utf8),
                                   csv: String(contentsOfFile: folder + "/participants.csv", encoding: .utf8))
        #expect(log.all.isEmpty)
        let figures = try #require(f)
        #expect(figures.ageBands == nil)
        #expect(figures.overall.participants == GenderCounts(women: 2, men: 1, other: 0))

        let (out, outcome) = buildReports([folder])
        #expect(outcome.diagnostics.isEmpty && !outcome.hasErrors)
        let markdown = try String(contentsOfFile: out + "/utan-aldersgrupper/slutrapport.md", encoding: .utf8)
        let xml = try String(contentsOfFile: out + "/utan-aldersgrupper/slutrapport.xml", encoding: .utf8)
        #expect(markdown.contains("Deltagare efter kön") && !markdown.contains("Deltagare efter ålder"))
        #expect(xml.contains("<participants total=\"3\" women=\"2\" men=\"1\"") && !xml.contains("<ageBands>"))
    }

    @Test func theCounterKeepsToItsAgeCellsWithoutLimits() {
        let counter = Tally.Counter(Tally(source: .participants, subprojects: 0, reasons: 5, activities: 0, ageLimits: []))
        counter.addAge(nil, gender: .woman)
        counter.addAge(40, gender: .man)
        counter.addAge(7, gender: .other)
        // Band 0 holds every known age, band 1 those without a birth year.
        #expect(counter.tally.ageCells == [0, 1, 1, 1, 0, 0])
    }

    @Test func aSubprojectWithNoOneEnded() throws {
        let figures = try #require(try figures(yaml: yaml, csv: csv).0)
        let c = figures.subprojects[2]
        #expect(c.participants.total == 0 && c.ended.total == 0)
        #expect(c.exits.allSatisfy { Share($0.total, of: c.ended.total) == nil })
        #expect(figures.groups[1].figures.ended.total == 0)
    }

    @Test func sharesRoundHalfUpEachOnItsOwn() {
        #expect(Share(1, of: 8)?.whole == 13)       // 12.5
        #expect(Share(1, of: 8)?.tenths == 125)
        #expect(Share(1, of: 3)?.tenths == 333)
        #expect(Share(2, of: 3)?.tenths == 667)
        #expect(Share(1, of: 16)?.tenths == 63)     // 6.25 → 6.3
        #expect(Share(1, of: 16)?.whole == 6)       // not 6.3 → 6 by accident: from the exact ratio
        #expect(Share(199, of: 400)?.whole == 50)   // 49.75
        #expect(Share(0, of: 0) == nil)
        #expect(Share(138, of: 242)?.oneDecimal.fixed == "57.0")
    }

    @Test func countsFileGivesTheSameFigures() throws {
        let counts = """
            subproject,gender,exit_reason,count
            a,kvinna,arbete,1
            a,man,,1
            b,kvinna,studier,1
            b,man,,1
            a,annat,annan_orsak,1
            a,kvinna,Annan orsak,1
            """
        let fixture = try Fixture(["project.yaml": yaml, "counts.csv": counts])
        let project = try #require(fixture.load().0)
        let (tally, log) = CountsReader.read(project: project, path: fixture.folder + "/counts.csv", lang: .sv)
        #expect(log.all.isEmpty)
        let fromCounts = Figures.compute(project: project, tally: tally, asOf: Day(iso: "2022-06-30")!)
        let fromRows = try #require(try figures(yaml: yaml, csv: csv).0)
        #expect(fromCounts.overall.participants == fromRows.overall.participants)
        #expect(fromCounts.overall.exits == fromRows.overall.exits)
        #expect(fromCounts.subprojects.map(\.exits) == fromRows.subprojects.map(\.exits))
        #expect(fromCounts.goals.map(\.met) == [false, true, false, nil, false])  // activity needs rows
    }

    func describe(_ m: GoalOutcome.Measure) -> String {
        switch m {
        case .count(let n): "count \(n)"
        case .share(let s): "share \(s.oneDecimal.fixed)"
        case .reported(let v): "reported \(v.fixed)"
        }
    }
}
