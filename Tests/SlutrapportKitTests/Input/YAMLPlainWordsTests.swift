import Foundation
import Testing
@testable import SlutrapportKit

/// YAML errors in words a project leader understands, at the line to fix
/// (issue 25): libyaml's "found character that cannot start any token" for
/// a tab, an unclosed quote reported at the end of the file, a missing colon.
@Suite struct YAMLPlainWordsTests {
    func said(_ yaml: String) throws -> [String] {
        let f = try Fixture(["project.yaml": yaml])
        return f.load().1.all.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }
    }

    @Test func aTabIndentingALine() throws {
        let lines = try said(minimalYAML + "subprojects:\n\t- {id: a, name: A}\n")
        #expect(lines == [
            "5:1 yaml-syntax line 5 is indented with a tab; YAML indents with spaces only: replace the tab with spaces",
        ])
    }

    @Test func anUnclosedQuote() throws {
        let lines = try said("id: test\nname: \"Test\nperiod: {start: 2021-01-01, end: 2022-12-31}\nregion: Norr\n")
        #expect(lines == [
            "2:7 yaml-syntax the quote that opens the value here is never closed; end the text with the same quote",
        ])
    }

    @Test func aMissingColon() throws {
        let lines = try said("id: test\nname Test\nperiod: {start: 2021-01-01, end: 2022-12-31}\n")
        #expect(lines == [
            "2:1 yaml-syntax line 2 has no ':' after its key; write it as key: value",
        ])
    }
}

/// Errors of one run are all reported (issue 25): a bad goal target hid an unknown exit reason in the same goal.
@Suite struct EveryGoalErrorTests {
    @Test func aBadTargetDoesNotHideAnUnknownReason() throws {
        let f = try Fixture(["project.yaml": minimalYAML
            + "goals:\n  - {id: g, metric: exit_share, reasons: [arbete, jobb], target: femtio}\n"])
        let (project, log) = f.load()
        #expect(project == nil)
        #expect(log.all.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == ["5:66 yaml-type", "5:51 unknown-reference"])
    }
}
