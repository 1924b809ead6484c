import Foundation
import Testing
@testable import SlutrapportKit

/// The project month by month (SPEC §4.10), on rows worked out by hand.
@Suite struct TimelineTests {
    /// Period from 2021-01-01 (minimalYAML); as of 2021-04-20. Ids 3 and 5 carry
    /// spaces, which the byte path turns down: the text path counts them.
    static let csv = """
        id,gender,start_date,end_date,exit_reason
        1,kvinna,2020-11-15,2021-02-10,arbete
        2,man,2021-01-05,,
         3 ,kvinna,2021-02-03,2021-02-25,studier
        4,man,2021-03-10,2021-05-02,arbete
         5 ,annat,2021-04-20,2021-04-20,arbete
        6,kvinna,2021-04-21,,
        7,kvinna,2021-04-01,2021-04-25,arbete
        """
    static let asOf = Day(year: 2021, month: 4, day: 20)

    // By hand. Row 1 starts before the period, so the timeline starts in its
    // month, 2020-11; row 6 starts after the as-of date: not counted; rows 4
    // and 7 end after it: active at A, never ended; row 3 starts and ends in
    // February; row 5 starts and ends on A itself: ended in April.
    //   month    started      ended    active at E(m)             cumulative
    //   2020-11  W1           –        1: row 1 (W)               W1
    //   2020-12  –            –        1: row 1 (W)               W1
    //   2021-01  M1 (2)       –        2: rows 1, 2 (W1 M1)       W1 M1
    //   2021-02  W1 (3)       W2 (1,3) 1: row 2 (M1)              W2 M1
    //   2021-03  M1 (4)       –        2: rows 2, 4 (M2)          W2 M2
    //   2021-04  W1 O1 (7,5)  O1 (5)   3: rows 2, 4, 7 (W1 M2)    W3 M2 O1
    static let expected: [TimelineMonth] = {
        func c(_ w: Int, _ m: Int, _ o: Int) -> GenderCounts { GenderCounts(women: w, men: m, other: o) }
        return [
            TimelineMonth(year: 2020, month: 11, started: c(1, 0, 0), ended: c(0, 0, 0), active: c(1, 0, 0), cumulative: c(1, 0, 0)),
            TimelineMonth(year: 2020, month: 12, started: c(0, 0, 0), ended: c(0, 0, 0), active: c(1, 0, 0), cumulative: c(1, 0, 0)),
            TimelineMonth(year: 2021, month: 1, started: c(0, 1, 0), ended: c(0, 0, 0), active: c(1, 1, 0), cumulative: c(1, 1, 0)),
            TimelineMonth(year: 2021, month: 2, started: c(1, 0, 0), ended: c(2, 0, 0), active: c(0, 1, 0), cumulative: c(2, 1, 0)),
            TimelineMonth(year: 2021, month: 3, started: c(0, 1, 0), ended: c(0, 0, 0), active: c(0, 2, 0), cumulative: c(2, 2, 0)),
            TimelineMonth(year: 2021, month: 4, started: c(1, 0, 1), ended: c(0, 0, 1), active: c(1, 2, 0), cumulative: c(3, 2, 1)),
        ]
    }()

    @Test func monthByMonthAtTheAsOfDate() throws {
        let (f, _) = try figures(yaml: minimalYAML, csv: Self.csv, asOf: Self.asOf)
        let figures = try #require(f)
        #expect(figures.timeline == Self.expected)
        #expect(figures.timeline?.map(\.isoMonth) == ["2020-11", "2020-12", "2021-01", "2021-02", "2021-03", "2021-04"])
        // The last month agrees with the totals at the as-of date.
        #expect(figures.timeline?.last?.active == figures.overall.active)
        #expect(figures.timeline?.last?.cumulative == figures.overall.participants)
    }

    @Test func theSameReadInParts() throws {
        let fixture = try Fixture(["project.yaml": minimalYAML, "participants.csv": Self.csv + "\n"])
        let project = try #require(fixture.load().0)
        let asOf = try #require(Self.asOf)
        let (tally, _) = ParticipantReader.read(project: project, asOf: asOf, path: fixture.folder + "/participants.csv", lang: .sv,
                                                parts: 3, minimumPartBytes: 40)
        #expect(Figures.compute(project: project, tally: tally, asOf: asOf).timeline == Self.expected)
    }

    @Test func fromThePeriodStartWhenEveryoneStartsLater() throws {
        // Period from 2021-01; the one participant starts in March, as of 2021-03-31.
        let csv = "id,gender,start_date\n1,man,2021-03-05\n"
        let figures = try #require(try figures(yaml: minimalYAML, csv: csv, asOf: Day(year: 2021, month: 3, day: 31)).0)
        #expect(figures.timeline?.map(\.isoMonth) == ["2021-01", "2021-02", "2021-03"])
        #expect(figures.timeline?.map(\.started.total) == [0, 0, 1])
        #expect(figures.timeline?.map(\.active.total) == [0, 0, 1])
    }

    @Test func noMonthsWhenThePeriodStartsAfterTheAsOfDate() throws {
        let csv = "id,gender,start_date\n1,man,2021-03-05\n"
        let figures = try #require(try figures(yaml: minimalYAML, csv: csv, asOf: Day(year: 2020, month: 12, day: 31)).0)
        #expect(figures.timeline == [])
        #expect(figures.lateStarters == 1)
    }
}

