import Foundation
import Testing
@testable import SlutrapportKit
import Yams

@Suite struct ProjectLoaderTests {
    @Test func readsEveryPartOfAProject() throws {
        let f = try Fixture(["project.yaml": """
            id: vak2
            name: Värmlands Arbetskraft 2.0
            case_number: 2020/00123
            period: {start: 2020-09-01, end: 2023-05-31}
            funding: {esf_grant: 13 857 478, total_budget: 34407757, co_financiers: [Karlstads kommun]}
            report: {as_of: 2022-09-30, lang: en}
            subprojects:
              - {id: karlstad, name: Delprojekt Karlstad, group: Kommun, granted: 1200000}
            activities: [{code: coaching, label: Coaching}]
            goals:
              - {id: deltagare, metric: participants, target: 255, by_gender: {kvinna: 115, man: 140}}
              - {id: as, metric: exit_share, reasons: [arbete, Studier], target: 57.5%}
              - {id: c, metric: activity_share, activity: coaching, target: 90 %, subproject: karlstad}
              - {id: h, metric: reported, target: 90%, reported: 70%}
            sections:
              results: Resultat.
              summary: sections/s.md
              egen: {title: Egen, text: Text.}
              purpose: ""
            """, "sections/s.md": "Sammanfattning.\n"])
        let (p, log) = f.load()
        #expect(log.all.isEmpty)
        let project = try #require(p)
        #expect(project.id == "vak2")
        #expect(project.funding?.esfGrant == 13_857_478)
        #expect(project.report.asOf?.description == "2022-09-30")
        #expect(project.report.lang == .en)
        #expect(project.exitReasons.map(\.label) == ["Employment", "Studies", "Dropped out", "Other reason", "Completed the project"])
        #expect(project.subprojects.first?.granted == 1_200_000)
        #expect(project.goals.map(\.target.tenths) == [2550, 575, 900, 900])
        #expect(project.goals[0].byGender.map { "\($0.0.key)=\($0.1)" } == ["women=115", "men=140"])
        #expect(project.goals[1].reasons == [0, 1])
        #expect(project.goals[2].subproject == 0)
        #expect(project.goals[3].reported == Decimal1(70))
        // standard sections in their order, own ones after, empty ones dropped
        #expect(project.sections.map(\.id) == ["summary", "results", "egen"])
        #expect(project.sections[0].markdown == "Sammanfattning.\n")
    }

