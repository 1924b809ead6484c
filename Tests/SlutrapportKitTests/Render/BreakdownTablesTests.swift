import Foundation
import Testing
@testable import SlutrapportKit

/// What a reader sees of the declared breakdowns and the ESF+ indicators
/// (SPEC §4.8–9, issue 17), from figures set by hand: every text exact.
@Suite struct BreakdownTablesTests {
    /// 20 counted participants, women 1–8 and men 9–20; women 1–3 and men 9–13 have ended.
    static let csv: String = {
        var lines = ["id,gender,start_date,end_date,exit_reason"]
        for i in 1...20 {
            let woman = i <= 8
            let ended = (1...3).contains(i) || (9...13).contains(i)
            lines.append("\(i),\(woman ? "kvinna" : "man"),2021-02-01,\(ended ? "2021-06-30,arbete" : ",")")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func c(_ w: Int, _ m: Int) -> GenderCounts { GenderCounts(women: w, men: m) }

    /// Three of the user's breakdowns (a plain one, a multiple one whose
    /// value has no label, a sensitive one) and the ESF+ ones.
    static func declarations(at location: SlutrapportKit.SourceLocation) -> [DeclaredBreakdown] {
        let values = [DeclaredBreakdown.Value(code: "grund", label: "Förgymnasial"), DeclaredBreakdown.Value(code: "gymn", label: "Gymnasial"),
                      DeclaredBreakdown.Value(code: "hogre", label: "Eftergymnasial")]
        return [DeclaredBreakdown(id: "utbildning", title: "Utbildningsnivå vid start", columns: ["utbildning"], values: values,
                                  multiple: false, sensitive: false, location: location),
                DeclaredBreakdown(id: "stod", title: "Stödbehov", columns: ["stod"],
                                  values: [DeclaredBreakdown.Value(code: "sprak", label: "Språkstöd"), DeclaredBreakdown.Value(code: "ekonomi", label: nil)],
                                  multiple: true, sensitive: false, location: location),
                DeclaredBreakdown(id: "halsa", title: "Hälsa", columns: ["halsa"],
                                  values: [DeclaredBreakdown.Value(code: "ja", label: "Ohälsa"), DeclaredBreakdown.Value(code: "nej", label: "Ingen ohälsa")],
                                  multiple: false, sensitive: true, location: location)]
            + ESFBreakdown.allCases.map { $0.declaration(at: location) }
    }

    /// Set by hand, consistent with the 20 participants and 8 ended.
    static let breakdownFigures: [BreakdownFigures] = {
        let none = GenderCounts()
        func b(_ values: [GenderCounts], _ notStated: GenderCounts) -> BreakdownFigures {
            BreakdownFigures(values: values, notStated: notStated, endedValues: values.map { _ in none }, endedNotStated: none)
        }
        let user = [b([c(3, 4), c(2, 6), c(3, 1)], c(0, 1)),
                    b([c(6, 7), c(5, 9)], c(1, 2)),
                    b([c(1, 3), c(7, 9)], none)]
        return user + ESFBreakdown.allCases.map { e in b(e.values.map { _ in none }, none) }
    }()

    static let esf: ESFFigures = {
        let counts: [ESFIndicator: GenderCounts] = [
            .total: c(8, 12), .unemployed: c(5, 8), .longTermUnemployed: c(2, 3), .inactive: c(2, 2), .employed: c(1, 1),
            .below18: c(0, 0), .age18to29: c(3, 4), .age55Plus: c(1, 2),
            .isced02: c(3, 4), .isced34: c(2, 6), .isced58: c(3, 1),
            .disability: c(2, 3), .thirdCountryNational: c(1, 2), .foreignBackground: c(4, 5), .minority: c(0, 1), .homeless: c(0, 0), .rural: c(3, 3),
            .jobSearching: c(1, 1), .educationTraining: c(0, 1), .qualification: c(2, 2), .employment: c(1, 2),
        ]
        let notStated: [(String, GenderCounts)] = [("labour_status", c(0, 1)), ("age", c(1, 0)), ("education", c(0, 1)), ("disability", c(0, 0)),
                                                   ("third_country_national", c(0, 0)), ("foreign_background", c(0, 0)), ("minority", c(2, 2)),
                                                   ("homeless", c(0, 0)), ("rural", c(0, 0)), ("qualification", c(1, 0))]
        return ESFFigures(indicators: ESFIndicator.allCases.map { ESFFigures.Count(indicator: $0, counts: counts[$0] ?? GenderCounts()) },
                          notStated: notStated.map { group, counts in
                              ESFFigures.NotStated(group: group, counts: counts, sensitive: group == "disability" || group == "minority")
                          })
    }()

    /// The project and its figures with the breakdowns above, disclosure control applied.
    static func report(lang: Language = .sv, suppressBelow: Int? = nil) throws -> (Project, Figures, ReportSettings) {
        let fixture = try Fixture(["project.yaml": minimalYAML, "participants.csv": csv])
        var project = try #require(fixture.load().0)
        let settings = ReportSettings(commandLine: ReportChoices(lang: lang, suppressBelow: suppressBelow), project: project)
        let (tally, _) = ParticipantReader.read(project: project, asOf: settings.asOf, path: fixture.folder + "/participants.csv", lang: settings.lang)
        var figures = Figures.compute(project: project, tally: tally, asOf: settings.asOf)
        project.breakdowns = declarations(at: project.location)
        project.esfPlus = true
        figures.breakdowns = breakdownFigures
        figures.sensitiveBreakdowns = project.breakdowns.map(\.sensitive)
        figures.shownBreakdowns = project.breakdowns.map { $0.esf == nil }
        figures.singleValuedBreakdowns = project.breakdowns.map { !$0.multiple }
        // Hand-set indicators tie to no exit reason nor age band: only the sums within the tables hold.
        figures.esfResultReasons = [:]
        figures.ageBands = nil
        figures.esf = esf
        // A goal on the sensitive breakdown (4 of 20 in poor health) and one on education (4 of 20 with higher education).
        project.goals = [Goal(id: "ohalsa", text: "Minst 15 % med ohälsa", metric: .breakdownShare, target: Decimal1(15), breakdown: 2, breakdownValues: [0]),
                         Goal(id: "hogre", text: "Minst 15 % med eftergymnasial utbildning", metric: .breakdownShare, target: Decimal1(15),
                              breakdown: 0, breakdownValues: [2])]
        figures.goals = project.goals.map { goal in
            var outcome = GoalOutcome(unmeasured: goal)
            outcome.outcome = Share(4, of: 20).map { .share($0) }
            outcome.met = true
            return outcome
        }
        figures.suppress(below: settings.suppressBelow)
        return (project, figures, settings)
    }

    static func view(lang: Language = .sv, suppressBelow: Int? = nil) throws -> ReportView {
        let (project, figures, settings) = try report(lang: lang, suppressBelow: suppressBelow)
        return ReportViewBuilder(project: project, figures: figures, settings: settings, markdown: MarkdownRenderer()).build(generated: nil)
    }

    static func table(_ view: ReportView, _ id: String) throws -> TableView {
        try #require(view.sections.flatMap(\.figures).flatMap(\.tables).first { $0.id == id })
    }

    /// A row as "header | cell | cell …".
    static func lines(_ table: TableView) -> [String] {
        table.rows.map { ([$0.header] + $0.cells.map(\.text)).joined(separator: " | ") }
    }

    @Test func aBreakdownTableHasItsValuesByGenderWithShares() throws {
        let view = try Self.view()
        let block = try #require(view.sections.flatMap(\.figures).first { $0.anchor == "fordelningar" })
        #expect(block.heading == "Fördelningar")
        // The ESF+ breakdowns have no table of their own.
        #expect(block.tables.map(\.id) == ["fordelning-utbildning", "fordelning-stod", "fordelning-halsa"])
        let table = try Self.table(view, "fordelning-utbildning")
        #expect(table.caption == "Utbildningsnivå vid start")
        #expect(table.stub == "Kategori")
        #expect(table.columns.map(\.text) == ["Kvinnor", "%", "Män", "%", "Totalt", "%"])
        // Shares of counted participants in the same column (8 women, 12 men, 20), rounded half-up: 3/8 = 37.5 → 38.
        let pc = "\u{00A0}%"
        #expect(Self.lines(table) == ["Förgymnasial | 3 | 38\(pc) | 4 | 33\(pc) | 7 | 35\(pc)",
                                      "Gymnasial | 2 | 25\(pc) | 6 | 50\(pc) | 8 | 40\(pc)",
                                      "Eftergymnasial | 3 | 38\(pc) | 1 | 8\(pc) | 4 | 20\(pc)",
                                      "Uppgift saknas | 0 | 0\(pc) | 1 | 8\(pc) | 1 | 5\(pc)"])
        #expect(table.notes == ["Andelar avser deltagare i samma kolumn och avrundas var för sig."])
        // The workbook gets the numbers as the text shows them.
        #expect(table.rows[0].cells[1].number == CellNumber(value: 38, unit: .percent))
    }

