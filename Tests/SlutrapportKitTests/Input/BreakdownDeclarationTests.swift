import Foundation
import Testing
@testable import SlutrapportKit

/// `breakdowns:`, `esf_plus:`, `esf_result` and `breakdown_share` in project.yaml (SPEC §3.6).
@Suite struct BreakdownDeclarationTests {
    static func diagnostics(_ yaml: String) throws -> [String] {
        let (_, log) = try Fixture(["project.yaml": yaml]).load()
        return log.all.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }
    }

    @Test func readsTheUsersBreakdownsThenTheESFOnes() throws {
        let (p, log) = try Fixture(["project.yaml": """
            id: test
            name: Test
            period: {start: 2021-01-01, end: 2022-12-31}
            esf_plus: true
            breakdowns:
              - {id: stod, title: Stöd, column: Stödbehov, multiple: true, sensitive: ja, values: [{code: a, label: Alfa}, {code: b}]}
            exit_reasons:
              - {code: arbete, label: Arbete}
              - {code: soker, esf_result: job_searching}
              - {code: studier, esf_result: employment}
              - {code: annat}
            goals:
              - {id: g, metric: breakdown_share, breakdown: labour_status, values: [unemployed, long_term_unemployed], target: 40%}
            """]).load()
        #expect(log.all.isEmpty)
        let project = try #require(p)
        #expect(project.esfPlus)
        #expect(project.breakdowns.map(\.id) == ["stod"] + ESFBreakdown.allCases.map(\.rawValue))
        #expect(project.breakdowns[0].columns == ["stödbehov"])
        #expect(project.breakdowns[0].multiple && project.breakdowns[0].sensitive)
        #expect(project.breakdowns.filter(\.sensitive).map(\.id) == ["stod", "disability", "minority"])
        #expect(project.breakdowns[2].columns == ["education", "utbildningsniva", "utbildningsnivå"])
        #expect(project.exitReasons.map(\.esfResult) == [.employment, .jobSearching, .employment, nil])
        #expect(project.goals[0].breakdown == 1)
        #expect(project.goals[0].breakdownValues == [0, 1])
    }

    @Test func saysWhatIsWrongWhereItIs() throws {
        #expect(try Self.diagnostics("""
            id: test
            name: Test
            period: {start: 2021-01-01, end: 2022-12-31}
            esf_plus: ja
            breakdowns:
              - {id: disability, values: [{code: x}]}
              - {id: kon, column: Kön, values: [{code: x}]}
              - {id: a, values: [{code: x, label: Ett}, {code: ett}]}
              - {id: b, column: A, values: []}
              - {id: c, values: [{code: x}], multiple: kanske}
            exit_reasons:
              - {code: arbete, esf_result: work}
            goals:
              - {id: g1, metric: breakdown_share, breakdown: d, values: [x], target: 10%}
              - {id: g2, metric: breakdown_share, breakdown: a, values: [y], target: 10%}
              - {id: g3, metric: breakdown_share, target: 10%}
            """) == [
                "12:32 invalid-value unknown esf_result 'work'; use one of job_searching, education, employment",
                "6:10 duplicate-id breakdown id 'disability' is one of the ESF+ breakdowns 'esf_plus: true' declares; choose another id",
                "7:23 duplicate-id breakdown 'kon' reads column 'Kön', which is one of the participants file's own columns",
                "8:52 duplicate-id breakdown 'a': 'ett' names both value 'x' and value 'ett'",
                "9:21 duplicate-id breakdown 'b' reads column 'A', which breakdown 'a' reads too",
                "9:32 invalid-value breakdown 'b' must list at least one value",
                "10:44 yaml-type 'multiple' must be true or false, not 'kanske'",
                "14:50 unknown-reference goal 'g1' names the unknown breakdown 'd'",
                "15:62 unknown-reference goal 'g2' names the unknown value 'y' of breakdown 'a'; its values are x, ett",
                "16:5 yaml-missing-key goal 'g3' with metric 'breakdown_share' needs 'breakdown' and 'values'",
            ])
    }
}
