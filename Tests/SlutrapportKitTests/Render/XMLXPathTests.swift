import Foundation
import Testing
@testable import SlutrapportKit

/// What an evaluator's script reads from slutrapport.xml (SPEC §5, issue
/// 16): the project's case, exit labels with their positive flag, goal
/// units, and why a count is hidden, queried with libxml2's XPath and the
/// namespace prefix, as lxml does; and every recipe of docs/xml.md gives
/// the value the page says it gives.
@Suite struct XMLXPathTests {
    static let programmeBuild: String = {
        let (out, outcome) = buildReports([repositoryRoot + "/data/bidrag-till-forsorjning"]) { $0.formats = [.xml] }
        precondition(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/bidrag-till-forsorjning"
    }()

    func xml(_ folder: String) throws -> XPath { try XPath(path: folder + "/slutrapport.xml") }

    /// The XML of BreakdownTablesTests' figures (breakdowns and ESF+ indicators, set by hand), in a folder of its own.
    static let breakdownsXML: String = {
        let folder = scratch("breakdowns-xml")
        let templates = TemplateSet.load(folder: templatesFolder).0
        let text = (try? BreakdownTablesTests.view()).flatMap { view in templates?.render(view, template: "report.xml") } ?? ""
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/slutrapport.xml"))
        return folder
    }()

    @Test func theProjectSaysWhichCaseItIs() throws {
        let doc = try xml(Vak2Build.swedish.outputFolder)
        let project = "/s:slutrapport/s:project"
        #expect(try doc.strings("\(project)/@caseNumber") == ["2020/00123"])
        #expect(try doc.strings("\(project)/@owner") == ["Karlstads kommun"])
        #expect(try doc.strings("\(project)/@region") == ["Värmland"])
        #expect(try doc.strings("\(project)/@programmeArea") == ["Programområde 2 Ökat arbetskraftsutbud"])
        #expect(try doc.strings("\(project)/@phase") == ["Genomförande"])
        #expect(try doc.strings("/s:slutrapport/@schemaVersion") == ["1"])
        // Not given in project.yaml: not written.
        let programme = try xml(Self.programmeBuild)
        #expect(try programme.strings("\(project)/@caseNumber | \(project)/@programmeArea | \(project)/@phase") == [])
        #expect(try programme.strings("\(project)/@owner") == ["Stockholms stad, Socialtjänstnämnden och Integrationsnämnden"])
    }

    @Test(arguments: [(Vak2Build.swedish, ["Arbete", "Studier", "Avbrutit", "Annan orsak", "Fullföljt projektet"]),
                      (Vak2Build.english, ["Employment", "Studies", "Dropped out", "Other reason", "Completed the project"])])
    func everyExitCarriesItsLabelAndWhetherItIsPositive(_ build: Vak2Build, labels: [String]) throws {
        let doc = try xml(build.outputFolder)
        let exits = "/s:slutrapport/s:exits/s:exit"
        #expect(try doc.strings("\(exits)/@reason") == ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"])
        #expect(try doc.strings("\(exits)/@label") == labels)
        #expect(try doc.strings("\(exits)/@positive") == ["true", "true", "false", "false", "false"])
        // Under the areas and subprojects alike: 5 reasons × (1 + 2 + 6).
        #expect(try doc.evaluate("count(//s:exit[@label and @positive])") == .number(45))
        #expect(try doc.evaluate("sum(\(exits)[@positive='true']/@total)") == .number(138))
    }

    @Test func everyGoalSaysWhetherItCountsOrIsAPercentage() throws {
        let doc = try xml(Vak2Build.swedish.outputFolder)
        let goals = "/s:slutrapport/s:goals/s:goal"
        #expect(try doc.strings("\(goals)/@id") == ["deltagare", "arbete-studier", "coaching", "halsa", "kasam"])
        #expect(try doc.strings("\(goals)/@unit") == ["count", "percent", "percent", "percent", "percent"])
        #expect(try doc.strings("\(goals)/@target") == ["255", "50", "85", "90", "90"])
        #expect(try doc.strings("\(goals)/@outcome") == ["282", "57.0", "85.5", "70.0", "90.0"])
    }

    /// Worked by hand in ExamplesTests.vak2WithDisclosureControl: women who
    /// dropped out (3) are small; men who dropped out (6), and women and men
    /// who completed (9, 20), are hidden to protect them.
    @Test func aHiddenCountSaysWhetherItIsSmallOrProtectsOne() throws {
        let doc = try xml(Vak2Build.suppressed.outputFolder)
        let exits = "/s:slutrapport/s:exits/s:exit"
        #expect(try doc.strings("\(exits)[@suppressed]/@reason") == ["studier", "avbrutit", "fullfoljt"])
        #expect(try doc.strings("\(exits)/@suppressed") == ["women men", "total women men share", "total women men share"])
        #expect(try doc.strings("\(exits)/@suppressedPrimary") == ["women"])
        #expect(try doc.strings("\(exits)[@suppressedPrimary]/@reason") == ["avbrutit"])
        #expect(try doc.strings("\(exits)/@suppressedSecondary") == ["women men", "total men", "total women men"])
        let kil = "/s:slutrapport/s:subprojects/s:subproject[@id='kil']"
        #expect(try doc.strings("\(kil)/s:participants/@suppressed") == ["total women men active"])
        #expect(try doc.strings("\(kil)/s:participants/@suppressedPrimary") == ["active"])
        #expect(try doc.strings("\(kil)/s:participants/@suppressedSecondary") == ["total women men"])
        #expect(try doc.strings("\(kil)/s:exits/@suppressedSecondary") == [])
        // A share hidden with its counts is in `suppressed` only.
        #expect(try doc.strings("\(kil)/s:exits/s:exit[@reason='avbrutit']/@suppressed") == ["total men share"])
        #expect(try doc.strings("\(kil)/s:exits/s:exit[@reason='avbrutit']/@suppressedPrimary") == ["total men"])
        #expect(try doc.strings("\(kil)/s:exits/s:exit[@reason='avbrutit']/@suppressedSecondary") == [])
        // Every element: its hidden counts are small or protecting, never both, and with its hidden shares make up `suppressed`.
        // A month's started by gender are hidden by a rule of their own (docs/disclosure.md), neither small nor protecting.
        let count = try doc.evaluate("count(//*[@suppressed][not(self::s:month)])")
        #expect(count == .number(41))
        guard case .number(let n) = count else { return }
        for i in 1...Int(n) {
            func names(_ attribute: String) throws -> Set<String> {
                Set(try doc.strings("(//*[@suppressed][not(self::s:month)])[\(i)]/@\(attribute)").flatMap { $0.split(separator: " ").map(String.init) })
            }
            let primary = try names("suppressedPrimary"), secondary = try names("suppressedSecondary"), all = try names("suppressed")
            #expect(primary.isDisjoint(with: secondary))
            #expect(primary.union(secondary) == all.subtracting(["share", "medianDays", "womenMedianDays", "menMedianDays", "otherMedianDays", "outcome"]))
        }
    }

    /// vak2 month by month, as an independent script over participants.csv
    /// counts it (SPEC §4.10, as of 2022-09-30): from the period's start in
    /// 2020-09 (the first start is 2020-09-03) to the as-of month.
    @Test func theTimelineGivesEveryMonthToTheAsOfDate() throws {
        let doc = try xml(Vak2Build.swedish.outputFolder)
        let months = "/s:slutrapport/s:timeline/s:month"
        #expect(try doc.evaluate("count(\(months))") == .number(25))
        #expect(try doc.strings("\(months)[1]/@month | \(months)[last()]/@month") == ["2020-09", "2022-09"])
        #expect(try doc.strings("\(months)/@started").prefix(4) == ["15", "11", "14", "21"])
        #expect(try doc.strings("\(months)[1]/@startedWomen | \(months)[1]/@startedMen | \(months)[1]/@startedOther") == ["2", "13", "0"])
        #expect(try doc.strings("\(months)/@ended").prefix(4) == ["0", "0", "3", "2"])
        #expect(try doc.strings("\(months)/@active").suffix(4) == ["97", "91", "71", "40"])
        #expect(try doc.strings("\(months)/@cumulative").suffix(4) == ["260", "276", "282", "282"])
        // The last month is the as-of date: its counts are the project's.
        #expect(try doc.evaluate("sum(\(months)/@started)") == .number(282))
        #expect(try doc.evaluate("sum(\(months)/@startedWomen)") == .number(114))
        #expect(try doc.evaluate("sum(\(months)/@ended)") == .number(242))
        #expect(try doc.strings("\(months)[@month='2021-07']/@*") == ["2021-07", "5", "3", "2", "0", "7", "99", "134"])
    }

    /// Under disclosure control no month says who started by gender; its totals stay.
    @Test func aSuppressedTimelineHasNoMonthByGender() throws {
        let doc = try xml(Vak2Build.suppressed.outputFolder)
        let months = "/s:slutrapport/s:timeline/s:month"
        #expect(try doc.evaluate("count(\(months)[@startedWomen or @startedMen or @startedOther])") == .number(0))
        #expect(try doc.evaluate("count(\(months)[@suppressed='startedWomen startedMen startedOther'])") == .number(25))
        #expect(try doc.evaluate("sum(\(months)/@started)") == .number(282))
    }

    @Test func aSubprojectThatDidNotReportHasNoCounts() throws {
        let doc = try xml(Self.programmeBuild)
        let subprojects = "/s:slutrapport/s:subprojects"
        #expect(try doc.strings("\(subprojects)/@notReported") == ["22"])
        #expect(try doc.strings("\(subprojects)/s:subproject[@reported='false']/@id").prefix(3) == ["myndighetssamverkan", "fas", "asi"])
        #expect(try doc.evaluate("count(\(subprojects)/s:subproject[@reported='false']/*)") == .number(0))
        #expect(try doc.evaluate("sum(\(subprojects)/s:subproject/s:participants/@total)") == .number(864))
        #expect(try doc.strings("/s:slutrapport/s:participants/@total") == ["864"])
    }

    // MARK: docs/xml.md

    struct Recipe: CustomTestStringConvertible {
        var heading: String
        var expression: String
        var expected: [String]
        var testDescription: String { expression }
    }

    /// Each ```xpath block of docs/xml.md with the backticked values of the `→` line after it.
    static let recipes: [Recipe] = {
        let text = (try? String(contentsOfFile: repositoryRoot + "/docs/xml.md", encoding: .utf8)) ?? ""
        var recipes: [Recipe] = []
        var heading = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("## ") { heading = String(line.dropFirst(3)) }
            guard line == "```xpath", let expression = lines.popFirst() else { continue }
            _ = lines.popFirst()  // the closing fence
            let result = lines.popFirst().map(String.init) ?? ""
            let values = result.hasPrefix("→ ") ? result.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) } : []
            recipes.append(Recipe(heading: heading, expression: String(expression), expected: values))
        }
        return recipes
    }()

    @Test func theDocumentHasItsRecipes() {
        #expect(Self.recipes.count == 31)
        #expect(Self.recipes.allSatisfy { !$0.expected.isEmpty })
    }

    @Test(arguments: recipes)
    func everyRecipeGivesWhatTheDocumentSays(_ recipe: Recipe) throws {
        let folder = switch recipe.heading {
        case "Subprojects that did not report": Self.programmeBuild
        case let h where h.hasPrefix("Breakdowns") || h.hasPrefix("ESF+"): Self.breakdownsXML
        case let h where h.hasPrefix("Hidden counts"): Vak2Build.suppressed.outputFolder
        default: Vak2Build.swedish.outputFolder
        }
        let shown: [String] = switch try xml(folder).evaluate(recipe.expression) {
        case .nodes(let values): values
        case .string(let s): [s]
        case .boolean(let b): [String(b)]
        case .number(let n): [n == n.rounded() ? String(Int(n)) : String(n)]
        }
        #expect(shown == recipe.expected)
    }
}