    @Test func aMultipleBreakdownSaysSharesMayPass100AndShowsACodeWithoutLabel() throws {
        let table = try Self.table(try Self.view(lang: .en), "fordelning-stod")
        #expect(table.caption == "Stödbehov")
        #expect(Self.lines(table) == ["Språkstöd | 6 | 75% | 7 | 58% | 13 | 65%",
                                      "ekonomi | 5 | 63% | 9 | 75% | 14 | 70%",
                                      "Not stated | 1 | 13% | 2 | 17% | 3 | 15%"])
        #expect(table.notes == ["Shares are of participants in the same column, each rounded on its own.",
                                "A participant can count under several values, so the shares may add up to more than 100%."])
    }

    @Test func theESFOutputIndicatorsWithNotStatedUnderEachGroup() throws {
        let view = try Self.view()
        let block = try #require(view.sections.flatMap(\.figures).first { $0.anchor == "esf" })
        #expect(block.heading == "ESF+-indikatorer")
        #expect(block.tables.map(\.caption) == ["Utfallsindikatorer (deltagare vid start)", "Resultatindikatorer (vid avslut)"])
        let output = try Self.table(view, "esf-utfall")
        #expect(output.columns.map(\.text) == ["Kvinnor", "Män", "Totalt"])
        #expect(Self.lines(output) == [
            "Totalt antal deltagare | 8 | 12 | 20",
            "Arbetslösa, inklusive långtidsarbetslösa | 5 | 8 | 13",
            "Långtidsarbetslösa | 2 | 3 | 5",
            "Ekonomiskt inaktiva | 2 | 2 | 4",
            "Anställda, inklusive egenföretagare | 1 | 1 | 2",
            "Uppgift saknas om arbetsmarknadsstatus | 0 | 1 | 1",
            "Antal barn under 18 år | 0 | 0 | 0",
            "Unga mellan 18 och 29 år | 3 | 4 | 7",
            "Antal deltagare som är 55 år eller äldre | 1 | 2 | 3",
            "Uppgift saknas om ålder (inget födelseår) | 1 | 0 | 1",
            "Med högst grundskoleutbildning (Isced 0–2) | 3 | 4 | 7",
            "Med gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4) | 2 | 6 | 8",
            "Med högskoleutbildning (Isced 5–8) | 3 | 1 | 4",
            "Uppgift saknas om utbildningsnivå | 0 | 1 | 1",
            // Sensitive: under 5 hidden even with --suppress-below off (SPEC §4.8).
            "Deltagare med funktionsnedsättning | <5 | <5 | 5",
            "Tredjelandsmedborgare | 1 | 2 | 3",
            "Deltagare med utländsk bakgrund | 4 | 5 | 9",
            "Minoriteter (inklusive marginaliserade grupper såsom romer) | 0 | <5 | <5",
            "Uppgift saknas om minoritet | <5 | <5 | <5",
            "Hemlösa eller personer som drabbats av utestängning från bostadsmarknaden | 0 | 0 | 0",
            "Deltagare från landsbygdsområden | 3 | 3 | 6",
        ])
        // The "not stated" rows detail their group: indented, as a goal's gender targets are.
        #expect(output.rows.filter(\.isPart).count == 4)
        let result = try Self.table(view, "esf-resultat")
        #expect(Self.lines(result) == [
            "Deltagare som söker arbete när de lämnar insatsen | 1 | 1 | 2",
            "Deltagare i utbildning när de lämnar insatsen | 0 | 1 | 1",
            "Deltagare som erhåller en kvalifikation när de lämnar insatsen | 2 | 2 | 4",
            "Uppgift saknas om kvalifikation | 1 | 0 | 1",
            "Deltagare som har ett arbete, inklusive egenföretagare, när de lämnar insatsen | 1 | 2 | 3",
        ])
    }

    @Test func theESFIndicatorsInEnglishHaveTheRegulationsWording() throws {
        let view = try Self.view(lang: .en)
        #expect(Self.lines(try Self.table(view, "esf-utfall")).map { $0.components(separatedBy: " | ")[0] } == [
            "Total number of participants", "Unemployed, including long-term unemployed", "Long-term unemployed", "Inactive",
            "Employed, including self-employed", "Labour status not stated", "Number of children below 18 years of age",
            "Young people between 18 and 29 years of age", "Number of participants of 55 years of age and above", "Age (no birth year) not stated",
            "With lower secondary education or less (ISCED 0-2)", "With upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
            "With tertiary education (ISCED 5 to 8)", "Education not stated", "Participants with disabilities", "Third-country nationals",
            "Participants with a foreign background", "Minorities (including marginalised communities, such as Roma people)", "Minority not stated",
            "Homeless or affected by housing exclusion", "Participants from rural areas",
        ])
        #expect(Self.lines(try Self.table(view, "esf-resultat")).map { $0.components(separatedBy: " | ")[0] } == [
            "Participants engaged in job searching upon leaving", "Participants in education or training upon leaving",
            "Participants gaining a qualification upon leaving", "Qualification not stated",
            "Participants in employment, including self-employment, upon leaving",
        ])
    }

    /// The tables come after the activities (none here) and before the subprojects and goals.
    @Test func theBlocksFollowTheExitReasons() throws {
        let anchors = try Self.view().sections.flatMap(\.figures).map(\.anchor)
        #expect(anchors == ["deltagare", "over-tid", "avslutsorsaker", "fordelningar", "esf", "mal"])
    }

    /// slutrapport.xml of a view, checked against the XSD, written to scratch for XPath.
    static func xml(_ view: ReportView) throws -> XPath {
        let templates = try #require(TemplateSet.load(folder: templatesFolder).0)
        let text = templates.render(view, template: "report.xml")
        #expect(try XMLSchemaValidator(schemaPath: templates.schemaPath).validate(text).map(\.message) == [])
        let path = scratch("breakdowns") + ".xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try XPath(path: path)
    }

    @Test func theXMLHasTheUsersBreakdownsAndTheIndicators() throws {
        let doc = try Self.xml(try Self.view())
        let breakdowns = "/s:slutrapport/s:breakdowns/s:breakdown"
        #expect(try doc.strings("\(breakdowns)/@id") == ["utbildning", "stod", "halsa"])
        #expect(try doc.strings("\(breakdowns)/@sensitive") == ["false", "false", "true"])
        let education = "\(breakdowns)[@id='utbildning']"
        #expect(try doc.strings("\(education)/s:value/@code") == ["grund", "gymn", "hogre"])
        #expect(try doc.strings("\(education)/s:value/@label") == ["Förgymnasial", "Gymnasial", "Eftergymnasial"])
        #expect(try doc.strings("\(education)/s:value/@women") == ["3", "2", "3"])
        #expect(try doc.strings("\(education)/s:value/@men") == ["4", "6", "1"])
        #expect(try doc.strings("\(education)/s:value/@other") == ["0", "0", "0"])
        #expect(try doc.strings("\(education)/s:value/@total") == ["7", "8", "4"])
        // Of the total of counted participants, one decimal.
        #expect(try doc.strings("\(education)/s:value/@share") == ["35.0", "40.0", "20.0"])
        #expect(try doc.strings("\(education)/s:notStated/@total | \(education)/s:notStated/@share") == ["1", "5.0"])
        // A value without a label has none in the XML.
        #expect(try doc.strings("\(breakdowns)[@id='stod']/s:value[not(@label)]/@code") == ["ekonomi"])
        // No "not stated" where it is zero.
        #expect(try doc.evaluate("count(\(breakdowns)[@id='halsa']/s:notStated)") == .number(0))

        let esf = "/s:slutrapport/s:esfPlus"
        #expect(try doc.strings("\(esf)/s:indicator/@id") == ESFIndicator.allCases.map(\.rawValue))
        #expect(try doc.strings("\(esf)/s:indicator[@kind='result']/@id") == ["job_searching", "education_training", "qualification", "employment"])
        #expect(try doc.strings("\(esf)/s:indicator[@id='unemployed']/@total | \(esf)/s:indicator[@id='unemployed']/@women | \(esf)/s:indicator[@id='unemployed']/@men")
                == ["13", "5", "8"])
        #expect(try doc.strings("\(esf)/s:indicator[@id='isced_3_4']/@label") == ["Med gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4)"])
        // The minorities' total (1) is sensitive and small: left out.
        #expect(try doc.strings("\(esf)/s:indicator/@total") == ["20", "13", "5", "4", "2", "0", "7", "3", "7", "8", "4", "5", "3", "9", "0", "6",
                                                                  "2", "1", "4", "3"])
        #expect(try doc.strings("\(esf)/s:indicator[@id='minority']/@suppressedPrimary") == ["total men"])
        // One per group with a non-zero count, in the figures' order.
        #expect(try doc.strings("\(esf)/s:notStated/@group") == ["labour_status", "age", "education", "minority", "qualification"])
        #expect(try doc.strings("\(esf)/s:notStated/@total") == ["1", "1", "1", "1"])
        #expect(try doc.strings("\(esf)/s:notStated[@group='minority']/@suppressedPrimary") == ["total women men"])
    }

    /// Sensitive data (SPEC §4.8): a count of 1–4 shows as "<5" whatever
    /// --suppress-below is (off, or 3), in its breakdown's table, the ESF+
    /// table, a goal on it and the XML; the share of a hidden count is hidden.
    @Test(arguments: [nil, 3] as [Int?])
    func aSensitiveCountUnderFiveNeverShows(suppressBelow: Int?) throws {
        let view = try Self.view(suppressBelow: suppressBelow)
        let pc = "\u{00A0}%"
        // In poor health: women 1, men 3, total 4, all small; those in good health are worked out from the participants: hidden too.
        #expect(Self.lines(try Self.table(view, "fordelning-halsa")) == ["Ohälsa | <5 |  | <5 |  | <5 | ", "Ingen ohälsa | .. |  | .. |  | .. | "])
        let output = Self.lines(try Self.table(view, "esf-utfall"))
        #expect(output.filter { $0.hasPrefix("Deltagare med funktionsnedsättning") || $0.hasPrefix("Minoriteter") || $0.hasPrefix("Uppgift saknas om minoritet") }
                == ["Deltagare med funktionsnedsättning | <5 | <5 | 5", "Minoriteter (inklusive marginaliserade grupper såsom romer) | 0 | <5 | <5",
                    "Uppgift saknas om minoritet | <5 | <5 | <5"])
        // The rest keep to --suppress-below: 2 long-term unemployed women are small under 3, and the 3 men beside them hidden to protect them.
        #expect(output.contains(suppressBelow == 3 ? "Långtidsarbetslösa | <3 | .. | 5" : "Långtidsarbetslösa | 2 | 3 | 5"))
        // A goal on the sensitive breakdown: its outcome is the small count's share, not shown as the count is not,
        // and neither is met / not met. Under 3, the 4 with higher education are hidden to protect the 1 not stated:
        // that goal's outcome too.
        let goals = Self.lines(try Self.table(view, "mal"))
        #expect(goals.map { $0.components(separatedBy: " | ")[3] } == ["visas inte (för få personer)", suppressBelow == 3 ? "visas inte (för få personer)" : "20\(pc)"])
        #expect(goals.map { $0.components(separatedBy: " | ")[4] }.first == "–")
        let notes = try #require(view.sections.first { $0.id == StandardSection.results.rawValue }).notes
        #expect(notes.dropLast().last == "Känsliga uppgifter (som funktionsnedsättning eller tillhörighet till en minoritet) redovisas alltid med gränsen 5: "
                + "antal under 5 visas som <5, och .. står för ett antal som döljs för att skydda dem.")
        #expect(notes.last?.hasSuffix("antal döljs för att skydda de små.") == true)
        #expect(notes.contains { $0.hasPrefix("Antal under 3 visas som <3") } == (suppressBelow == 3))

        let doc = try Self.xml(view)
        let halsa = "/s:slutrapport/s:breakdowns/s:breakdown[@id='halsa']/s:value"
        #expect(try doc.strings("\(halsa)/@women | \(halsa)/@men | \(halsa)/@total | \(halsa)/@share") == [])
        #expect(try doc.strings("\(halsa)/@suppressedPrimary") == ["total women men"])
        #expect(try doc.strings("\(halsa)/@suppressedSecondary") == ["total women men"])
        #expect(try doc.strings("\(halsa)/@suppressed") == ["total women men share", "total women men share"])
        let goal = "/s:slutrapport/s:goals/s:goal[@id='ohalsa']"
        #expect(try doc.strings("\(goal)/@outcome | \(goal)/@suppressed | \(goal)/@unit | \(goal)/@metric") == ["breakdown_share", "percent", "outcome"])
        #expect(try doc.strings("/s:slutrapport/s:goals/s:goal[@id='hogre']/@outcome") == (suppressBelow == 3 ? [] : ["20.0"]))
    }
}