/// The table by quarter (SPEC §4.10) from the months above.
@Suite struct TimelineQuarterTests {
    // By hand from TimelineTests' months: 2020 Q4 holds November and
    // December; 2021 Q1 January to March (started M1 + W1 + M1, ended W2,
    // March's active 2 and cumulative 4); 2021 Q2 April alone, the as-of month.
    @Test func startedAndEndedSummedActiveAndCumulativeAtTheLastMonth() {
        let quarters = TimelineQuarter.of(TimelineTests.expected)
        #expect(quarters.map { "\($0.year) Q\($0.quarter)" } == ["2020 Q4", "2021 Q1", "2021 Q2"])
        #expect(quarters.map(\.started.total) == [1, 3, 2])
        #expect(quarters.map(\.started.men) == [0, 2, 0])
        #expect(quarters.map(\.ended.total) == [0, 2, 1])
        #expect(quarters.map(\.active.total) == [1, 2, 3])
        #expect(quarters.map(\.cumulative.total) == [1, 4, 6])
    }

    @Test(arguments: [(Language.sv, "| 2020 kv. 4 | 1 | 0 | 1 | 1 |\n| 2021 kv. 1 | 3 | 2 | 2 | 4 |\n| 2021 kv. 2 | 2 | 1 | 3 | 6 |"),
                      (Language.en, "| 2020 Q4 | 1 | 0 | 1 | 1 |\n| 2021 Q1 | 3 | 2 | 2 | 4 |\n| 2021 Q2 | 2 | 1 | 3 | 6 |")])
    func theReportHasTheTable(lang: Language, rows: String) throws {
        let fixture = try Fixture(["project.yaml": minimalYAML + "report: {as_of: 2021-04-20}\n", "participants.csv": TimelineTests.csv + "\n"],
                                  name: "test")
        let (out, _) = buildReports([fixture.folder]) { $0.formats = [.md]; $0.lang = lang }
        let markdown = try String(contentsOfFile: out + "/test/slutrapport.md", encoding: .utf8)
        #expect(markdown.contains(rows))
    }
}

/// The chart by month: started in all and active, every number in its
/// description, and the participants goal's target as a line only where there is one.
@Suite struct TimelineChartTests {
    func chart(goals: String, asOf: String = "2021-04-20") throws -> ChartView {
        let fixture = try Fixture(["project.yaml": minimalYAML + "report: {as_of: \(asOf)}\n" + goals, "participants.csv": TimelineTests.csv + "\n"])
        let view = try reportView(folder: fixture.folder, ReportChoices()).0
        return try #require(view.sections.flatMap(\.figures).flatMap(\.charts).first { $0.id == "over-tid" })
    }

    @Test func everyMonthInTheDescriptionAndNoGoalLineWithoutAGoal() throws {
        let c = try chart(goals: "")
        // The months of TimelineTests.expected: cumulative 1 1 2 3 4 6, active 1 1 2 1 2 3.
        #expect(c.description == "Deltagare per månad: startade totalt och aktiva. 2020-11: startade totalt 1, aktiva 1. "
                + "2020-12: startade totalt 1, aktiva 1. 2021-01: startade totalt 2, aktiva 2. 2021-02: startade totalt 3, aktiva 1. "
                + "2021-03: startade totalt 4, aktiva 2. 2021-04: startade totalt 6, aktiva 3.")
        #expect(c.data.series.map(\.name) == ["Startade totalt", "Aktiva"])
        #expect(c.data.series.map { $0.values.compactMap(\.number) } == [[1, 1, 2, 3, 4, 6], [1, 1, 2, 1, 2, 3]])
        #expect(!c.svg.contains("stroke-dasharray"))
    }

    /// The months named along the bottom are never closer than a label's
    /// width: every third month up to 30 months, then every 6th, 12th, 24th …,
    /// ten at most (924 months once drew 308 labels into one black bar).
    @Test(arguments: [("2021-04-20", ["2020-11", "2021-02"]),
                      ("2023-04-30", ["2020-11", "2021-02", "2021-05", "2021-08", "2021-11", "2022-02", "2022-05", "2022-08", "2022-11", "2023-02"]),
                      ("2023-10-31", ["2020-11", "2021-05", "2021-11", "2022-05", "2022-11", "2023-05"]),
                      ("2030-12-31", ["2020-11", "2022-11", "2024-11", "2026-11", "2028-11", "2030-11"]),
                      ("2097-10-31", ["2020-11", "2030-11", "2040-11", "2050-11", "2060-11", "2070-11", "2080-11", "2090-11"])])
    func theMonthsNamedAlongTheBottomDoNotCollide(asOf: String, named: [String]) throws {
        let c = try chart(goals: "", asOf: asOf)
        let labels = c.svg.matches(of: /<text[^>]*>(\d{4}-\d{2})<\/text>/).map { String($0.output.1) }
        #expect(labels == named)
    }

    @Test func theParticipantsGoalIsALine() throws {
        // A subproject's goal or another metric draws no line: only the project's participants goal.
        let c = try chart(goals: "goals:\n  - {id: n, metric: participants, target: 8}\n  - {id: r, metric: reported, target: 90%, reported: 91%}\n")
        #expect(c.data.series.map(\.name) == ["Startade totalt", "Aktiva", "Mål: 8 deltagare"])
        #expect(c.data.series[2].values.compactMap(\.number) == Array(repeating: 8, count: 6))
        #expect(c.description.hasSuffix("2021-04: startade totalt 6, aktiva 3. Mål: 8."))
        #expect(c.svg.contains("stroke-dasharray=\"6 4\""))
    }
}