    @Test func everyProblemWithItsPosition() throws {
        let f = try Fixture(["project.yaml": """
            id: test
            nmae: Test
            period: {start: 2021-01-01, end: 2020-12-31}
            funding: {esf_grant: tjugo miljoner}
            subprojects:
              - {id: a, name: A}
              - {id: a, name: A igen}
            goals:
              - {id: g, metric: exit_share, reasons: [arbete, semester], target: 50%}
              - {id: h, metric: participants, target: 10, subproject: b}
              - {id: i, metric: share, target: 1}
            sections:
              summary: ../utanfor.md
              method: saknas.md
            """])
        let (project, log) = f.load()
        #expect(project == nil)
        #expect(positions(log, relativeTo: f.folder) == [
            "project.yaml:2:1 warning yaml-unknown-key",
            "project.yaml:1:1 error yaml-missing-key",
            "project.yaml:3:34 error period-order",
            "project.yaml:4:22 error yaml-type",
            "project.yaml:7:10 error duplicate-id",
            "project.yaml:9:51 error unknown-reference",
            "project.yaml:10:59 error unknown-reference",
            "project.yaml:11:21 error invalid-value",
            "project.yaml:13:12 error section-outside-project",
            "project.yaml:14:11 error section-file-missing",
        ])
        #expect(log.all[0].message == "unknown key 'nmae' in project.yaml; did you mean 'name'?")
        #expect(log.all[3].message == "funding.esf_grant must be a whole number, not 'tjugo miljoner'")
        #expect(log.all[4].message == "duplicate subproject id 'a' (first at line 6)")
    }

    @Test func syntaxErrorCarriesLibyamlPosition() throws {
        let f = try Fixture(["project.yaml": "name: Test\nperiod: {start: 2021-01-01\nid: x\n"])
        let (_, log) = f.load()
        #expect(positions(log, relativeTo: f.folder) == ["project.yaml:3:3 error yaml-syntax"])
    }

    @Test func duplicateKeyIsNamed() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "name: Igen\n"])
        let (_, log) = f.load()
        #expect(positions(log, relativeTo: f.folder) == ["project.yaml:2:1 error yaml-duplicate-key"])
        #expect(log.all.first?.message == "duplicate key 'name' in a mapping")
    }

    @Test func folderNameIsTheDefaultID() throws {
        let f = try Fixture(["project.yaml": "name: T\nperiod: {start: 2021-01-01, end: 2021-12-31}\n"], name: "mitt-projekt")
        #expect(f.load().0?.id == "mitt-projekt")
    }

    @Test func symlinkOutOfTheFolderIsRefused() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "sections:\n  summary: sections/link.md\n"])
        try Data("hemligt".utf8).write(to: URL(fileURLWithPath: f.parent + "/secret.md"))
        try FileManager.default.createDirectory(atPath: f.folder + "/sections", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: f.folder + "/sections/link.md", withDestinationPath: f.parent + "/secret.md")
        let (_, log) = f.load()
        #expect(positions(log, relativeTo: f.folder) == ["project.yaml:5:12 error section-outside-project"])
    }

    /// Tests/Fixtures/broken/yaml-number-too-large: every amount, count and
    /// sum of amounts has an upper bound, reported where it is passed.
    @Test func numbersHaveUpperBoundsAndSumsAreChecked() throws {
        #expect(Self.loadBroken("yaml-number-too-large") == [
            "4:26 invalid-value report.suppress_below must be at most 100,000,000",
            "5:22 invalid-value funding.esf_grant must be at most 1,000,000,000,000 kr",
            "8:35 invalid-value the subprojects' granted amounts add up to more than 1,000,000,000,000 kr",
            "9:37 invalid-value subproject.granted must be at most 1,000,000,000,000 kr",
            "10:17 invalid-value an age band limit must be at most 150",
            "12:51 invalid-value target of goal 'deltagare' must be at most 100,000,000",
            "13:76 invalid-value the 'kvinna' target must be at most 100,000,000",
            "17:33 invalid-value budget line amount must be at most 1,000,000,000 tkr",
            "19:30 invalid-value the budget lines add up to more than 1,000,000,000 tkr",
        ])
    }

    /// The case: 10,000 budget lines and 10,000 subprojects of
    /// 999,999,999,999,999 kr trapped on overflow (SIGILL) when summed.
    @Test func tenThousandHugeAmountsAreErrorsNotATrap() throws {
        let lines = String(repeating: "    - {label: L, amount: 999999999999999}\n", count: 10_000)
        let subprojects = (0..<10_000).map { "  - {id: s\($0), granted: 999999999999999}\n" }.joined()
        let f = try Fixture(["project.yaml": minimalYAML + "budget:\n  lines:\n" + lines + "subprojects:\n" + subprojects,
                             "participants.csv": "id,subproject,gender,start_date\n1,s1,kvinna,2021-01-01\n"])
        let (_, outcome) = buildReports([f.folder])
        #expect(outcome.hasErrors)
        #expect(outcome.diagnostics.count + outcome.dropped.errors == 20_000)
        #expect(outcome.diagnostics.prefix(2).map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == [
            "10007:23 invalid-value", "10008:23 invalid-value",
        ])
    }

    /// Tests/Fixtures/broken/yaml-control-character: NUL and other control
    /// characters (made by escapes in double quotes) are errors at their
    /// value, keys included; tab, line feed and carriage return are text.
    @Test func controlCharactersAreErrorsWhereTheyStand() throws {
        #expect(Self.loadBroken("yaml-control-character") == [
            "2:7 yaml-control-character 'name' holds the control character U+0000; remove it",
            "4:8 yaml-control-character 'owner' holds the control character U+001B; remove it",
            "5:52 yaml-control-character an item of 'partners' holds the control character U+0007; remove it",
            "7:22 yaml-control-character 'name' holds the control character U+007F; remove it",
            "7:41 yaml-control-character 'group' holds the control character U+0085; remove it",
            "9:3 yaml-control-character a key holds the control character U+0001; remove it",
            "9:35 yaml-control-character 'text' holds the character U+FFFE, which is no text; remove it",
        ])
    }

    /// Tests/Fixtures/broken/yaml-alias: an alias is an error at the alias
    /// itself, and is never expanded; `&` in text is text.
    @Test func aliasesAreRefusedAtTheirPlace() throws {
        #expect(Self.loadBroken("yaml-alias") == [
            "5:25 yaml-alias project.yaml uses the alias '*namn'; slutrapport takes no YAML aliases: write the value out",
            "6:17 yaml-alias project.yaml uses the alias '*namn'; slutrapport takes no YAML aliases: write the value out",
        ])
        let f = try Fixture(["project.yaml": minimalYAML + "partners: [Q&A, \"A &b\", &c Ett &d, '&e']\n"])
        let (loaded, loadLog) = f.load()
        #expect(loadLog.all.isEmpty)
        #expect(loaded?.partners == ["Q&A", "A &b", "Ett &d", "&e"])
    }

    /// The cases: 1,500 aliases of a 1 MB text wrote 432 MB and
    /// more (and aborted), an alias chain 100,000 deep overflowed the stack
    /// freeing the tree, an alias used as a key hashed 10^7 leaves.
    @Test func aliasBombsAreRefusedBeforeAnythingIsBuilt() throws {
        let big = String(repeating: "Lorem ipsum dolor sit amet. ", count: 37_000)
        let sections = "sections:\n  summary: &big \"\(big)\"\n" + (0..<1_500).map { "  s\($0): {title: T, text: *big}\n" }.joined()
        let chain = "x:\n  - &a0 [x]\n" + (1..<100_000).map { "  - &a\($0) [*a\($0 - 1)]\n" }.joined()
        let laughs = "y:\n  l0: &l0 [x,x,x,x,x,x,x,x,x,x]\n"
            + (1...7).map { "  l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 10).joined(separator: ",") + "]\n" }.joined()
            + "  ? *l7\n  : z\n"
        for (yaml, first) in [(sections, "6:24"), (chain, "6:10"), (laughs, "6:12")] {
            let f = try Fixture(["project.yaml": minimalYAML + yaml])
            let (project, log) = f.load()
            #expect(project == nil)
            #expect(log.all.first.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == "\(first) yaml-alias")
            #expect(log.all.count == 10 && log.all.allSatisfy { $0.code == .yamlAlias })
        }
    }

    /// Composing through the alias probe gives exactly Yams' tree for every
    /// project.yaml without aliases, `&` in quoted text and all.
    @Test func theAliasProbeChangesNoTree() throws {
        let root = repositoryRoot
        let files = try FileManager.default.subpathsOfDirectory(atPath: root + "/Tests/Fixtures").map { root + "/Tests/Fixtures/" + $0 }
            + FileManager.default.subpathsOfDirectory(atPath: root + "/data").map { root + "/data/" + $0 }
        let texts = try files.filter { $0.hasSuffix("/project.yaml") && !$0.contains("yaml-alias") }.map { try String(contentsOfFile: $0, encoding: .utf8) }
            + [minimalYAML + "partners: [Q&A, \"A &b\", &c Ett &d, '&e', \"x\\n&f\"]\nowner: |\n  &g rad\n  - &h\n"]
        #expect(texts.count >= 40)
        for text in texts {
            #expect((try? YAMLComposer.compose(text)) == (try? Yams.compose(yaml: text)))
        }
    }

    /// `line:column code message` of each diagnostic of a project of
    /// Tests/Fixtures/broken, which must not load.
    static func loadBroken(_ name: String) -> [String] {
        let (project, log) = ProjectLoader.load(folder: repositoryRoot + "/Tests/Fixtures/broken/" + name, lang: nil)
        #expect(project == nil)
        return log.all.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }
    }
}
